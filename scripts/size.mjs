// `npm run size`: size budgets of what partners and npm users download. Prints a Markdown table (raw,
// gzip level 9 and brotli quality 11 of each row; the budgets are in brotli bytes, 1 KB = 1024 bytes).
//
//   CDN entry          dist/cdn/news-elements.js: every element and lit; no Markdown.
//   Markdown chunk     dist/cdn/chunks/render.js: marked and our glue.
//   DOMPurify chunk    dist/cdn/chunks/purify-*.js (DOMPurify + its setup): loaded only where setHTML is missing (WebKit).
//   seed article in …  every same-origin .js that headless Chromium / Firefox loaded to render
//                      <news-article src="/seed.json"> with one <script type="module"> of the CDN entry,
//                      measured: a node:http server on 127.0.0.1 serves the build, the page waits for the
//                      headline and the Markdown body in the shadow roots, and the files the browser
//                      received are summed (each compressed on its own, as a server would send them).
//   npm: <tag>         `import 'news-elements/<tag>.js'` bundled as an app would (esbuild, src/<tag>.ts,
//                      minified, production, CSS minified as the package ships it) with lit external;
//                      import()s (marked, DOMPurify, the Markdown glue, the fetch code behind `src`) are
//                      split off and not counted. Everything else it pulls in (our shared
//                      modules: i18n, model, styles, …) counts.
//                      Only photo-caption's budget is enforced; the other four are reported against the
//                      same 3 KB for information.
//
// The CDN files come from the real CDN build (scripts/cdn.mjs, shared with `npm run build`), built in
// memory: no tsc, no dist/ needed, nothing written.
//
// Modes:
//   npm run size                        budget mode: exit 1 when an enforced row is over its budget.
//   npm run size -- --ratchet           ratchet mode, for CI while the budgets are still unmet: exit 1 only
//                                       when a row's brotli bytes exceed its ceiling in
//                                       scripts/size-ceilings.json (or it has none). The table still shows
//                                       the budget ✓/✗ column, plus the ceilings; rows that shrank by more
//                                       than 2 % are named, to be locked in with --update-ceilings.
//   npm run size -- --update-ceilings   rewrites scripts/size-ceilings.json: each row's brotli bytes today
//                                       + 2 %, rounded up; exits 0. Raising a ceiling is a decision: commit
//                                       it with the change that needs it.
//   npm run size -- --json report.json  also writes every figure (bytes), file list and top contributors.
// In every mode a failed measurement (build error, browser missing, page not rendered, timeout) exits 1.
//
// Needs /usr/bin/chromium and /usr/bin/firefox-esr (CHROMIUM= / FIREFOX= to override; `npm test`'s
// pretest installs them). Takes a few seconds; a watchdog stops everything after 90 s, and every browser
// and server started here is closed on any error. DEBUG=1 prints stacks.

import {createServer} from 'node:http';
import {existsSync} from 'node:fs';
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {brotliCompressSync, constants as zlib, gzipSync} from 'node:zlib';
import * as esbuild from 'esbuild';
import puppeteer from 'puppeteer-core';
import {buildCdn, cdnOptions, ENTRY, root} from './cdn.mjs';
import {cssLiterals} from './css-literals.mjs';
import {contentOf, litAsUsed} from './size-floor.mjs';

let args;
try {
  ({values: args} = parseArgs({
    options: {
      json: {type: 'string'},
      ratchet: {type: 'boolean', default: false},
      'update-ceilings': {type: 'boolean', default: false},
    },
  }));
} catch (error) {
  console.error(`size: ${error.message}\nusage: node scripts/size.mjs [--ratchet] [--update-ceilings] [--json file]`);
  process.exit(1);
}

const KB = 1024;
const CEILINGS = path.join(root, 'scripts/size-ceilings.json');
const CEILING_MARGIN = 1.02;
const TAGS = ['photo-caption', 'news-byline', 'news-body', 'related-news', 'news-article'];
const ENFORCED_TAGS = new Set(['photo-caption']);
const STEP_TIMEOUT = 30_000;
const WATCHDOG = 90_000;

