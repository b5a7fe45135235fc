// The bench's static server (node:http, 127.0.0.1, random port): files from a few folders, pages and
// JSON the bench generates in memory, and artificial delays per route prefix. Every response is
// `Cache-Control: no-store`, so a new tab downloads and compiles everything again (a first visit). Pages
// listed in `isolated` are cross-origin isolated (COOP + COEP), which gives them finer timers; the cold
// pages are not, because that isolation makes each navigation from a new tab switch processes, a fixed
// cost added to both sides of a ratio.

import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

/**
 * @param {Record<string, string>} mounts URL prefix → folder, e.g. {'/cdn/': '/tmp/x/cdn'}
 * @returns server with `url`, `pages` (path → string body), `isolated` (paths), `setDelay(prefix, ms)`,
 *   `requests` log, `close()`
 */
export async function startServer(mounts) {
  const pages = new Map();
  const isolated = new Set();
  const delays = new Map();
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const pathname = decodeURIComponent(url.pathname);
    requests.push(pathname);
    let wait = 0;
    for (const [prefix, ms] of delays) if (pathname.startsWith(prefix)) wait = Math.max(wait, ms);
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    const send = (status, body, type) => {
      if (res.destroyed) return;
      const headers = {'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body)};
      if (isolated.has(pathname)) {
        headers['cross-origin-opener-policy'] = 'same-origin';
        headers['cross-origin-embedder-policy'] = 'require-corp';
      }
      res.writeHead(status, headers);
      res.end(body);
    };
    const type = TYPES[path.extname(pathname)] ?? 'application/octet-stream';
    if (pages.has(pathname)) return send(200, pages.get(pathname), type);
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!pathname.startsWith(prefix)) continue;
      const file = path.join(dir, pathname.slice(prefix.length));
      if (!file.startsWith(dir)) break;
      try {
        return send(200, await readFile(file), type);
      } catch {
        break;
      }
    }
    send(404, 'not found', 'text/plain');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    pages,
    isolated,
    requests,
    setDelay(prefix, ms) {
      if (ms) delays.set(prefix, ms);
      else delays.delete(prefix);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
