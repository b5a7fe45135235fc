// The floor under a size budget: the bytes a file must hold however its code is written. Used by
// scripts/size.mjs (`npm run size`), which prints it under each enforced row that has code of ours; not
// run on its own.
//
//   lit            lit as src/ uses it: every name src/ imports from lit, lit-html, lit-element or
//                  @lit/reactive-element, bundled and minified the way the CDN build does (rows with lit
//                  external skip it).
//   CSS + markup   the static text of every css`…`, html`…` and svg`…` template in the row's src/ files,
//                  CSS minified as it ships, runs of whitespace as one space: the look and the DOM the
//                  elements must produce.
// The floor is the brotli size of the two compressed as one stream (shared context makes that smaller
// than the sum: a lower bound). What a budget leaves above it is all there is for the logic: validation,
// fetching, states, strings, events, the elements' classes.

import {readFile} from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {minifyCssTemplates} from './css-literals.mjs';

const LIT = /^(?:lit|lit-html|lit-element|@lit\/reactive-element)(?:\/|$)/;
const TAGS = new Set(['css', 'html', 'svg']);

/**
 * The static text of the css/html/svg tagged templates in `source` (TypeScript or JavaScript), in
 * source order, including templates nested in another's `${…}`. Text between `${` and `}` is code and is
 * left out. Strings, comments and regular expressions outside templates are skipped so that a backtick
 * inside them is not taken for a template.
 */
export function templateText(source) {
  const parts = [];
  let i = 0;

  /** Reads the template whose opening backtick is at `i`; returns the index after its closing one. */
  const template = (start, tagged) => {
    let j = start + 1;
    let text = '';
    while (j < source.length) {
      const c = source[j];
      if (c === '\\') {
        text += source.slice(j, j + 2);
        j += 2;
      } else if (c === '`') {
        if (tagged) parts.push(text);
        return j + 1;
      } else if (c === '$' && source[j + 1] === '{') {
        if (tagged) parts.push(text);
        text = '';
        j = code(j + 2, '}');
      } else {
        text += c;
        j++;
      }
    }
    throw new Error('unterminated template literal');
  };

  /** Skips code from `start` until `close` at depth 0 (or the end); returns the index after `close`. */
  const code = (start, close) => {
    let j = start;
    let depth = 0;
    while (j < source.length) {
      const c = source[j];
      if (c === "'" || c === '"') {
        j++;
        while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
        j++;
      } else if (c === '/' && source[j + 1] === '/') {
        j = source.indexOf('\n', j);
        if (j === -1) return source.length;
      } else if (c === '/' && source[j + 1] === '*') {
        j = source.indexOf('*/', j + 2) + 2;
        if (j === 1) return source.length;
      } else if (c === '/' && /[(,=:[!&|?{};]\s*$|return\s*$|^\s*$/.test(source.slice(Math.max(0, j - 20), j))) {
        // A regular expression literal: up to its closing slash (not one inside a character class).
        j++;
        let inClass = false;
        while (j < source.length && (inClass || source[j] !== '/')) {
          if (source[j] === '\\') j++;
          else if (source[j] === '[') inClass = true;
          else if (source[j] === ']') inClass = false;
          j++;
        }
        j++;
      } else if (c === '`') {
        const tag = /([\w$]+)\s*$/.exec(source.slice(Math.max(0, j - 20), j))?.[1];
        j = template(j, TAGS.has(tag));
      } else if (c === '{' || c === '(' || c === '[') {
        depth++;
        j++;
      } else if (c === '}' || c === ')' || c === ']') {
        if (depth === 0 && c === close) return j + 1;
        depth--;
        j++;
      } else j++;
    }
    return j;
  };

  i = code(0, undefined);
  return parts.filter((p) => p.length > 0);
}

/** lit as src/ uses it, minified (production build): the names src/ imports, bundled and kept. */
export async function litAsUsed(sourceFiles, {root, options}) {
  const byModule = new Map();
  for (const file of sourceFiles) {
    const source = await readFile(path.join(root, file), 'utf8');
    for (const [, names, module] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
      if (!LIT.test(module)) continue;
      for (const spec of names.split(',')) {
        const name = spec.trim().split(/\s+as\s+/)[0];
        if (!name || name.startsWith('type ')) continue;
        if (!byModule.has(module)) byModule.set(module, new Set());
        byModule.get(module).add(name);
      }
    }
  }
  if (!byModule.size) throw new Error('size-floor: src/ imports nothing from lit; the scan is wrong');
  let n = 0;
  const lines = [];
  for (const [module, names] of byModule) {
    const aliases = [...names].map((name) => `${name} as _${n++}`);
    lines.push(`export {${aliases.join(', ')}} from '${module}';`);
  }
  const result = await esbuild.build({
    ...options,
    stdin: {contents: lines.join('\n'), resolveDir: root, sourcefile: 'lit-as-used.js', loader: 'js'},
    outdir: undefined,
    outfile: 'lit-as-used.js',
    write: false,
    sourcemap: false,
    metafile: false,
    plugins: [],
    entryPoints: undefined,
  });
  return {code: result.outputFiles[0].text, imports: Object.fromEntries([...byModule].map(([m, s]) => [m, [...s].sort()]))};
}

/** The CSS and markup text of an esbuild output's src/ inputs (CSS minified as it ships). */
export async function contentOf(output, {root}) {
  const files = Object.keys(output.inputs).filter((f) => f.startsWith('src/') && /\.[jt]s$/.test(f));
  const texts = await Promise.all(files.map((f) => fileContent(path.join(root, f))));
  return texts.filter(Boolean).join('\n');
}

/** One file's template text, read and scanned once per run (the rows share most of their files). */
const scanned = new Map();
const fileContent = (file) => {
  if (!scanned.has(file)) {
    // Runs of whitespace count as one space: markup indentation is not part of the floor.
    const text = readFile(file, 'utf8').then((source) => templateText(minifyCssTemplates(source)).map((t) => t.replace(/\s+/g, ' ')).join('\n'));
    scanned.set(file, text);
  }
  return scanned.get(file);
};
