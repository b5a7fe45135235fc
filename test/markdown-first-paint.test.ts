/**
 * An article whose text needs the Markdown renderer (links, lists, quotes: english.json) appears whole:
 * no frame shows its headline while its text is still on the way, so nothing below the text moves when
 * the text arrives (layout shift). Runs in a fresh page, where the renderer is not loaded yet.
 */
import {expect} from '@open-wc/testing';
import '../src/news-article.js';
import type {NewsArticle} from '../src/news-article.js';
import {isPlainMarkdown} from '../src/plain-markdown.js';
import {deepQueryAll, englishArticle} from './helpers.js';

describe('first paint of an article with Markdown', () => {
  it('shows the headline only together with the text', async () => {
    const article = englishArticle();
    expect(isPlainMarkdown(article.body!), 'the fixture needs the renderer').to.equal(false);
    const shifts: number[] = [];
    const layoutShift = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
    const po = new PerformanceObserver((list) => list.getEntries().forEach((e) => shifts.push((e as PerformanceEntry & {value: number}).value)));
    if (layoutShift) po.observe({type: 'layout-shift'});
    const el = document.createElement('news-article') as NewsArticle;
    // ResizeObserver callbacks run after layout, just before paint: what they see is what is painted.
    const frames: {headline: boolean; body: number}[] = [];
    const ro = new ResizeObserver(() =>
      frames.push({
        headline: deepQueryAll(el, '[part~="headline"]').length > 0,
        body: deepQueryAll(el, 'news-body').reduce((n, b) => n + (b.shadowRoot?.textContent?.trim().length ?? 0), 0),
      }),
    );
    ro.observe(el);
    el.article = article;
    // Last in the page: only a shift inside the article can count.
    document.body.append(el);
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    ro.disconnect();
    po.disconnect();
    const withHeadline = frames.filter((f) => f.headline);
    expect(withHeadline.length, JSON.stringify(frames)).to.be.above(0);
    expect(withHeadline.filter((f) => f.body === 0), `frames with the headline but no text: ${JSON.stringify(frames)}`).to.deep.equal([]);
    if (layoutShift) expect(shifts, 'layout shifts').to.deep.equal([]);
    el.remove();
  });
});
