// `npm run check:cdn` (after `npm run build`): loads the built files in headless Chromium, the way a
// partner's page and an npm user's page would, and checks that the seed article renders.
//
//   1. dist/cdn/news-elements.js from an arbitrary folder (/partner/static/v1/), one <script type=module>,
//      the seed article inline with one Markdown link added (so it needs marked): the text renders inside
//      the shadow roots, no console errors, and the Markdown chunk comes from the same folder.
//   2. The same, in a page without the HTML Sanitizer API: DOMPurify's chunk is loaded too.
//   3. The same bundle with the seed as it is (plain paragraphs and headings, the fast path) and with an
//      article that has no Markdown (no lead, no body): the Markdown chunk is never requested.
//   4. dist/index.js (the npm build), lit/marked/dompurify from node_modules through an import
//      map: the tsc output's imports resolve and the seed article renders.
//
// Chromium: /usr/bin/chromium (CHROMIUM=path to override), driven by puppeteer-core.

import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const CDN_PREFIX = '/partner/static/v1/';
const EXPECTED = '补足精神之钙筑牢思想篱笆';

const seed = JSON.parse(await readFile(path.join(root, 'test/fixtures/seed.json'), 'utf8'));
const {lead: _lead, body: _body, continuation: _c, ...noMarkdown} = seed;
// The seed's body is plain paragraphs and headings, which render without marked (src/plain-markdown.ts);
// one Markdown link makes it need the Markdown chunk.
const withMarkdown = {...seed, body: `${seed.body}\n\n[县人社局](https://example.org/hrss)`};
const inline = (article) => JSON.stringify(article).replaceAll('<', '\\u003c');
const page = (head, article) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>check</title><link rel="icon" href="data:,">${head}</head>
<body><h1>Partner page</h1>
<news-article><script type="application/json">${inline(article)}</script></news-article>
</body></html>`;

const importMap = {
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    marked: '/node_modules/marked/lib/marked.esm.js',
    dompurify: '/node_modules/dompurify/dist/purify.es.mjs',
  },
};

const PAGES = {
  '/cdn.html': page(`<script type="module" src="${CDN_PREFIX}news-elements.js"></script>`, withMarkdown),
  '/cdn-plain.html': page(`<script type="module" src="${CDN_PREFIX}news-elements.js"></script>`, seed),
  // A browser without the HTML Sanitizer API: the Markdown chunk loads DOMPurify, from its own folder.
  '/cdn-dompurify.html': page(
    `<script>delete Element.prototype.setHTML</script><script type="module" src="${CDN_PREFIX}news-elements.js"></script>`,
    withMarkdown,
  ),
  '/cdn-no-markdown.html': page(`<script type="module" src="${CDN_PREFIX}news-elements.js"></script>`, noMarkdown),
  '/npm.html': page(
    `<script type="importmap">${JSON.stringify(importMap)}</script><script type="module" src="/dist/index.js"></script>`,
    withMarkdown,
  ),
};

const TYPES = {'.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.jpg': 'image/jpeg', '.png': 'image/png', '.svg': 'image/svg+xml'};
// The fixtures' photos live in demo/images/; stand in for any that are missing.
const PLACEHOLDER = '<svg xmlns="http://www.w3.org/2000/svg" width="12" height="8"><rect width="12" height="8" fill="#ccc"/></svg>';

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (PAGES[url.pathname]) {
    res.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
    return res.end(PAGES[url.pathname]);
  }
  const rel = url.pathname.startsWith(CDN_PREFIX) ? path.join('dist/cdn', url.pathname.slice(CDN_PREFIX.length)) : url.pathname;
  const file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
  if (file.startsWith(root) && (await stat(file).catch(() => null))?.isFile()) {
    res.writeHead(200, {'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream'});
    return res.end(await readFile(file));
  }
  if (url.pathname.startsWith('/demo/images/')) {
    res.writeHead(200, {'content-type': 'image/svg+xml'});
    return res.end(PLACEHOLDER);
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

/** Loads a page; returns the article's text (through every shadow root), requests and console errors. */
async function visit(pathname, {expectText}) {
  const tab = await browser.newPage();
  const errors = [];
  const requests = [];
  tab.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn' || /dev mode/i.test(m.text())) errors.push(`console.${m.type()}: ${m.text()}`);
  });
  tab.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  tab.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  tab.on('response', (r) => {
    requests.push(new URL(r.url()).pathname);
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await tab.goto(origin + pathname, {waitUntil: 'load'});
  await tab.waitForFunction(() => customElements.get('news-article') !== undefined, {timeout: 10_000});
  const text = () =>
    tab.evaluate(async () => {
      const el = document.querySelector('news-article');
      await el.updateComplete; // includes the Markdown (news-article waits for its parts)
      const walk = (node) =>
        node.nodeType === Node.TEXT_NODE
          ? node.textContent
          : [...(node.shadowRoot ? [node.shadowRoot] : []), ...node.childNodes]
              .filter((n) => n.nodeName !== 'SCRIPT' && n.nodeName !== 'STYLE')
              .map(walk)
              .join(' ');
      return {shadow: walk(el.shadowRoot), headline: el.shadowRoot.querySelector('[part=headline]')?.textContent};
    });
  if (expectText) {
    await tab
      .waitForFunction(
        (expected) => {
          const deep = (node) => (node.shadowRoot ? deep(node.shadowRoot) : '') + [...node.childNodes].map((n) => (n.nodeType === 3 ? n.textContent : deep(n))).join('');
          return deep(document.querySelector('news-article')).includes(expected);
        },
        {timeout: 10_000},
        expectText,
      )
      .catch(() => {});
  }
  // Let late requests (a chunk that should not load) show up.
  await new Promise((r) => setTimeout(r, 300));
  const result = {...(await text()), requests, errors};
  await tab.close();
  return result;
}

const failures = [];
const expect = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};
// chunks/render.js (a stable name) or chunks/purify-HASH.js (split off by esbuild).
const chunk = (requests, name) => requests.filter((r) => new RegExp(`^${CDN_PREFIX}chunks/${name}(?:-[\\w-]+)?\\.js$`).test(r));

try {
  console.log(`Chromium ${await browser.version()}, ${origin}`);

  const cdn = await visit('/cdn.html', {expectText: EXPECTED});
  console.log(`\n${CDN_PREFIX}news-elements.js, seed article + a Markdown link: requests ${cdn.requests.filter((r) => r.startsWith(CDN_PREFIX)).join(', ')}`);
  expect(cdn.shadow.includes(EXPECTED), `"${EXPECTED}" rendered inside the shadow roots`);
  expect(cdn.headline === seed.headline, `headline "${cdn.headline}"`);
  expect(cdn.errors.length === 0, `no console errors${cdn.errors.length ? `: ${cdn.errors.join(' | ')}` : ''}`);
  expect(chunk(cdn.requests, 'render').length === 1, 'Markdown chunk fetched (relative to the entry)');
  console.log(`  DOMPurify chunk ${chunk(cdn.requests, 'purify').length ? 'fetched (no usable native Sanitizer API)' : 'not fetched (native Sanitizer API used)'}`);

  const purify = await visit('/cdn-dompurify.html', {expectText: EXPECTED});
  console.log(`\n${CDN_PREFIX}news-elements.js, seed article + a Markdown link, no Element.prototype.setHTML: requests ${purify.requests.filter((r) => r.startsWith(CDN_PREFIX)).join(', ')}`);
  expect(purify.shadow.includes(EXPECTED), `"${EXPECTED}" rendered inside the shadow roots`);
  expect(purify.errors.length === 0, `no console errors${purify.errors.length ? `: ${purify.errors.join(' | ')}` : ''}`);
  expect(chunk(purify.requests, 'render').length === 1 && chunk(purify.requests, 'purify').length === 1, 'Markdown and DOMPurify chunks fetched');

  const seedPlain = await visit('/cdn-plain.html', {expectText: EXPECTED});
  console.log(`\n${CDN_PREFIX}news-elements.js, the seed as it is (plain paragraphs and headings): requests ${seedPlain.requests.filter((r) => r.startsWith(CDN_PREFIX)).join(', ')}`);
  expect(seedPlain.shadow.includes(EXPECTED), `"${EXPECTED}" rendered inside the shadow roots`);
  expect(seedPlain.errors.length === 0, `no console errors${seedPlain.errors.length ? `: ${seedPlain.errors.join(' | ')}` : ''}`);
  expect(chunk(seedPlain.requests, 'render').length === 0 && chunk(seedPlain.requests, 'purify').length === 0, 'no Markdown or DOMPurify chunk fetched');

  const plain = await visit('/cdn-no-markdown.html', {expectText: seed.headline});
  console.log(`\n${CDN_PREFIX}news-elements.js, article without lead/body: requests ${plain.requests.filter((r) => r.startsWith(CDN_PREFIX)).join(', ')}`);
  expect(plain.headline === seed.headline, 'headline rendered');
  expect(plain.errors.length === 0, `no console errors${plain.errors.length ? `: ${plain.errors.join(' | ')}` : ''}`);
  expect(chunk(plain.requests, 'render').length === 0 && chunk(plain.requests, 'purify').length === 0, 'no Markdown or DOMPurify chunk fetched');

  const npm = await visit('/npm.html', {expectText: EXPECTED});
  console.log(`\n/dist/index.js with an import map: ${npm.requests.filter((r) => r.startsWith('/dist/')).length} files from dist/`);
  expect(npm.shadow.includes(EXPECTED), `"${EXPECTED}" rendered inside the shadow roots`);
  expect(npm.errors.length === 0, `no console errors${npm.errors.length ? `: ${npm.errors.join(' | ')}` : ''}`);
  expect(npm.requests.includes('/dist/markdown/render.js'), 'dist/markdown/render.js loaded by import()');
} finally {
  await browser.close();
  server.close();
}

if (failures.length) {
  console.error(`\n${failures.length} check(s) failed`);
  process.exit(1);
}
