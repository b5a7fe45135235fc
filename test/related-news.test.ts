import {expect, fixture, html} from '@open-wc/testing';
import '../src/related-news.js';
import type {RelatedNews} from '../src/related-news.js';
import type {RelatedItem} from '../src/index.js';

const items: RelatedItem[] = Array.from({length: 5}, (_, i) => ({
  headline: `Story ${i + 1}`,
  summary: 'A long summary. '.repeat(40),
  url: `https://example.org/${i + 1}`,
}));

describe('<related-news>', () => {
  it('has a localized heading and names its region', async () => {
    const el = await fixture<RelatedNews>(html`<related-news lang="zh-CN" .items=${items}></related-news>`);
    const aside = el.shadowRoot!.querySelector('aside')!;
    const heading = el.shadowRoot!.querySelector('h3')!;
    expect(heading.textContent).to.equal('新闻推荐');
    expect(aside.getAttribute('aria-labelledby')).to.equal(heading.id);
    await expect(el).to.be.accessible();
  });

  it('reads heading-level: fractions truncate, below 1 or not a number is the default (h3), above 6 is h6', async () => {
    for (const [level, expected] of [['2.9', 'h2'], ['0.5', 'h3'], ['-1', 'h3'], ['x', 'h3'], ['8', 'h6']] as const) {
      const el = await fixture<RelatedNews>(html`<related-news heading-level=${level} .items=${items}></related-news>`);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=related-heading]')!.localName, `heading-level="${level}"`).to.equal(expected);
    }
  });

  it('uses English and zh-TW headings for those languages', async () => {
    const en = await fixture<RelatedNews>(html`<related-news lang="en" .items=${items}></related-news>`);
    expect(en.shadowRoot!.querySelector('h3')!.textContent).to.equal('Related news');
    const tw = await fixture<RelatedNews>(html`<related-news lang="zh-Hant-HK" .items=${items}></related-news>`);
    expect(tw.shadowRoot!.querySelector('h3')!.textContent).to.equal('新聞推薦');
  });

  it('renders items as links and honours limit', async () => {
    const el = await fixture<RelatedNews>(html`<related-news limit="3" .items=${items}></related-news>`);
    const links = el.shadowRoot!.querySelectorAll('a[part=related-link]');
    expect(links).to.have.length(3);
    expect(links[0]!.getAttribute('href')).to.equal('https://example.org/1');
    expect(links[0]!.textContent).to.equal('Story 1');
  });

  it('clamps long summaries with CSS, never by cutting the text', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 320px"><related-news .items=${items}></related-news></div>`);
    const el = wrapper.querySelector('related-news')!;
    await el.updateComplete;
    const summary = el.shadowRoot!.querySelector<HTMLElement>('[part=related-summary]')!;
    expect(summary.textContent).to.equal(items[0]!.summary);
    expect(summary.scrollHeight).to.be.greaterThan(summary.clientHeight);
    const lineHeight = parseFloat(getComputedStyle(summary).lineHeight) || 24;
    expect(summary.clientHeight).to.be.at.most(lineHeight * 3 + 2);
  });

  it('drops an item with a javascript: url, keeps the rest', async () => {
    const el = await fixture<RelatedNews>(html`<related-news .items=${[{headline: 'bad', url: 'javascript:alert(1)'}, {headline: 'good', url: '/ok'}]}></related-news>`);
    const lis = el.shadowRoot!.querySelectorAll('li');
    expect(lis).to.have.length(1);
    expect(lis[0]!.textContent).to.include('good');
  });

  it('renders nothing for an empty list', async () => {
    const el = await fixture<RelatedNews>(html`<related-news .items=${[]}></related-news>`);
    expect(el.shadowRoot!.querySelector('aside')).to.equal(null);
  });
});
