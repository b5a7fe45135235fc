// `npm run build`: everything in dist/, from src/.
//
//   dist/*.js, *.d.ts, *.map   ES modules for npm users, one per source file (tsc -p tsconfig.build.json),
//                              CSS in css`` templates minified; lit, marked and dompurify stay bare imports.
//   dist/cdn/news-elements.js  one minified ES module for a <script type="module">, lit inside;
//   dist/cdn/chunks/*.js       marked (the Markdown renderer, render.js), DOMPurify and the UI strings of
//                              each language but English (zh-CN.js …) as chunks that the existing
//                              import()s load, by relative URL, only when a page needs them.
//   dist/article.schema.json   JSON Schema 2020-12 of the article, from src/model/schema.ts.
//   custom-elements.json       the Custom Elements Manifest (top level, and a copy in dist/).
//
// The dev server (vite.config.ts, `npm start`) is not involved.

import {spawnSync} from 'node:child_process';
import {copyFile, readFile, readdir, rm, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {brotliCompressSync, constants as zlib, gzipSync} from 'node:zlib';
import {buildArticleSchema} from './build-schema.mjs';
import {buildCdn} from './cdn.mjs';
import {minifyCssTemplates} from './css-literals.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const cdn = path.join(dist, 'cdn');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const started = performance.now();

const step = async (name, fn) => {
  const t = performance.now();
  await fn();
  console.log(`✓ ${name} (${Math.round(performance.now() - t)} ms)`);
};

function run(command, args) {
  const result = spawnSync(command, args, {cwd: root, stdio: 'inherit'});
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} exited with ${result.status}`);
}

/**
 * Fails the build when V8 can't parse a file as an ES module, e.g. because decorator syntax was left in
 * it. (`node --check`, but one process for all files.)
 */
function assertParses(files) {
  const parse = `import vm from 'node:vm'; import fs from 'node:fs';
    for (const file of JSON.parse(process.argv[1])) {
      try { new vm.SourceTextModule(fs.readFileSync(file, 'utf8'), {identifier: file}); }
      catch (error) { console.error(file + ': ' + error.message); process.exitCode = 1; }
    }`;
  run(process.execPath, ['--experimental-vm-modules', '--no-warnings', '--input-type=module', '-e', parse, JSON.stringify(files)]);
}

async function jsFiles(dir) {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries.filter((e) => e.isFile() && e.name.endsWith('.js')).map((e) => path.join(e.parentPath, e.name));
}

await rm(dist, {recursive: true, force: true});

// 1. npm: JS + .d.ts + source maps, one file per module.
await step('tsc → dist/', async () => {
  run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  // The CSS in css`` templates ships minified, as in the CDN build (an app's bundler minifies the code
  // around a template, never its text). Line breaks are kept outside the strings, so tsc's maps still fit.
  for (const file of await jsFiles(dist)) {
    const code = await readFile(file, 'utf8');
    const minified = minifyCssTemplates(code, {keepLines: true});
    if (minified !== code) await writeFile(file, minified);
  }
  assertParses(await jsFiles(dist));
});

// 2. CDN: one file for the page, with lit inside, plus the Markdown renderer (marked, the
// sanitizer) and DOMPurify as chunks that the existing import()s load, by relative URL, on demand.
// The esbuild passes and their checks live in scripts/cdn.mjs (shared with `npm run size`).
let entryMeta;
let lazyMeta;
await step('esbuild → dist/cdn/', async () => {
  ({entryMeta, lazyMeta} = await buildCdn({write: true, outdir: 'dist/cdn'}));
  assertParses(await jsFiles(cdn));
});

// 3. JSON Schema.
await step('dist/article.schema.json', async () => {
  // Rules only code can check (runtimeOnly) are expected and tested in test/node/schema.test.mjs.
  const {schema} = await buildArticleSchema();
  await writeFile(path.join(dist, 'article.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
});

// 4. Custom Elements Manifest (config: custom-elements-manifest.config.mjs).
await step('custom-elements.json', async () => {
  run(bin('cem'), ['analyze', '--quiet', '--config', 'custom-elements-manifest.config.mjs']);
  const manifest = JSON.parse(await readFile(path.join(root, 'custom-elements.json'), 'utf8'));
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName));
  for (const tag of ['news-article', 'news-body', 'news-byline', 'photo-caption', 'related-news']) {
    if (!tags.includes(tag)) throw new Error(`custom-elements.json has no <${tag}>`);
  }
  await copyFile(path.join(root, 'custom-elements.json'), path.join(dist, 'custom-elements.json'));
});

// 5. The package's bin as npm installs it: `news-elements render` on the seed writes its whole article.
await step('dist/ssr/cli.js render (the seed)', async () => {
  const result = spawnSync(process.execPath, [path.join(dist, 'ssr/cli.js'), 'render', 'test/fixtures/seed.json'], {cwd: root, encoding: 'utf8'});
  const html = result.stdout ?? '';
  const hosts = (html.match(/shadowrootmode="open"/g) ?? []).length;
  if (result.status !== 0 || hosts !== 6 || !html.includes('补足精神之钙筑牢思想篱笆') || !html.includes('(下转第三版)')) {
    throw new Error(`dist/ssr/cli.js render: exit ${result.status}, ${hosts} shadow roots; ${result.stderr}`);
  }
});

// Sizes of what a partner's page downloads.
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log('\n  dist/cdn                                     raw   gzip  brotli');
for (const [file, output] of [...Object.entries(entryMeta.outputs), ...Object.entries(lazyMeta.outputs)].filter(([f]) => f.endsWith('.js'))) {
  const code = await readFile(path.join(root, file));
  const gz = gzipSync(code, {level: 9}).length;
  const br = brotliCompressSync(code, {params: {[zlib.BROTLI_PARAM_QUALITY]: 11}}).length;
  const what = Object.keys(output.inputs).some((i) => i.includes('node_modules/marked/'))
    ? 'marked'
    : Object.keys(output.inputs).some((i) => i.includes('node_modules/dompurify/'))
      ? 'dompurify'
      : '';
  console.log(`  ${(file.slice('dist/cdn/'.length) + (what ? ` (${what})` : '')).padEnd(40)} ${kb(code.length).padStart(8)} ${kb(gz).padStart(8)} ${kb(br).padStart(8)}`);
}
console.log(`\nbuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
