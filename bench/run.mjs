// `npm run bench`: how much the news elements cost against the same article as static HTML, measured side
// by side in real browsers (bench/README.md says what each case measures and how to read the figures).
//
//   node bench/run.mjs                 the full run: every case, 30 measured rounds each, in Chromium, and
//                                      in Firefox the cases it can measure (1–6)
//   node bench/run.mjs --quick         a few rounds, to try it out (figures too rough to judge by)
//   node bench/run.mjs --no-firefox    Chromium only
//   node bench/run.mjs --only=1,5      some cases only
//   node bench/run.mjs --variants      extra rows: case 5 with other preloads (what helps), case 8 with
//                                      english.json (Markdown that needs marked)
//   node bench/run.mjs --latency=50    case 5: every response delayed by that many ms (default 0)
//   node bench/run.mjs --rounds=N --seed=N --strict (exit 1 when a goal is missed)
//
// Builds dist/cdn first when it is missing or older than src/ (`npm run build`), then serves a snapshot of
// it, the demo images and generated pages from a node:http server on 127.0.0.1 (random port). Chromium:
// /usr/bin/chromium (CHROMIUM=path), Firefox: /usr/bin/firefox-esr (FIREFOX=path), via puppeteer-core.
// Prints a Markdown table on stdout (progress on stderr) and writes bench/results/latest.json.

import {spawnSync} from 'node:child_process';
import {cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile} from 'node:fs/promises';
import {cpus, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import * as esbuild from 'esbuild';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import {cjkArticle, english, photos, relatedItems, seed, seedVariant} from './data.mjs';
import {partnerPages, VIEWPORTS} from './partner.mjs';
import {startServer} from './server.mjs';
import {bootstrapMedian, median, prng, shuffle} from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const log = (message) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

// ---------------------------------------------------------------------------------------------- options
const flags = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? true];
  }),
);
for (const key of flags.keys()) {
  if (!['quick', 'no-firefox', 'only', 'variants', 'latency', 'rounds', 'seed', 'strict', 'help'].includes(key)) {
    console.error(`unknown option --${key}; see the header of bench/run.mjs`);
    process.exit(2);
  }
}
if (flags.has('help')) {
  console.error('node bench/run.mjs [--quick] [--no-firefox] [--only=1,2,…] [--variants] [--latency=ms] [--rounds=N] [--seed=N] [--strict]');
  process.exit(0);
}
const QUICK = flags.has('quick');
const ROUNDS = Number(flags.get('rounds') ?? (QUICK ? 5 : 30));
const WARMUP = QUICK ? 2 : 5;
const SEED = Number(flags.get('seed') ?? 1);
const ONLY = flags.has('only') ? new Set(String(flags.get('only')).split(',')) : null;
const want = (n) => !ONLY || ONLY.has(String(n));
const BROWSERS = ['chromium', ...(flags.has('no-firefox') ? [] : ['firefox'])];
const LATENCY = Number(flags.get('latency') ?? 0);
const INSTANCES = 50; // case 7
const IMAGE_DELAY = 1500; // case 8
const CPU_SLOWDOWN = 4; // case 10
const LIGHTHOUSE_RUNS = Number(flags.get('lighthouse-runs') ?? (QUICK ? 1 : 5)); // case 11, per page
const random = prng(SEED);

// ------------------------------------------------------------------------------------------------ build
/** Newest modification time under a folder. */
async function newest(dir) {
  let latest = 0;
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) latest = Math.max(latest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return latest;
}

/** dist/cdn, rebuilt if stale, copied to a temporary folder so a concurrent build cannot pull it away. */
async function cdnSnapshot() {
  const entry = path.join(ROOT, 'dist/cdn/news-elements.js');
  const built = await stat(entry).then((s) => s.mtimeMs, () => 0);
  if (built < (await newest(path.join(ROOT, 'src')))) {
    log(built ? 'dist/cdn is older than src/: npm run build' : 'no dist/cdn: npm run build');
    const result = spawnSync('npm', ['run', 'build'], {cwd: ROOT, stdio: ['ignore', 2, 2]});
    if (result.status !== 0) throw new Error('npm run build failed');
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'news-bench-'));
  await cp(path.join(ROOT, 'dist/cdn'), path.join(dir, 'cdn'), {recursive: true});
  // The Markdown chunk, and the UI strings the seed (Chinese) needs besides English: stable names.
  const chunks = await readdir(path.join(dir, 'cdn/chunks'));
  const [chunk, strings] = ['render.js', 'zh-CN.js'];
  if (!chunks.includes(chunk)) throw new Error('dist/cdn/chunks has no render.js (the Markdown chunk)');
  if (!chunks.includes(strings)) throw new Error('dist/cdn/chunks has no zh-CN.js (the zh-CN strings chunk)');
  return {dir, chunk, strings};
}

