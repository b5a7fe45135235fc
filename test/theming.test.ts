/**
 * The theming contract in real engines, as a partner uses it: one rule on its own page with only the
 * public custom properties (`--news-*`) and parts (`::part()`, exported parts of nested elements
 * included) restyles what is inside the shadow roots; `theme` (light, dark, or unset = the reader's
 * `prefers-color-scheme`); `look="print"`; the article adapts to its column (container queries) and
 * never overflows a narrow one; and `<news-article>` hands `theme`, `look` and `strings` to its parts.
 * The static half of the contract (every token read is documented, has a fallback, is never declared;
 * every part is documented) is test/node/theming.test.mjs.
 */
import {expect} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import '../src/index.js';
import type {Article, NewsArticle} from '../src/index.js';
import type {NewsElement} from '../src/news-element.js';
import {itExcept, waitUntil} from './harness/env.js';
import {deepQueryAll, englishArticle, seedArticle} from './helpers.js';

const cleanup: Element[] = [];
afterEach(() => {
  for (const node of cleanup.splice(0)) node.remove();
});

/** A `<style>` on the partner's page, in `document.head`; removed after the test. */
function pageStyle(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  cleanup.push(style);
}

/** A block of the partner's page `width` px wide (0: no width set), removed after the test. */
function column(width = 0): HTMLDivElement {
  const div = document.createElement('div');
  if (width) div.style.width = `${width}px`;
  document.body.append(div);
  cleanup.push(div);
  return div;
}

/** A `<news-article>` rendered in full (its parts and their Markdown included). */
async function mount(article: Article, attributes: Record<string, string> = {}, parent = column()): Promise<NewsArticle> {
  const el = document.createElement('news-article');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.article = article;
  parent.append(el);
  await el.updateComplete;
  return el;
}

/** The first element matching `selector` in `root`'s tree, crossing shadow roots. */
function deep(root: Element, selector: string): HTMLElement {
  const found = deepQueryAll(root, selector)[0];
  if (!found) throw new Error(`no ${selector} in <${root.localName}>`);
  return found as HTMLElement;
}

/** The first match of `selector` inside the shadow root of the first `host` in `root`'s tree. */
function inside(root: Element, host: string, selector: string): HTMLElement {
  const found = deep(root, host).shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} in ${host}`);
  return found;
}

const style = (el: Element) => getComputedStyle(el);
const px = (value: string) => parseFloat(value);
const label = (el: Element) => `<${el.localName}${el.getAttribute('part') ? ` part="${el.getAttribute('part')}"` : ''}>`;

/** [r, g, b, a] of a computed colour (`rgb()` / `rgba()`, as every engine serializes sRGB colours). */
function rgba(color: string): [number, number, number, number] {
  const m = /^rgba?\((\d+(?:\.\d+)?),?\s*(\d+(?:\.\d+)?),?\s*(\d+(?:\.\d+)?)(?:\s*[,/]\s*(\d*\.?\d+))?\)$/.exec(color);
  if (!m) throw new Error(`not an rgb() colour: ${color}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

