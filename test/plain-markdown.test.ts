/**
 * The plain-text fast path (src/plain-markdown.ts) against the full renderer (marked → sanitizer): for
 * every text the fast path accepts, the DOM must be the one marked would have given; the seed article
 * must take the fast path and never download marked.
 */
import {expect} from '@open-wc/testing';
import * as fc from 'fast-check';
import '../src/news-article.js';
import type {NewsArticle} from '../src/news-article.js';
import {plainMarkdown} from '../src/plain-markdown.js';
import {deepQueryAll, englishArticle, seedArticle} from './helpers.js';

const markup = (fragment: DocumentFragment): string => {
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
};
const viaMarked = async (markdown: string, headingLevel: number): Promise<string> => {
  const {renderMarkdown} = await import('../src/markdown/render.js');
  return markup(await renderMarkdown(markdown, {headingLevel}));
};
// A boolean, not the fragment: a failed assertion on a DOM node can stall the runner's error reporting.
const taken = (fragment: DocumentFragment | undefined): boolean => fragment !== undefined;
const loaded = (pattern: RegExp): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => pattern.test(name));

describe('plain Markdown fast path', () => {
  // First, before any test below imports the renderer into this page.
  it('renders the seed article without loading marked or the sanitizer', async () => {
    const el = document.createElement('news-article') as NewsArticle;
    el.article = seedArticle();
    document.body.append(el);
    await el.updateComplete;
    const bodies = deepQueryAll(el, '[part~="body"]');
    expect(bodies.map((b) => b.textContent).join('')).to.include('补足精神之钙筑牢思想篱笆');
    expect(bodies.flatMap((b) => [...b.querySelectorAll('h3')]).length, 'the body’s ## subheadings').to.equal(2);
    // Resource timing sees module loads (the check can fail): the element's own module is listed…
    expect(loaded(/news-body/), 'resource timing lists modules').to.not.be.empty;
    // …and the Markdown renderer, marked and the sanitizer are not.
    expect(loaded(/markdown\/render|marked|sanitize|purify/)).to.deep.equal([]);
    el.remove();
  });

  it('gives the same DOM as marked for the seed’s lead and body, at every heading level', async () => {
    const seed = seedArticle();
    for (const text of [seed.lead!, seed.body!]) {
      for (const level of [1, 2, 3, 4, 5, 6]) {
        const fast = plainMarkdown(text, level);
        expect(taken(fast), 'the seed takes the fast path').to.equal(true);
        expect(markup(fast!)).to.equal(await viaMarked(text, level));
      }
    }
  });

  it('leaves real Markdown to marked', () => {
    const english = englishArticle();
    for (const text of [english.body!, english.lead!, 'a *b*', '- item', '1. item', '> quote', 'a  \nb', '    code', 'x\n===',
      '[a]: /b', '<b>x</b>', 'a &amp; b', 'see https://example.org', 'www.example.org', 'a@b.org', '| a |', '~~x~~', 'a\\*',
      '#hashtag', '####### seven', '## closed ##', ' lead space', 'tab\there', 'crlf\r\nline', '2014. A year']) {
      expect(taken(plainMarkdown(text)), JSON.stringify(text)).to.equal(false);
    }
    expect(taken(plainMarkdown('x', Number.NaN)), 'a NaN heading level').to.equal(false);
    expect(taken(plainMarkdown('0123456789ab', 2, 10)), 'over max-length: the full renderer reports it').to.equal(false);
  });

  it('gives the same DOM as marked for every text it accepts (fast-check)', async function () {
    this.timeout(120_000);
    // Words of CJK, Latin and digits mixed with every ASCII punctuation mark and the kinds of space.
    // Mostly text, so that enough of the generated documents are plain enough to compare.
    const piece = fc.oneof(
      {weight: 12, arbitrary: fc.constantFrom('县', '人社局', '。', '，', '“', '”', '《论群众路线》', '、', '(', ')', 'a', 'Zeta', '15000', '1', '.', ',', ':', ';', '?', '"', "'", '/', '%', '$', '^', '{', '}', ' ', 'é', 'ب')},
      {weight: 1, arbitrary: fc.constantFrom('-', '+', '=', '#', '*', '_', '[', ']', '<', '>', '&', '!', '|', '~', '@', '\\', '`', '  ', '\t', '\u3000', '\u00a0', 'www.', 'http://x')},
    );
    const line = fc.tuple(
      fc.option(fc.constantFrom('# ', '## ', '### ', '###### ', '####### ', '#', '##  '), {nil: ''}),
      fc.array(piece, {maxLength: 10}),
    ).map(([prefix, pieces]) => prefix + pieces.join(''));
    const doc = fc.array(line, {maxLength: 10}).map((lines) => lines.join('\n'));
    let accepted = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(doc, fc.integer({min: 1, max: 6}), async (markdown, level) => {
        runs++;
        const fast = plainMarkdown(markdown, level);
        if (!fast) return;
        accepted++;
        expect(markup(fast), JSON.stringify(markdown)).to.equal(await viaMarked(markdown, level));
      }),
      // The first counterexample, unshrunk: each shrink step renders with marked, and a failure should not take minutes.
      {numRuns: 3000, endOnFailure: true},
    );
    console.log(`plain Markdown fast path: ${accepted} of ${runs} generated texts accepted, each the same DOM as marked's`);
    // Enough accepted texts for the comparison to mean something.
    expect(accepted).to.be.above(runs / 10);
  });
});