const BROWSERS = {
  chromium: {
    name: 'Chromium',
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    launch: {
      browser: 'chrome',
      args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  firefox: {
    name: 'Firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    launch: {browser: 'firefox'},
  },
};

// ---- Cleanup: every browser and server we start is stopped on success, error, signal or timeout. ----

const cleanups = new Set();
let stopping = false; // a browser that finishes starting after this is closed at once
/** `promise`, or a rejection with `message` (a string, or a function called at the time) after `ms`. */
const withTimeout = (promise, ms, message) => {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(typeof message === 'function' ? message() : message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};
const launching = {}; // engine → promise of {browser, kill}
let cleaning;
/** Once (the watchdog, a signal and the normal end may all ask); every caller waits for the same run. */
const cleanup = () =>
  (cleaning ??= (async () => {
    stopping = true;
    // A browser still starting is waited for (puppeteer's launch has its own timeout), then closed.
    await withTimeout(Promise.allSettled(Object.values(launching)), STEP_TIMEOUT + 5_000, '').catch(() => {});
    await Promise.allSettled([...cleanups].map((fn) => fn()));
  })());
const abort = async (message) => {
  console.error(`size: ${message}`);
  await withTimeout(cleanup(), STEP_TIMEOUT + 10_000, '').catch(() => {});
  process.exit(1);
};
const watchdog = setTimeout(() => abort(`timed out after ${WATCHDOG / 1000} s`), WATCHDOG);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => abort(`stopped by ${signal}`));

// ---- Sizes ----

const brotli = (data) => brotliCompressSync(data, {params: {[zlib.BROTLI_PARAM_QUALITY]: 11}}).length;
const sizes = (buffers) => {
  const sum = (f) => buffers.reduce((n, b) => n + f(b), 0);
  return {
    raw: sum((b) => b.length),
    gzip: sum((b) => gzipSync(b, {level: 9}).length),
    brotli: sum(brotli),
  };
};

/** The largest inputs of one esbuild output, for rows over budget. */
const contributors = (output, top = 10) =>
  Object.entries(output.inputs)
    .map(([input, {bytesInOutput}]) => ({input, bytesInOutput}))
    .filter((c) => c.bytesInOutput > 0)
    .sort((a, b) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, top);

// ---- npm: one element bundled alone, as an app would ----

const LIT = /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/;

async function bundleElement(tag) {
  const result = await esbuild.build({
    ...cdnOptions,
    entryPoints: [`src/${tag}.ts`],
    outdir: 'size-out', // nothing is written
    write: false,
    sourcemap: false,
    splitting: false,
    plugins: [
      cssLiterals, // the npm package's CSS is minified (scripts/build.mjs), as here
      {
        name: 'app-externals',
        setup(build) {
          build.onResolve({filter: /.*/}, (a) => {
            // An import() is a separate file in the app's build: not part of the element's cost.
            if (a.kind === 'dynamic-import') return {path: a.path, external: true};
            // The app has lit anyway.
            if (LIT.test(a.path)) return {path: a.path, external: true};
            return undefined;
          });
        },
      },
    ],
  });
  if (result.warnings.length) throw new Error(`esbuild (${tag}): ${result.warnings.length} warning(s), see above`);
  const [file, output] = Object.entries(result.metafile.outputs).find(([f]) => f.endsWith('.js'));
  const inputs = Object.keys(output.inputs);
  for (const pkg of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'marked', 'dompurify']) {
    if (inputs.some((i) => i.startsWith(`node_modules/${pkg}/`))) throw new Error(`${tag}: ${pkg} got into the bundle; the measurement is wrong`);
  }
  if (inputs.includes('src/markdown/render.ts')) throw new Error(`${tag}: src/markdown/render.ts got into the bundle`);
  const code = result.outputFiles.find((f) => f.path.endsWith(path.basename(file))).contents;
  return {output, ...sizes([Buffer.from(code)])};
}

// ---- Browsers: what a visitor downloads to see the seed article ----

const seed = JSON.parse(await readFile(path.join(root, 'test/fixtures/seed.json'), 'utf8'));
// The first Markdown heading of the body: proof that the Markdown chunk ran.
const BODY_TEXT = seed.body.match(/^#+\s+(.+)$/m)?.[1] ?? seed.body.slice(0, 20);
const PAGE = `<!doctype html>
<html lang="${seed.lang}"><head><meta charset="utf-8"><title>size</title><link rel="icon" href="data:,">
<script type="module" src="/cdn/${ENTRY}"></script></head>
<body><news-article src="/seed.json"></news-article></body></html>`;
const TYPES = {'.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml'};

/** A static server for one browser: the page, the CDN build (from memory), the seed article, demo images. */
async function serve(cdnFiles) {
  const served = [];
  const server = createServer(async (req, res) => {
    const {pathname} = new URL(req.url, 'http://x');
    served.push(pathname);
    let body;
    if (pathname === '/' || pathname === '/index.html') body = PAGE;
    else if (pathname.startsWith('/cdn/')) body = cdnFiles.get(pathname.slice('/cdn/'.length));
    else if (pathname === '/seed.json') body = await readFile(path.join(root, 'test/fixtures/seed.json'));
    else if (/^\/demo\/images\/[\w.-]+$/.test(pathname)) body = await readFile(path.join(root, pathname)).catch(() => undefined);
    if (body === undefined) return res.writeHead(404).end();
    res.writeHead(200, {'content-type': pathname.endsWith('/') || pathname.endsWith('.html') ? 'text/html; charset=utf-8' : (TYPES[path.extname(pathname)] ?? 'application/octet-stream')});
    res.end(body);
  });
  const sockets = new Set();
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const close = () => new Promise((resolve) => (server.close(resolve), sockets.forEach((s) => s.destroy())));
  cleanups.add(close);
  return {origin: `http://127.0.0.1:${server.address().port}`, served, close};
}

async function launch(engine) {
  const {name, executablePath, launch} = BROWSERS[engine];
  if (!existsSync(executablePath)) {
    throw new Error(`${name} not found at ${executablePath}: install it (npm test's pretest does: node scripts/ensure-browsers.mjs) or set ${engine === 'chromium' ? 'CHROMIUM' : 'FIREFOX'}=path`);
  }
  const browser = await puppeteer.launch({...launch, executablePath, headless: true, timeout: STEP_TIMEOUT}).catch((error) => {
    throw new Error(`${name} (${executablePath}) did not start: ${error.message}`);
  });
  // Once, whoever asks first (the visit or the cleanup); both wait for the same close.
  let closed;
  const kill = () =>
    (closed ??= withTimeout(browser.close(), 5_000, '').catch(() => {
      browser.process()?.kill('SIGKILL');
    }));
  cleanups.add(kill);
  if (stopping) await kill();
  return {browser, kill};
}

/** Renders the seed article in one engine; returns the .js files (paths under /cdn/) it loaded. */
async function visit(engine, launching, cdnFiles) {
  const {name} = BROWSERS[engine];
  const {browser, kill} = await launching;
  const server = await serve(cdnFiles);
  try {
    const version = await browser.version();
    const tab = await browser.newPage();
    const received = [];
    const errors = [];
    tab.on('response', (r) => received.push({url: r.url(), status: r.status()}));
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    tab.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
    const why = () => {
      const all = [...received.filter((r) => r.status >= 400).map((r) => `HTTP ${r.status} ${r.url}`), ...errors];
      return all.length ? ` (${all.join(' | ')})` : '';
    };

    await tab.goto(`${server.origin}/index.html`, {waitUntil: 'load', timeout: STEP_TIMEOUT}).catch((e) => {
      throw new Error(`${name}: the page did not load: ${e.message}${why()}`);
    });
    // Rendered = news-article's update (which waits for its parts, the Markdown included) has settled and
    // its shadow root shows the headline and the body's first heading.
    const rendered = tab.evaluate(
      async (headline, bodyText) => {
        const deep = (node) => (node.shadowRoot ? deep(node.shadowRoot) : '') + [...node.childNodes].map((n) => (n.nodeType === 3 ? n.textContent : deep(n))).join('');
        for (;;) {
          const el = document.querySelector('news-article');
          if (el?.updateComplete) {
            await el.updateComplete;
            if (el.shadowRoot?.querySelector('[part=headline]')?.textContent === headline && deep(el).includes(bodyText)) return;
          }
          await new Promise((r) => setTimeout(r, 25));
        }
      },
      seed.headline,
      BODY_TEXT,
    );
    await withTimeout(rendered, STEP_TIMEOUT, () => `${name}: the seed article did not render in ${STEP_TIMEOUT / 1000} s${why()}`);
    // Late requests (a chunk fetched after the first paint) would still count: let them show up.
    await new Promise((r) => setTimeout(r, 300));

    const origin = `${server.origin}/`;
    const js = received.filter((r) => r.url.startsWith(origin) && new URL(r.url).pathname.endsWith('.js'));
    const bad = js.filter((r) => r.status !== 200);
    if (bad.length) throw new Error(`${name}: ${bad.map((r) => `HTTP ${r.status} ${r.url}`).join(', ')}`);
    const files = [...new Set(js.map((r) => new URL(r.url).pathname))];
    // The browser's view and the server's must agree, or the measurement is wrong.
    const servedJs = [...new Set(server.served.filter((p) => p.endsWith('.js')))];
    if (files.length !== servedJs.length || files.some((f) => !servedJs.includes(f))) {
      throw new Error(`${name}: the browser reported ${files.join(', ') || 'no scripts'} but the server sent ${servedJs.join(', ') || 'none'}`);
    }
    const outside = files.filter((f) => !f.startsWith('/cdn/'));
    if (outside.length) throw new Error(`${name}: unexpected scripts ${outside.join(', ')}`);
    return {version, files: files.map((f) => f.slice('/cdn/'.length))};
  } finally {
    await kill();
    await server.close();
    cleanups.delete(kill);
    cleanups.delete(server.close);
  }
}

// ---- The run ----

const started = performance.now();
let failed = false;
const rows = [];
try {
  // Browsers start while esbuild works. A launch that fails is reported when its visit is awaited.
  for (const engine of Object.keys(BROWSERS)) (launching[engine] = launch(engine)).catch(() => {});

  const cdn = await buildCdn({write: false});
  const jsOutputs = (meta) => Object.entries(meta.outputs).filter(([f]) => f.endsWith('.js'));
  const cdnFile = (match) => {
    const found = [...jsOutputs(cdn.entryMeta), ...jsOutputs(cdn.lazyMeta), ...jsOutputs(cdn.loaderMeta)].filter(([f]) => match.test(f.slice(cdn.outdir.length + 1)));
    if (found.length !== 1) throw new Error(`expected one CDN file matching ${match}, found ${found.map(([f]) => f).join(', ') || 'none'}`);
    const [file, output] = found[0];
    const rel = file.slice(cdn.outdir.length + 1);
    return {rel, output, ...sizes([cdn.files.get(rel)])};
  };
  const entry = cdnFile(new RegExp(`^${ENTRY.replace('.', '\\.')}$`));
  const render = cdnFile(/^chunks\/render\.js$/);
  const purify = cdnFile(/^chunks\/purify-[\w-]+\.js$/);
  const hydrate = cdnFile(/^chunks\/hydrate\.js$/);
  const loader = cdnFile(/^news-elements-hydrate\.js$/);
  const zhCN = cdnFile(/^chunks\/zh-CN\.js$/);
  const pick = ({raw, gzip, brotli}) => ({raw, gzip, brotli});
  const cdnRow = (id, what, f, budget) => ({id, what, files: [`dist/cdn/${f.rel}`], ...pick(f), budget, enforced: true, output: f.output});

  const [elements, ...visits] = await Promise.all([
    Promise.all(TAGS.map(bundleElement)),
    ...Object.keys(BROWSERS).map((engine) => visit(engine, launching[engine], cdn.files)),
  ]);

  rows.push(cdnRow('cdn-entry', 'CDN entry: all elements, no Markdown', entry, 11 * KB));
  rows.push(cdnRow('markdown-chunk', 'Markdown chunk (marked + glue)', render, 15.5 * KB));
  Object.keys(BROWSERS).forEach((engine, i) => {
    const {version, files} = visits[i];
    rows.push({
      id: `visit-${engine}`,
      what: `seed article, all JS a ${BROWSERS[engine].name} ${version.replace(/^\D*/, '').split('.')[0]} visitor loads¹`,
      files: files.map((f) => `dist/cdn/${f}`),
      ...sizes(files.map((f) => cdn.files.get(f))),
      budget: 26 * KB,
      enforced: true,
      version,
    });
  });
  rows.push(cdnRow('dompurify-chunk', 'DOMPurify chunk (WebKit)', purify, 11.5 * KB));
  // Server-rendered pages (`news-elements render --script …/news-elements-hydrate.js`): the files
  // test/ssr.test.ts sees such a page load, in every engine. Reported against the visit budget.
  rows.push({...cdnRow('hydrate-chunk', 'hydration chunk (Lit SSR hydrate(), only pages with server HTML)', hydrate, 3 * KB), enforced: false});
  const ssrFiles = [loader, entry, hydrate, zhCN];
  rows.push({
    id: 'visit-ssr',
    what: 'server-rendered seed, all JS a visitor loads to make it live⁴ (info)',
    files: ssrFiles.map((f) => `dist/cdn/${f.rel}`),
    ...sizes(ssrFiles.map((f) => cdn.files.get(f.rel))),
    budget: 26 * KB,
    enforced: false,
  });
  TAGS.forEach((tag, i) => {
    rows.push({
      id: `npm-${tag}`,
      what: `npm: ${tag} alone, lit excluded²${ENFORCED_TAGS.has(tag) ? '' : ' (info)'}`,
      files: [`src/${tag}.ts`],
      ...pick(elements[i]),
      budget: 3 * KB,
      enforced: ENFORCED_TAGS.has(tag),
      output: elements[i].output,
    });
  });

  // ---- Ceilings ----
  const ceilings = JSON.parse(await readFile(CEILINGS, 'utf8').catch(() => '{}'));
  for (const row of rows) {
    row.overBudget = row.brotli > row.budget;
    row.ceiling = ceilings[row.id];
    row.overCeiling = row.ceiling === undefined ? undefined : row.brotli > row.ceiling;
  }

  // ---- Table ----
  const kb = (n, digits = 1) => `${(n / KB).toFixed(digits)} KB`;
  const cols = ['what', 'file(s)', 'raw', 'gzip-9', 'brotli-11', 'budget (brotli)', ''];
  if (args.ratchet) cols.push('ceiling (brotli)', '');
  const lines = [`| ${cols.join(' | ')} |`, `|${cols.map((_, i) => (i >= 2 && i <= 4 ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const r of rows) {
    const delta = r.brotli - r.budget;
    const mark = `${r.overBudget ? '✗' : '✓'} ${delta > 0 ? '+' : '−'}${kb(Math.abs(delta), 2)}${r.enforced ? '' : ' (info)'}`;
    const cells = [
      r.what,
      r.files.map((f) => `\`${f}\``).join('<br>'),
      kb(r.raw),
      kb(r.gzip),
      `${kb(r.brotli, 2)} (${r.brotli} B)`,
      `≤ ${r.budget / KB} KB`,
      mark,
    ];
    if (args.ratchet) cells.push(r.ceiling === undefined ? 'none' : `${r.ceiling} B`, r.ceiling === undefined ? '✗ no ceiling' : r.overCeiling ? '✗' : '✓');
    lines.push(`| ${cells.join(' | ')} |`);
  }
  console.log(lines.join('\n'));
  console.log(`
1 KB = 1024 bytes. Budgets are brotli (quality 11) bytes; gzip is level 9. Each file is compressed on its own and the row is the sum.
¹ The same-origin JavaScript the browser loaded until the article (headline and Markdown body) had rendered, measured in headless ${rows
    .filter((r) => r.version)
    .map((r) => r.version)
    .join(' and ')}. The seed JSON and the photo are not counted: JS is what we budget.
² \`import 'news-elements/<tag>.js'\` bundled by esbuild from src/ (minified, production), lit external; import()s (marked, DOMPurify, the Markdown glue, the fetch code behind \`src\`) are split off and not counted. Only photo-caption's budget is enforced; "(info)" rows are reported against the same 3 KB.
⁴ The loader, the bundle, chunks/hydrate.js and the zh-CN strings, after the page has painted: the article is HTML already.`);

  // ---- Floors: what each budget must hold however our code is written (scripts/size-floor.mjs) ----
  const lit = await litAsUsed(
    [...new Set(Object.keys(entry.output.inputs).filter((f) => f.startsWith('src/') && f.endsWith('.ts')))],
    {root, options: cdnOptions},
  );
  const floorRows = rows.filter((r) => r.output && (r.id === 'cdn-entry' || r.id.startsWith('npm-')));
  for (const r of floorRows) {
    const content = await contentOf(r.output, {root});
    const withLit = r.id === 'cdn-entry';
    r.floor = {
      lit: withLit ? brotli(lit.code) : 0,
      content: brotli(content),
      total: brotli(withLit ? `${lit.code}\n${content}` : content),
    };
  }
  const floorCols = ['what', 'budget', 'lit as src/ uses it', 'our CSS + markup', 'floor (both)', 'left for all logic', 'logic today'];
  const floorLines = [`| ${floorCols.join(' | ')} |`, `|${floorCols.map((_, i) => (i ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const r of floorRows) {
    const {lit: l, content, total} = r.floor;
    const left = r.budget - total;
    floorLines.push(
      `| ${[r.what.replace(/[¹²]/g, ''), `${r.budget / KB} KB`, l ? kb(l, 2) : '(external)', kb(content, 2), kb(total, 2), `${left < 0 ? '−' : ''}${kb(Math.abs(left), 2)}`, kb(r.brotli - total, 2)].join(' | ')} |`,
    );
  }
  console.log(`
Floors³ (brotli-11):
${floorLines.join('\n')}

³ What a row must hold however the logic is written: lit as src/ imports it (${Object.entries(lit.imports)
    .map(([m, names]) => `${m}: ${names.join(', ')}`)
    .join('; ')}) and the static text of our css/html/svg templates, compressed as one stream. "Left for all logic" is the budget minus the floor: the room for every element's class, validation, fetching, loading and error states, strings and events. "Logic today" is the row minus the floor.`);

  // What to cut first, for rows over budget.
  for (const r of rows.filter((row) => row.overBudget && row.output)) {
    console.log(`\n${r.what.replace(/[¹²]/g, '')} is ${kb(r.brotli - r.budget, 2)} over; largest inputs (minified bytes, before compression):`);
    for (const c of contributors(r.output)) console.log(`  ${String(c.bytesInOutput).padStart(7)}  ${c.input}`);
  }

  // ---- Outcome ----
  if (args['update-ceilings']) {
    const next = Object.fromEntries(rows.map((r) => [r.id, Math.ceil(r.brotli * CEILING_MARGIN)]));
    await writeFile(CEILINGS, `${JSON.stringify(next, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(root, CEILINGS)} (brotli bytes + ${Math.round((CEILING_MARGIN - 1) * 100)} %, rounded up)`);
  } else if (args.ratchet) {
    const over = rows.filter((r) => r.overCeiling !== false);
    if (over.length) {
      failed = true;
      console.error(`\n✗ over the ceiling in ${path.relative(root, CEILINGS)}: ${over.map((r) => `${r.id} ${r.brotli} B > ${r.ceiling ?? 'none'}`).join(', ')}`);
    } else console.log(`\n✓ every row within its ceiling (ratchet mode: the budgets above do not set the exit code)`);
    const slack = rows.filter((r) => r.ceiling !== undefined && r.brotli * CEILING_MARGIN ** 2 < r.ceiling);
    if (slack.length) console.log(`  ${slack.map((r) => r.id).join(', ')} shrank by more than 2 %: \`npm run size -- --update-ceilings\` locks that in`);
  } else {
    const over = rows.filter((r) => r.enforced && r.overBudget);
    if (over.length) {
      failed = true;
      console.error(`\n✗ ${over.length} row(s) over budget: ${over.map((r) => r.id).join(', ')}`);
    } else console.log('\n✓ every enforced row within its budget');
  }

  if (args.json) {
    const report = {
      unit: 'bytes',
      kb: KB,
      mode: args.ratchet ? 'ratchet' : 'budget',
      rows: rows.map(({output, ...r}) => ({...r, contributors: output ? contributors(output) : undefined})),
    };
    await writeFile(path.resolve(args.json), `${JSON.stringify(report, null, 2)}\n`);
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  failed = true;
  // Our own errors say what went wrong; a bug in this script needs its stack.
  console.error(`size: ${error instanceof TypeError || error instanceof ReferenceError || process.env.DEBUG ? error.stack : error.message}`);
} finally {
  await withTimeout(cleanup(), STEP_TIMEOUT + 10_000, 'cleanup timed out').catch((e) => console.error(`size: ${e.message}`));
  clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);