/** Lit alone, production build, for the Lit floor in bench/harness.js. */
async function litFloor() {
  const result = await esbuild.build({
    stdin: {contents: "export {LitElement, html} from 'lit';", resolveDir: ROOT, loader: 'js'},
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    conditions: ['production'],
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

// ------------------------------------------------------------------------------------------------ pages
const TAG_RE = /<(news-article|news-body|news-byline|photo-caption|related-news)\b([^>]*)><template shadowrootmode="open">/g;
/** Serialized declarative shadow DOM with each shadow root's CSS as a <style> (a page without JS). */
const withStyles = (html, css) => html.replace(TAG_RE, (match, tag) => `${match}<style>${css[tag]}</style>`);
const inlineJson = (value) => JSON.stringify(value).replaceAll('<', '\\u003c');

function page({head = '', body = ''}) {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>news-elements bench</title>
<style>body { margin: 8px; } #col { width: 680px; }</style>
${head}</head>
<body>${body}</body></html>`;
}

function addPages(server, chunk, strings) {
  const entry = '/cdn/news-elements.js';
  // What README documents for partners: preload the story's JSON and, for a story not in English, the UI
  // strings of its language (the seed needs no Markdown chunk, and a modulepreload of the bundle measured
  // no gain: see --variants).
  const json = `<link rel="preload" as="fetch" href="/data/seed.json" crossorigin="anonymous">`;
  const documented = `${json}<link rel="modulepreload" href="/cdn/chunks/${strings}">`;
  const script = `<script type="module" src="${entry}"></script>`;
  server.pages.set('/data/seed.json', JSON.stringify(seed));
  server.pages.set('/data/english.json', JSON.stringify(english));
  // Warm cases and memory: the bundle, then the in-page harness. Cross-origin isolated: performance.now()
  // in steps of 5 µs rather than 100 µs in Chromium.
  server.isolated.add('/bench/warm.html');
  server.pages.set(
    '/bench/warm.html',
    page({head: `<link rel="modulepreload" href="/cdn/chunks/${chunk}">${script}<script type="module">import * as bench from '/bench/harness.js'; window.bench = bench;</script>`, body: '<div id="col"></div>'}),
  );
  // Case 1, cold tab: the seed from JSON in the page, set as a property; a mark once it is laid out.
  server.pages.set(
    '/bench/cold-element.html',
    page({
      head: '',
      body: `<div id="col"></div><script type="module">
import '${entry}';
const el = document.createElement('news-article');
el.article = ${inlineJson(seed)};
document.getElementById('col').append(el);
await el.updateComplete;
el.getBoundingClientRect();
performance.mark('laid-out');
</script>`,
    }),
  );
  // Case 5: the partner page, with the preloads as documented, and variants (--variants).
  const partner = (head) => page({head: `${head}${script}`, body: '<div id="col"><news-article src="/data/seed.json"></news-article></div>'});
  server.pages.set('/bench/lcp-element.html', partner(documented));
  server.pages.set('/bench/lcp-element-none.html', partner(''));
  server.pages.set('/bench/lcp-element-entry.html', partner(`<link rel="modulepreload" href="${entry}">`));
  server.pages.set('/bench/lcp-element-chunk.html', partner(`<link rel="modulepreload" href="/cdn/chunks/${chunk}">`));
  server.pages.set('/bench/lcp-element-json.html', partner(`${documented}<link rel="modulepreload" href="${entry}">`));
  server.pages.set('/bench/lcp-element-nostrings.html', partner(json));
  // Case 8: a partner page with a header above the article; a mark when the article is rendered.
  for (const [file, json] of [['cls', 'seed'], ['cls-english', 'english']]) {
    server.pages.set(
      `/bench/${file}.html`,
      page({
        head: `<script>document.addEventListener('news-load', () => performance.mark('rendered'), {once: true});</script><link rel="preload" as="fetch" href="/data/${json}.json" crossorigin="anonymous">${script}`,
        body: `<header><h1>合作网站 · Partner page</h1><p>本栏目稿件由合作媒体提供。</p></header><div id="col"><news-article src="/data/${json}.json"></news-article></div>`,
      }),
    );
  }
}

/** The static pages need the serialized article, which the warm page makes (harness.js prepare()). */
function addStaticPages(server, {html, css}) {
  const article = withStyles(html, css);
  server.pages.set(
    '/bench/cold-static.html',
    page({body: `<div id="col">${article}</div><script>document.getElementById('col').lastElementChild.getBoundingClientRect(); performance.mark('laid-out');</script>`}),
  );
  server.pages.set('/bench/lcp-static.html', page({body: `<div id="col">${article}</div>`}));
}

/** Cases 9–11: the partner's page with each embed code (bench/partner.mjs); case 10's with marks. */
function addPartnerPages(server, {html, css}, snippet, strings) {
  const staticArticle = withStyles(html, css);
  for (const [kind, body] of Object.entries(partnerPages({staticArticle, snippet, strings}))) server.pages.set(`/bench/partner-${kind}.html`, body);
  server.pages.set('/bench/partner-hydrate-marked.html', partnerPages({staticArticle, snippet, strings, marks: true}).hydrate);
}

// --------------------------------------------------------------------------------------------- browsers
const CHROMIUM_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function launch(name) {
  const defaultViewport = {width: 1000, height: 800};
  if (name === 'chromium') {
    return puppeteer.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      // gc() between runs (never inside one), so a collection of the last run's garbage is not timed.
      args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
      defaultViewport,
    });
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    defaultViewport,
    // performance.now() is otherwise rounded to 1 ms in Firefox, as coarse as the things measured.
    extraPrefsFirefox: {'privacy.reduceTimerPrecision': false},
  });
}

async function openWarm(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${url}/bench/warm.html`, {waitUntil: 'load'});
  await page.waitForFunction(() => window.bench, {timeout: 10_000});
  await page.evaluate(() => window.bench.ready());
  return {page, errors};
}

/** In the page: resolves once the article (element or static) is rendered and its photo has loaded. */
async function articleSettled() {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const el = document.querySelector('news-article');
  if (customElements.get('news-article')) {
    while (!el.shadowRoot?.querySelector('article')) await sleep(5);
    await el.updateComplete;
  }
  const img = el.shadowRoot.querySelector('photo-caption').shadowRoot.querySelector('img');
  while (!img.complete) await sleep(5);
  for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await sleep(100);
  const entries = (type) =>
    new Promise((resolve) => {
      if (!PerformanceObserver.supportedEntryTypes.includes(type)) return resolve(null);
      const list = [];
      const observer = new PerformanceObserver((l) => list.push(...l.getEntries()));
      observer.observe({type, buffered: true});
      setTimeout(() => {
        observer.disconnect();
        resolve(list);
      }, 50);
    });
  const lcp = await entries('largest-contentful-paint');
  const shifts = await entries('layout-shift');
  return {
    lcp: lcp?.length ? lcp[lcp.length - 1].startTime : null,
    lcpCandidates: lcp?.map((e) => ({t: Math.round(e.startTime), size: e.size, url: e.url || undefined})),
    cls: shifts && shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0),
    shifts: shifts?.map((s) => ({
      t: Math.round(s.startTime),
      value: s.value,
      moved: s.sources.map((src) => `y ${Math.round(src.previousRect.y)}→${Math.round(src.currentRect.y)}, h ${Math.round(src.previousRect.height)}`),
    })),
  };
}

/** A new tab per load: the time of a mark the page sets, from its navigation start. */
async function markTime(browser, url, mark) {
  const page = await browser.newPage();
  try {
    await page.goto(url, {waitUntil: 'load'});
    const handle = await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, {timeout: 15_000}, mark);
    return await handle.jsonValue();
  } finally {
    await page.close();
  }
}

