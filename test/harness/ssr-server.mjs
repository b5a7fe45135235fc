// Server rendering for the browser tests: news-elements/ssr (bundled from src/ by scripts/ssr-build.mjs)
// run by the test server, the way a publisher's server runs it.
//
//   POST /__ssr/render        body {items: [article JSON…], options?: RenderArticleOptions}
//                             → [{html} | {error}, …], one per item (test/xss-corpus.test.ts, test/ssr.test.ts)
//   GET  /__ssr/styles        → {hashes: ["'sha256-…'", …]}: styleHashes()
//   GET  /__ssr/page.html?story=seed|english|arabic&script=none|later&csp=none|hashes|nohashes
//                             a partner's page: a header, the server-rendered story, content after it
//                             (so that any shift of the story is seen), a footer. script=later loads
//                             /test/ssr/ssr-page.ts, which imports the elements when the test asks;
//                             script=none has no script at all (as with JavaScript off). csp=hashes sends
//                             the strict policy of test/csp.test.ts with the styles' hashes in style-src,
//                             csp=nohashes the same without them. cdn: ssr-page.ts loads the built
//                             dist/cdn/news-elements-hydrate.js (npm test builds first) instead of src/.
//
// Koa middleware like csp-server.mjs: a raw response, exactly these headers and bytes.

import {readFile} from 'node:fs/promises';
import {loadSsr} from '../../scripts/ssr-build.mjs';

const PREFIX = '/__ssr/';
const STORIES = new Set(['seed', 'english', 'arabic']);

const POLICY = (styles) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${styles.length ? ` ${styles.join(' ')}` : ''}`,
    "img-src 'self' data:",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html news-elements',
  ].join('; ');

async function body(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return JSON.parse(text);
}

const page = ({story, script}) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A partner's page</title>
<link rel="stylesheet" href="/test/ssr/partner.css">
${script ? '<script type="module" src="/test/ssr/ssr-page.ts"></script>' : ''}
</head>
<body>
<header id="before">A partner's header, above the story</header>
<main>
${story}
<p id="after">The partner's own text after the story: it must not move.</p>
</main>
<footer>The partner's footer</footer>
</body>
</html>
`;

function send(res, status, type, text, headers = {}) {
  const bytes = Buffer.from(text, 'utf8');
  res.writeHead(status, {'Content-Type': type, 'Content-Length': String(bytes.length), 'Cache-Control': 'no-store', ...headers});
  res.end(bytes);
}

export async function ssrMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  ctx.respond = false;
  const {res} = ctx;
  try {
    const ssr = await loadSsr();
    const route = ctx.path.slice(PREFIX.length);
    if (route === 'render' && ctx.method === 'POST') {
      const {items, options = {}} = await body(ctx.req);
      const out = [];
      for (const item of items) {
        try {
          out.push({html: await ssr.renderArticle(item, {onProblem: () => {}, ...options})});
        } catch (error) {
          out.push({error: error.message});
        }
      }
      return send(res, 200, 'application/json', JSON.stringify(out));
    }
    if (route === 'styles') return send(res, 200, 'application/json', JSON.stringify({hashes: ssr.styleHashes()}));
    if (route === 'page.html' && ctx.method === 'GET') {
      const query = new URL(ctx.originalUrl, 'http://localhost').searchParams;
      const name = query.get('story') ?? 'seed';
      if (!STORIES.has(name)) return send(res, 404, 'text/plain', `no story ${name}\n`);
      const data = JSON.parse(await readFile(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
      const story = await ssr.renderArticle(data, {onProblem: () => {}});
      const csp = query.get('csp') ?? 'none';
      const headers = csp === 'none' ? {} : {'Content-Security-Policy': POLICY(csp === 'hashes' ? ssr.styleHashes() : [])};
      return send(res, 200, 'text/html; charset=utf-8', page({story, script: query.get('script') === 'later'}), headers);
    }
    return send(res, 404, 'text/plain', `no route ${ctx.method} ${ctx.path}\n`);
  } catch (error) {
    return send(res, 500, 'text/plain', `${error.stack ?? error}\n`);
  }
}
