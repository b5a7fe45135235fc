// Misbehaving networks, for `src` on <news-article> and on standalone elements: each failure ends in the
// error state with exactly one specific `news-error`, nothing escapes as an uncaught error or rejection,
// the client really stops reading, and the rest of the page keeps working. Complements the error table
// in news-article.test.ts, which checks codes and messages for <news-article> alone.
import {expect} from '@open-wc/testing';
import '../src/index.js';
import {DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT} from '../src/net/load.js';
import {crossOrigin, getAbortStatus, net, uniqueKey, waitUntil} from './harness/env.js';
import {deepText, recordEvents, watchPage} from './helpers.js';

type Tag = 'news-article' | 'photo-caption' | 'related-news';
type SrcElement = HTMLElement & {src?: string; timeout?: number; updateComplete: Promise<boolean>};

/** Per element: valid data for `src`, and a string that shows it rendered. */
const KINDS: {tag: Tag; data: unknown; shows: string}[] = [
  {tag: 'news-article', data: {headline: 'Trickled headline', body: 'It arrived slowly.'}, shows: 'Trickled headline'},
  {
    tag: 'photo-caption',
    data: {src: '/demo/images/english-photo.jpg', alt: 'A ferry', caption: 'Trickled caption', width: 3, height: 2},
    shows: 'Trickled caption',
  },
  {tag: 'related-news', data: [{headline: 'Trickled teaser', url: '/story'}], shows: 'Trickled teaser'},
];