async function settledLoad(browser, url, {trace = false, viewport} = {}) {
  const page = await browser.newPage();
  try {
    if (viewport) await page.setViewport(viewport);
    if (trace) await page.tracing.start({categories: ['toplevel', 'blink.user_timing']});
    await page.goto(url, {waitUntil: 'load'});
    const result = await page.evaluate(articleSettled);
    if (trace) result.longestTask = longestTask(JSON.parse(new TextDecoder().decode(await page.tracing.stop())));
    return result;
  } finally {
    await page.close();
  }
}

/**
 * Longest task (ms) on the page's main thread from navigation start until the 'rendered' mark: the
 * renderer thread is the one that set the mark.
 */
function longestTask(trace) {
  const events = trace.traceEvents ?? trace;
  const mark = events.find((e) => e.name === 'rendered' && e.cat.includes('user_timing'));
  if (!mark) throw new Error('trace: no "rendered" mark (did the article render?)');
  const own = (e) => e.pid === mark.pid && e.tid === mark.tid;
  const navStart = Math.max(...events.filter((e) => own(e) && e.name === 'navigationStart' && e.ts <= mark.ts).map((e) => e.ts));
  let longest = 0;
  for (const e of events) {
    if (!own(e) || e.ph !== 'X' || !e.name.endsWith('RunTask')) continue;
    if (e.ts + e.dur >= navStart && e.ts <= mark.ts) longest = Math.max(longest, e.dur);
  }
  return longest / 1000;
}

// ---------------------------------------------------------------------------------------------- results
const results = [];
/**
 * One row of the table. `values`: one figure per round (a ratio or a difference); `goal`: {max} or
 * {max, every: true} (the worst round must meet it), or none (a figure to read, not a check).
 */
function record(browser, id, metric, values, {goal, unit = '×', digits = 2, extra = {}} = {}) {
  const stats = bootstrapMedian(values, {resamples: 2000, seed: SEED});
  const worst = Math.max(...values);
  let pass = null;
  if (goal) {
    const judged = goal.every ? worst : stats.median;
    pass = goal.strict ? judged < goal.max : judged <= goal.max;
  }
  const row = {browser, case: id, metric, unit, digits, ...stats, worst, goal: goal ?? null, pass, values, ...extra};
  results.push(row);
  return row;
}

const fmt = (value, unit, digits) => (unit === '×' ? `${value.toFixed(digits)}×` : `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`);

function table(browser) {
  const rows = results.filter((r) => r.browser === browser);
  const lines = ['| case | metric | median | 95% CI | goal | pass/fail |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const goal = !r.goal ? '—' : r.goal.label ?? `${r.goal.strict ? '<' : '≤'} ${fmt(r.goal.max, r.unit, r.digits)}${r.goal.every ? ' (every round)' : ''}`;
    // * : the interval reaches across the goal, so another run may well judge the other way.
    const crosses = r.goal && !r.goal.every && r.lo <= r.goal.max && r.hi >= r.goal.max;
    const verdict = r.pass === null ? '—' : `${r.pass ? 'pass' : '**fail**'}${crosses ? '*' : ''}`;
    const ci = `${fmt(r.lo, r.unit, r.digits)} … ${fmt(r.hi, r.unit, r.digits)}`;
    const median = r.goal?.every ? `${fmt(r.median, r.unit, r.digits)} (worst ${fmt(r.worst, r.unit, r.digits)})` : fmt(r.median, r.unit, r.digits);
    lines.push(`| ${r.case} | ${r.metric} | ${median} | ${ci} | ${goal} | ${verdict} |`);
  }
  return lines.join('\n');
}

