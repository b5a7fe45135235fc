import {expect, fixture, html} from '@open-wc/testing';
import '../src/index.js';
import type {NewsArticle} from '../src/index.js';
import {deepQueryAll, englishArticle, seedArticle, captureWarnings} from './helpers.js';

const HOSTILE = `p{color:red!important;font-size:40px!important}img{display:none!important}h2{all:unset}
*{box-sizing:content-box}a{color:hotpink!important}figure{margin:10em!important}ul{list-style:square!important}`;

describe('embedding in a partner page', () => {
  it('hostile page CSS changes nothing inside the elements', async () => {
    const measure = async () => {
      const el = await fixture<NewsArticle>(html`<div style="width: 600px"><news-article .article=${englishArticle()}></news-article></div>`);
      const article = el.querySelector('news-article')!;
      await article.updateComplete;
      const p = deepQueryAll(article, 'p')[0]!;
      const img = deepQueryAll(article, 'img')[0]!;
      const h2 = deepQueryAll(article, 'h2')[0]!;
      const a = deepQueryAll(article, 'news-body a')[0] ?? deepQueryAll(article, 'a')[0]!;
      const styles = [getComputedStyle(p), getComputedStyle(img), getComputedStyle(h2), getComputedStyle(a)];
      return {
        pColor: styles[0]!.color,
        pSize: styles[0]!.fontSize,
        imgDisplay: styles[1]!.display,
        h2Display: styles[2]!.display,
        h2Size: styles[2]!.fontSize,
        aColor: styles[3]!.color,
        height: Math.round(article.getBoundingClientRect().height),
      };
    };
    const before = await measure();
    const style = document.createElement('style');
    style.textContent = HOSTILE;
    document.head.append(style);
    try {
      const after = await measure();
      expect(after).to.deep.equal(before);
      expect(after.imgDisplay).to.equal('block');
      expect(after.pColor).not.to.equal('rgb(255, 0, 0)');
    } finally {
      style.remove();
    }
  });

  it('never styles anything outside itself', async () => {
    const sheets = document.styleSheets.length + document.adoptedStyleSheets.length;
    // A fixed width: a page scrollbar appearing when the article grows must not count as styling.
    const page = await fixture<HTMLElement>(html`<div style="width: 600px"><p id="outside">Partner text</p><news-article .article=${seedArticle()}></news-article></div>`);
    const before = getComputedStyle(page.querySelector('#outside')!).cssText || JSON.stringify([...getComputedStyle(page.querySelector('#outside')!)].map((k) => getComputedStyle(page.querySelector('#outside')!).getPropertyValue(k)));
    await page.querySelector('news-article')!.updateComplete;
    const after = getComputedStyle(page.querySelector('#outside')!).cssText || JSON.stringify([...getComputedStyle(page.querySelector('#outside')!)].map((k) => getComputedStyle(page.querySelector('#outside')!).getPropertyValue(k)));
    expect(after).to.equal(before);
    expect(document.styleSheets.length + document.adoptedStyleSheets.length).to.equal(sheets);
  });

  it('loading the bundle twice does not throw and warns once', async () => {
    const {warnings, restore: restoreWarn} = captureWarnings();
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      // A second copy of the element modules: the same files under another URL are new module
      // instances with new classes for the same tags.
      const copy = Date.now();
      await import(/* @vite-ignore */ `../src/news-article.ts?copy=${copy}`);
      await import(/* @vite-ignore */ `../src/photo-caption.ts?copy=${copy}`);
      expect(errors).to.have.length(0);
      expect(warnings.filter((w) => w.includes('already defined'))).to.have.length(1);
      const el = await fixture<NewsArticle>(html`<news-article .article=${seedArticle()}></news-article>`);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(seedArticle().headline);
    } finally {
      restoreWarn();
      window.removeEventListener('error', onError);
    }
  });

  it('every element also works alone with the same data', async () => {
    const a = seedArticle();
    const page = await fixture<HTMLElement>(html`<div lang="zh-CN">
      <photo-caption .photo=${a.image}></photo-caption>
      <news-byline .authors=${a.authors}></news-byline>
      <news-body .markdown=${a.body}></news-body>
      <related-news .items=${a.related}></related-news>
    </div>`);
    for (const el of page.children) await (el as NewsArticle).updateComplete;
    expect(page.querySelector('photo-caption')!.shadowRoot!.textContent).to.include(a.image!.caption!);
    expect(page.querySelector('news-byline')!.shadowRoot!.textContent).to.include('韩先秀、朱守晶、赵正平');
    expect(page.querySelector('news-body')!.shadowRoot!.querySelector('h3')!.textContent).to.equal('补足精神之钙筑牢思想篱笆');
    expect(page.querySelector('related-news')!.shadowRoot!.textContent).to.include('新闻推荐');
    for (const el of page.children) await expect(el).to.be.accessible();
  });
});

describe('XSS basics', () => {
  const canary = () => (window as {__xss?: number}).__xss ?? 0;
  const payloads = [
    '<script>window.__xss=(window.__xss||0)+1</script>',
    '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
    '<svg onload="window.__xss=(window.__xss||0)+1">',
    'javascript:window.__xss=(window.__xss||0)+1',
    '[x](javascript:window.__xss=(window.__xss||0)+1)',
    '![x](javascript:window.__xss=(window.__xss||0)+1)',
  ];

  it('no payload executes in any string field, and no javascript: URL is rendered', async () => {
    (window as {__xss?: number}).__xss = 0;
    for (const p of payloads) {
      const article = {
        headline: p, section: p, lead: p, body: `${p}\n\n${p}`, dateline: p,
        authors: [p, {name: p, url: p}],
        image: {src: p, alt: p, caption: p, credit: p},
        continuation: {text: p, href: p},
        related: [{headline: p, summary: p, url: p}, {headline: p, url: '/ok'}],
        publisher: {name: p, url: p, tagline: p},
        url: p,
      };
      const el = await fixture<NewsArticle>(html`<news-article .article=${article}></news-article>`);
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 30));
      for (const node of deepQueryAll(el, '[href], [src]')) {
        for (const attr of ['href', 'src']) {
          expect(node.getAttribute(attr) ?? '', `${attr} for ${p}`).not.to.match(/^\s*javascript:/i);
        }
      }
      expect(deepQueryAll(el, 'script, svg:not(.placeholder-box), [onerror], [onload]')).to.have.length(0);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(canary()).to.equal(0);
  });

  it('the canary works: a raw payload does execute when not sanitized', async () => {
    (window as {__xss?: number}).__xss = 0;
    const div = document.createElement('div');
    div.innerHTML = payloads[1]!;
    document.body.append(div);
    await new Promise((r) => setTimeout(r, 300));
    div.remove();
    expect(canary()).to.equal(1);
  });
});
