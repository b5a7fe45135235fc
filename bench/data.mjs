// Data for bench/run.mjs, all deterministic: the seed article (test/fixtures/seed.json), a variant of it
// for the update case, a 100,000-character CJK article, 1000 related items, 100 photos, and
// test/fixtures/english.json (case 8 with --variants).

import {readFileSync} from 'node:fs';
import {prng} from './stats.mjs';

export const seed = JSON.parse(readFileSync(new URL('../test/fixtures/seed.json', import.meta.url), 'utf8'));
/** Case 8 with --variants: an article whose Markdown has a list, a quote and links. */
export const english = JSON.parse(readFileSync(new URL('../test/fixtures/english.json', import.meta.url), 'utf8'));

/** Han characters of the seed's text, in order (so the generated text keeps their frequencies). */
const han = [...`${seed.lead}${seed.body}`].filter((ch) => /\p{Script=Han}/u.test(ch));

/** Deterministic Chinese-looking text: runs of the seed's characters, with CJK punctuation. */
function sentence(random, min, max) {
  const length = min + Math.floor(random() * (max - min + 1));
  let text = '';
  while (text.length < length) {
    const start = Math.floor(random() * han.length);
    text += han.slice(start, start + 2 + Math.floor(random() * 6)).join('');
    if (text.length < length - 4 && random() < 0.25) text += '，';
  }
  return `${text.slice(0, length)}。`;
}

/** Markdown of exactly `chars` characters: `##` subheadings every few paragraphs, blank lines between. */
export function cjkMarkdown(chars, seedNumber = 2) {
  const random = prng(seedNumber);
  const blocks = [];
  let size = 0;
  let n = 0;
  while (size < chars) {
    let block;
    if (n % 8 === 0) block = `## ${sentence(random, 6, 14).slice(0, -1)}`;
    else block = Array.from({length: 3 + Math.floor(random() * 5)}, () => sentence(random, 12, 40)).join('');
    blocks.push(block);
    size += block.length + 2;
    n++;
  }
  return blocks.join('\n\n').slice(0, chars).trimEnd().padEnd(chars, '。');
}

/** Case 2: the seed article with a 100,000-character body. */
export const cjkArticle = {...seed, id: 'bench-cjk-100k', body: cjkMarkdown(100_000)};

/** Case 6: the same shape as the seed with other text (paragraphs reversed, new headline and captions). */
export const seedVariant = {
  ...seed,
  id: 'bench-seed-variant',
  headline: `${seed.headline}（续）`,
  lead: [...seed.lead].reverse().join(''),
  body: seed.body.split('\n\n').reverse().join('\n\n'),
  image: {...seed.image, caption: `${seed.image.caption}（资料图）`},
  related: seed.related.map((item) => ({...item, summary: [...item.summary].reverse().join('')})),
};

/** Case 3: teasers with headline, summary, link and date (no thumbnails: no image traffic). */
export function relatedItems(count, seedNumber = 3) {
  const random = prng(seedNumber);
  return Array.from({length: count}, (_, i) => ({
    headline: sentence(random, 10, 24).slice(0, -1),
    summary: sentence(random, 30, 60) + sentence(random, 20, 50),
    url: `https://news.example.org/related/${i + 1}`,
    datePublished: new Date(Date.UTC(2014, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
  }));
}

/** Case 4: photos with alt, caption, credit and declared size (one image file, cached after the first). */
export function photos(count, seedNumber = 4) {
  const random = prng(seedNumber);
  return Array.from({length: count}, () => ({
    src: seed.image.src,
    alt: sentence(random, 8, 16).slice(0, -1),
    caption: sentence(random, 12, 30),
    credit: '韩先秀',
    width: 1200,
    height: 800,
  }));
}