// -------------------------------------------------------------------------------------------- the cases
/** Cases 1 (warm), 2, 3, 4 and 6: one page, every run of a round in random order. */
async function warmCases(name, browser, url, prepared) {
  const {page, errors} = await openWarm(browser, url);
  const specs = {
    seed: {id: '1', metric: 'seed article, warm: element / static time', tag: 'news-article', prop: 'article', values: [seed], goal: 1.15},
    cjk: {id: '2', metric: '100,000-char CJK article, warm: element / static', tag: 'news-article', prop: 'article', values: [cjkArticle], goal: 1.15},
    related: {id: '3', metric: '`<related-news>`, 1000 items: element / static', tag: 'related-news', prop: 'items', values: [relatedItems(1000)], goal: 1.1},
    photos: {id: '4', metric: '100 `<photo-caption>`: element / static', tag: 'photo-caption', prop: 'photo', values: photos(100), goal: 1.2},
  };
  // The seed is always prepared: its serialized HTML makes the static pages of cases 1 (cold) and 5.
  const active = Object.keys(specs).filter((k) => k === 'seed' || want(specs[k].id));
  for (const key of active) {
    const {tag, prop, values} = specs[key];
    const out = await page.evaluate((k, s) => window.bench.prepare(k, s), key, {tag, prop, values: JSON.stringify(values)});
    if (key === 'seed') prepared.seed ??= out;
  }
  const timed = active.filter((k) => want(specs[k].id));
  const samples = Object.fromEntries(timed.map((k) => [k, {element: [], static: [], floor: []}]));
  const updates = {first: [], update: []};
  const tasks = [...timed.flatMap((k) => [['element', k], ['static', k], ['floor', k]]), ...(want(6) ? [['update']] : [])];
  if (!tasks.length) return page.close();
  const texts = [JSON.stringify(seed), JSON.stringify(seedVariant)];
  for (let round = -WARMUP; round < ROUNDS; round++) {
    for (const [kind, key] of shuffle([...tasks], random)) {
      if (kind === 'update') {
        const swap = random() < 0.5;
        const {first, update} = await page.evaluate((a, b) => window.bench.runUpdate(a, b), texts[swap ? 1 : 0], texts[swap ? 0 : 1]);
        if (round >= 0) updates.first.push(first), updates.update.push(update);
      } else {
        const fn = {element: 'runElement', static: 'runStatic', floor: 'runFloor'}[kind];
        const ms = await page.evaluate((f, k) => window.bench[f](k), fn, key);
        if (round >= 0) samples[key][kind].push(ms);
      }
    }
    if (round === -1 || (round + 1) % 10 === 0) log(`${name}: warm cases (1, 2, 3, 4, 6), ${round + 1}/${ROUNDS} rounds`);
  }
  if (errors.length) throw new Error(`${name} warm page: ${errors.join('; ')}`);
  await page.close();
  for (const key of timed) {
    const {element, static: base, floor} = samples[key];
    const spec = specs[key];
    record(name, spec.id, spec.metric, element.map((e, i) => e / base[i]), {
      goal: {max: spec.goal},
      extra: {elementMs: median(element), staticMs: median(base), elementSamples: element, staticSamples: base},
    });
    // References, no goal: what six bare Lit elements cost for the same DOM, and what our code adds to that.
    record(name, spec.id, `${spec.metric.split(':')[0]}: Lit floor / static (reference)`, floor.map((f, i) => f / base[i]), {
      extra: {floorMs: median(floor), staticMs: median(base), floorSamples: floor},
    });
    record(name, spec.id, `${spec.metric.split(':')[0]}: element / Lit floor (reference)`, element.map((e, i) => e / floor[i]));
  }
  if (want(6)) {
    record(name, '6', 'update: new `article` / first render', updates.update.map((u, i) => u / updates.first[i]), {
      goal: {max: 1.0},
      extra: {updateMs: median(updates.update), firstMs: median(updates.first), updateSamples: updates.update, firstSamples: updates.first},
    });
  }
}

/** Case 1, cold tab: a new tab per load, element page and static page in random order. */
async function coldSeed(name, browser, url) {
  const samples = {element: [], static: []};
  for (let round = -WARMUP; round < ROUNDS; round++) {
    for (const kind of shuffle(['element', 'static'], random)) {
      const ms = await markTime(browser, `${url}/bench/cold-${kind}.html`, 'laid-out');
      if (round >= 0) samples[kind].push(ms);
    }
    if (round === -1 || (round + 1) % 10 === 0) log(`${name}: case 1 cold tab, ${round + 1}/${ROUNDS} rounds`);
  }
  record(name, '1', 'seed article, cold tab: element / static (navigation → laid out)', samples.element.map((e, i) => e / samples.static[i]), {
    goal: {max: 1.3},
    extra: {elementMs: median(samples.element), staticMs: median(samples.static), elementSamples: samples.element, staticSamples: samples.static},
  });
}

/** Case 5: LCP of the partner page (CDN script + <news-article src>) against the static page. */
async function coldLcp(name, browser, url, server) {
  const pages = {
    static: 'lcp-static',
    documented: 'lcp-element',
    ...(flags.has('variants')
      ? {none: 'lcp-element-none', entry: 'lcp-element-entry', chunk: 'lcp-element-chunk', json: 'lcp-element-json', nostrings: 'lcp-element-nostrings'}
      : {}),
  };
  const samples = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
  let candidates;
  server.setDelay('/', LATENCY);
  try {
    for (let round = -WARMUP; round < ROUNDS; round++) {
      for (const kind of shuffle(Object.keys(pages), random)) {
        const result = await settledLoad(browser, `${url}/bench/${pages[kind]}.html`);
        if (result.lcp === null) throw new Error(`${name}: no largest-contentful-paint entry`);
        if (round >= 0) samples[kind].push(result.lcp);
        if (kind === 'documented') candidates = result.lcpCandidates;
      }
      if (round === -1 || (round + 1) % 10 === 0) log(`${name}: case 5 LCP, ${round + 1}/${ROUNDS} rounds`);
    }
  } finally {
    server.setDelay('/', 0);
  }
  const base = samples.static;
  const extra = (k) => ({elementMs: median(samples[k]), staticMs: median(base), elementSamples: samples[k], staticSamples: base});
  const latency = LATENCY ? `, +${LATENCY} ms per response` : '';
  record(name, '5', `cold page LCP: element − static (documented preloads: JSON, zh-CN strings${latency})`, samples.documented.map((e, i) => e - base[i]), {
    // The goal is for the local server as it is; with added latency the figure is for reading only.
    goal: LATENCY ? undefined : {max: 75},
    unit: 'ms',
    digits: 0,
    extra: {...extra('documented'), lcpCandidates: candidates},
  });
  record(name, '5', 'cold page LCP: element / static', samples.documented.map((e, i) => e / base[i]), {extra: extra('documented')});
  const labels = {none: 'no preload', entry: 'modulepreload entry only', chunk: 'modulepreload Markdown chunk only', json: 'documented + modulepreload entry', nostrings: 'JSON preload only (no zh-CN strings preload)'};
  for (const k of Object.keys(labels).filter((key) => samples[key])) {
    record(name, '5', `LCP: element − static, ${labels[k]}`, samples[k].map((e, i) => e - base[i]), {unit: 'ms', digits: 0, extra: extra(k)});
  }
}