// /__net/watch/ routes (added to net-server.mjs for this file): what the server sent and whether the
// client hung up before the end.
interface Watch {
  opened: boolean;
  hits: number;
  bytesSent: number;
  total: number;
  finished: boolean;
  closedEarly: boolean;
}
const watch = {
  trickle: (key: string, ms: number, chunks: number, body: unknown) =>
    `/__net/watch/${encodeURIComponent(key)}/trickle?ms=${ms}&chunks=${chunks}&body=${encodeURIComponent(JSON.stringify(body))}`,
  /** At most 8 MB/s (64 KiB, then 8 ms): the 2 MB cap is met in ~0.25 s, 32 MB would take > 4 s. */
  big: (key: string, mb: number, chunked: boolean) =>
    `/__net/watch/${encodeURIComponent(key)}/big?mb=${mb}&pace=8${chunked ? '&chunked=1' : ''}`,
  status: async (key: string): Promise<Watch> => (await fetch(`/__net/watch/${encodeURIComponent(key)}/status`)).json(),
  /** The server drops the connection (cleanup after a client that kept it). */
  close: async (key: string) => void (await fetch(`/__net/watch/${encodeURIComponent(key)}/close`)),
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An element of `tag` with `src` (and `timeout`), connected, its own events recorded from the start. */
function mount(tag: Tag, src: string, timeout?: number) {
  const el = document.createElement(tag) as SrcElement;
  const loads: CustomEvent[] = [];
  const errors: CustomEvent[] = [];
  el.addEventListener('news-load', (e) => loads.push(e));
  el.addEventListener('news-error', (e) => errors.push(e));
  if (timeout !== undefined) el.timeout = timeout;
  el.src = src;
  document.body.append(el);
  return {el, loads, errors};
}

/** The page around a failing element: a sibling that loads valid data, and a plain button. */
function partnerPage() {
  const sibling = document.createElement('news-article');
  sibling.src = net.json({headline: 'Sibling story', body: 'Still here.'}, 20);
  const button = document.createElement('button');
  button.textContent = 'Partner button';
  let clicks = 0;
  button.addEventListener('click', () => clicks++);
  document.body.append(sibling, button);
  return {
    async expectWorking() {
      expect(await waitUntil(() => deepText(sibling).includes('Sibling story'), 5000), 'sibling renders').to.equal(true);
      button.click();
      expect(clicks, 'click handler runs').to.equal(1);
    },
  };
}

describe('src over misbehaving networks', () => {
  let page: ReturnType<typeof watchPage>;
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    page = watchPage();
    events = recordEvents();
  });
  afterEach(() => {
    page.stop();
    events.stop();
    for (const el of document.querySelectorAll('news-article, photo-caption, related-news, button')) el.remove();
  });

  /** The element's final state is the error state, with exactly one news-error, and the page is fine. */
  async function expectOneError(m: ReturnType<typeof mount>, code: string, message: RegExp, wait = 8000) {
    expect(await waitUntil(() => m.errors.length > 0, wait), 'a news-error').to.equal(true);
    await m.el.updateComplete;
    await sleep(100); // a second event would come now
    expect(m.errors, 'exactly one news-error').to.have.length(1);
    expect(m.loads).to.have.length(0);
    const {detail} = m.errors[0]!;
    expect(detail.code).to.equal(code);
    expect(detail.message).to.match(message);
    const alert = m.el.shadowRoot!.querySelector('[part=error][role=alert]');
    expect(alert, 'error state').to.exist;
    expect(alert!.textContent!.trim()).not.to.equal('');
    expect(m.el.hasAttribute('aria-busy')).to.equal(false);
    // Only this element failed: the page-wide count agrees.
    expect(events.errors, 'news-error on document').to.have.length(1);
  }

  function expectNoUncaught() {
    expect(page.errors, 'window error events').to.deep.equal([]);
    expect(page.rejections, 'unhandledrejection events').to.deep.equal([]);
  }

  it('the default timeout is 10 s, and an element without `timeout` waits that long', async () => {
    expect(DEFAULT_TIMEOUT).to.equal(10_000);
    expect(DEFAULT_MAX_BYTES).to.equal(2 * 1024 * 1024);
    // Which timers does load() start for an element without a timeout attribute? (No 10 s wait.)
    const delays: unknown[] = [];
    const realSetTimeout = window.setTimeout;
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      if (/\/src\/net\/load\.ts/.test(new Error().stack ?? '')) delays.push(delay);
      return realSetTimeout(handler, delay, ...args);
    }) as typeof window.setTimeout;
    const keys = [uniqueKey('default-timeout-article'), uniqueKey('default-timeout-caption')];
    let els: SrcElement[];
    try {
      els = [mount('news-article', net.aborted(keys[0]!)).el, mount('photo-caption', net.aborted(keys[1]!)).el];
      // load() runs once the fetch code is at hand (src/net/lazy.ts): a promise later, not in mount().
      for (const key of keys) expect(await waitUntil(async () => (await getAbortStatus(key)).opened)).to.equal(true);
    } finally {
      window.setTimeout = realSetTimeout;
    }
    expect(delays, 'timers started by load()').to.deep.equal([10_000, 10_000]);
    for (const el of els) el.remove();
    for (const key of keys) {
      expect(await waitUntil(async () => (await getAbortStatus(key)).closed), 'request aborted').to.equal(true);
    }
    expect(events.errors).to.have.length(0);
    expectNoUncaught();
  });

  for (const {tag, data, shows} of KINDS) {
    describe(`<${tag} src>`, () => {
      it('renders a slow trickle that completes within the timeout', async () => {
        const key = uniqueKey(`trickle-ok-${tag}`);
        const other = partnerPage();
        const m = mount(tag, watch.trickle(key, 600, 6, data), 5000);
        await sleep(250);
        expect(m.el.getAttribute('aria-busy'), 'loading while the body trickles in').to.equal('true');
        expect(await waitUntil(() => m.loads.length > 0, 5000), 'news-load').to.equal(true);
        await m.el.updateComplete;
        expect(deepText(m.el)).to.include(shows);
        expect(m.errors).to.have.length(0);
        const status = await watch.status(key);
        expect(status).to.include({hits: 1, finished: true, closedEarly: false});
        await other.expectWorking();
        expectNoUncaught();
      });

      it('gives up on a trickle slower than `timeout`, and hangs up', async () => {
        const key = uniqueKey(`trickle-slow-${tag}`);
        const other = partnerPage();
        const url = watch.trickle(key, 4000, 8, data);
        const m = mount(tag, url, 400);
        await expectOneError(m, 'timeout', /^Timed out after 400 ms loading http:\/\/.*\/__net\/watch\/.*\/trickle\?/);
        expect(await waitUntil(async () => (await watch.status(key)).closedEarly, 3000), 'request aborted').to.equal(true);
        expect((await watch.status(key)).finished).to.equal(false);
        await other.expectWorking();
        expectNoUncaught();
      });

      for (const [title, chunked, message] of [
        ['cuts off a streamed body over the 2 MB cap and stops reading', true, /^Response from http:\/\/.* is over the 2097152-byte cap$/],
        ['refuses a declared Content-Length over the cap and does not download the body', false, /^Response from http:\/\/.* is \d+ bytes, over the 2097152-byte cap$/],
      ] as const) {
        it(title, async () => {
          const key = uniqueKey(`big-${chunked ? 'streamed' : 'declared'}-${tag}`);
          const other = partnerPage();
          const m = mount(tag, watch.big(key, 32, chunked));
          try {
            await expectOneError(m, 'too-large', message);
            // The client hangs up long before the end (the server paces 32 MB over > 4 s).
            const closed = await waitUntil(async () => (await watch.status(key)).closedEarly, 2000);
            const status = await watch.status(key);
            expect(closed, `the client closed the connection: ${JSON.stringify(status)}`).to.equal(true);
            expect(status.finished).to.equal(false);
            expect(status.bytesSent, `sent ${status.bytesSent} of ${status.total}`).to.be.below(status.total / 2);
            await other.expectWorking();
            expectNoUncaught();
          } finally {
            // Should the client keep the connection, free it: it is one of the six this origin gets.
            await watch.close(key);
          }
        });
      }

      it('reports a connection reset mid-body', async () => {
        const other = partnerPage();
        const m = mount(tag, net.reset);
        await expectOneError(m, 'network', /^Connection lost while reading http:\/\/.*\/__net\/reset$/);
        await other.expectWorking();
        expectNoUncaught();
      });

      it('reports a 204 as empty', async () => {
        const other = partnerPage();
        const m = mount(tag, net.status(204));
        await expectOneError(m, 'empty', /^HTTP 204: http:\/\/.*\/__net\/status\/204 returned no content$/);
        expect(m.errors[0]!.detail.status).to.equal(204);
        await other.expectWorking();
        expectNoUncaught();
      });

      it('reports a CORS refusal as a network error', async () => {
        const origin = await crossOrigin();
        const other = partnerPage();
        const m = mount(tag, `${origin}/json`);
        const escaped = origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        await expectOneError(m, 'network', new RegExp(`^Network error loading ${escaped}/json \\(.*CORS\\)$`));
        await other.expectWorking();
        expectNoUncaught();
      });
    });
  }

  describe('a request shared by two elements (dedupe)', () => {
    for (const {tag, data, shows} of KINDS.slice(0, 2)) {
      it(`<${tag}>: when one disconnects mid-fetch, the other still gets the data from the same request`, async () => {
        const key = uniqueKey(`share-one-${tag}`);
        const url = watch.trickle(key, 800, 4, data);
        const a = mount(tag, url);
        const b = mount(tag, url);
        expect(await waitUntil(async () => (await watch.status(key)).opened), 'request opened').to.equal(true);
        a.el.remove();
        expect(await waitUntil(() => b.loads.length > 0, 5000), 'the other loads').to.equal(true);
        await b.el.updateComplete;
        expect(deepText(b.el)).to.include(shows);
        expect(await watch.status(key)).to.include({hits: 1, finished: true, closedEarly: false});
        expect(a.loads.length + a.errors.length + b.errors.length).to.equal(0);
        expectNoUncaught();
      });

      it(`<${tag}>: when both disconnect, the shared request is aborted`, async () => {
        const key = uniqueKey(`share-both-${tag}`);
        const a = mount(tag, net.aborted(key));
        const b = mount(tag, net.aborted(key));
        expect(await waitUntil(async () => (await getAbortStatus(key)).opened), 'request opened').to.equal(true);
        a.el.remove();
        await sleep(300);
        expect((await getAbortStatus(key)).closed, 'still open while one element waits').to.equal(false);
        b.el.remove();
        expect(await waitUntil(async () => (await getAbortStatus(key)).closed), 'aborted').to.equal(true);
        expect(events.loads.length + events.errors.length).to.equal(0);
        expectNoUncaught();
      });
    }
  });
});
