import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readFile} from 'node:fs/promises';
import {templateText} from '../../scripts/size-floor.mjs';

test('templateText: the static text of css/html/svg templates, nested ones included, expressions left out', () => {
  const source = [
    "const a = html`<p class=${x ? 'a' : 'b'}>${items.map((i) => html`<li>${i}</li>`)}</p>`;",
    'const b = css`:host{display:block}`;',
    'const c = svg`<circle r=${{r: 1}.r}/>`;',
  ].join('\n');
  assert.deepEqual(templateText(source), ['<p class=', '>', '<li>', '</li>', '</p>', ':host{display:block}', '<circle r=', '/>']);
});

test('templateText: untagged and other-tagged templates are not content; their nested html is', () => {
  const source = 'const m = `Invalid src URL: ${src}`; const t = fill`x${y}`; const u = `${html`<b>${z}</b>`}`;';
  assert.deepEqual(templateText(source), ['<b>', '</b>']);
});

test('templateText: backticks inside strings, comments and regular expressions do not open a template', () => {
  const source = [
    "const q = '`'; const d = \"`\"; // a ` in a comment",
    '/* and ` here */ const r = /[/`]/.test(s);',
    'const h = html`<i>${q}</i>`;',
  ].join('\n');
  assert.deepEqual(templateText(source), ['<i>', '</i>']);
});

test('templateText: every template of a real element is found (photo-caption: its CSS, figure and captions)', async () => {
  const parts = templateText(await readFile(new URL('../../src/photo-caption.ts', import.meta.url), 'utf8'));
  const text = parts.join('');
  for (const piece of ['figcaption {', '<figure part="figure">', '<svg class="placeholder-box"', '<span part="credit" class="credit">']) {
    assert.ok(text.includes(piece), `missing ${piece}`);
  }
  assert.ok(!text.includes('${'), 'an expression was taken for text');
});