/** Case 7 (Chromium): DOM nodes and JS heap of 50 instances against 50 static copies, after forced GC. */
async function memory(name, browser, url) {
  const {page} = await openWarm(browser, url);
  await page.evaluate((s) => window.bench.prepare('seed', s), {tag: 'news-article', prop: 'article', values: JSON.stringify([seed])});
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const {metrics} = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map(({name: key, value}) => [key, value]));
    return {heap: m.JSHeapUsedSize, nodes: m.Nodes};
  };
  /** What `build` (run in the page with INSTANCES) adds, per instance, then cleared; and its tree walk. */
  const weigh = async (build) => {
    const empty = await measure();
    const walked = await page.evaluate(build, INSTANCES);
    const full = await measure();
    await page.evaluate(() => window.bench.memClear());
    return {walked, nodes: (full.nodes - empty.nodes) / INSTANCES, heapKiB: (full.heap - empty.heap) / INSTANCES / 1024};
  };
  const text = JSON.stringify(seed);
  const s = {nodesRatio: [], heapKiB: [], dataKiB: [], elementNodes: [], staticNodes: [], staticHeapKiB: [], floorNodesRatio: [], floorHeapKiB: []};
  const rounds = QUICK ? 3 : ROUNDS;
  const kinds = {};
  for (let round = -2; round < rounds; round++) {
    let elementNodes;
    let staticNodes;
    let floorNodes;
    for (const kind of shuffle(['element', 'static', 'floor'], random)) {
      if (kind === 'floor') {
        const w = await weigh((n) => window.bench.memFloor('seed', n));
        kinds.floor = w.walked;
        floorNodes = w.nodes;
        if (round >= 0) s.floorHeapKiB.push(w.heapKiB);
      } else if (kind === 'static') {
        const w = await weigh((n) => window.bench.memStatic('seed', n));
        kinds.static = w.walked;
        staticNodes = w.nodes;
        if (round >= 0) s.staticHeapKiB.push(w.heapKiB);
      } else {
        const empty = await measure();
        await page.evaluate((t, n) => window.bench.memRetainData(t, n), text, INSTANCES);
        const data = await measure();
        kinds.element = await page.evaluate(() => window.bench.memElements('news-article', 'article'));
        const full = await measure();
        await page.evaluate(() => window.bench.memClear());
        elementNodes = (full.nodes - data.nodes) / INSTANCES;
        if (round >= 0) {
          s.dataKiB.push((data.heap - empty.heap) / INSTANCES / 1024);
          s.heapKiB.push((full.heap - data.heap) / INSTANCES / 1024);
        }
      }
    }
    if (round >= 0) {
      s.elementNodes.push(elementNodes);
      s.staticNodes.push(staticNodes);
      s.nodesRatio.push(elementNodes / staticNodes);
      s.floorNodesRatio.push(floorNodes / staticNodes);
    }
  }
  log(`${name}: case 7 memory, ${rounds} rounds`);
  await page.close();
  record(name, '7', `memory: DOM nodes per instance, element / static (${INSTANCES} instances)`, s.nodesRatio, {
    goal: {max: 1.05},
    extra: {elementNodes: median(s.elementNodes), staticNodes: median(s.staticNodes), samples: s, kinds},
  });
  // Where the extra nodes are: the same count from a tree walk, once without comment nodes (Lit's markers).
  const noComments = (k) => k.elements + k.text + k.shadowRoots;
  const walked = (k) => noComments(k) + k.comments;
  record(name, '7', 'memory: DOM nodes by tree walk, element / static (with Lit marker comments)', [walked(kinds.element) / walked(kinds.static)]);
  record(name, '7', 'memory: DOM nodes by tree walk, element / static (without comments)', [noComments(kinds.element) / noComments(kinds.static)]);
  record(name, '7', 'memory: JS heap per instance beyond the article data', s.heapKiB, {
    goal: {max: 2},
    unit: 'KiB',
    digits: 1,
    extra: {dataKiB: median(s.dataKiB), staticHeapKiB: median(s.staticHeapKiB)},
  });
  record(name, '7', 'memory: the article data itself (one parsed copy, for reference)', s.dataKiB, {unit: 'KiB', digits: 1});
  record(name, '7', 'memory: Lit floor, DOM nodes per instance / static (reference)', s.floorNodesRatio);
  record(name, '7', 'memory: Lit floor, JS heap per instance (reference)', s.floorHeapKiB, {unit: 'KiB', digits: 1});
}

