// The CDN build: esbuild's two passes and the checks on their output, shared by scripts/build.mjs
// (`npm run build`, writes dist/cdn/) and scripts/size.mjs (`npm run size`, builds in memory).
// Not run on its own.
//
//   dist/cdn/news-elements.js  one minified ES module for a <script type="module">, lit inside;
//   dist/cdn/chunks/*.js       marked (the Markdown renderer, render.js), DOMPurify (purify-HASH.js), and
//                              the UI strings of each language but English (zh-CN.js, ja.js …), as
//                              chunks that the existing import()s load, by relative URL, only when a
//                              page needs them.
//
// Two esbuild passes rather than one with `splitting`: in one pass, code that the element bundle and the
// Markdown chunk share (events.ts, safe-url.ts, esbuild's decorator helper) goes into small shared chunks
// that the entry imports statically — two more requests, one round trip later, before any element can
// register. Instead the Markdown chunk imports what it shares from the entry itself (`NewsError`,
// `safeUrl`: the package's public exports), so there is one copy of each module and `instanceof
// NewsError` holds across both files.

import {mkdir, readdir, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {cssLiterals} from './css-literals.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const ENTRY = 'news-elements.js';

export const cdnOptions = {
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

const srcDir = path.join(root, 'src') + path.sep;
const markdownDir = path.join(srcDir, 'markdown') + path.sep;
const RENDER = path.join(markdownDir, 'render.ts');
const i18nDir = path.join(srcDir, 'i18n') + path.sep;
/** import()s the fetch code for npm users; the CDN entry has that code inside (src/net/eager.ts). */
const NET_LAZY = path.join(srcDir, 'net', 'lazy.ts');
const NET_EAGER = path.join(srcDir, 'net', 'eager.ts');
const NET_LOAD = path.join(srcDir, 'net', 'load.ts');
const HYDRATE = path.join(srcDir, 'hydrate.ts');
const LIT_HTML_DIR = path.join(root, 'node_modules', 'lit-html') + path.sep;
const CDN_ENTRY = path.join(srcDir, 'cdn', 'news-elements.ts');
/** The script for server-rendered pages: news-elements.js, imported once the browser is idle. */
const HYDRATE_LOADER = path.join(srcDir, 'cdn', 'news-elements-hydrate.ts');
export const LOADER = 'news-elements-hydrate.js';
/** src/i18n/<BCP 47 tag>.ts: the languages loaded on demand by src/i18n/locale.ts. */
const LOCALE_FILE = /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*\.ts$/;
const toTs = (resolveDir, spec) => path.resolve(resolveDir, spec).replace(/\.js$/, '.ts');

/**
 * Builds the CDN files and checks them (see checkCdn). `outdir` is relative to the repository (or
 * absolute); with `write: false` nothing touches the disk.
 *
 * Returns `{files, entryMeta, lazyMeta, outdir}`: `files` maps each output's path relative to `outdir`
 * ('news-elements.js', 'chunks/render.js', '….map') to its bytes; `outdir` is relative to the repository,
 * as in the metafiles' keys.
 */
export async function buildCdn({write = true, outdir = 'dist/cdn'} = {}) {
  outdir = path.relative(root, path.resolve(root, outdir)).split(path.sep).join('/');
  // Always in memory, then written by us (when `write`): the checks read the same bytes either way.
  const common = {...cdnOptions, write: false};

  // Pass 1, what the entry loads with import(): src/markdown/render.ts and what only it needs (marked,
  // the sanitizers; DOMPurify split off at its import()), each language's strings (data only), and Lit
  // SSR's hydrate() (src/hydrate.ts, for pages with server-rendered HTML). Imports of other src/ modules,
  // and of lit-html's core, go to the entry: one copy of each, and one Lit on the page.
  const locales = (await readdir(i18nDir)).filter((f) => LOCALE_FILE.test(f));
  const lazy = await esbuild.build({
    ...common,
    entryPoints: {
      render: RENDER,
      hydrate: HYDRATE,
      ...Object.fromEntries(locales.map((f) => [f.slice(0, -3), path.join(i18nDir, f)])),
    },
    outdir: `${outdir}/chunks`,
    // Stable names for what a partner may preload (chunks/render.js, chunks/zh-CN.js): the folder is
    // versioned as a whole, like the entry, whose name has no hash either. Chunks esbuild splits off
    // (DOMPurify) keep a hash; nobody names them.
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    splitting: true,
    plugins: [
      cssLiterals,
      {
        name: 'shared-from-entry',
        setup(build) {
          build.onResolve({filter: /^\.\.?\//}, (args) => {
            const file = toTs(args.resolveDir, args.path);
            if (file.startsWith(srcDir) && !file.startsWith(markdownDir) && !args.importer.startsWith(i18nDir)) {
              return {path: `../${ENTRY}`, external: true};
            }
            if (args.path === './lit-html.js' && args.importer.startsWith(LIT_HTML_DIR)) return {path: `../${ENTRY}`, external: true};
            return undefined;
          });
          build.onResolve({filter: /^(?:lit|lit-html)$/}, () => ({path: `../${ENTRY}`, external: true}));
        },
      },
    ],
  });
  failOnWarnings(lazy);
  /** Source file → its chunk, for the import()s of pass 2. */
  const chunkOf = new Map(
    Object.entries(lazy.metafile.outputs)
      .filter(([, o]) => o.entryPoint)
      .map(([file, o]) => [path.join(root, o.entryPoint), `./chunks/${path.basename(file)}`]),
  );

  // Pass 2, the entry: every element, lit. `import('./markdown/render.js')`, `import('./zh-CN.js')` … →
  // the chunks above.
  const entry = await esbuild.build({
    ...common,
    entryPoints: {'news-elements': CDN_ENTRY},
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    plugins: [
      cssLiterals,
      {
        name: 'markdown-chunk',
        setup(build) {
          build.onResolve({filter: /^\.\.?\//}, (args) => {
            const file = toTs(args.resolveDir, args.path);
            // Pages that use `src` are most pages: the fetch code goes in the entry, not in a chunk one
            // round trip later.
            if (file === NET_LAZY) return {path: NET_EAGER};
            if (args.kind === 'dynamic-import' && chunkOf.has(file)) return {path: chunkOf.get(file), external: true};
            if (!file.startsWith(markdownDir) || args.importer.startsWith(markdownDir)) return undefined;
            return {
              errors: [{text: `${path.relative(root, args.importer)} imports ${args.path} statically: src/markdown/ is loaded only by import('./markdown/render.js')`}],
            };
          });
        },
      },
    ],
  });
  failOnWarnings(entry);

  // Pass 3, the script for server-rendered pages: alone, a few hundred bytes.
  const loader = await esbuild.build({...common, entryPoints: {[LOADER.slice(0, -3)]: HYDRATE_LOADER}, outdir, entryNames: '[name]'});
  failOnWarnings(loader);

  const absOut = path.join(root, outdir);
  const files = new Map(
    [...entry.outputFiles, ...lazy.outputFiles, ...loader.outputFiles].map((f) => [path.relative(absOut, f.path).split(path.sep).join('/'), Buffer.from(f.contents)]),
  );
  // Written before the checks, so that a failed check leaves the files to look at.
  if (write) {
    for (const f of [...entry.outputFiles, ...lazy.outputFiles, ...loader.outputFiles]) {
      await mkdir(path.dirname(f.path), {recursive: true});
      await writeFile(f.path, f.contents);
    }
  }
  const build = {files, entryMeta: entry.metafile, lazyMeta: lazy.metafile, loaderMeta: loader.metafile, outdir};
  checkCdn(build);
  return build;
}

/** esbuild's warnings here are bugs in waiting (e.g. an element import dropped by "sideEffects"). */
function failOnWarnings(result) {
  if (result.warnings.length) throw new Error(`esbuild: ${result.warnings.length} warning(s), see above`);
}

/**
 * The entry is one self-contained file: marked and DOMPurify are not in it and are reached only through
 * import(); the Markdown chunk asks the entry only for names the entry exports; no file is Lit's
 * development build.
 */
function checkCdn({files, entryMeta, lazyMeta, loaderMeta, outdir}) {
  // The loader imports nothing but the entry beside it, by a URL made from its own.
  const [loaderOut] = Object.values(loaderMeta.outputs).filter((o) => o.entryPoint);
  if (loaderOut.imports.length || !files.get(LOADER).toString('utf8').includes('"./news-elements.js",import.meta.url')) {
    throw new Error(`${LOADER} must import() only ./${ENTRY}, resolved against its own URL`);
  }
  const entry = `${outdir}/${ENTRY}`;
  const out = entryMeta.outputs[entry];
  if (!out) throw new Error(`esbuild wrote no ${entry}`);
  const inputs = (meta) => Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
  const has = (meta, pkg) => inputs(meta).some((i) => i.startsWith(`node_modules/${pkg}/`));

  if (!out.inputs[path.relative(root, NET_LOAD)] || out.inputs[path.relative(root, NET_LAZY)]) {
    throw new Error(`${entry} must hold the fetch code (src/net/load.ts through src/net/eager.ts), not import() it`);
  }
  // README tells partners to preload chunks/render.js and chunks/<language>.js by name.
  const lazyFiles = Object.keys(lazyMeta.outputs).map((f) => f.slice(outdir.length + 1));
  const locales = [...new Set(Object.values(lazyMeta.outputs).map((o) => o.entryPoint).filter((e) => e?.startsWith('src/i18n/')))];
  for (const name of ['render', ...locales.map((e) => path.basename(e, '.ts'))]) {
    if (!lazyFiles.includes(`chunks/${name}.js`)) throw new Error(`no chunks/${name}.js: the chunks partners preload must keep their documented names`);
  }
  const staticImports = out.imports.filter((i) => i.kind === 'import-statement');
  if (staticImports.length) {
    throw new Error(`${entry} must load alone; it imports ${staticImports.map((i) => i.path).join(', ')}`);
  }
  for (const pkg of ['marked', 'dompurify']) {
    if (has(entryMeta, pkg)) throw new Error(`${pkg} is in the entry build; it must be loaded by import() only`);
    if (!has(lazyMeta, pkg)) throw new Error(`${pkg} is not in the Markdown chunks`);
  }
  for (const pkg of ['lit-html', 'lit-element', '@lit/reactive-element']) {
    if (!has(entryMeta, pkg)) throw new Error(`${pkg} is not bundled in ${entry}`);
    // The hydrate chunk bundles lit-html's stateless helpers (directive-helpers.js …), never its core.
    const twice = pkg === 'lit-html' ? inputs(lazyMeta).includes('node_modules/lit-html/lit-html.js') : has(lazyMeta, pkg);
    if (twice) throw new Error(`${pkg} is bundled twice (also in the lazy chunks)`);
  }
  // A bare specifier left in any file would fail in a partner's page.
  const externals = [...Object.values(entryMeta.outputs), ...Object.values(lazyMeta.outputs)]
    .flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path))
    .filter((p) => !p.startsWith('./') && !p.startsWith('../'));
  if (externals.length) throw new Error(`the CDN build must be self-contained; it imports ${externals.join(', ')}`);
  // Each name the Markdown chunk imports from the entry must be one the entry exports.
  const exported = new Set(out.exports);
  const code = (file) => files.get(file.slice(outdir.length + 1)).toString('utf8');
  for (const file of Object.keys(lazyMeta.outputs).filter((f) => f.endsWith('.js'))) {
    for (const [, list] of code(file).matchAll(new RegExp(`import\\{([^}]*)\\}from"\\.\\./${ENTRY.replace('.', '\\.')}"`, 'g'))) {
      for (const name of list.split(',').map((s) => s.trim().split(/\s+as\s+/)[0])) {
        if (!exported.has(name)) throw new Error(`${file} imports ${name} from ${ENTRY}, which does not export it (export it from src/index.ts)`);
      }
    }
  }
  for (const [file, bytes] of files) {
    if (file.endsWith('.js') && bytes.includes('Lit is in dev mode')) throw new Error(`${outdir}/${file}: Lit's development build`);
  }
}
