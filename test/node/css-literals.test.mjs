// scripts/css-literals.mjs: the CDN build's minifier for the CSS in css`` templates.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {minifyCss, minifyCssTemplates} from '../../scripts/css-literals.mjs';

test('drops comments and whitespace, keeps what the CSS means', () => {
  assert.equal(
    minifyCss(`
      /* a comment with a ' quote */
      :host([theme='dark']) ,
      .body > :first-child {
        margin-block: 0 1em;
        font-family: 'Noto Serif CJK SC', serif;
      }
      @media (prefers-reduced-motion: reduce) {
        .loading { animation: none; }
      }`),
    ":host([theme='dark']),.body>:first-child{margin-block:0 1em;font-family:'Noto Serif CJK SC',serif}@media (prefers-reduced-motion:reduce){.loading{animation:none}}",
  );
});

test('leaves quoted strings exactly as written', () => {
  for (const text of [`.dateline::after { content: ' —  ;  { } '; }`, `a[title="a , b > c /* not a comment */"] { color: red; }`]) {
    const strings = text.match(/'[^']*'|"[^"]*"/g);
    const out = minifyCss(text);
    for (const s of strings) assert.ok(out.includes(s), `${s} in ${out}`);
  }
});

test('keeps the spaces that are part of values', () => {
  assert.equal(minifyCss('a { border: calc(var(--_rules) * 1px) solid red; }'), 'a{border:calc(var(--_rules) * 1px) solid red}');
});

test('minifies css`` templates in code; with keepLines every later line keeps its number (dist/ source maps)', () => {
  const source = [
    "const styles = [tokens, css`",
    "  :host {",
    "    display: block;",
    "  }",
    "`, css`a { color: ${x}; }`];",
    "export const after = 1;",
  ].join('\n');
  const plain = minifyCssTemplates(source);
  assert.ok(plain.includes('css`:host{display:block}`,'), plain);
  assert.ok(plain.includes('css`a { color: ${x}; }`'), 'a template with ${} is left alone');
  const kept = minifyCssTemplates(source, {keepLines: true});
  assert.equal(kept.split('\n').length, source.split('\n').length);
  assert.equal(kept.split('\n').indexOf('export const after = 1;'), source.split('\n').indexOf('export const after = 1;'));
  // The line breaks go after the closing backtick, outside the string: the CSS text is the same.
  assert.ok(kept.includes('css`:host{display:block}`\n\n\n\n,'), kept);
});
