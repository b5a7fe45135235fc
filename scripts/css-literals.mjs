// esbuild plugin for the CDN build: minifies the CSS inside css`…` templates of src/ (esbuild minifies the
// JS around them, never the text of a template literal). Comments go, runs of whitespace become one space,
// and the spaces around { } ; , > and after : go — outside quoted strings only, which are kept as written.
// A css`` template with a ${…} in it is left alone (its text is not all CSS). Not run on its own: added to
// the `plugins` of scripts/cdn.mjs's passes, and applied by scripts/build.mjs to tsc's output in dist/
// (the npm package ships its CSS minified too).

import {readFile} from 'node:fs/promises';

/** The CSS text of one template, minified. Quoted strings ('…', "…") are copied unchanged. */
export function minifyCss(text) {
  // Comments, strings and the rest, in source order (a quote inside a comment is not a string).
  const tokens = text.match(/\/\*[\s\S]*?\*\/|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|[^'"/]+|[\s\S]/g) ?? [];
  let css = '';
  for (const token of tokens) {
    if (token.startsWith('/*')) css += ' ';
    else if (token[0] === "'" || token[0] === '"') css += `\u0000${token}\u0000`; // fenced: left as is below
    else css += token;
  }
  return css
    .split('\u0000')
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ').replace(/ ?([{};,>]) ?/g, '$1').replace(/: /g, ':').replace(/;}/g, '}')))
    .join('')
    .trim();
}

// `css` then a backtick, not part of a longer name; the body up to the closing backtick.
const CSS_TEMPLATE = /(?<![\w$.])css`([^`]*)`/g;

/**
 * `source` (TypeScript or JavaScript) with the text of each css`…` template minified. With `keepLines`, the
 * line breaks a template loses are put back right after it, outside the string (where JavaScript ignores
 * them), so every later line keeps its number and a source map made for the original still fits.
 */
export function minifyCssTemplates(source, {keepLines = false} = {}) {
  return source.replace(CSS_TEMPLATE, (whole, body) => {
    if (body.includes('${')) return whole;
    const css = minifyCss(body);
    const lost = keepLines ? body.split('\n').length - css.split('\n').length : 0;
    return `css\`${css}\`${'\n'.repeat(lost)}`;
  });
}

export const cssLiterals = {
  name: 'css-literals',
  setup(build) {
    build.onLoad({filter: /[\\/]src[\\/].*\.ts$/}, async ({path}) => ({contents: minifyCssTemplates(await readFile(path, 'utf8')), loader: 'ts'}));
  },
};
