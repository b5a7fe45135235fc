// `npm run build`: everything in dist/, from src/.
//
//   dist/*.js, *.d.ts, *.map   ES modules for npm users, one per source file (tsc -p tsconfig.build.json);
//                              lit, marked, dompurify and valibot stay bare imports.
//   dist/cdn/news-elements.js  one minified ES module for a <script type="module">, lit and valibot inside;
//   dist/cdn/chunks/*.js       marked (the Markdown renderer) and DOMPurify as chunks that the existing
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
import * as esbuild from 'esbuild';
import {buildArticleSchema} from './build-schema.mjs';

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
  assertParses(await jsFiles(dist));
});

// 2. CDN: one file for the page, with lit and valibot inside, plus the Markdown renderer (marked, the
// sanitizer) and DOMPurify as chunks that the existing import()s load, by relative URL, on demand.
//
// Two esbuild passes rather than one with `splitting`: in one pass, code that the element bundle and the
// Markdown chunk share (events.ts, safe-url.ts, esbuild's decorator helper) goes into small shared chunks
// that the entry imports statically — two more requests, one round trip later, before any element can
// register. Instead the Markdown chunk imports what it shares from the entry itself (`NewsError`,
// `safeUrl`: the package's public exports), so there is one copy of each module and `instanceof
// NewsError` holds across both files.
const cdnOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  // experimentalDecorators + useDefineForClassFields:false, as Lit's decorators expect.
  tsconfig: 'tsconfig.json',
  // Lit's production build (its "development" export condition stays off), and nothing that checks
  // NODE_ENV keeps its dev code.
  conditions: ['production'],
  define: {'process.env.NODE_ENV': '"production"'},
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
};
const ENTRY = 'news-elements.js';
const srcDir = path.join(root, 'src') + path.sep;
const markdownDir = path.join(srcDir, 'markdown') + path.sep;
const RENDER = path.join(markdownDir, 'render.ts');
const toTs = (resolveDir, spec) => path.resolve(resolveDir, spec).replace(/\.js$/, '.ts');

let entryMeta;
let lazyMeta;
await step('esbuild → dist/cdn/', async () => {
  // Pass 1, src/markdown/render.ts and what only it needs (marked, the sanitizers; DOMPurify split off
  // at its import()). Imports of other src/ modules go to the entry.
  const lazy = await esbuild.build({
    ...cdnOptions,
    entryPoints: {render: RENDER},
    outdir: 'dist/cdn/chunks',
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    splitting: true,
    plugins: [
      {
        name: 'shared-from-entry',
        setup(build) {
          build.onResolve({filter: /^\.\.?\//}, (args) => {
            const file = toTs(args.resolveDir, args.path);
            if (file.startsWith(srcDir) && !file.startsWith(markdownDir)) return {path: `../${ENTRY}`, external: true};
            return undefined;
          });
        },
      },
    ],
  });
  failOnWarnings(lazy);
  lazyMeta = lazy.metafile;
  const renderFile = Object.entries(lazyMeta.outputs).find(([, o]) => o.entryPoint)[0];

  // Pass 2, the entry: every element, lit, valibot. `import('./markdown/render.js')` → the chunk above.
  const entry = await esbuild.build({
    ...cdnOptions,
    entryPoints: {'news-elements': 'src/index.ts'},
    outdir: 'dist/cdn',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    plugins: [
      {
        name: 'markdown-chunk',
        setup(build) {
          build.onResolve({filter: /^\.\.?\//}, (args) => {
            const file = toTs(args.resolveDir, args.path);
            if (!file.startsWith(markdownDir) || args.importer.startsWith(markdownDir)) return undefined;
            if (file === RENDER && args.kind === 'dynamic-import') {
              return {path: `./chunks/${path.basename(renderFile)}`, external: true};
            }
            return {
              errors: [{text: `${path.relative(root, args.importer)} imports ${args.path} statically: src/markdown/ is loaded only by import('./markdown/render.js')`}],
            };
          });
        },
      },
    ],
  });
  failOnWarnings(entry);
  entryMeta = entry.metafile;
  await checkCdn();
  const files = await jsFiles(cdn);
  assertParses(files);
  for (const file of files) {
    if ((await readFile(file, 'utf8')).includes('Lit is in dev mode')) throw new Error(`${file}: Lit's development build`);
  }
});

/** esbuild's warnings here are bugs in waiting (e.g. an element import dropped by "sideEffects"). */
function failOnWarnings(result) {
  if (result.warnings.length) throw new Error(`esbuild: ${result.warnings.length} warning(s), see above`);
}

/**
 * The entry is one self-contained file: marked and DOMPurify are not in it and are reached only through
 * import(); the Markdown chunk asks the entry only for names the entry exports.
 */
async function checkCdn() {
  const entry = `dist/cdn/${ENTRY}`;
  const out = entryMeta.outputs[entry];
  if (!out) throw new Error(`esbuild wrote no ${entry}`);
  const inputs = (meta) => Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
  const has = (meta, pkg) => inputs(meta).some((i) => i.startsWith(`node_modules/${pkg}/`));

  const staticImports = out.imports.filter((i) => i.kind === 'import-statement');
  if (staticImports.length) {
    throw new Error(`${entry} must load alone; it imports ${staticImports.map((i) => i.path).join(', ')}`);
  }
  for (const pkg of ['marked', 'dompurify']) {
    if (has(entryMeta, pkg)) throw new Error(`${pkg} is in the entry build; it must be loaded by import() only`);
    if (!has(lazyMeta, pkg)) throw new Error(`${pkg} is not in the Markdown chunks`);
  }
  for (const pkg of ['lit-html', 'lit-element', '@lit/reactive-element', 'valibot']) {
    if (!has(entryMeta, pkg)) throw new Error(`${pkg} is not bundled in ${entry}`);
    if (has(lazyMeta, pkg)) throw new Error(`${pkg} is bundled twice (also in the Markdown chunks)`);
  }
  // A bare specifier left in any file would fail in a partner's page.
  const externals = [...Object.values(entryMeta.outputs), ...Object.values(lazyMeta.outputs)]
    .flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path))
    .filter((p) => !p.startsWith('./') && !p.startsWith('../'));
  if (externals.length) throw new Error(`the CDN build must be self-contained; it imports ${externals.join(', ')}`);
  // Each name the Markdown chunk imports from the entry must be one the entry exports.
  const exported = new Set(out.exports);
  for (const file of Object.keys(lazyMeta.outputs).filter((f) => f.endsWith('.js'))) {
    const code = await readFile(path.join(root, file), 'utf8');
    for (const [, list] of code.matchAll(new RegExp(`import\\{([^}]*)\\}from"\\.\\./${ENTRY.replace('.', '\\.')}"`, 'g'))) {
      for (const name of list.split(',').map((s) => s.trim().split(/\s+as\s+/)[0])) {
        if (!exported.has(name)) throw new Error(`${file} imports ${name} from ${ENTRY}, which does not export it (export it from src/index.ts)`);
      }
    }
  }
}

// 3. JSON Schema.
await step('dist/article.schema.json', async () => {
  const {schema, unconverted} = await buildArticleSchema();
  if (unconverted.length) {
    console.warn(`  warning: these v.check() rules are not in the JSON Schema (see scripts/build-schema.mjs): ${unconverted.join('; ')}`);
  }
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
