// A real, deliberately misbehaving HTTP server for the tests, mounted on the
// test runner's own dev server under /__net/ (so: same origin, no CORS, no
// mocks of fetch). Tests talk to it with plain fetch('/__net/...').
//
// Why a real server rather than stubbing fetch: the failure modes we care about
// (truncated bodies, resets, slow streams, wrong content types, aborts) behave
// differently in Chromium, Firefox and WebKit, and only a real socket shows that.
//
// Routes (all GET but /store, all `Cache-Control: no-store` so no engine answers
// from its HTTP cache and hides a request from the counters):
//   /__net/json?body=<urlencoded JSON>&delay=<ms>  200 application/json, body as given
//   /__net/status/<code>                  that status (404, 500, 503, 204, any 200..599)
//   /__net/ctype                          200, valid JSON body, but Content-Type text/html
//   /__net/invalid-json                   application/json, body `{"headline": ` (truncated)
//   /__net/invalid-utf8                   application/json, 0xff 0xfe bytes inside a string
//   /__net/hang                           headers never sent; socket stays open until the
//                                         client aborts (or 120 s, or the server stops)
//   /__net/trickle?ms=<total>&chunks=<n>  valid article JSON, sent in n pieces spread over
//                                         `ms` (defaults 1000 ms, 10 chunks); headers first
//   /__net/reset                          headers (with the full Content-Length) + half the
//                                         body, then a TCP reset
//   /__net/big?mb=<n>[&chunked=1]         JSON article whose body string is > n MiB
//                                         (default 3, max 64); Content-Length unless chunked=1
//   /__net/redirect-loop                  302 to itself, forever
//   /__net/fixture/<name>[?delay=<ms>]    test/fixtures/<name>.json as application/json (after `delay` ms)
//   /__net/count/<key>/article            counts the request, then after 100 ms serves
//                                         {"headline":"Counted","body":"Counted body."}
//   /__net/count/<key>/hits               {"hits": n, "completed": n, "aborted": n}
//   /__net/aborted/<key>                  hangs; records that it was opened and when the
//                                         client closed the connection
//   /__net/aborted/<key>/status           {"opened": bool, "closed": bool}
//   /__net/watch/<key>/big?mb=<n>[&chunked=1][&pace=<ms>]   as /big, and records what it sent
//                                         (status below); `pace` waits that long after each 64 KiB
//                                         (WebKit's network process reads ahead of the page without
//                                         backpressure: pacing lets a cancel show before the end)
//   /__net/watch/<key>/trickle?ms=&chunks=&body=<urlencoded JSON>   as /trickle, with that body
//                                         (default: /trickle's article), recorded the same way
//   /__net/watch/<key>/status             {"opened", "hits", "bytesSent", "total", "finished",
//                                         "closedEarly"} of the latest request to the key (hits:
//                                         all of them): bytes handed to the socket, of `total`;
//                                         `finished` when all were sent; `closedEarly` when the
//                                         client closed the connection first (cancel or abort)
//   /__net/watch/<key>/close              the server drops that response's connection (cleanup
//                                         after a test whose client did not), answers {}
//   /__net/cross-origin-url               {"url": "http://127.0.0.1:<port>"}: a second
//                                         server, i.e. another origin. Its /json answers
//                                         without Access-Control-Allow-Origin (fetch must
//                                         reject); its /json-cors answers with `*`.
//
// Keys (<key>) are shared by every browser in the run, and the engines run at the
// same time: use a key unique to the test and the engine (see test/harness/env.ts).

import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** Resolves when a paused response may be written again, or the client has gone. */
function drained(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

const PREFIX = '/__net/';
// /__net/store keeps bodies until the oldest are evicted past this total.
const STORE_ITEM_CAP = 8 * 1024 * 1024;
const STORE_TOTAL_CAP = 64 * 1024 * 1024;
// A test that forgets to abort /__net/hang would hold one of the browser's ~6
// connections to this origin until the page goes away; cap it so a leak cannot
// starve later files of connections for the whole run.
const HANG_CAP_MS = 120_000;

const ARTICLE = { headline: 'Counted', body: 'Counted body.' };
const TRICKLE_ARTICLE = {
  headline: 'Trickled headline',
  body: 'A body that arrives a few bytes at a time. '.repeat(8).trim(),
  byline: 'Net Server',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function intParam(url, name, fallback, min, max) {
  const raw = url.searchParams.get(name);
  const n = raw === null || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(n)));
}

