import {expect, fixture, html} from '@open-wc/testing';
import '../src/index.js';
import type {NewsArticle} from '../src/index.js';
import {crossOrigin, getAbortStatus, getHits, net, uniqueKey, waitUntil} from './harness/env.js';
import {deepQueryAll, deepText, englishArticle, fixtureUrl, recordEvents, seedArticle, captureWarnings, seedPieces} from './helpers.js';

/** A connected <news-article>, with events recorded from before it connects. */
async function mount(setup: (el: NewsArticle) => void, parent: HTMLElement = document.body) {
  const events = recordEvents();
  const el = document.createElement('news-article');
  setup(el);
  parent.append(el);
  return {el, events};
}

async function settled(el: NewsArticle, events: ReturnType<typeof recordEvents>, timeout = 5000) {
  await waitUntil(() => events.loads.length + events.errors.length > 0, timeout);
  await el.updateComplete;
}

describe('<news-article>', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('news-article')) el.remove();
  });

  describe('the seed article', () => {
    it('renders every paragraph, the caption, authors, jump line, related teaser and tagline verbatim', async () => {
      const seedText = await (await fetch(fixtureUrl('seed'))).json();
      const el = await fixture<NewsArticle>(html`<news-article .article=${seedArticle()}></news-article>`);
      await el.updateComplete;
      const text = deepText(el);
      const paragraphs = (seedText.body as string).split('\n\n').map((p) => p.replace(/^## /, '').trim());
      expect(paragraphs).to.have.length(10);
      for (const p of paragraphs) expect(text).to.include(p);
      expect(text).to.include(seedText.lead);
      expect(text).to.include(seedText.image.caption);
      expect(text).to.include('韩先秀、朱守晶、赵正平');
      expect(text).to.include('(下转第三版)');
      expect(text).to.include('新闻推荐');
      expect(text).to.include(seedText.related[0].summary);
      expect(text).to.include(seedText.publisher.tagline);
    });

    it('shows every line of the source text (test/fixtures/seed.txt) verbatim', async () => {
      const el = await fixture<NewsArticle>(html`<news-article src=${fixtureUrl('seed')}></news-article>`);
      await waitUntil(() => deepText(el).includes('来安新闻'), 5000);
      await el.updateComplete;
      const text = deepText(el);
      for (const piece of await seedPieces()) expect(text, piece.slice(0, 20)).to.include(piece);
    });

    it('has an outline under the partner page: h2 headline, h3 subheadings, labelled article', async () => {
      const el = await fixture<NewsArticle>(html`<news-article .article=${seedArticle()}></news-article>`);
      await el.updateComplete;
      const article = el.shadowRoot!.querySelector('article')!;
      const headline = el.shadowRoot!.querySelector('h2')!;
      expect(article.getAttribute('aria-labelledby')).to.equal(headline.id);
      expect(article.getAttribute('lang')).to.equal('zh-CN');
      expect(article.getAttribute('dir')).to.equal('ltr');
      const subheadings = deepQueryAll(el, 'news-body h3, h3').map((h) => h.textContent);
      expect(subheadings).to.include.members(['补足精神之钙筑牢思想篱笆', '聘请群众监督找准服务差距']);
      await expect(el).to.be.accessible();
    });

    it('follows heading-level', async () => {
      const el = await fixture<NewsArticle>(html`<news-article heading-level="1" .article=${seedArticle()}></news-article>`);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal(seedArticle().headline);
      expect(deepQueryAll(el, 'h2').map((h) => h.textContent)).to.include('补足精神之钙筑牢思想篱笆');
    });

    it('reads heading-level as <news-body> and <related-news> do: fractions truncate, anything below 1 is the default', async () => {
      const levels: [string, string, string, string][] = [
        // attribute, headline, body subheading, related heading
        ['3.7', 'h3', 'h4', 'h4'],
        ['1.5', 'h1', 'h2', 'h2'],
        ['0.5', 'h2', 'h3', 'h3'],
        ['-1', 'h2', 'h3', 'h3'],
        ['9', 'h6', 'h6', 'h6'],
        ['two', 'h2', 'h3', 'h3'],
      ];
      for (const [attribute, headline, subheading, related] of levels) {
        const el = await fixture<NewsArticle>(html`<news-article heading-level=${attribute} .article=${seedArticle()}></news-article>`);
        await el.updateComplete;
        const seen = [
          el.shadowRoot!.querySelector('[part=headline]')!.localName,
          deepQueryAll(el, '[part=body] > :is(h1, h2, h3, h4, h5, h6)')[0]?.localName,
          deepQueryAll(el, '[part=related-heading]')[0]?.localName,
        ];
        expect(seen, `heading-level="${attribute}"`).to.deep.equal([headline, subheading, related]);
      }
    });
  });

  describe('the English article', () => {
    it('renders every field', async () => {
      const article = englishArticle();
      const el = await fixture<NewsArticle>(html`<news-article .article=${article}></news-article>`);
      await el.updateComplete;
      const text = deepText(el);
      for (const part of [article.section, article.headline, article.dateline, 'Amelia Hart', 'Lena Fischer',
        'Transport correspondent', article.image!.caption, article.image!.credit, '312 people', 'A longer repair than planned',
        'new hull plates', 'Continued on page 3', 'Council approves extra funds', article.publisher!.name, article.publisher!.tagline]) {
        expect(text).to.include(part!);
      }
      const continuation = el.shadowRoot!.querySelector('[part=continuation] a')!;
      expect(continuation.getAttribute('href')).to.equal(article.continuation!.href);
      expect(deepQueryAll(el, 'blockquote')).to.have.length(1);
      expect(deepQueryAll(el, 'time').length).to.be.greaterThan(2);
      await expect(el).to.be.accessible();
    });

    it('sets dir="rtl" for an Arabic article', async () => {
      const el = await fixture<NewsArticle>(html`<news-article .article=${{headline: 'عنوان', body: 'نص', lang: 'ar'}}></news-article>`);
      expect(el.shadowRoot!.querySelector('article')!.getAttribute('dir')).to.equal('rtl');
    });
  });

  describe('data in, three ways', () => {
    it('falls back to inline JSON when the property is removed, and follows edits to it from then on', async () => {
      const el = document.createElement('news-article');
      el.article = {headline: 'By property'};
      document.body.append(el);
      await el.updateComplete;
      const script = Object.assign(document.createElement('script'), {type: 'application/json', textContent: JSON.stringify({headline: 'Inline'})});
      el.append(script);
      await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
      expect(deepText(el), 'the property wins').to.include('By property');
      el.article = undefined;
      await el.updateComplete;
      expect(deepText(el)).to.include('Inline');
      script.textContent = JSON.stringify({headline: 'Edited by the CMS'});
      await waitUntil(() => deepText(el).includes('Edited by the CMS'), 2000);
      expect(deepText(el), 'the edit is picked up').to.include('Edited by the CMS');
      el.remove();
    });

    it('property: fires one news-load with the parsed article', async () => {
      const {el, events} = await mount((el) => (el.article = seedArticle()));
      await el.updateComplete;
      expect(events.loads).to.have.length(1);
      expect(events.loads[0]!.detail.value.headline).to.equal(seedArticle().headline);
      expect(events.loads[0]!.composed && events.loads[0]!.bubbles).to.equal(true);
      expect(events.errors).to.have.length(0);
      events.stop();
    });

    it('news-load comes once the article is on screen, so a listener added later still hears it', async () => {
      const el = document.createElement('news-article');
      el.innerHTML = `<script type="application/json">${JSON.stringify(seedArticle())}</script>`;
      document.body.append(el);
      const seen = await new Promise<string>((resolve) =>
        el.addEventListener('news-load', () => resolve(deepText(el)), {once: true}),
      );
      expect(seen).to.include('补足精神之钙筑牢思想篱笆');
    });

    it('src: shows loading (aria-busy) then the article, relative URLs resolved against src', async () => {
      const {el, events} = await mount((el) => (el.src = net.json({headline: 'H', body: 'B', image: {src: 'a.jpg', alt: ''}}, 300)));
      await el.updateComplete;
      expect(el.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part=loading]')).to.exist;
      await settled(el, events);
      expect(el.hasAttribute('aria-busy')).to.equal(false);
      expect(events.loads).to.have.length(1);
      const img = deepQueryAll(el, 'img')[0]!;
      expect(img.getAttribute('src')).to.equal(new URL('/__net/a.jpg', location.href).href);
      events.stop();
    });

    it('inline <script type="application/json">', async () => {
      const el = await fixture<NewsArticle>(html`<news-article><script type="application/json">${JSON.stringify(englishArticle())}</script></news-article>`);
      await el.updateComplete;
      expect(deepText(el)).to.include('Harbour ferry returns');
    });

    it('the latest src wins and the old request is aborted', async () => {
      const key = uniqueKey('latest');
      const {el, events} = await mount((el) => (el.src = net.aborted(key)));
      await waitUntil(async () => (await getAbortStatus(key)).opened);
      el.src = net.json({headline: 'Latest', body: 'x'});
      await settled(el, events);
      expect(deepText(el)).to.include('Latest');
      expect(await waitUntil(async () => (await getAbortStatus(key)).closed)).to.equal(true);
      expect(events.errors).to.have.length(0);
      events.stop();
    });

    it('100 rapid src changes render only the last', async () => {
      const {el, events} = await mount((el) => (el.src = net.json({headline: 'n0', body: 'x'}, 50)));
      for (let i = 1; i < 100; i++) {
        el.src = net.json({headline: `n${i}`, body: 'x'}, 50);
        await Promise.resolve();
      }
      await settled(el, events);
      await new Promise((r) => setTimeout(r, 200));
      expect(events.loads.map((e) => e.detail.value.headline)).to.deep.equal(['n99']);
      events.stop();
    });

    it('a disconnect aborts the request', async () => {
      const key = uniqueKey('disconnect');
      const {el, events} = await mount((el) => (el.src = net.aborted(key)));
      await waitUntil(async () => (await getAbortStatus(key)).opened);
      el.remove();
      expect(await waitUntil(async () => (await getAbortStatus(key)).closed)).to.equal(true);
      expect(events.errors).to.have.length(0);
      events.stop();
    });

    it('several elements with the same src share one request', async () => {
      const key = uniqueKey('dedupe');
      const events = recordEvents();
      const els = Array.from({length: 3}, () => {
        const el = document.createElement('news-article');
        el.src = net.countArticle(key);
        document.body.append(el);
        return el;
      });
      await waitUntil(() => events.loads.length === 3);
      expect(events.loads).to.have.length(3);
      expect((await getHits(key)).hits).to.equal(1);
      for (const el of els) expect(deepText(el)).to.include('Counted');
      events.stop();
    });
  });

  describe('bad input gives the error state and one specific news-error', () => {
    const cases: [string, (el: NewsArticle) => void, string, RegExp][] = [
      ['invalid inline JSON', (el) => el.append(Object.assign(document.createElement('script'), {type: 'application/json', textContent: '{"headline":'})), 'json', /Invalid inline JSON/],
      ['a JSON array', (el) => (el.article = [1, 2] as never), 'invalid', /expected Object/],
      ['a number', (el) => (el.article = 42 as never), 'invalid', /expected Object/],
      ['authors: 5', (el) => (el.article = {headline: 'x', authors: 5} as never), 'invalid', /\$\.authors: expected Array/],
      ['image: "x"', (el) => (el.article = {headline: 'x', image: 'x'} as never), 'invalid', /\$\.image: expected Object/],
      ['neither headline nor body', (el) => (el.article = {lead: 'x'} as never), 'invalid', /headline or a body/],
      ['a 404', (el) => (el.src = net.status(404)), 'http', /HTTP 404/],
      ['a 500', (el) => (el.src = net.status(500)), 'http', /HTTP 500/],
      ['a 503', (el) => (el.src = net.status(503)), 'http', /HTTP 503/],
      ['a 204', (el) => (el.src = net.status(204)), 'empty', /204/],
      ['a non-JSON content type', (el) => (el.src = net.ctype), 'content-type', /got text\/html/],
      ['invalid JSON from src', (el) => (el.src = net.invalidJson), 'json', /Invalid JSON/],
      ['invalid UTF-8', (el) => (el.src = net.invalidUtf8), 'json', /UTF-8/],
      ['a connection reset mid-body', (el) => (el.src = net.reset), 'network', /Connection lost|Network error/],
      ['a body over the size cap', (el) => (el.src = net.big(3)), 'too-large', /cap/],
      ['a redirect loop', (el) => (el.src = net.redirectLoop), 'network', /Network error/],
      ['a timeout', (el) => ((el.timeout = 300), (el.src = net.hang)), 'timeout', /Timed out after 300 ms/],
    ];
    for (const [name, setup, code, message] of cases) {
      it(name, async () => {
        const {el, events} = await mount(setup);
        await settled(el, events, 8000);
        await new Promise((r) => setTimeout(r, 50));
        expect(events.errors, 'one news-error').to.have.length(1);
        expect(events.loads).to.have.length(0);
        const {detail} = events.errors[0]!;
        expect(detail.code).to.equal(code);
        expect(detail.message).to.match(message);
        const error = el.shadowRoot!.querySelector('[part=error][role=alert]')!;
        expect(error, 'error state').to.exist;
        expect(error.textContent!.trim().length).to.be.greaterThan(5);
        events.stop();
      });
    }

    it('a CORS refusal', async () => {
      const origin = await crossOrigin();
      const {el, events} = await mount((el) => (el.src = `${origin}/json`));
      await settled(el, events);
      expect(events.errors).to.have.length(1);
      expect(events.errors[0]!.detail.code).to.equal('network');
      events.stop();
    });

    it('shows the error in the page language (zh-CN)', async () => {
      const holder = document.createElement('div');
      holder.lang = 'zh-CN';
      document.body.append(holder);
      const {el, events} = await mount((el) => (el.src = net.status(404)), holder);
      await settled(el, events);
      expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.include('报道服务器返回错误（404）');
      holder.remove();
      events.stop();
    });

    it('keeps valid parts and warns once per dropped part', async () => {
      const {warnings, restore: restoreWarn} = captureWarnings();
      try {
        const article = {...seedArticle(), related: [{headline: 'bad', url: 'javascript:alert(1)'}, {headline: 'good'}]};
        const {el, events} = await mount((el) => (el.article = article));
        await el.updateComplete;
        expect(events.errors).to.have.length(0);
        expect(events.loads[0]!.detail.problems.map((p: {path: string}) => p.path)).to.deep.equal(['$.related[0]']);
        expect(warnings.filter((w) => w.includes('$.related[0]'))).to.have.length(1);
        expect(deepText(el)).to.include('good');
        expect(deepText(el)).not.to.include('bad');
        events.stop();
      } finally {
        restoreWarn();
      }
    });
  });
});