/** WCAG relative luminance and contrast ratio. */
function luminance(color: string): number {
  const [r, g, b] = rgba(color).map((c) => c / 255) as [number, number, number];
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Nested elements of `<news-article>`, each one of its parts. */
const NESTED = 'news-byline, photo-caption, news-body, related-news';

describe('theming', () => {
  describe('a partner restyles with custom properties and parts only', () => {
    const RED = 'rgb(200, 0, 0)';

    it('one page-level rule recolours every link, sets the font and the headline size and spacing', async () => {
      const el = await mount(englishArticle());
      const body = deep(el, 'news-body[part="body"]');
      const links = [
        ...deepQueryAll(body, 'a'),
        deep(el, 'a[part~="author"]'),
        ...deepQueryAll(el, 'a[part~="related-link"]'),
        deep(el, '[part~="continuation"] a'),
        deep(el, 'a[part~="publisher"]'),
      ];
      const relatedLinks = deepQueryAll(el, 'a[part~="related-link"]');
      const headline = deep(el, '[part~="headline"]');
      const texts = [inside(el, 'news-body[part="body"]', 'p'), deep(el, '[part~="author"]'), deep(el, '[part~="caption"]'), headline, relatedLinks[0]!];
      expect(links).to.have.length(6);
      expect(relatedLinks).to.have.length(2);
      // Before: the theme's own choices.
      for (const a of links) expect(style(a).color, label(a)).to.not.equal(RED);
      expect(style(headline).fontSize).to.not.equal('40px');
      for (const a of relatedLinks) expect(style(a).textDecorationLine).to.equal('underline');

      pageStyle(`
        news-article { --news-accent-color: rgb(200, 0, 0); --news-font-family: Georgia, serif; --news-headline-size: 40px; }
        news-article::part(headline) { letter-spacing: 2px }
        news-article::part(related-link) { text-decoration: none }
      `);
      for (const a of links) expect(style(a).color, `${label(a)} ${a.textContent}`).to.equal(RED);
      expect(style(headline).fontSize).to.equal('40px');
      expect(style(headline).letterSpacing).to.equal('2px');
      for (const a of relatedLinks) expect(style(a).textDecorationLine).to.equal('none');
      for (const text of texts) expect(style(text).fontFamily, label(text)).to.match(/^"?Georgia"?, serif$/);
    });

    it('a custom property on :root themes every element on the page, nested ones included', async () => {
      const el = await mount(englishArticle());
      pageStyle(`:root { --news-text-color: rgb(1, 2, 3); --news-muted-color: rgb(4, 5, 6); --news-background: rgb(250, 240, 230); }`);
      expect(style(inside(el, 'news-body[part="body"]', 'p')).color).to.equal('rgb(1, 2, 3)');
      expect(style(deep(el, '[part~="date"]')).color).to.equal('rgb(4, 5, 6)');
      expect(style(deep(el, '[part~="figcaption"]')).color).to.equal('rgb(4, 5, 6)');
      for (const host of [el, ...deepQueryAll(el.shadowRoot!, NESTED)]) {
        expect(style(host).backgroundColor, label(host)).to.equal('rgb(250, 240, 230)');
      }
    });

    it('exported parts of nested elements are styleable from the page (caption, author, related-item, body-text …)', async () => {
      // A broken hero image, so that the photo's `placeholder` part is rendered too.
      const article = {...englishArticle(), image: {...englishArticle().image!, src: '/__net/status/404', srcset: undefined}};
      const el = await mount(article as Article);
      const broken = await waitUntil(() => !!deep(el, 'photo-caption').shadowRoot!.querySelector('[part~="placeholder"]'));
      expect(broken, 'the placeholder of a broken image').to.equal(true);
      // [name on <news-article>, the nested element, its own part name]
      const exported: [string, string, string][] = [
        ['byline-line', 'news-byline', 'byline'],
        ['authors', 'news-byline', 'authors'],
        ['author', 'news-byline', 'author'],
        ['role', 'news-byline', 'role'],
        ['date', 'news-byline', 'date'],
        ['updated', 'news-byline', 'updated'],
        ['figure', 'photo-caption', 'figure'],
        ['frame', 'photo-caption', 'frame'],
        ['image', 'photo-caption', 'image'],
        ['placeholder', 'photo-caption', 'placeholder'],
        ['figcaption', 'photo-caption', 'figcaption'],
        ['caption', 'photo-caption', 'caption'],
        ['credit', 'photo-caption', 'credit'],
        ['lead-text', 'news-body[part="lead"]', 'body'],
        ['body-text', 'news-body[part="body"]', 'body'],
        ['related-heading', 'related-news', 'related-heading'],
        ['related-list', 'related-news', 'related-list'],
        ['related-item', 'related-news', 'related-item'],
        ['related-link', 'related-news', 'related-link'],
        ['related-headline', 'related-news', 'related-headline'],
        ['related-summary', 'related-news', 'related-summary'],
        ['related-image', 'related-news', 'related-image'],
        ['related-date', 'related-news', 'related-date'],
      ];
      const colour = (i: number) => `rgb(${i + 10}, 20, 30)`;
      const targets = exported.map(([name, host, part]) => {
        const found = [...deep(el, host).shadowRoot!.querySelectorAll(`[part~="${part}"]`)];
        expect(found.length, `${host} part ${part}`).to.be.greaterThan(0);
        return {name, found};
      });
      for (const {name, found} of targets) expect(style(found[0]!).outlineStyle, name).to.equal('none');

      pageStyle(
        exported.map(([name], i) => `news-article::part(${name}) { outline: 1px solid ${colour(i)} }`).join('\n') +
          `\nnews-article::part(body-text) { color: rgb(0, 90, 0) }` +
          `\nnews-article::part(related-item) { padding-inline-start: 7px }`,
      );
      targets.forEach(({name, found}, i) => {
        for (const node of found) {
          expect(style(node).outlineStyle, `::part(${name})`).to.equal('solid');
          expect(style(node).outlineColor, `::part(${name})`).to.equal(colour(i));
        }
      });
      // A part's styles reach what is inside it.
      expect(style(inside(el, 'news-body[part="body"]', 'p')).color).to.equal('rgb(0, 90, 0)');
      expect(style(deep(el, '[part~="related-item"]')).paddingLeft).to.equal('7px');
      // Only the named parts: the lead is not the body.
      expect(style(inside(el, 'news-body[part="lead"]', '[part~="body"]')).color).to.not.equal('rgb(0, 90, 0)');
    });
  });

  describe('themes', () => {
    /** What the reader sees: the article's background and text, secondary text, links, from every part. */
    function colours(el: NewsArticle) {
      const samples: HTMLElement[] = [
        deep(el, '[part~="headline"]'),
        deep(el, '[part~="kicker"]'),
        inside(el, 'news-body[part="body"]', 'p'),
        inside(el, 'news-body[part="body"]', 'a'),
        inside(el, 'news-body[part="lead"]', 'p'),
        deep(el, 'a[part~="author"]'),
        deep(el, '[part~="date"]'),
        deep(el, '[part~="caption"]'),
        deep(el, 'a[part~="related-link"]'),
        deep(el, '[part~="related-date"]'),
        deep(el, '[part~="tagline"]'),
      ];
      return {
        background: style(el).backgroundColor,
        hosts: deepQueryAll(el.shadowRoot!, NESTED).map((host) => ({host, background: style(host).backgroundColor})),
        text: samples.map((node) => ({node, color: style(node).color})),
      };
    }

    it('theme="dark" and theme="light" differ in text and background, each readable (WCAG AA) in every part', async () => {
      const light = colours(await mount(englishArticle(), {theme: 'light'}));
      const dark = colours(await mount(englishArticle(), {theme: 'dark'}));
      expect(luminance(light.background)).to.be.greaterThan(0.8);
      expect(luminance(dark.background)).to.be.lessThan(0.05);
      for (const theme of [light, dark]) {
        expect(rgba(theme.background)[3], 'an opaque background').to.equal(1);
        // Every nested element paints the same background: none of them fell back to the other theme.
        for (const {host, background} of theme.hosts) expect(background, label(host)).to.equal(theme.background);
        for (const {node, color} of theme.text) {
          expect(contrast(color, theme.background), `${label(node)} ${color} on ${theme.background}`).to.be.at.least(4.5);
        }
      }
      light.text.forEach(({node, color}, i) => expect(dark.text[i]!.color, label(node)).to.not.equal(color));
    });

    /** Background and body text colour, the two things a reader notices first. */
    const look = (el: NewsArticle) => ({
      background: style(el).backgroundColor,
      bodyBackground: style(deep(el, 'news-body[part="body"]')).backgroundColor,
      text: style(inside(el, 'news-body[part="body"]', 'p')).color,
    });

    it('theme unset looks like the reader\'s prefers-color-scheme', async () => {
      const auto = await mount(englishArticle());
      const light = await mount(englishArticle(), {theme: 'light'});
      const dark = await mount(englishArticle(), {theme: 'dark'});
      expect(look(light)).to.not.deep.equal(look(dark));
      const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
      expect(look(auto)).to.deep.equal(look(prefersDark ? dark : light));
      expect(auto.hasAttribute('theme')).to.equal(false);
      expect(deep(auto, 'news-body[part="body"]').hasAttribute('theme')).to.equal(false);
    });

    // emulateMedia needs Chrome's DevTools protocol (or Playwright). Firefox runs over WebDriver BiDi,
    // where puppeteer answers "CDP support is required for this feature"; WebKit runs over classic
    // WebDriver, which has no way to change prefers-color-scheme ("not supported for browser type
    // webdriver"). In both, the test above still checks that an unset theme matches the reader's scheme.
    itExcept(['firefox', 'webkit'], 'theme unset follows a change of prefers-color-scheme; theme="light" and "dark" do not', async function () {
      const auto = await mount(englishArticle());
      const light = await mount(englishArticle(), {theme: 'light'});
      const dark = await mount(englishArticle(), {theme: 'dark'});
      const before = {light: look(light), dark: look(dark)};
      const originallyDark = matchMedia('(prefers-color-scheme: dark)').matches;
      try {
        for (const scheme of ['dark', 'light'] as const) {
          await emulateMedia({colorScheme: scheme});
          expect(await waitUntil(() => matchMedia(`(prefers-color-scheme: ${scheme})`).matches), `emulated ${scheme}`).to.equal(true);
          expect(look(auto), scheme).to.deep.equal(before[scheme]);
          expect(look(light), `theme="light" in a ${scheme} scheme`).to.deep.equal(before.light);
          expect(look(dark), `theme="dark" in a ${scheme} scheme`).to.deep.equal(before.dark);
        }
      } finally {
        await emulateMedia({colorScheme: originallyDark ? 'dark' : 'light'});
      }
    });
  });

  describe('the print look', () => {
    it('look="print" sets serif body text, a 2em paragraph indent and a rule between sections', async () => {
      const plain = await mount(englishArticle());
      const print = await mount(englishArticle(), {look: 'print'});
      const paragraph = (el: NewsArticle) => inside(el, 'news-body[part="body"]', 'p');
      const sections = (el: NewsArticle) => [deep(el, 'news-body[part="body"]'), deep(el, 'related-news')];

      expect(style(paragraph(plain)).fontFamily).to.match(/sans-serif$/);
      expect(style(paragraph(plain)).textIndent).to.equal('0px');
      for (const section of sections(plain)) expect(style(section).borderTopWidth, label(section)).to.equal('0px');

      const p = style(paragraph(print));
      expect(p.fontFamily).to.match(/(^|,\s*)serif$/).and.not.include('sans-serif');
      expect(px(p.textIndent)).to.be.closeTo(2 * px(p.fontSize), 0.01);
      expect(px(p.textIndent)).to.be.greaterThan(20);
      for (const section of sections(print)) {
        expect(style(section).borderTopStyle, label(section)).to.equal('solid');
        expect(style(section).borderTopWidth, label(section)).to.equal('1px');
      }
      // A partner's own font still wins over the print look's serif.
      pageStyle(`news-article { --news-font-family: "Partner Sans", sans-serif; }`);
      expect(style(paragraph(print)).fontFamily).to.match(/^"?Partner Sans"?, sans-serif$/);
    });

    it('the rule between sections has room: the text under it does not touch it', async () => {
      const plain = await mount(englishArticle());
      const print = await mount(englishArticle(), {look: 'print'});
      const sections = (el: NewsArticle) => [deep(el, 'news-body[part="body"]'), deep(el, 'related-news')];
      for (const section of sections(plain)) expect(style(section).paddingTop, label(section)).to.equal('0px');
      for (const section of sections(print)) {
        expect(px(style(section).paddingTop), `${label(section)} padding under the rule`).to.be.at.least(8);
      }
    });
  });

  describe('the article adapts to its column', () => {
    it('a 320 px column gets a smaller headline (and lead) than a 1200 px one', async () => {
      const narrow = await mount(englishArticle(), {}, column(320));
      const wide = await mount(englishArticle(), {}, column(1200));
      const size = (el: NewsArticle, selector: string) => px(style(deep(el, selector)).fontSize);
      expect(size(narrow, '[part~="headline"]')).to.be.lessThan(size(wide, '[part~="headline"]'));
      expect(size(narrow, '.lead')).to.be.lessThan(size(wide, '.lead'));
      // Both are still headlines: bigger than the body text.
      const bodySize = px(style(inside(narrow, 'news-body[part="body"]', 'p')).fontSize);
      expect(size(narrow, '[part~="headline"]')).to.be.greaterThan(bodySize);
    });

    /**
     * Elements (crossing shadow roots) whose content is wider than their box, `scrollWidth > clientWidth`:
     * the innermost ones only (their ancestors overflow because of them), `[]` when none does.
     */
    function overflowing(root: Element): string[] {
      const found: string[] = [];
      const walk = (node: Element): boolean => {
        let inner = false;
        if (node.shadowRoot) for (const child of node.shadowRoot.children) inner = walk(child) || inner;
        for (const child of node.children) inner = walk(child) || inner;
        const s = style(node);
        // A scroller (`pre` with overflow-x: auto) keeps wide content to itself, on purpose.
        const scroller = s.overflowX === 'auto' || s.overflowX === 'scroll';
        // 1 px: scrollWidth and clientWidth are rounded to whole pixels, each its own way.
        // Blocks only: engines disagree on the scroll width of an inline box (Firefox measures it, in a
        // clientWidth of 0), and an inline box that is too wide makes its block too wide anyway.
        const block = s.display !== 'inline' && s.display !== 'contents' && s.display !== 'none';
        const over = block && !scroller && node.scrollWidth > node.clientWidth + 1;
        if (over && !inner) {
          const text = (node.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 48);
          found.push(`${label(node)} ${node.scrollWidth} px wide in ${node.clientWidth} px: "${text}"`);
        }
        return over || inner;
      };
      walk(root);
      return found;
    }

    const LONG_URL = 'https://news.example.org/2026/04/12/harbour-ferry-returns/transport-committee-report-with-all-appendices.pdf';

    it('nothing overflows a 320 px column: the CJK seed article', async () => {
      const col = column(320);
      const el = await mount(seedArticle(), {}, col);
      expect(el.clientWidth).to.equal(320);
      expect(overflowing(col)).to.deep.equal([]);
      expect(col.scrollWidth).to.be.at.most(320);
    });

    it('nothing overflows a 320 px column: long URLs and unbroken words wrap, in every part', async () => {
      const article = englishArticle();
      article.headline = `Ferry report published at ${LONG_URL}`;
      article.lead = `The report is at ${LONG_URL} and runs to 212 pages.`;
      article.body += `\n\nRead it at ${LONG_URL}\n\nOr follow [${LONG_URL}](${LONG_URL}).\n\n` +
        `Chief engineer of the Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller said so.\n\n` +
        `> Quoted from ${LONG_URL}\n\n- a list item with ${LONG_URL}\n`;
      article.image = {...article.image!, caption: `Photo: ${LONG_URL}`};
      article.related = [{headline: `Read more: ${LONG_URL}`, summary: `Also at ${LONG_URL}`, url: LONG_URL}];
      article.publisher = {...article.publisher!, tagline: `Porthaven's news since 1887: ${LONG_URL}`};
      const col = column(320);
      const el = await mount(article, {}, col);
      expect(el.clientWidth).to.equal(320);
      expect(overflowing(col)).to.deep.equal([]);
      expect(col.scrollWidth).to.be.at.most(320);
    });

    it('nothing overflows a 320 px column: a long photo credit wraps', async () => {
      const article = englishArticle();
      article.image = {...article.image!, credit: 'Tom Okafor for the Porthaven Gazette and the Harbour Trust'};
      const col = column(320);
      await mount(article, {}, col);
      expect(overflowing(col)).to.deep.equal([]);
      expect(col.scrollWidth).to.be.at.most(320);
    });
  });

  describe('<news-article> passes theme, look and strings to its parts', () => {
    it('byline, photo-caption, news-body and related-news get the same theme, look and strings, and follow changes', async () => {
      const strings = {related: 'More from Porthaven', updated: 'Revised'};
      const el = await mount(englishArticle(), {theme: 'dark', look: 'print'});
      el.strings = strings;
      await el.updateComplete;
      const parts = () => deepQueryAll(el.shadowRoot!, NESTED) as NewsElement[];
      expect(parts().map((p) => p.getAttribute('part'))).to.deep.equal(['byline', 'photo', 'lead', 'body', 'related']);
      for (const part of parts()) {
        expect(part.getAttribute('theme'), label(part)).to.equal('dark');
        expect(part.getAttribute('look'), label(part)).to.equal('print');
        expect(part.strings, label(part)).to.equal(strings);
      }
      expect(deep(el, '[part~="related-heading"]').textContent!.trim()).to.equal('More from Porthaven');
      expect(deep(el, '[part~="updated"]').textContent).to.include('Revised');

      el.theme = 'light';
      el.look = undefined;
      el.strings = {related: 'Also in the Gazette'};
      await el.updateComplete;
      for (const part of parts()) {
        expect(part.getAttribute('theme'), label(part)).to.equal('light');
        expect(part.hasAttribute('look'), label(part)).to.equal(false);
      }
      expect(deep(el, '[part~="related-heading"]').textContent!.trim()).to.equal('Also in the Gazette');
      expect(deep(el, '[part~="updated"]').textContent).to.not.include('Revised');

      // Back to the default (auto): no attribute anywhere, so every part follows prefers-color-scheme.
      el.removeAttribute('theme');
      await el.updateComplete;
      for (const part of parts()) expect(part.hasAttribute('theme'), label(part)).to.equal(false);
    });
  });
});

