// news-elements/ssr and its CLI, bundled from src/ for the tools that run them before or without
// `npm run build`: node tests, the test runner's server render route, the bench and the demo page. The
// same sources and the same minified CSS as dist/ssr/ (which tsc builds for npm); packages stay imports.
// Not run on its own.

import {fileURLToPath, pathToFileURL} from 'node:url';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {cssLiterals} from './css-literals.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SSR_OUT = path.join(root, 'node_modules', '.cache', 'news-elements-ssr');

let built;

/** Builds once per process; resolves with the paths of `index.js` (the module) and `cli.js`. */
export function buildSsr() {
  return (built ??= esbuild
    .build({
      absWorkingDir: root,
      entryPoints: {index: 'src/ssr/index.ts', cli: 'src/ssr/cli.ts'},
      outdir: SSR_OUT,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      tsconfig: 'tsconfig.json',
      logLevel: 'warning',
      plugins: [cssLiterals],
    })
    .then(() => ({index: path.join(SSR_OUT, 'index.js'), cli: path.join(SSR_OUT, 'cli.js')})));
}

/** The bundled news-elements/ssr module. */
export async function loadSsr() {
  const {index} = await buildSsr();
  return import(pathToFileURL(index).href);
}
