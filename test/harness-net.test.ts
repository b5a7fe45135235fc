// Every /__net/ route of test/harness/net-server.mjs, in every engine: what
// each engine's fetch() does with it is part of the contract the tests rely on.
import { expect } from '@open-wc/testing';
import { crossOrigin, engine, getAbortStatus, getHits, net, uniqueKey, waitUntil } from './harness/env.js';

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe(`net server routes (${engine})`, () => {
  it('json: echoes the body, after the delay', async () => {
    const t0 = performance.now();
    const res = await fetch(net.json({ a: 1 }, 150));
    expect(performance.now() - t0).to.be.at.least(140);
    expect(await res.json()).to.deep.equal({ a: 1 });
  });

  it('status: 500, 503 and 204', async () => {
    expect((await fetch(net.status(500))).status).to.equal(500);
    expect((await fetch(net.status(503))).status).to.equal(503);
    const empty = await fetch(net.status(204));
    expect(empty.status).to.equal(204);
    expect(await empty.text()).to.equal('');
  });

  it('ctype: JSON body served as text/html', async () => {
    const res = await fetch(net.ctype);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    expect(JSON.parse(await res.text())).to.have.property('headline');
  });

  it('invalid-json: res.json() rejects with a SyntaxError', async () => {
    const err = await rejection((await fetch(net.invalidJson)).json());
    expect(err.name).to.equal('SyntaxError');
  });

  it('invalid-utf8: decodes to U+FFFD, still valid JSON', async () => {
    const data = (await (await fetch(net.invalidUtf8)).json()) as { headline: string; body: string };
    expect(data.headline).to.contain('\uFFFD');
    expect(data.body).to.contain('\uFFFD');
  });

  it('hang: never answers; abort() rejects with AbortError', async () => {
    const ctl = new AbortController();
    const p = fetch(net.hang, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 100);
    expect((await rejection(p)).name).to.equal('AbortError');
  });

  it('trickle: headers at once, body spread over ms', async () => {
    const t0 = performance.now();
    const res = await fetch(net.trickle(600, 6));
    const tHead = performance.now() - t0;
    const data = (await res.json()) as { headline: string };
    const tBody = performance.now() - t0;
    expect(data.headline).to.equal('Trickled headline');
    expect(tHead).to.be.below(450);
    expect(tBody).to.be.at.least(500);
  });

  it('big: a body larger than N MiB, with and without Content-Length', async () => {
    for (const chunked of [false, true]) {
      const res = await fetch(net.big(3, chunked));
      expect(res.headers.get('content-length') === null).to.equal(chunked);
      const text = await res.text();
      expect(text.length).to.be.above(3 * 1024 * 1024);
      expect((JSON.parse(text) as { headline: string }).headline).to.equal('Big');
    }
  });

  it('redirect-loop: fetch rejects with a TypeError', async () => {
    const err = await rejection(fetch(net.redirectLoop));
    expect(err.name).to.equal('TypeError');
    const manual = await fetch(net.redirectLoop, { redirect: 'manual' });
    expect(manual.type).to.equal('opaqueredirect');
  });

  it('fixture: serves test/fixtures/<name>.json; 404 for others', async () => {
    const res = await fetch(net.fixture('harness-sample'));
    expect(res.headers.get('content-type')).to.contain('application/json');
    expect(await res.json()).to.have.property('headline', 'Harness sample');
    expect((await fetch(net.fixture('no-such-fixture'))).status).to.equal(404);
    expect((await fetch('/__net/fixture/..%2Fharness%2Fnet-server')).status).to.equal(404);
  });

  it('count: counts arrivals, completions and aborts', async () => {
    const key = uniqueKey('count');
    const [a, b] = await Promise.all([fetch(net.countArticle(key)), fetch(net.countArticle(key))]);
    expect(await a.json()).to.deep.equal({ headline: 'Counted', body: 'Counted body.' });
    await b.text();
    expect(await getHits(key)).to.deep.equal({ hits: 2, completed: 2, aborted: 0 });

    const ctl = new AbortController();
    const p = fetch(net.countArticle(key), { signal: ctl.signal });
    await waitUntil(async () => (await getHits(key)).hits === 3);
    ctl.abort();
    await rejection(p);
    expect(await waitUntil(async () => (await getHits(key)).aborted === 1)).to.equal(true);
    expect(await getHits(key)).to.deep.equal({ hits: 3, completed: 2, aborted: 1 });
  });

  it('aborted: the server sees the client close the connection', async () => {
    const key = uniqueKey('abort');
    expect(await getAbortStatus(key)).to.deep.equal({ opened: false, closed: false });
    const ctl = new AbortController();
    const p = fetch(net.aborted(key), { signal: ctl.signal });
    expect(await waitUntil(async () => (await getAbortStatus(key)).opened)).to.equal(true);
    expect((await getAbortStatus(key)).closed).to.equal(false);
    ctl.abort();
    await rejection(p);
    expect(await waitUntil(async () => (await getAbortStatus(key)).closed)).to.equal(true);
  });

  it('cross-origin: refused without CORS header, allowed with it', async () => {
    const base = await crossOrigin();
    expect(new URL(base).origin).to.not.equal(location.origin);
    const err = await rejection(fetch(`${base}/json`));
    expect(err.name).to.equal('TypeError');
    const ok = await fetch(`${base}/json-cors`);
    expect(await ok.json()).to.have.property('headline', 'Cross origin');
  });
});
