// The theming contract, checked in Node (`npm run test:node`): the public CSS custom properties
// (`--news-*`) and parts that src/ really uses are exactly the ones documented with `@cssprop` /
// `@csspart`, i.e. the ones a partner finds in custom-elements.json.
//
// "Documented" is what the Custom Elements Manifest analyzer reads from the JSDoc — the same run, with the
// same config, as `npm run build` (scripts/build.mjs), but in memory: nothing is written and no build is
// needed. "Used" is read from the sources:
//   tokens  every `var(--news-…)` in src/**/*.ts (comments removed). Public tokens are only ever read,
//           each with a fallback, and never declared (`--news-x: …`), least of all on :host: a single
//           `:root { --news-… }` rule on the partner's page must theme every element.
//   parts   every `part="…"` in a template, plus the outer names of `exportparts="inner: outer, …"`.
//           A module that is not an element (src/source-controller.ts: `loading`, `error`) lends its
//           parts to each element module that imports it.

import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import {readFile, readdir} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {cli} from '@custom-elements-manifest/analyzer/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const srcDir = path.join(root, 'src');

/** `src/x.ts:12` for a message. */
const where = (file, text, index) => `${file}:${text.slice(0, index).split('\n').length}`;

/**
 * Source text without comments, same length and same line breaks (so indexes still give line numbers):
 * block comments (JSDoc and CSS) and `//` line comments that start a line or follow whitespace (not the
 * `//` of `https://`).
 */
function stripComments(text) {
  const blank = (m) => m.replace(/[^\n]/g, ' ');
  return text.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/(^|\s)\/\/[^\n]*/g, blank);
}

/** The text of `var(` … `)` starting at `open` (the index of `(`), parentheses balanced. */
function balanced(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** The fallback of a `var(name, fallback)` body, or undefined when there is no top-level comma. */
function fallbackOf(body) {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) return body.slice(i + 1);
  }
  return undefined;
}

const TOKEN = /--news-[A-Za-z0-9_-]*/;

