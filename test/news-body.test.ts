import {expect, fixture, html} from '@open-wc/testing';
import '../src/news-body.js';
import type {NewsBody} from '../src/news-body.js';
import {forceSanitizer, sanitizerKind} from '../src/markdown/sanitize.js';
import {engine} from './harness/env.js';

const MD = `# Top

## Section

Para with [a link](https://example.org/x) and [bad](javascript:alert(1)) and **bold**.

### Deeper

![img](javascript:alert(2)) ![ok](/demo/images/seed-photo.jpg)

<img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script>
<a href="https://example.org" onclick="window.__pwned = true" id="clobber" name="x" style="color:red">styled</a>
`;

for (const kind of ['native', 'dompurify'] as const) {
  describe(`<news-body> (${kind} sanitizer)`, () => {
    before(function () {
      if (kind === 'native' && engine === 'webkit') this.skip(); // WebKitGTK has no HTML Sanitizer API
      forceSanitizer(kind);
    });
    after(() => forceSanitizer(undefined));

    it('renders subheadings one level below the headline', async () => {
      const el = await fixture<NewsBody>(html`<news-body .markdown=${MD}></news-body>`);
      await el.updateComplete;
      const headings = [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent}`);
      expect(headings).to.deep.equal(['h3 Top', 'h3 Section', 'h4 Deeper']);
      const deeper = await fixture<NewsBody>(html`<news-body heading-level="1" .markdown=${'## S'}></news-body>`);
      await deeper.updateComplete;
      expect(deeper.shadowRoot!.querySelector('h2')!.textContent).to.equal('S');
    });

    it('makes real headings from any heading-level: fractions truncate, below 1 or not a number is the default', async () => {
      // [heading-level, the level `## S` and `## S` + a link (through marked) render at]
      for (const [level, expected] of [['1.5', 'h2'], ['0.5', 'h3'], ['-2', 'h3'], ['x', 'h3'], ['6.9', 'h6']] as const) {
        for (const markdown of ['## S', '## S\n\n[a](https://example.org/)']) {
          const el = await fixture<NewsBody>(html`<news-body heading-level=${level} .markdown=${markdown}></news-body>`);
          await el.updateComplete;
          const headings = [...el.shadowRoot!.querySelectorAll('[part=body] > *')].filter((n) => n.textContent === 'S').map((n) => n.localName);
          expect(headings, `heading-level="${level}", ${JSON.stringify(markdown)}`).to.deep.equal([expected]);
        }
      }
    });

    it('keeps safe links with rel, strips unsafe URLs, handlers, ids and styles', async () => {
      (window as {__pwned?: boolean}).__pwned = false;
      const el = await fixture<NewsBody>(html`<news-body .markdown=${MD}></news-body>`);
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      const root = el.shadowRoot!;
      const links = [...root.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/x', null, 'https://example.org']);
      for (const a of links) expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(root.querySelector('[onclick], [onerror], [id], [name], [style], script')).to.equal(null);
      const images = [...root.querySelectorAll('img')].map((i) => i.getAttribute('src'));
      expect(images.every((src) => src && !src.startsWith('javascript'))).to.equal(true);
      expect(root.querySelector('strong')!.textContent).to.equal('bold');
      expect((window as {__pwned?: boolean}).__pwned).to.equal(false);
      expect(sanitizerKind()).to.equal(kind);
    });

    it('adds target to links when link-target is set', async () => {
      const el = await fixture<NewsBody>(html`<news-body link-target="_blank" .markdown=${'[x](https://example.org)'}></news-body>`);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('a')!.getAttribute('target')).to.equal('_blank');
    });
  });
}

describe('<news-body>', () => {
  it('reads Markdown from an inline text/markdown script', async () => {
    const el = await fixture<NewsBody>(html`<news-body><script type="text/markdown">## 小标题

正文。</script></news-body>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('小标题');
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('正文。');
  });

  it('refuses Markdown over the cap with a specific error', async () => {
    const el = document.createElement('news-body');
    el.maxLength = 10;
    el.markdown = 'x'.repeat(11);
    const error = new Promise<CustomEvent>((r) => el.addEventListener('news-error', (e) => r(e as CustomEvent), {once: true}));
    document.body.append(el);
    const {detail} = await error;
    expect(detail.code).to.equal('too-large');
    expect(detail.message).to.include('11 characters');
    el.remove();
  });

  it('renders a new markdown value in place of the old', async () => {
    const el = await fixture<NewsBody>(html`<news-body .markdown=${'first'}></news-body>`);
    await el.updateComplete;
    el.markdown = 'second';
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('second');
    expect(el.shadowRoot!.textContent).not.to.include('first');
  });
});

describe('sanitizer choice', () => {
  it('uses the HTML Sanitizer API where it works, DOMPurify where it is missing or chosen', () => {
    const chosen = (globalThis as {NEWS_ELEMENTS_SANITIZER?: string}).NEWS_ELEMENTS_SANITIZER;
    const native = typeof (Element.prototype as {setHTML?: unknown}).setHTML === 'function';
    expect(sanitizerKind()).to.equal(chosen === 'dompurify' || !native ? 'dompurify' : 'native');
    expect(engine === 'webkit' ? native : true).to.equal(engine !== 'webkit');
  });
});
