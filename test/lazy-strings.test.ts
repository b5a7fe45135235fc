/**
 * UI strings of languages other than English load on demand (src/i18n/locale.ts): only when an element
 * needs them, and the element shows its words only once they are there — never English first. Runs in a
 * fresh page, before anything else here has loaded zh-TW or ja.
 */
import {expect} from '@open-wc/testing';
import '../src/news-article.js';
import type {NewsArticle} from '../src/news-article.js';
import {stringsReady, uiStrings} from '../src/i18n/locale.js';
import {en} from '../src/i18n/strings.js';
import {deepText, seedArticle} from './helpers.js';

const requested = (name: string): boolean =>
  performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith(`/i18n/${name}.ts`) || new URL(entry.name).pathname.endsWith(`/i18n/${name}.js`));

describe('UI strings on demand', () => {
  it('loads a language’s strings the first time they are asked for, once', async () => {
    expect(requested('ja'), 'not loaded up front').to.equal(false);
    const pending = stringsReady('ja-JP');
    expect(pending, 'a promise while loading').to.be.instanceOf(Promise);
    expect(stringsReady('ja'), 'the same load').to.equal(pending);
    expect(uiStrings('ja').related, 'English stands in meanwhile').to.equal(en.related);
    await pending;
    expect(requested('ja')).to.equal(true);
    expect(stringsReady('ja'), 'ready').to.equal(undefined);
    expect(uiStrings('ja').related).to.equal('関連ニュース');
    expect(stringsReady('en'), 'English is built in').to.equal(undefined);
    expect(stringsReady('pt-BR'), 'an unknown language falls back to English at once').to.equal(undefined);
  });

  it('an article in a language not loaded yet shows its words in that language, never English first', async () => {
    expect(requested('zh-TW'), 'not loaded up front').to.equal(false);
    const el = document.createElement('news-article') as NewsArticle;
    // Every text the element's shadow trees ever show, from the first render on.
    const seen: string[] = [];
    const record = () => seen.push(deepText(el));
    const observer = new MutationObserver(record);
    el.article = {...seedArticle(), lang: 'zh-TW', continuation: {page: 3}};
    document.body.append(el);
    observer.observe(el.shadowRoot!, {subtree: true, childList: true, characterData: true});
    await el.updateComplete;
    record();
    observer.disconnect();
    expect(requested('zh-TW'), 'loaded when needed').to.equal(true);
    const text = deepText(el);
    expect(text).to.include('新聞推薦');
    expect(text).to.include('(下轉第三版)');
    for (const english of [en.related, 'Continued on page', en.loading]) {
      expect(seen.filter((t) => t.includes(english)), english).to.deep.equal([]);
    }
    el.remove();
  });
});