/**
 * Case 8 (Chromium): CLS while the seed loads with slow images; longest task until it is rendered. The
 * viewport is as tall as the whole page, so a shift anywhere in the article counts, not only one in the
 * first 800px. --variants: the same with english.json, whose Markdown (list, quote, links) needs marked.
 */
async function stability(name, browser, url, server) {
  const pages = {seed: 'cls', ...(flags.has('variants') ? {english: 'cls-english'} : {})};
  const cls = {seed: [], english: []};
  const tasks = [];
  const shifts = {};
  server.setDelay('/demo/images/', IMAGE_DELAY);
  try {
    for (let round = -WARMUP; round < ROUNDS; round++) {
      for (const kind of shuffle(Object.keys(pages), random)) {
        const result = await settledLoad(browser, `${url}/bench/${pages[kind]}.html`, {trace: kind === 'seed', viewport: {width: 1000, height: 3000}});
        if (round < 0) continue;
        cls[kind].push(result.cls);
        if (kind === 'seed') tasks.push(result.longestTask);
        if (result.cls > 0) shifts[kind] ??= result.shifts;
      }
      if ((round + 1) % 10 === 0) log(`${name}: case 8 layout stability, ${round + 1}/${ROUNDS} rounds`);
    }
  } finally {
    server.setDelay('/demo/images/', 0);
  }
  const goal = {max: 0.0005, every: true, label: '0.000 (every round)'};
  record(name, '8', `cumulative layout shift, images served after ${IMAGE_DELAY} ms`, cls.seed, {goal, unit: '', digits: 3, extra: {shifts: shifts.seed}});
  record(name, '8', 'longest task, navigation → seed rendered (CDP trace)', tasks, {goal: {max: 50, strict: true}, unit: 'ms', digits: 1});
  if (cls.english.length) {
    record(name, '8', 'cumulative layout shift, english.json (Markdown that needs marked)', cls.english, {unit: '', digits: 3, extra: {shifts: shifts.english}});
  }
}

/**
 * Case 9 (Chromium): the partner's page at a phone's and a desktop's size, with content after the story,
 * per embed code: cumulative layout shift until the story and its photo are shown (and, with a script,
 * live), and LCP against the static page of the same round.
 */
async function partnerCase(name, browser, url) {
  const kinds = ['static', 'ssr', 'hydrate', 'src', 'declared', ...(flags.has('variants') ? ['hydrate-plain', 'hydrate-preload'] : [])];
  const labels = {
    'hydrate-plain': 'snippet + news-elements.js itself (not the idle loader)',
    'hydrate-preload': 'snippet + news-elements.js + modulepreloads of its hydrate and zh-CN chunks',
    ssr: 'server-rendered snippet, no script',
    hydrate: 'server-rendered snippet + news-elements-hydrate.js (hydration)',
    src: 'client-only `src` embed code',
    declared: '`src` embed code + declared space (min-block-size: 100vh)',
  };
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    const s = Object.fromEntries(kinds.map((k) => [k, {cls: [], lcp: []}]));
    const shifts = {};
    for (let round = -WARMUP; round < ROUNDS; round++) {
      for (const kind of shuffle([...kinds], random)) {
        const result = await settledLoad(browser, `${url}/bench/partner-${kind}.html`, {viewport});
        if (result.lcp === null) throw new Error(`${name}: no largest-contentful-paint entry on partner-${kind}`);
        if (round < 0) continue;
        s[kind].cls.push(result.cls);
        s[kind].lcp.push(result.lcp);
        if (result.cls > 0) shifts[kind] ??= result.shifts;
      }
      if ((round + 1) % 10 === 0) log(`${name}: case 9 partner page, ${width}, ${round + 1}/${ROUNDS} rounds`);
    }
    const size = `${width} ${viewport.width}×${viewport.height}`;
    const zero = {max: 0.0005, every: true, label: '0.000 (every round)'};
    record(name, '9', `${size}: CLS, static page (reference)`, s.static.cls, {unit: '', digits: 3});
    for (const kind of kinds.slice(1)) {
      const judged = kind === 'ssr' || kind === 'hydrate';
      record(name, '9', `${size}: CLS, ${labels[kind]}`, s[kind].cls, {goal: judged ? zero : undefined, unit: '', digits: 3, extra: {shifts: shifts[kind]}});
      record(name, '9', `${size}: LCP, ${labels[kind]} / static`, s[kind].lcp.map((v, i) => v / s.static.lcp[i]), {
        goal: judged ? {max: 1.05} : undefined,
        extra: {elementMs: median(s[kind].lcp), staticMs: median(s.static.lcp)},
      });
    }
  }
}

/**
 * Case 10 (Chromium, CPU slowed 4×): what waking up the server-rendered seed costs the main thread, from
 * the bundle's evaluation (after news-elements-hydrate.js, marked just before, has waited for idle)
 * until the story is live (its news-load): the time in tasks, and the longest task (CDP trace).
 */
async function hydrationCost(name, browser, url) {
  const total = [];
  const longest = [];
  for (let round = -WARMUP; round < ROUNDS; round++) {
    const page = await browser.newPage();
    try {
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setCPUThrottlingRate', {rate: CPU_SLOWDOWN});
      await page.setViewport(VIEWPORTS.phone);
      await page.tracing.start({categories: ['toplevel', 'blink.user_timing', 'v8']});
      await page.goto(`${url}/bench/partner-hydrate-marked.html`, {waitUntil: 'load'});
      await page.waitForFunction(() => performance.getEntriesByName('live').length, {timeout: 30_000});
      const {mainThread, longestTask: task} = tasksBetween(JSON.parse(new TextDecoder().decode(await page.tracing.stop())), 'script-start', 'live');
      if (round >= 0) total.push(mainThread), longest.push(task);
    } finally {
      await page.close();
    }
    if ((round + 1) % 10 === 0) log(`${name}: case 10 hydration cost, ${round + 1}/${ROUNDS} rounds`);
  }
  record(name, '10', `hydration, ${CPU_SLOWDOWN}× CPU: longest task, bundle evaluated → live`, longest, {goal: {max: 50, strict: true}, unit: 'ms', digits: 1});
  record(name, '10', `hydration, ${CPU_SLOWDOWN}× CPU: main-thread time in tasks, bundle evaluated → live`, total, {unit: 'ms', digits: 1});
}

