/**
 * Code loaded with import() that does not arrive: the fetch code behind `src` (src/net/lazy.ts; npm and
 * source builds only, the CDN entry has it inside) and a language's UI strings (src/i18n/locale.ts). The
 * test server fails such a module with 503 while the page holds a cookie (test/harness/fail-module.mjs).
 * Runs in a fresh page: nothing here has loaded src/net/load.ts or the zh-TW strings before.
 */
import {expect} from '@open-wc/testing';
import '../src/photo-caption.js';
import '../src/news-article.js';
import type {PhotoCaption} from '../src/photo-caption.js';
import type {NewsArticle} from '../src/news-article.js';
import {stringsReady, uiStrings} from '../src/i18n/locale.js';
import {en} from '../src/i18n/strings.js';
import {net} from './harness/env.js';
import {captureWarnings, deepText, nextEvent, seedArticle, watchPage} from './helpers.js';

const failModule = (name: string) => (document.cookie = `news-elements-fail-module=${name}; path=/; SameSite=Strict`);
const clearCookie = (): void => {
  document.cookie = 'news-elements-fail-module=; path=/; max-age=0; SameSite=Strict';
};

describe('lazily loaded code that does not arrive', () => {
  afterEach(clearCookie);

  it('the fetch code: a localized network error and a news-error that says so; nothing uncaught', async () => {
    await stringsReady('zh-CN');
    failModule('load');
    const page = watchPage();
    const el = document.createElement('photo-caption') as PhotoCaption;
    el.lang = 'zh-CN';
    el.src = net.json({src: '/demo/images/x.jpg', alt: 'x'});
    const failed = nextEvent<CustomEvent>(el, 'news-error');
    document.body.append(el);
    try {
      const {detail} = await failed;
      expect(detail.code).to.equal('network');
      expect(detail.message).to.match(/^Could not load the code that fetches src: /);
      expect(detail.url).to.equal(new URL(el.src, document.baseURI).href);
      await el.updateComplete;
      const state = el.shadowRoot!.querySelector('[part="error"]')!;
      expect(state.getAttribute('role')).to.equal('alert');
      expect(deepText(state)).to.include(uiStrings('zh-CN').errors.network);
      await new Promise((r) => setTimeout(r, 50));
      expect(page.errors, 'window error events').to.deep.equal([]);
      expect(page.rejections, 'unhandledrejection events').to.deep.equal([]);
    } finally {
      page.stop();
      el.remove();
    }
  });

  it('a language’s strings: the article still shows, its words in English, with one warning', async () => {
    failModule('zh-TW');
    const warnings = captureWarnings();
    const el = document.createElement('news-article') as NewsArticle;
    try {
      el.article = {...seedArticle(), lang: 'zh-TW'};
      const loaded = nextEvent<CustomEvent>(el, 'news-load');
      document.body.append(el);
      await loaded;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="headline"]')?.textContent).to.equal(seedArticle().headline);
      expect(deepText(el)).to.include(en.related);
      expect(warnings.warnings.filter((m) => m.includes('zh-TW strings could not be loaded'))).to.have.length(1);
    } finally {
      warnings.restore();
      el.remove();
    }
  });
});
