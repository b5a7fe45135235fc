// scripts/css-literals.mjs: the CDN build's minifier for the CSS in css`` templates.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {minifyCss} from '../../scripts/css-literals.mjs';

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