/**
 * Main-thread tasks of the page that set the marks `from` and `to`, from the first module evaluation
 * after `from` that takes over a millisecond (the bundle's: the loader's own is a fraction of that) until
 * `to`: their time inside that span, and the longest. The page's own first layout, which the idle loader
 * lets happen first, is the static page's too and is not counted.
 */
function tasksBetween(trace, from, to) {
  const events = trace.traceEvents ?? trace;
  const mark = (markName) => events.find((e) => e.name === markName && e.cat.includes('user_timing'));
  const marked = mark(from);
  const end = mark(to);
  if (!marked || !end) throw new Error(`trace: no "${from}" or "${to}" mark`);
  const evaluation = events
    .filter((e) => e.name === 'v8.evaluateModule' && e.pid === marked.pid && e.tid === marked.tid && e.ts >= marked.ts && e.dur > 1000)
    .sort((a, b) => a.ts - b.ts)[0];
  if (!evaluation) throw new Error('trace: no evaluation of the bundle after the start mark');
  const start = {...marked, ts: evaluation.ts};
  let mainThread = 0;
  let longestTask = 0;
  for (const e of events) {
    if (e.pid !== start.pid || e.tid !== start.tid || e.ph !== 'X' || !e.name.endsWith('RunTask')) continue;
    const overlap = Math.min(e.ts + e.dur, end.ts) - Math.max(e.ts, start.ts);
    if (overlap <= 0 && !(e.ts <= start.ts && e.ts + e.dur >= start.ts)) continue;
    mainThread += Math.max(0, overlap);
    longestTask = Math.max(longestTask, e.dur);
  }
  return {mainThread: mainThread / 1000, longestTask: longestTask / 1000};
}

/**
 * Case 11: Lighthouse 12, its default mobile profile (simulated slow 4G, 4× CPU), on the partner's page
 * with each embed code: performance score, LCP, TBT and CLS. Pages interleaved, LIGHTHOUSE_RUNS each.
 */
async function lighthouseCase(url) {
  const kinds = ['static', 'ssr', 'hydrate', 'src'];
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--remote-debugging-port=0'],
  });
  const {version} = JSON.parse(await readFile(path.join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8'));
  versions.lighthouse = `Lighthouse ${version} (case 11, mobile profile), ${await browser.version()}`;
  const port = Number(new URL(browser.wsEndpoint()).port);
  const s = Object.fromEntries(kinds.map((k) => [k, {score: [], lcp: [], tbt: [], cls: []}]));
  try {
    for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
      for (const kind of shuffle([...kinds], random)) {
        const {lhr} = await lighthouse(`${url}/bench/partner-${kind}.html`, {port, output: 'json', logLevel: 'error', onlyCategories: ['performance']});
        if (lhr.runtimeError) throw new Error(`Lighthouse on partner-${kind}: ${lhr.runtimeError.message}`);
        const audit = (id) => lhr.audits[id].numericValue;
        s[kind].score.push(lhr.categories.performance.score * 100);
        s[kind].lcp.push(audit('largest-contentful-paint'));
        s[kind].tbt.push(audit('total-blocking-time'));
        s[kind].cls.push(audit('cumulative-layout-shift'));
      }
      log(`lighthouse: case 11, ${run + 1}/${LIGHTHOUSE_RUNS} runs of each page`);
    }
  } finally {
    await browser.close();
  }
  const labels = {static: 'static page', ssr: 'snippet, no script', hydrate: 'snippet + script', src: '`src` embed code'};
  for (const kind of kinds) {
    record('lighthouse', '11', `${labels[kind]}: performance score`, s[kind].score, {unit: '', digits: 0});
    if (kind === 'ssr' || kind === 'hydrate') {
      record('lighthouse', '11', `${labels[kind]}: score, static − this`, s[kind].score.map((v, i) => s.static.score[i] - v), {goal: {max: 2}, unit: 'points', digits: 0});
    }
    record('lighthouse', '11', `${labels[kind]}: LCP`, s[kind].lcp, {unit: 'ms', digits: 0});
    record('lighthouse', '11', `${labels[kind]}: TBT`, s[kind].tbt, {unit: 'ms', digits: 0});
    record('lighthouse', '11', `${labels[kind]}: CLS`, s[kind].cls, {unit: '', digits: 3});
  }
}

/** Case 12 (Node, one core): renderArticle (dist/ssr) on the seed and on the 100,000-character article. */
async function serverThroughput(ssr) {
  const quiet = {onProblem() {}};
  const BATCH = 20;
  for (let i = 0; i < 20; i++) await ssr.renderArticle(seed, quiet);
  await ssr.renderArticle(cjkArticle, quiet);
  const perSeed = [];
  const long = [];
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    for (let i = 0; i < BATCH; i++) await ssr.renderArticle(seed, quiet);
    perSeed.push((performance.now() - t) / BATCH);
    t = performance.now();
    await ssr.renderArticle(cjkArticle, quiet);
    long.push(performance.now() - t);
  }
  log(`node: case 12 server rendering, ${ROUNDS} rounds`);
  const row = record('node', '12', 'server: renderArticle, ms per seed article (≤ 10 ms: ≥ 100 per second)', perSeed, {goal: {max: 10}, unit: 'ms', digits: 2});
  row.perSecond = 1000 / row.median;
  record('node', '12', 'server: renderArticle, the 100,000-character article', long, {goal: {max: 200}, unit: 'ms', digits: 0});
}

