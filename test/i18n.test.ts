import {expect, fixture, html} from '@open-wc/testing';
import '../src/index.js';
import type {NewsArticle, RelatedNews} from '../src/index.js';
import {catalogLocale, pageNumber, setStrings, uiStrings} from '../src/i18n/locale.js';
import {catalog} from './catalog.js';
import {deepQueryAll, deepText, seedArticle} from './helpers.js';

describe('UI strings', () => {
  it('every locale has every string', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k]));
    const english = keys(catalog['en']!).sort();
    expect(Object.keys(catalog).sort()).to.deep.equal(['ar', 'en', 'ja', 'zh-CN', 'zh-TW']);
    for (const [locale, strings] of Object.entries(catalog)) {
      expect(keys(strings).sort(), locale).to.deep.equal(english);
      for (const key of english.filter((k) => k !== 'by')) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], strings);
        expect(value, `${locale} ${key}`).to.be.a('string').and.not.equal('');
      }
    }
  });

  it('falls back along the BCP 47 chain', () => {
    expect(catalogLocale('zh-Hant-HK')).to.equal('zh-TW');
    expect(catalogLocale('zh-TW')).to.equal('zh-TW');
    expect(catalogLocale('zh-HK')).to.equal('zh-TW');
    expect(catalogLocale('zh-Hans-CN')).to.equal('zh-CN');
    expect(catalogLocale('zh')).to.equal('zh-CN');
    expect(catalogLocale('ja-JP')).to.equal('ja');
    expect(catalogLocale('ar-EG')).to.equal('ar');
    expect(catalogLocale('en-GB')).to.equal('en');
    expect(catalogLocale('pt-BR')).to.equal('en');
    expect(catalogLocale(undefined)).to.equal('en');
  });

  it('a partner adds a locale or overrides strings page-wide with setStrings()', () => {
    setStrings('pt', {related: 'Notícias relacionadas'});
    expect(catalogLocale('pt-BR')).to.equal('pt');
    expect(uiStrings('pt-BR').related).to.equal('Notícias relacionadas');
    expect(uiStrings('pt-BR').loading).to.equal(catalog['en']!.loading);
  });

  it('an element takes its own strings, over the page-wide ones', async () => {
    setStrings('zh-CN', {related: '相关阅读'});
    try {
      const page = await fixture<HTMLElement>(html`<div lang="zh-CN">
        <related-news .items=${[{headline: 'A'}]}></related-news>
        <related-news .strings=${{related: '本地推荐'}} .items=${[{headline: 'A'}]}></related-news>
      </div>`);
      const [plain, own] = page.querySelectorAll<RelatedNews>('related-news');
      await own!.updateComplete;
      expect(plain!.shadowRoot!.querySelector('h3')!.textContent).to.equal('相关阅读');
      expect(own!.shadowRoot!.querySelector('h3')!.textContent).to.equal('本地推荐');
    } finally {
      setStrings('zh-CN', {related: catalog['zh-CN']!.related});
    }
  });

  it('resolves the language: own lang, then the article, then the page, then English', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="ja">
      <related-news .items=${[{headline: 'A'}]}></related-news>
      <related-news lang="ar" .items=${[{headline: 'A'}]}></related-news>
      <news-article .article=${{...seedArticle(), lang: 'zh-TW'}}></news-article>
    </div>`);
    const [inherited, own] = page.querySelectorAll<RelatedNews>('related-news');
    const article = page.querySelector<NewsArticle>('news-article')!;
    await article.updateComplete;
    expect(inherited!.shadowRoot!.querySelector('h3')!.textContent).to.equal('関連ニュース');
    expect(own!.shadowRoot!.querySelector('h3')!.textContent).to.equal('أخبار ذات صلة');
    expect(deepText(article)).to.include('新聞推薦');
    const bare = document.createElement('related-news');
    bare.items = [{headline: 'A'}];
    const holder = document.createElement('div');
    holder.lang = '';
    document.documentElement.removeAttribute('lang');
    holder.append(bare);
    document.body.append(holder);
    await bare.updateComplete;
    expect(bare.shadowRoot!.querySelector('h3')!.textContent).to.equal('Related news');
    holder.remove();
  });
});

describe('the jump line', () => {
  it('writes page numbers as each language does', () => {
    expect(pageNumber(3, 'zh-CN')).to.equal('三');
    expect(pageNumber(10, 'zh-CN')).to.equal('十');
    expect(pageNumber(12, 'zh-TW')).to.equal('十二');
    expect(pageNumber(20, 'zh-CN')).to.equal('二十');
    expect(pageNumber(3, 'en')).to.equal('3');
    // Engines' CLDR data disagree on Arabic's default digits (٣ or 3): follow the engine.
    expect(pageNumber(3, 'ar')).to.equal(new Intl.NumberFormat('ar').format(3));
  });

  for (const [lang, expected] of [
    ['zh-CN', '(下转第三版)'],
    ['zh-TW', '(下轉第三版)'],
    ['en', 'Continued on page 3'],
    ['ja', '（3面に続く）'],
    ['ar', `يتبع في الصفحة ${new Intl.NumberFormat('ar').format(3)}`],
  ] as const) {
    it(`is made from a page number in ${lang}: ${expected}`, async () => {
      const el = await fixture<NewsArticle>(html`<news-article .article=${{headline: 'h', body: 'b', lang, continuation: {page: 3}}}></news-article>`);
      expect(el.shadowRoot!.querySelector('[part=continuation]')!.textContent!.trim()).to.equal(expected);
    });
  }

  it('keeps the printed words when the data has them', async () => {
    const el = await fixture<NewsArticle>(html`<news-article .article=${{headline: 'h', body: 'b', lang: 'en', continuation: {text: '(下转第三版)', page: 3}}}></news-article>`);
    expect(el.shadowRoot!.querySelector('[part=continuation]')!.textContent!.trim()).to.equal('(下转第三版)');
  });
});

describe('author roles', () => {
  it('translates known role ids and keeps other roles as written', async () => {
    const el = await fixture<NewsArticle>(html`<news-article .article=${{headline: 'h', body: 'b', lang: 'zh-CN',
      authors: [{name: '韩先秀', role: 'reporter'}, {name: '朱守晶', role: 'Photographer'}, {name: '赵正平', role: '县委报道组'}]}}></news-article>`);
    const roles = deepQueryAll(el, '[part=role]').map((r) => r.textContent!.trim());
    expect(roles).to.deep.equal(['(记者)', '(摄影)', '(县委报道组)']);
  });
});

describe('related teasers with a link but no headline', () => {
  it('keep the summary as text and add a described "read more" link', async () => {
    const el = await fixture<RelatedNews>(html`<related-news lang="zh-CN" .items=${[{summary: '本报讯……', url: 'https://example.org/1'}]}></related-news>`);
    const link = el.shadowRoot!.querySelector('a[part=related-link]')!;
    expect(link.textContent).to.equal('阅读全文');
    const summary = el.shadowRoot!.getElementById(link.getAttribute('aria-describedby')!)!;
    expect(summary.textContent).to.equal('本报讯……');
    await expect(el).to.be.accessible();
  });
});

describe('UI strings from hostile or careless input', () => {
  it('a lang that names an Object.prototype member falls back to English', () => {
    for (const lang of ['constructor', '__proto__', 'toString', 'hasOwnProperty-x']) {
      expect(catalogLocale(lang), lang).to.equal('en');
      expect(uiStrings(lang).credit, lang).to.equal(catalog['en']!.credit);
    }
  });

  it('non-string overrides are ignored', async () => {
    const el = await fixture<NewsArticle>(html`<news-article lang="en" .strings=${{credit: undefined, related: 5, roles: {reporter: null}} as never}
      .article=${{headline: 'h', body: 'b', image: {src: '/demo/images/seed-photo.jpg', alt: '', credit: 'A'},
        authors: [{name: 'N', role: 'constructor'}, {name: 'M', role: 'reporter'}], related: [{headline: 'R'}]}}></news-article>`);
    const text = deepText(el);
    expect(text).to.include('Photo: A');
    expect(text).to.include('Related news');
    expect(deepQueryAll(el, '[part=role]').map((r) => r.textContent!.trim())).to.deep.equal(['(constructor)', '(Reporter)']);
  });
});