/** What one source file reads, declares and renders. */
function scan(file, raw) {
  const text = stripComments(raw);
  const reads = []; // {name, at, fallback}
  const declarations = []; // {name, at}
  const dynamic = []; // places where a token or part name is computed and can't be checked
  for (const m of text.matchAll(/var\(\s*(--news-[A-Za-z0-9_-]*)(\$\{)?/g)) {
    const at = where(file, text, m.index);
    if (m[2] || m[1] === '--news-') {
      dynamic.push(`${at}: a computed token name in ${JSON.stringify(m[0])}`);
      continue;
    }
    const fallback = fallbackOf(balanced(text, m.index + 3));
    reads.push({name: m[1], at, fallback: fallback?.trim()});
  }
  // `--news-x: …` in CSS, `'--news-x': …` in a style map, `setProperty('--news-x', …)`.
  for (const m of text.matchAll(/(--news-[A-Za-z0-9_-]+)['"`]?\s*:(?!:)/g)) {
    declarations.push({name: m[1], at: where(file, text, m.index)});
  }
  for (const m of text.matchAll(/setProperty\(\s*['"`](--news-[A-Za-z0-9_-]*)/g)) {
    declarations.push({name: m[1], at: where(file, text, m.index)});
  }

  const parts = []; // {name, at}
  for (const m of text.matchAll(/(?<![\w-])part\s*=\s*(?:(["'])(.*?)\1|(\$\{))/g)) {
    const at = where(file, text, m.index);
    if (m[3]) {
      dynamic.push(`${at}: a computed part="\${…}"`);
      continue;
    }
    for (const name of m[2].split(/\s+/).filter(Boolean)) {
      if (name.includes('${')) dynamic.push(`${at}: a computed part name in part="${m[2]}"`);
      else parts.push({name, at});
    }
  }
  const exportparts = []; // {tag, inner, outer, at}
  for (const m of text.matchAll(/exportparts\s*=\s*(?:(["'])(.*?)\1|(\$\{))/g)) {
    const at = where(file, text, m.index);
    if (m[3]) {
      dynamic.push(`${at}: a computed exportparts="\${…}"`);
      continue;
    }
    const tag = /^<([a-z][a-z0-9-]*)/i.exec(text.slice(text.lastIndexOf('<', m.index), m.index))?.[1];
    for (const mapping of m[2].split(',').map((s) => s.trim()).filter(Boolean)) {
      const [inner, outer = inner] = mapping.split(':').map((s) => s.trim());
      exportparts.push({tag, inner, outer, at});
    }
  }
  const defined = [...text.matchAll(/\bdefine\(\s*['"]([a-z][a-z0-9]*-[a-z0-9-]*)['"]/g)].map((m) => m[1]);
  const imports = [...text.matchAll(/(?:from\s+|import\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    path.relative(root, path.resolve(path.dirname(path.join(root, file)), m[1])).replace(/\.js$/, '.ts'),
  );
  return {file, reads, declarations, dynamic, parts, exportparts, tag: defined[0], imports};
}

let modules; // file → scan result
let elements; // tag → scan result of its module
let documented; // tag → {props: Map<name, description>, parts: Set<name>}

before(async () => {
  const entries = await readdir(srcDir, {recursive: true, withFileTypes: true});
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
  modules = new Map();
  for (const file of files) modules.set(file, scan(file, await readFile(path.join(root, file), 'utf8')));
  elements = new Map([...modules.values()].filter((m) => m.tag).map((m) => [m.tag, m]));

  const manifest = await cli({argv: ['analyze', '--quiet', '--config', 'custom-elements-manifest.config.mjs'], cwd: root, noWrite: true});
  documented = new Map();
  for (const module of manifest.modules) {
    for (const d of module.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      documented.set(d.tagName, {
        props: new Map((d.cssProperties ?? []).map((p) => [p.name, p.description ?? ''])),
        parts: new Set((d.cssParts ?? []).map((p) => p.name)),
      });
    }
  }
});

/** Modules a module imports, transitively (itself included). */
function closure(file) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f) || !modules.has(f)) return;
    seen.add(f);
    for (const i of modules.get(f).imports) visit(i);
  };
  visit(file);
  return seen;
}

/** Parts an element's own shadow tree can show: its template, non-element modules it imports, exportparts. */
function templateParts(tag) {
  const module = elements.get(tag);
  const parts = new Map(); // name → where
  const add = (name, at) => parts.has(name) || parts.set(name, at);
  for (const p of module.parts) add(p.name, p.at);
  for (const file of module.imports) {
    const lent = modules.get(file);
    if (lent && !lent.tag) for (const p of lent.parts) add(p.name, p.at);
  }
  for (const e of module.exportparts) add(e.outer, e.at);
  return parts;
}

const allReads = () => [...modules.values()].flatMap((m) => m.reads.map((r) => ({...r, file: m.file})));
const allDocumented = () => new Set([...documented.values()].flatMap((d) => [...d.props.keys()]));
const list = (problems) => `\n  ${problems.join('\n  ')}\n`;

test('finds the five elements, their documentation and the tokens they read', () => {
  assert.deepEqual([...elements.keys()].sort(), ['news-article', 'news-body', 'news-byline', 'photo-caption', 'related-news']);
  assert.deepEqual([...documented.keys()].sort(), [...elements.keys()].sort());
  // The scan is not vacuous: the shared styles and each element read tokens, and templates have parts.
  assert.ok(modules.get(path.join('src', 'styles', 'shared.ts')).reads.length >= 10);
  for (const [tag, module] of elements) {
    assert.ok(module.parts.length > 0, `${tag} has parts`);
    assert.ok(documented.get(tag).parts.size > 0, `${tag} documents parts`);
  }
  assert.ok(allReads().length >= 30);
});

test('no token name or part name is computed (so that this test can check them all)', () => {
  assert.deepEqual([...modules.values()].flatMap((m) => m.dynamic), []);
});

test('every --news-* token read in src is documented with @cssprop on some element', () => {
  const docs = allDocumented();
  const missing = allReads().filter((r) => !docs.has(r.name)).map((r) => `${r.name} (read at ${r.at})`);
  assert.deepEqual([...new Set(missing)], [], `read but not documented:${list([...new Set(missing)])}`);
});

test('a token read in an element module is documented on that element', () => {
  const problems = [];
  for (const [tag, module] of elements) {
    for (const r of module.reads) {
      if (!documented.get(tag).props.has(r.name)) problems.push(`<${tag}> reads ${r.name} at ${r.at} but does not document it`);
    }
  }
  assert.deepEqual([...new Set(problems)], []);
});

test('every documented --news-* token is read by src (no stale documentation)', () => {
  const read = new Set(allReads().map((r) => r.name));
  const stale = [];
  for (const [tag, docs] of documented) {
    for (const name of docs.props.keys()) if (!read.has(name)) stale.push(`${name} (documented on <${tag}>)`);
  }
  assert.deepEqual(stale, [], `documented but never read:${list(stale)}`);
});

test('a token documented on an element is read by that element or by a module it renders or imports', () => {
  const problems = [];
  for (const [tag, docs] of documented) {
    const reach = closure(elements.get(tag).file);
    const readHere = new Set([...reach].flatMap((f) => modules.get(f).reads.map((r) => r.name)));
    for (const name of docs.props.keys()) {
      if (name.startsWith('--news-') && !readHere.has(name)) problems.push(`<${tag}> documents ${name}, which nothing it renders reads`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every documented custom property is a --news-* token with a description', () => {
  const problems = [];
  for (const [tag, docs] of documented) {
    for (const [name, description] of docs.props) {
      if (!/^--news-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) problems.push(`<${tag}>: ${name} is not a --news-* name`);
      if (!description.trim()) problems.push(`<${tag}>: ${name} has no description`);
    }
  }
  assert.deepEqual(problems, []);
});

test('no --news-* token is declared anywhere in src (public tokens are only read)', () => {
  const declared = [...modules.values()].flatMap((m) => m.declarations.map((d) => `${d.name} declared at ${d.at}`));
  assert.deepEqual(declared, [], `a declared token shadows the partner's :root value:${list(declared)}`);
});

test('every var(--news-…) read has a non-empty fallback', () => {
  const bare = allReads()
    .filter((r) => !r.fallback)
    .map((r) => `var(${r.name}${r.fallback === undefined ? '' : ','}) at ${r.at}`);
  assert.deepEqual(bare, [], `an unthemed page must still look right:${list(bare)}`);
});

test('every part in a template is documented with @csspart on its element, exported parts included', () => {
  const problems = [];
  for (const tag of elements.keys()) {
    const docs = documented.get(tag).parts;
    for (const [name, at] of templateParts(tag)) if (!docs.has(name)) problems.push(`<${tag}> part "${name}" (${at})`);
  }
  assert.deepEqual(problems, [], `parts without @csspart:${list(problems)}`);
});

test('every documented part exists in the element template', () => {
  const problems = [];
  for (const [tag, docs] of documented) {
    const parts = templateParts(tag);
    for (const name of docs.parts) if (!parts.has(name)) problems.push(`<${tag}> documents part "${name}", which it never renders`);
  }
  assert.deepEqual(problems, []);
});

test('exportparts names real parts of the nested element', () => {
  const problems = [];
  let checked = 0;
  for (const module of modules.values()) {
    for (const e of module.exportparts) {
      if (!elements.has(e.tag)) {
        problems.push(`${e.at}: exportparts on <${e.tag}>, which is not one of the elements`);
        continue;
      }
      checked++;
      if (!templateParts(e.tag).has(e.inner)) problems.push(`${e.at}: <${e.tag}> has no part "${e.inner}" to export`);
    }
  }
  assert.ok(checked >= 10, `found ${checked} exported parts`);
  assert.deepEqual(problems, []);
});