// ----------------------------------------------------------------------------------------------- main
const {dir: snapshot, chunk, strings} = await cdnSnapshot();
// news-elements/ssr as the package ships it (dist/ssr, built with dist/cdn).
const ssr = await import(pathToFileURL(path.join(ROOT, 'dist/ssr/index.js')).href);
const snippet = await ssr.renderArticle(seed, {onProblem() {}});
const server = await startServer({'/cdn/': path.join(snapshot, 'cdn'), '/demo/': path.join(ROOT, 'demo'), '/bench/': path.join(ROOT, 'bench')});
addPages(server, chunk, strings);
server.pages.set('/bench/lit-floor.js', await litFloor());
log(`serving ${server.url}; ${ROUNDS} rounds after ${WARMUP} warm-up; seed ${SEED}; ${BROWSERS.join(', ')}`);

const versions = {};
const prepared = {};
try {
  for (const name of BROWSERS) {
    // Firefox has no CDP: cases 7 and 8 are Chromium's.
    if (name === 'firefox' && ![1, 2, 3, 4, 5, 6].some(want)) continue;
    // Chromium also prepares the static article the partner pages of case 11 need.
    if (name === 'chromium' && ![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].some(want)) continue;
    const browser = await launch(name);
    try {
      versions[name] = await browser.version();
      log(`${name}: ${versions[name]}`);
      if ([1, 2, 3, 4, 6].some(want)) await warmCases(name, browser, server.url, prepared);
      if (!prepared.seed) {
        const {page} = await openWarm(browser, server.url);
        prepared.seed = await page.evaluate((s) => window.bench.prepare('seed', s), {tag: 'news-article', prop: 'article', values: JSON.stringify([seed])});
        await page.close();
      }
      addStaticPages(server, prepared.seed);
      addPartnerPages(server, prepared.seed, snippet, strings);
      if (want(1)) await coldSeed(name, browser, server.url);
      if (want(5)) await coldLcp(name, browser, server.url, server);
      if (name === 'chromium' && want(7)) await memory(name, browser, server.url);
      if (name === 'chromium' && want(8)) await stability(name, browser, server.url, server);
      if (name === 'chromium' && want(9)) await partnerCase(name, browser, server.url);
      if (name === 'chromium' && want(10)) await hydrationCost(name, browser, server.url);
    } finally {
      await browser.close();
    }
  }
  if (want(11) && !flags.has('no-lighthouse')) await lighthouseCase(server.url);
  if (want(12)) await serverThroughput(ssr);
} finally {
  await server.close();
  await rm(snapshot, {recursive: true, force: true});
}

// ----------------------------------------------------------------------------------------------- report
/** Which source was measured: the commit, and the files under src/ that differ from it. */
function gitState() {
  const git = (...args) => spawnSync('git', args, {cwd: ROOT, encoding: 'utf8'}).stdout?.trim() ?? '';
  return {commit: git('rev-parse', 'HEAD'), srcChanges: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).map((l) => l.trim())};
}

const seconds = (performance.now() - started) / 1000;
const out = [`## news-elements bench (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${ROUNDS} rounds${QUICK ? ', --quick' : ''})`, ''];
if (results.some((r) => r.browser === 'node')) versions.node = `Node ${process.version} (server rendering, case 12)`;
for (const name of [...BROWSERS, 'lighthouse', 'node'].filter((b) => versions[b])) {
  out.push(`### ${versions[name]}`, '', table(name), '');
  const absolute = results.filter((r) => r.browser === name && r.elementMs !== undefined && r.unit !== 'ms');
  if (absolute.length) {
    out.push('Medians behind the ratios (ms; absolute times are noise on this machine, compare only within a line):', '');
    for (const r of absolute) out.push(`- ${r.case}, ${r.metric.split(':')[0]}: element ${r.elementMs.toFixed(1)}, static ${r.staticMs.toFixed(1)}`);
    const update = results.find((r) => r.browser === name && r.case === '6');
    if (update) out.push(`- 6, update: ${update.updateMs.toFixed(1)}, first render ${update.firstMs.toFixed(1)}`);
    out.push('');
  }
}
out.push(
  'Median of per-round figures; 95% CI: bootstrap (2000 resamples) of that median. `*`: the interval crosses the goal, so the verdict could flip on another run.',
  `Node ${process.version}, ${cpus().length} CPUs, ${seconds.toFixed(0)} s.`,
);
console.log(out.join('\n'));

await mkdir(path.join(ROOT, 'bench/results'), {recursive: true});
const json = {
  date: new Date().toISOString(),
  options: {rounds: ROUNDS, warmup: WARMUP, seed: SEED, quick: QUICK, browsers: BROWSERS, only: ONLY && [...ONLY], variants: flags.has('variants'), latency: LATENCY},
  environment: {node: process.version, cpus: cpus().length, browsers: versions, markdownChunk: chunk, ...gitState()},
  seconds: Math.round(seconds),
  results,
};
await writeFile(path.join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(json, null, 1)}\n`);
log('wrote bench/results/latest.json');
if (flags.has('strict') && results.some((r) => r.pass === false)) process.exitCode = 1;
