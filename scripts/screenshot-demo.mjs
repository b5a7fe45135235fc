#!/usr/bin/env node
// npm run screenshot: regenerates docs/demo.png, the README picture of the demo partner page.
//
// Starts the Vite dev server through its JS API (vite.config.ts, on a free port), opens the page in
// headless Chromium, waits until every embed has settled (the seed article, the inline English article,
// the broken-src error state, the sidebar elements, all images and fonts), checks that nothing went
// wrong, takes a full-page screenshot 1280 px wide, and stops everything it started.
//
// Fails (exit 1, no screenshot written) on a page error, a console error or a failed request, except the
// 404 of /does-not-exist.json that the broken-src example asks for.
//
// Options: --out=FILE (default docs/demo.png), --width=PX (default 1280).
// Environment: CHROMIUM_PATH (default /usr/bin/chromium).

import {mkdirSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';
import {createServer} from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const out = resolve(root, arg('out', 'docs/demo.png'));
const width = Number(arg('width', 1280));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const EXPECTED_404 = '/does-not-exist.json';
const SEED_TEXT = '补足精神之钙筑牢思想篱笆';
const TIMEOUT = 30_000;

const problems = [];
let server;
let browser;
const profile = mkdtempSync(join(tmpdir(), 'news-elements-screenshot-'));

try {
  // port 0: the system picks a free port, so a running `npm start` on 5173 is no obstacle.
  server = await createServer({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    clearScreen: false,
    server: {host: '127.0.0.1', port: 0, strictPort: true, hmr: false, watch: null},
  });
  await server.listen();
  const {port} = server.httpServer.address();
  const url = `http://127.0.0.1:${port}/`;
  console.log(`vite: ${url}`);

  browser = await puppeteer.launch({
    executablePath: chromium,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--headless=new',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--font-render-hinting=none',
      '--hide-scrollbars',
    ],
  });
  const page = await browser.newPage();
  await page.setViewport({width, height: 900, deviceScaleFactor: 1});

  const expected = (where) => (where ?? '').includes(EXPECTED_404);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const where = message.location()?.url;
    if (message.type() === 'error' && !expected(where)) problems.push(`console error: ${message.text()} (${where ?? 'no location'})`);
    else if (process.env.VERBOSE || message.type() === 'warn') console.log(`  [console.${message.type()}] ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    // The broken example's 404 body is never read: the loader aborts it (net::ERR_ABORTED).
    if (!expected(request.url())) problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !expected(response.url())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });

  await page.goto(url, {waitUntil: 'load', timeout: TIMEOUT});

  // Every element has left its loading state: the seed text is in a shadow root, the broken example shows
  // its error, and nothing is busy.
  await page.waitForFunction(
    (seedText) => {
      const deepText = (node) => {
        let text = '';
        for (const child of node.childNodes) {
          if (child.nodeType === Node.TEXT_NODE) text += child.data;
          else if (child.nodeType === Node.ELEMENT_NODE && child.localName !== 'script' && child.localName !== 'style') {
            if (child.shadowRoot) text += deepText(child.shadowRoot);
            text += deepText(child);
          }
        }
        return text;
      };
      const embeds = [...document.querySelectorAll('news-article, related-news, photo-caption')];
      if (embeds.length === 0 || embeds.some((el) => !el.shadowRoot || el.hasAttribute('aria-busy'))) return false;
      const seed = document.querySelector('news-article[src$="seed.json"]');
      const broken = document.querySelector(`news-article[src$="does-not-exist.json"]`);
      return (
        !!seed?.shadowRoot && deepText(seed.shadowRoot).includes(seedText) && !!broken?.shadowRoot?.querySelector('[part="error"]')
      );
    },
    {timeout: TIMEOUT, polling: 100},
    SEED_TEXT,
  );
  await page.evaluate(() => Promise.all([...document.querySelectorAll('news-article, related-news, photo-caption')].map((el) => el.updateComplete)));

  // A viewport as tall as the page, so lazy images load; then wait for every image, deep, and the fonts.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewport({width, height, deviceScaleFactor: 1});
  await page.waitForFunction(
    () => {
      const images = [];
      const collect = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.localName === 'img') images.push(el);
          if (el.shadowRoot) collect(el.shadowRoot);
        }
      };
      collect(document);
      return images.every((img) => img.complete);
    },
    {timeout: TIMEOUT, polling: 100},
  );
  const broken = await page.evaluate(() => {
    const bad = [];
    const collect = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'img' && el.naturalWidth === 0) bad.push(el.currentSrc || el.src);
        if (el.shadowRoot) collect(el.shadowRoot);
      }
    };
    collect(document);
    return bad;
  });
  for (const src of broken) problems.push(`image did not load: ${src}`);
  await page.evaluate(() => document.fonts.ready);

  // The broken example must say so in the page's language.
  const errorText = await page.$eval(`news-article[src$="does-not-exist.json"]`, (el) => el.shadowRoot.querySelector('[part="error"]').textContent.trim());
  console.log(`error state: ${errorText.replace(/\s+/g, ' ')}`);

  if (problems.length) throw new Error(`the demo page has problems:\n  ${problems.join('\n  ')}`);

  const finalHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  if (finalHeight !== height) await page.setViewport({width, height: finalHeight, deviceScaleFactor: 1});
  mkdirSync(dirname(out), {recursive: true});
  await page.screenshot({path: out, fullPage: true, captureBeyondViewport: false});
  console.log(`${out}: ${width}×${finalHeight}, ${Math.round(statSync(out).size / 1024)} KB`);
} catch (error) {
  console.error(`screenshot-demo: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await server?.close();
  rmSync(profile, {recursive: true, force: true});
}