export function netServerPlugin() {
  // Everything that can outlive a test: parked responses, timers and the second
  // server. serverStop() ends them so the runner can exit promptly.
  const parked = new Set();
  const timers = new Set();
  const counters = new Map(); // key -> { hits, completed, aborted }
  const abortWatch = new Map(); // key -> { opened, closed }
  const stored = new Map(); // key -> { buf, items? } (insertion order = age, for eviction)
  let storedBytes = 0;
  const watched = new Map(); // key -> { opened, hits, bytesSent, total, finished, closedEarly }
  const watchedRes = new Map(); // key -> the response still being sent
  let crossServer;
  let crossOrigin = '';

  const later = (ms, fn) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };

  // Slow routes park their response here and check gone(res) after every wait:
  // a client abort must end the route quietly, never as a write error that an
  // unhandled 'error' event would turn into a crash of the whole runner.
  const track = (res) => {
    parked.add(res);
    res.on('error', () => {});
    res.on('close', () => parked.delete(res));
  };
  const gone = (res) => res.destroyed || !res.socket || res.socket.destroyed;

  const head = (res, status, type, extra = {}) => {
    res.writeHead(status, {
      'Cache-Control': 'no-store',
      ...(type ? { 'Content-Type': type } : {}),
      ...extra,
    });
  };

  const send = (res, status, type, body) => {
    const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    head(res, status, type, { 'Content-Length': String(buf.length) });
    res.end(buf);
  };

  const sendJson = (res, value, status = 200) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

  const counter = (key) => {
    let c = counters.get(key);
    if (!c) counters.set(key, (c = { hits: 0, completed: 0, aborted: 0 }));
    return c;
  };

  // Returns true when it handled the request. `req`/`res` are Node's raw objects:
  // koa's body handling would buffer, add ETags or answer 304, and we need
  // control of every byte and of the socket itself.
  async function handle(req, res, url) {
    const parts = url.pathname.slice(PREFIX.length).split('/').map(decodeURIComponent);
    const [route, a, b] = parts;

    switch (route) {
      case 'json': {
        const delay = intParam(url, 'delay', 0, 0, 60_000);
        const body = url.searchParams.get('body') ?? '{}';
        track(res);
        if (delay) await new Promise((r) => later(delay, r));
        if (!gone(res)) send(res, 200, 'application/json; charset=utf-8', body);
        return true;
      }

      case 'status': {
        const code = Number(a);
        if (!Number.isInteger(code) || code < 200 || code > 599) return false;
        // 204/304 must not carry a body (and Content-Type would be a lie).
        if (code === 204 || code === 304) {
          head(res, code);
          res.end();
        } else {
          sendJson(res, { error: `status ${code}` }, code);
        }
        return true;
      }

      case 'ctype':
        send(res, 200, 'text/html; charset=utf-8', JSON.stringify({ headline: 'Wrong type', body: 'Served as HTML.' }));
        return true;

      case 'invalid-json':
        send(res, 200, 'application/json; charset=utf-8', '{"headline": ');
        return true;

      case 'invalid-utf8':
        // Syntactically valid JSON whose string holds bytes that are not UTF-8:
        // engines decode them to U+FFFD rather than failing.
        send(
          res,
          200,
          'application/json; charset=utf-8',
          Buffer.concat([
            Buffer.from('{"headline":"Bad '),
            Buffer.from([0xff, 0xfe]),
            Buffer.from(' bytes","body":"Body \xc3\x28 end."}', 'latin1'),
          ]),
        );
        return true;

      case 'hang': {
        track(res);
        later(HANG_CAP_MS, () => res.destroy());
        return true;
      }

      case 'trickle': {
        const total = intParam(url, 'ms', 1000, 0, 60_000);
        const chunks = intParam(url, 'chunks', 10, 1, 1000);
        const buf = Buffer.from(JSON.stringify(TRICKLE_ARTICLE), 'utf8');
        const size = Math.ceil(buf.length / chunks);
        track(res);
        head(res, 200, 'application/json; charset=utf-8', { 'Content-Length': String(buf.length) });
        // Headers go out now, so fetch() resolves early and only the body is slow.
        res.flushHeaders();
        for (let i = 0; i < chunks; i++) {
          if (i > 0) await new Promise((r) => later(total / (chunks - 1 || 1), r));
          if (gone(res)) return true;
          res.write(buf.subarray(i * size, (i + 1) * size));
        }
        res.end();
        return true;
      }

      case 'reset': {
        const buf = Buffer.from(JSON.stringify({ headline: 'Reset', body: 'x'.repeat(4096) }), 'utf8');
        track(res);
        head(res, 200, 'application/json; charset=utf-8', { 'Content-Length': String(buf.length) });
        res.write(buf.subarray(0, buf.length >> 1));
        // Let the headers reach the browser before the reset, so the failure shows
        // up while reading the body (the interesting case), not as a refused fetch.
        await new Promise((r) => later(100, r));
        const sock = res.socket;
        if (sock && !sock.destroyed) {
          if (typeof sock.resetAndDestroy === 'function') sock.resetAndDestroy();
          else sock.destroy();
        }
        return true;
      }

      case 'big': {
        const mb = intParam(url, 'mb', 3, 0, 64);
        const chunked = url.searchParams.get('chunked') === '1';
        const bodyLen = mb * 1024 * 1024 + 1024; // strictly larger than n MiB
        const pre = Buffer.from('{"headline":"Big","body":"');
        const post = Buffer.from('"}');
        const piece = Buffer.alloc(64 * 1024, 'a');
        track(res);
        head(
          res,
          200,
          'application/json; charset=utf-8',
          chunked ? {} : { 'Content-Length': String(pre.length + bodyLen + post.length) },
        );
        res.write(pre);
        let left = bodyLen;
        while (left > 0) {
          if (gone(res)) return true;
          const n = Math.min(left, piece.length);
          left -= n;
          // Respect backpressure: a client that aborts mid-way must not make us
          // buffer the rest in memory.
          if (!res.write(n === piece.length ? piece : piece.subarray(0, n))) {
            await drained(res);
          }
        }
        if (!gone(res)) res.end(post);
        return true;
      }

      case 'redirect-loop':
        head(res, 302, 'text/plain', { Location: url.pathname + url.search, 'Content-Length': '0' });
        res.end();
        return true;

      case 'fixture': {
        // Fixture names are plain file names: no slashes, no dot-dot escapes.
        if (!a || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(a) || a.includes('..')) return false;
        let data;
        try {
          data = await readFile(path.join(FIXTURES_DIR, `${a}.json`));
        } catch {
          sendJson(res, { error: `no fixture ${a}` }, 404);
          return true;
        }
        const wait = intParam(url, 'delay', 0, 0, 60_000);
        if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
        send(res, 200, 'application/json; charset=utf-8', data);
        return true;
      }

      case 'count': {
        if (!a) return false;
        const c = counter(a);
        if (b === 'hits') {
          sendJson(res, c);
          return true;
        }
        if (b !== 'article') return false;
        // Counted on arrival: a deduplicated pair of fetches is one hit even if
        // one of them is aborted before the answer.
        c.hits++;
        track(res);
        let aborted = false;
        res.on('close', () => {
          if (!res.writableFinished) {
            aborted = true;
            c.aborted++;
          }
        });
        await new Promise((r) => later(100, r));
        if (aborted || gone(res)) return true;
        sendJson(res, ARTICLE);
        c.completed++;
        return true;
      }

      case 'aborted': {
        if (!a) return false;
        if (b === 'status') {
          const s = abortWatch.get(a) ?? { opened: false, closed: false };
          sendJson(res, s);
          return true;
        }
        if (b !== undefined) return false;
        const s = { opened: true, closed: false };
        abortWatch.set(a, s);
        track(res);
        // 'close' on the response fires when the browser drops the connection:
        // that is what an AbortController abort of an unanswered fetch does.
        res.on('close', () => {
          s.closed = true;
        });
        later(HANG_CAP_MS, () => res.destroy());
        return true;
      }

      case 'watch': {
        if (!a) return false;
        if (b === 'status') {
          sendJson(res, watched.get(a) ?? { opened: false, hits: 0, bytesSent: 0, total: 0, finished: false, closedEarly: false });
          return true;
        }
        if (b === 'close') {
          watchedRes.get(a)?.destroy();
          sendJson(res, {});
          return true;
        }
        if (b !== 'big' && b !== 'trickle') return false;
        watchedRes.set(a, res);
        res.on('close', () => watchedRes.get(a) === res && watchedRes.delete(a));
        const w = { opened: true, hits: (watched.get(a)?.hits ?? 0) + 1, bytesSent: 0, total: 0, finished: false, closedEarly: false };
        watched.set(a, w);
        track(res);
        res.on('finish', () => {
          w.finished = true;
        });
        res.on('close', () => {
          if (!res.writableFinished) w.closedEarly = true;
        });
        // Resolves with false when the client went away instead of draining.
        const write = async (buf) => {
          if (gone(res)) return false;
          w.bytesSent += buf.length;
          if (res.write(buf)) return true;
          await drained(res);
          return !gone(res);
        };
        if (b === 'trickle') {
          const total = intParam(url, 'ms', 1000, 0, 60_000);
          const chunks = intParam(url, 'chunks', 10, 1, 1000);
          const body = url.searchParams.get('body') ?? JSON.stringify(TRICKLE_ARTICLE);
          const buf = Buffer.from(body, 'utf8');
          const size = Math.ceil(buf.length / chunks);
          w.total = buf.length;
          head(res, 200, 'application/json; charset=utf-8', { 'Content-Length': String(buf.length) });
          res.flushHeaders();
          for (let i = 0; i < chunks; i++) {
            if (i > 0) await new Promise((r) => later(total / (chunks - 1 || 1), r));
            if (!(await write(buf.subarray(i * size, (i + 1) * size)))) return true;
          }
          res.end();
          return true;
        }
        const mb = intParam(url, 'mb', 3, 0, 64);
        const chunked = url.searchParams.get('chunked') === '1';
        const pace = intParam(url, 'pace', 0, 0, 1000);
        const pre = Buffer.from('{"headline":"Big","body":"');
        const post = Buffer.from('"}');
        const bodyLen = mb * 1024 * 1024 + 1024;
        const piece = Buffer.alloc(64 * 1024, 'a');
        w.total = pre.length + bodyLen + post.length;
        head(res, 200, 'application/json; charset=utf-8', chunked ? {} : { 'Content-Length': String(w.total) });
        if (!(await write(pre))) return true;
        for (let left = bodyLen; left > 0; ) {
          const n = Math.min(left, piece.length);
          left -= n;
          if (!(await write(n === piece.length ? piece : piece.subarray(0, n)))) return true;
          if (pace) await new Promise((r) => later(pace, r));
        }
        w.bytesSent += post.length;
        res.end(post);
        return true;
      }

      case 'store': {
        if (req.method !== 'POST' || !a || b !== undefined) return false;
        const chunks = [];
        let size = 0;
        for await (const chunk of req) {
          size += chunk.length;
          if (size > STORE_ITEM_CAP) {
            sendJson(res, { error: `body over ${STORE_ITEM_CAP} bytes` }, 413);
            req.destroy();
            return true;
          }
          chunks.push(chunk);
        }
        const buf = Buffer.concat(chunks);
        // A JSON array is split once here, so each ?item= request is a lookup, not a parse of the batch.
        let items;
        try {
          const list = JSON.parse(buf.toString('utf8'));
          if (Array.isArray(list)) items = list.map((item) => Buffer.from(JSON.stringify(item), 'utf8'));
        } catch {
          items = undefined;
        }
        const old = stored.get(a);
        if (old) storedBytes -= old.buf.length * (old.items ? 2 : 1);
        stored.delete(a);
        stored.set(a, { buf, items });
        storedBytes += buf.length * (items ? 2 : 1);
        for (const [key, value] of stored) {
          if (storedBytes <= STORE_TOTAL_CAP || key === a) break;
          stored.delete(key);
          storedBytes -= value.buf.length * (value.items ? 2 : 1);
        }
        head(res, 204);
        res.end();
        return true;
      }

      case 'stored': {
        if (!a || b !== undefined) return false;
        const entry = stored.get(a);
        if (!entry) {
          sendJson(res, { error: `nothing stored under ${a}` }, 404);
          return true;
        }
        const item = url.searchParams.get('item');
        if (item === null) {
          send(res, 200, 'application/json; charset=utf-8', entry.buf);
          return true;
        }
        const i = Number(item);
        if (!entry.items || !Number.isInteger(i) || i < 0 || i >= entry.items.length) {
          sendJson(res, { error: `no item ${item} under ${a}` }, 404);
          return true;
        }
        send(res, 200, 'application/json; charset=utf-8', entry.items[i]);
        return true;
      }

      case 'cross-origin-url':
        sendJson(res, { url: crossOrigin });
        return true;

      default:
        return false;
    }
  }

  // The "other origin": same machine, other port. Browsers treat a different
  // port as a different origin, so this is a real CORS refusal, not a simulated one.
  function startCrossServer() {
    crossServer = http.createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const body = JSON.stringify({ headline: 'Cross origin', body: 'From another origin.' });
      const base = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
      if (u.pathname === '/json') {
        res.writeHead(200, base);
      } else if (u.pathname === '/json-cors') {
        res.writeHead(200, { ...base, 'Access-Control-Allow-Origin': '*' });
      } else {
        res.writeHead(404, base);
      }
      res.end(body);
    });
    return new Promise((resolve, reject) => {
      crossServer.once('error', reject);
      crossServer.listen(0, '127.0.0.1', () => {
        crossOrigin = `http://127.0.0.1:${crossServer.address().port}`;
        crossServer.unref();
        resolve();
      });
    });
  }

  // Koa middleware, to be put in the runner config's `middleware` list: that list
  // runs before the dev server's ETag/304 and file-serving middleware, which
  // would otherwise answer or rewrite these responses.
  async function middleware(ctx, next) {
    if (!ctx.path.startsWith(PREFIX)) return next();
    // POST only for /__net/store/<key>; every other route is read-only.
    const storing = ctx.method === 'POST' && ctx.path.startsWith(`${PREFIX}store/`);
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD' && !storing) {
      ctx.status = 405;
      return;
    }
    const url = new URL(ctx.originalUrl, 'http://localhost');
    ctx.respond = false; // we write to ctx.res ourselves
    // The runner lists every 404 a test page caused as "404 network requests"
    // (meant for missing files). It reads ctx.status, which for a response koa
    // does not write stays koa's default 404. Our statuses are on purpose: hide
    // them from koa's view only (the raw response keeps its real status).
    Object.defineProperty(ctx, 'status', { value: 200, writable: true, configurable: true });
    let handled = false;
    try {
      handled = await handle(ctx.req, ctx.res, url);
    } catch (err) {
      if (!ctx.res.headersSent) send(ctx.res, 500, 'text/plain', String(err?.stack ?? err));
      else ctx.res.destroy();
      return;
    }
    if (!handled && !ctx.res.headersSent) {
      send(ctx.res, 404, 'application/json; charset=utf-8', JSON.stringify({ error: `no route ${url.pathname}` }));
    }
  }

  const plugin = {
    name: 'net-server',
    // executeServerCommand('harness-engine') (from @web/test-runner-commands)
    // answers the launcher's engine name: 'chromium' | 'firefox' | 'webkit'.
    // It is what the runner launched, so tests can check the user-agent guess.
    executeCommand({ command, session }) {
      if (command !== 'harness-engine') return undefined;
      // 'Chromium+DOMPurify' (the sanitizer group) is Chromium too.
      return String(session.browser.name).toLowerCase().split('+')[0];
    },
    async serverStart() {
      await startCrossServer();
    },
    async serverStop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const res of parked) res.destroy();
      parked.clear();
      if (crossServer) {
        crossServer.closeAllConnections?.();
        await new Promise((r) => crossServer.close(() => r()));
      }
    },
  };

  return { plugin, middleware };
}
