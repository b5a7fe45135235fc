/**
 * WCAG 2.2 AA, checked in the browser: axe-core over every fixture × locale × theme, keyboard order,
 * visible focus, announced states, forced colours, reduced motion, right-to-left layout and logical CSS.
 */
import {expect} from '@open-wc/testing';
import {emulateMedia, executeServerCommand, sendKeys} from '@web/test-runner-commands';
import type {AxeResults} from 'axe-core';
import type {CSSResultGroup} from 'lit';
import '../src/index.js';
import {NewsArticle, NewsBody, NewsByline, PhotoCaption, RelatedNews, type Article} from '../src/index.js';
import {catalog} from './catalog.js';
import {engine, itOnlyIn, net, waitUntil} from './harness/env.js';
import {deepQueryAll, englishArticle, seedArticle} from './helpers.js';

type Theme = 'light' | 'dark';
const THEMES: Theme[] = ['light', 'dark'];
const LOCALES = ['zh-CN', 'zh-TW', 'en', 'ja', 'ar'] as const;

/** What a partner page looks like around the element: its own background and text colour. */
const PAGE: Record<Theme, {background: string; color: string}> = {
  light: {background: '#f4f1ea', color: '#222222'},
  dark: {background: '#0e0e10', color: '#dddddd'},
};
/** The element's own background per theme (`--_d-bg` in src/styles/shared.ts). */
const OWN_BACKGROUND: Record<Theme, string> = {light: 'rgb(255, 255, 255)', dark: 'rgb(21, 21, 21)'};

/** A short Arabic story with every part an article can have: the right-to-left fixture. */
const arabicArticle = (): Article => ({
  id: 'ar-harbour-2026-0412',
  url: 'https://news.example.org/ar/2026/04/12/harbour-ferry-returns',
  lang: 'ar',
  section: 'أخبار محلية',
  headline: 'عودة عبّارة الميناء إلى العمل بعد شتاء من الإصلاحات',
  authors: [
    {name: 'ليلى حداد', role: 'reporter', url: 'https://news.example.org/ar/staff/layla-haddad'},
    {name: 'عمر الخطيب', role: 'photographer'},
  ],
  datePublished: '2026-04-12T09:30:00+03:00',
  dateline: 'بورتهافن',
  image: {
    src: '/demo/images/english-photo.jpg',
    alt: 'عبّارة صغيرة زرقاء وبيضاء تغادر رصيف الميناء عند شروق الشمس',
    caption: 'العبّارة «النورس» تغادر رصيف الميناء في أول رحلة لها منذ نوفمبر.',
    credit: 'عمر الخطيب',
    width: 1200,
    height: 675,
  },
  lead:
    'نقلت عبّارة الركاب الوحيدة في المدينة **٣١٢ راكبًا** في يومها الأول بعد العودة، إثر شتاء قضته في الحوض الجاف كلّف البلدية أكثر مما كان مقررًا.',
  body: [
    '## إصلاحات أطول من المتوقع',
    'اكتشف المهندسون في ديسمبر تآكلًا في ألواح الهيكل، ما أخّر العودة من فبراير إلى أبريل. ووافقت لجنة النقل في البلدية في يناير على مبلغ إضافي قدره ٤٨ ألف جنيه.',
    '> «نفضّل أن نتأخر على أن نندم»، قالت مديرة الميناء روث بنغيلي.',
    '## ما الذي يتغيّر للركاب',
    'تنطلق الرحلات كل *عشرين دقيقة* من السابعة صباحًا حتى السابعة مساءً، والأسعار بلا تغيير، و[جدول المواعيد](https://news.example.org/ar/ferry-timetable) منشور على موقع البلدية.',
  ].join('\n\n'),
  continuation: {text: 'التتمة في الصفحة ٣', href: 'https://news.example.org/ar/2026/04/12/harbour-ferry-returns/page-3'},
  related: [
    {
      headline: 'البلدية توافق على تمويل إضافي لإصلاح العبّارة',
      summary: 'صوّت أعضاء المجلس بأغلبية تسعة أصوات مقابل صوتين لتغطية التكاليف الزائدة، مع مراجعة لطريقة إبرام عقد الحوض الجاف.',
      url: 'https://news.example.org/ar/2026/01/20/ferry-funds',
      datePublished: '2026-01-20T18:00:00Z',
      image: {src: '/demo/images/english-photo.jpg', alt: '', width: 1200, height: 675},
    },
    {
      headline: 'أعمال ترميم جدار الميناء تبدأ في مايو',
      url: 'https://news.example.org/ar/2026/03/02/harbour-wall',
      image: {src: '/demo/images/english-photo.jpg', alt: '', width: 1200, height: 675},
    },
  ],
  publisher: {name: 'جريدة بورتهافن', url: 'https://news.example.org/ar/', tagline: 'أخبار بورتهافن منذ عام ١٨٨٧.'},
});

const minimalArticle = (): Article => ({
  headline: 'Harbour ferry returns',
  body: 'The ferry carried 312 people on its first day back.\n\nCrossings run every 20 minutes.',
});

const FIXTURES: {name: string; article: () => Article}[] = [
  {name: 'seed', article: seedArticle},
  {name: 'english', article: englishArticle},
  {name: 'arabic', article: arabicArticle},
  {name: 'minimal', article: minimalArticle},
];

// --- axe, through @open-wc/testing ------------------------------------------------------------------
// `expect(el).to.be.accessible(options)` (chai-a11y-axe) takes only {ignoredRules, ignoredTags, done}
// and runs axe-core's default rule set with resultTypes ['violations']: every enabled rule, which
// includes color-contrast (wcag2aa), but not target-size (WCAG 2.2 AA 2.5.8, off by default in axe 4.x).
// So target-size is switched on globally with axe.configure, and axe.run is wrapped only to keep the
// results (which rules ran, what was left "incomplete").
//
// axe's color-contrast does not see everything: its icon-ligature heuristic (first glyph alone vs the
// whole string on a canvas) takes joined Arabic script for icon fonts and skips it, and in Firefox and
// WebKit a heading whose glyph box overflows its line box by a pixel or two is "partially obscured" to
// it (undecided, not failed). So every text node is also checked here (textContrast), in every engine
// and script.

type Axe = typeof import('axe-core');
type RunCallback = (error: unknown, results: AxeResults) => void;
let axe: Axe;
let lastResults: AxeResults | undefined;
const axeStats = {renders: 0, runs: 0, violations: 0, rules: new Set<string>(), textNodes: 0, undecided: 0};

async function loadAxe(): Promise<void> {
  if (axe) return;
  const probe = document.createElement('p');
  probe.textContent = 'axe';
  document.body.append(probe);
  await expect(probe).to.be.accessible(); // chai-a11y-axe imports axe-core and puts it on window
  probe.remove();
  axe = (window as unknown as {axe: Axe}).axe;
  axe.configure({rules: [{id: 'target-size', enabled: true}]});
  const run = axe.run as unknown as (context: unknown, options: unknown, callback: RunCallback) => void;
  (axe as unknown as {run: typeof run}).run = (context, options, callback) =>
    run.call(axe, context, options, (error, results) => {
      lastResults = results;
      callback(error, results);
    });
}

type Rgba = [number, number, number, number];
function parseColor(color: string): Rgba {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?/.exec(color);
  if (!m) throw new Error(`not an rgb() colour: ${color}`);
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}
/** `top` painted over opaque `bottom` with `alpha`. */
const over = (top: Rgba, bottom: Rgba, alpha = top[3]): Rgba => [
  top[0] * alpha + bottom[0] * (1 - alpha),
  top[1] * alpha + bottom[1] * (1 - alpha),
  top[2] * alpha + bottom[2] * (1 - alpha),
  1,
];
/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: string | Rgba, b: string | Rgba): number {
  const [la, lb] = [a, b].map((c) => luminance(typeof c === 'string' ? parseColor(c) : c));
  return (Math.max(la!, lb!) + 0.05) / (Math.min(la!, lb!) + 0.05);
}
const flatParent = (el: Element): Element | null =>
  el.parentElement ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);

/**
 * Contrast of every visible text node under `root` (shadow trees included) against the background it
 * is painted on: the backgrounds of its flat-tree ancestors composited down to the first opaque one,
 * the text's colour faded by the opacity of its ancestors (the loading pulse). 4.5:1, or 3:1 for
 * large text (24px, or 18.66px bold). Returns how many text nodes were checked.
 */
function textContrast(root: Element, label: string): number {
  const problems: string[] = [];
  let checked = 0;
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) {
      const el = node.parentElement!;
      const range = document.createRange();
      range.selectNodeContents(node);
      const style = getComputedStyle(el);
      if (!range.getClientRects().length || style.visibility !== 'visible') return;
      const layers: Rgba[] = [];
      let opacity = 1;
      for (let e: Element | null = el; e; e = flatParent(e)) {
        const s = getComputedStyle(e);
        opacity *= Number(s.opacity);
        const background = parseColor(s.backgroundColor);
        if (background[3] > 0) layers.push(background);
        if (background[3] === 1) break;
      }
      let background: Rgba = [255, 255, 255, 1]; // the canvas, if nothing opaque was found
      for (const layer of layers.reverse()) background = over(layer, background);
      const color = parseColor(style.color);
      const text = over(color, background, color[3] * opacity);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const ratio = contrast(text, background);
      checked++;
      if (ratio < (large ? 3 : 4.5) - 0.005) {
        const on = `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`;
        const words = node.textContent!.trim().slice(0, 24);
        problems.push(`${ratio.toFixed(2)}:1 “${words}” <${el.localName}> ${style.color} (opacity ${opacity.toFixed(2)}) on ${on}`);
      }
      return;
    }
    if (node instanceof Element) {
      if (['script', 'style', 'template'].includes(node.localName)) return;
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  expect(problems, `[${engine}] ${label}: text contrast`).to.deep.equal([]);
  return checked;
}

/**
 * axe over `target` must find no violation (color-contrast and target-size among the rules run), and every
 * text node must pass textContrast. color-contrast left undecided by axe is only allowed for the
 * glyph-box case ("partially obscured"), which textContrast covers.
 */
async function expectAccessible(target: Element, label: string, renders = 1): Promise<void> {
  lastResults = undefined;
  try {
    await expect(target).to.be.accessible();

  } catch (error) {
    axeStats.violations++;
    throw new Error(`[${engine}] ${label}\n${(error as Error).message}`);
  }
  const results = lastResults!;
  axeStats.runs++;
  axeStats.renders += renders;
  for (const list of [results.passes, results.violations, results.incomplete, results.inapplicable]) {
    for (const rule of list) axeStats.rules.add(rule.id);
  }
  const ran = [...results.passes, ...results.inapplicable, ...results.incomplete].map((r) => r.id);
  expect(ran, `${label}: color-contrast ran`).to.include('color-contrast');
  expect(ran, `${label}: target-size ran`).to.include('target-size');
  for (const rule of results.incomplete.filter((r) => r.id === 'color-contrast')) {
    for (const node of rule.nodes) {
      const keys = node.any.map((check) => (check.data as {messageKey?: string} | null)?.messageKey ?? check.message);
      const where = `${label} ${JSON.stringify(node.target)} ${keys.join(',')}`;
      if (keys.every((k) => k === 'elmPartiallyObscured')) axeStats.undecided++;
      else expect.fail(`color-contrast could not decide: ${where}`);
    }
  }
  const checked = textContrast(target, label);
  expect(checked, `${label}: text nodes`).to.be.greaterThan(0);
  axeStats.textNodes += checked;
}

// --- one stage, reused ------------------------------------------------------------------------------

let stage: HTMLDivElement;

function setPage(theme: Theme): void {
  stage.style.background = PAGE[theme].background;
  stage.style.color = PAGE[theme].color;
}

/** Puts fresh `<news-article>`s on the stage (emptied first) and waits until they are fully rendered. */
async function show(setups: ((el: NewsArticle) => void)[], page: Theme): Promise<NewsArticle[]> {
  stage.replaceChildren();
  setPage(page);
  const els = setups.map((setup) => {
    const el = document.createElement('news-article');
    setup(el);
    return el;
  });
  stage.append(...els);
  await Promise.all(els.map((el) => el.updateComplete));
  return els;
}

const part = (el: NewsArticle, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

const FOCUSABLE = 'a[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]';

/** The focused element, followed down through shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const describeNode = (node: Element | null): string => {
  if (!node) return 'null';
  const href = node.getAttribute('href');
  return `<${node.localName}${href ? ` href="${href}"` : ''}>${node.textContent?.trim().slice(0, 30) ?? ''}`;
};

/** A system colour as this engine resolves it right now (forced colours change them). */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/** Puts every animation of `els` (and their shadow trees) at `time` ms, paused. */
function pauseAnimationsAt(els: Element[], time: number): void {
  for (const el of els) {
    for (const animation of el.shadowRoot!.getAnimations()) {
      animation.pause();
      animation.currentTime = time;
    }
  }
}

const started = performance.now();

describe('accessibility (WCAG 2.2 AA)', () => {
  before(async () => {
    stage = document.createElement('div');
    stage.id = 'a11y-stage';
    document.body.append(stage);
    await loadAxe();
    await document.fonts.ready;
  });

  after(() => {
    stage.remove();
    axe?.reset();
    console.log(
      `axe: ${axeStats.renders} renders × ${axeStats.rules.size} rules (${axeStats.runs} runs, target-size on), ` +
        `${axeStats.violations} violations; text contrast: ${axeStats.textNodes} text nodes; ` +
        `color-contrast left undecided by axe (glyph box, checked by textContrast): ${axeStats.undecided}; ` +
        `${engine} ${((performance.now() - started) / 1000).toFixed(1)} s for the file`,
    );
  });

  describe('axe finds no violation', () => {
    for (const fixture of FIXTURES) {
      for (const theme of THEMES) {
        it(`in the ${fixture.name} article, ${theme} theme, in ${LOCALES.join(', ')}`, async function () {
          this.timeout(20_000);
          const els = await show(
            LOCALES.map((lang) => (el) => {
              el.setAttribute('theme', theme);
              el.article = {...fixture.article(), lang};
            }),
            theme,
          );
          for (const [i, el] of els.entries()) {
            const lang = LOCALES[i]!;
            const label = `${fixture.name} article, theme ${theme}, lang ${lang}`;
            // The element paints its own background, whatever the page's.
            expect(getComputedStyle(el).backgroundColor, label).to.equal(OWN_BACKGROUND[theme]);
            const article = part(el, 'article')!;
            expect(article.lang, label).to.equal(lang);
            expect(article.getAttribute('dir'), label).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
          }
          const where = `news-article:nth-child(1…5) = ${LOCALES.join(', ')}`;
          await expectAccessible(stage, `${fixture.name} article, theme ${theme}, ${where}`, els.length);
        });
      }
    }

    it('on a page of the other theme (the element brings its own background)', async () => {
      for (const theme of THEMES) {
        const [el] = await show(
          [
            (el) => {
              el.setAttribute('theme', theme);
              el.article = englishArticle();
            },
          ],
          theme === 'light' ? 'dark' : 'light',
        );
        await expectAccessible(el!, `english article, theme ${theme}, on a ${theme === 'light' ? 'dark' : 'light'} page`);
      }
    });

    // theme="auto" (no attribute) follows prefers-color-scheme, which only Chromium can emulate here (see
    // "reduced motion" below).
    itOnlyIn(['chromium'], 'with no theme attribute on a dark-scheme system (auto)', async () => {
      try {
        await emulateMedia({colorScheme: 'dark'});
        const [el] = await show([(el) => (el.article = englishArticle())], 'dark');
        expect(el!.hasAttribute('theme')).to.equal(false);
        expect(getComputedStyle(el!).backgroundColor).to.equal(OWN_BACKGROUND.dark);
        await expectAccessible(el!, 'english article, theme auto, prefers-color-scheme: dark');
      } finally {
        await emulateMedia({colorScheme: 'light'}); // the headless default
      }
    });

    for (const theme of THEMES) {
      it(`in the error state, ${theme} theme, in every locale`, async () => {
        const els = await show(
          LOCALES.map((lang) => (el) => {
            el.setAttribute('theme', theme);
            el.lang = lang;
            el.src = net.status(404);
          }),
          theme,
        );
        expect(await waitUntil(() => els.every((el) => part(el, 'error')), 5000), 'error states shown').to.equal(true);
        await expectAccessible(stage, `error state, theme ${theme}, news-article[lang] = ${LOCALES.join(', ')}`, els.length);
      });

      it(`in the loading state, ${theme} theme, in every locale, at every keyframe of its animation`, async () => {
        const els = await show(
          LOCALES.map((lang) => (el) => {
            el.setAttribute('theme', theme);
            el.lang = lang;
            el.src = net.hang;
          }),
          theme,
        );
        try {
          for (const el of els) expect(part(el, 'loading'), 'loading state shown').to.exist;
          // The pulse changes the text's opacity, hence its contrast: axe must pass at each keyframe,
          // not at whatever moment it happens to run.
          const [animation] = part(els[0]!, 'loading')!.getAnimations();
          expect(animation, 'the loading state is animated').to.exist;
          const duration = Number(animation!.effect!.getTiming().duration);
          const offsets = (animation!.effect as KeyframeEffect).getKeyframes().map((k) => k.computedOffset);
          expect(offsets.length).to.be.greaterThan(0);
          for (const offset of new Set([0, ...offsets, 1])) {
            pauseAnimationsAt(els, offset * duration);
            const opacity = getComputedStyle(part(els[0]!, 'loading')!).opacity;
            const label = `loading state, theme ${theme}, keyframe ${offset} (opacity ${opacity})`;
            await expectAccessible(stage, `${label}, news-article[lang] = ${LOCALES.join(', ')}`, els.length);
          }
        } finally {
          stage.replaceChildren(); // disconnecting aborts the /__net/hang requests
        }
      });
    }
  });

  describe('keyboard', () => {
    it('Tab goes from a button before the article through each of its links in reading order to one after it', async function () {
      this.timeout(20_000);
      stage.replaceChildren();
      setPage('light');
      const before = Object.assign(document.createElement('button'), {textContent: 'before'});
      const after = Object.assign(document.createElement('button'), {textContent: 'after'});
      const el = document.createElement('news-article');
      el.article = englishArticle();
      stage.append(before, el, after);
      await el.updateComplete;

      // Expected: the links of a deep walk in document order; nothing else in the article takes focus.
      const links = deepQueryAll(el, 'a[href]');
      const focusable = deepQueryAll(el, FOCUSABLE);
      expect(focusable.filter((n) => !links.includes(n)).map(describeNode)).to.deep.equal([]);
      const a = englishArticle();
      const hrefs = links.map((l) => (l as HTMLAnchorElement).href);
      expect(hrefs, 'author, body, continuation, related ×2, publisher').to.deep.equal([
        a.authors!.map((x) => (typeof x === 'string' ? undefined : x.url)).find(Boolean),
        'https://news.example.org/ferry-timetable',
        a.continuation!.href,
        a.related![0]!.url,
        a.related![1]!.url,
        a.publisher!.url,
      ]);

      before.focus();
      expect(deepActiveElement()).to.equal(before);
      const visited: (Element | null)[] = [];
      for (let i = 0; i < links.length + 3 && visited.at(-1) !== after; i++) {
        await sendKeys({press: 'Tab'});
        visited.push(deepActiveElement());
      }
      expect(visited.map(describeNode)).to.deep.equal([...links, after].map(describeNode));
      expect(visited).to.deep.equal([...links, after]);
    });

    for (const theme of THEMES) {
      it(`a focused link has a visible focus ring (${theme} theme), 3:1 against the background`, async () => {
        stage.replaceChildren();
        setPage(theme);
        const before = Object.assign(document.createElement('button'), {textContent: 'before'});
        const el = document.createElement('news-article');
        el.setAttribute('theme', theme);
        el.article = englishArticle();
        stage.append(before, el);
        await el.updateComplete;
        before.focus();
        await sendKeys({press: 'Tab'});
        const link = deepActiveElement() as HTMLAnchorElement;
        expect(link?.localName).to.equal('a');
        expect(link.matches(':focus-visible'), ':focus-visible').to.equal(true);
        const style = getComputedStyle(link);
        expect(style.outlineStyle).to.not.equal('none');
        expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
        const host = link.getRootNode() instanceof ShadowRoot ? (link.getRootNode() as ShadowRoot).host : el;
        const background = getComputedStyle(host).backgroundColor;
        expect(contrast(style.outlineColor, background), `outline ${style.outlineColor} on ${background}`).to.be.at.least(3);
      });
    }
  });

  describe('states are announced', () => {
    it('loading: aria-busy="true" on the host, role="status" with localized words, until the article arrives', async () => {
      const els = await show(
        LOCALES.map((lang) => (el) => {
          el.lang = lang;
          el.src = net.json(minimalArticle(), 800);
        }),
        'light',
      );
      for (const [i, el] of els.entries()) {
        const lang = LOCALES[i]!;
        expect(el.getAttribute('aria-busy'), lang).to.equal('true');
        const loading = part(el, 'loading')!;
        expect(loading.getAttribute('role'), lang).to.equal('status');
        expect(loading.textContent!.trim(), lang).to.equal(catalog[lang]!.loading);
      }
      expect(await waitUntil(() => els.every((el) => part(el, 'article')), 5000), 'articles shown').to.equal(true);
      for (const el of els) expect(el.hasAttribute('aria-busy')).to.equal(false);
    });

    it('error: role="alert", in the words of each locale', async () => {
      const els = await show(
        LOCALES.map((lang) => (el) => {
          el.lang = lang;
          el.src = net.status(404);
        }),
        'light',
      );
      expect(await waitUntil(() => els.every((el) => part(el, 'error')), 5000)).to.equal(true);
      const texts = new Set<string>();
      for (const [i, el] of els.entries()) {
        const lang = LOCALES[i]!;
        const error = part(el, 'error')!;
        expect(error.getAttribute('role'), lang).to.equal('alert');
        expect(error.lang, lang).to.equal(lang);
        expect(el.hasAttribute('aria-busy'), lang).to.equal(false);
        const text = error.textContent!.replace(/\s+/g, ' ').trim();
        expect(text, lang).to.equal(`${catalog[lang]!.error} ${catalog[lang]!.errors.http.replace('{status}', '404')}`);
        texts.add(text);
      }
      expect(texts.size, 'five different languages').to.equal(LOCALES.length);
    });

    it('an Arabic loading or error message reads right to left', async () => {
      const [loading, error] = await show(
        [
          (el) => {
            el.lang = 'ar';
            el.src = net.hang;
          },
          (el) => {
            el.lang = 'ar';
            el.src = net.status(404);
          },
        ],
        'light',
      );
      try {
        expect(await waitUntil(() => !!part(error!, 'error'), 5000)).to.equal(true);
        // Like the article, which takes dir="rtl" from its lang, the element's own Arabic words must not be
        // laid out left to right (the final "." and "(404)" would land on the wrong side).
        const direction = (node: HTMLElement) => getComputedStyle(node).direction;
        expect({loading: direction(part(loading!, 'loading')!), error: direction(part(error!, 'error')!)}).to.deep.equal({
          loading: 'rtl',
          error: 'rtl',
        });
      } finally {
        stage.replaceChildren();
      }
    });
  });

  describe('forced colours (Windows High Contrast)', () => {
    // Only Chromium can emulate `forced-colors: active`: @web/test-runner-commands' emulateMedia drops
    // `forcedColors` for puppeteer (Playwright-only there) and puppeteer's emulateMediaFeatures refuses it,
    // so test/harness/media-plugin.mjs sends the CDP command itself. Puppeteer's Firefox (WebDriver BiDi)
    // has no media-feature emulation, and the WebKit launcher (WebDriver) none at all.
    // The checks are on what the reader gets: Chromium itself forces borders to CanvasText and the focus
    // ring to a system colour; they fail if that is lost (e.g. `forced-color-adjust: none` on our parts).
    afterEach(async () => {
      if (engine === 'chromium') await executeServerCommand('a11y-emulate-media', {features: []});
    });

    itOnlyIn(['chromium'], 'the error box keeps a visible border and the focus ring uses a system colour', async () => {
      stage.replaceChildren();
      await executeServerCommand('a11y-emulate-media', {features: [{name: 'forced-colors', value: 'active'}]});
      expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
      const canvas = systemColor('Canvas');
      const canvasText = systemColor('CanvasText');
      const highlight = systemColor('Highlight');
      const [failed, ok] = await show(
        [
          (el) => {
            el.setAttribute('theme', 'dark');
            el.src = net.status(404);
          },
          (el) => {
            el.setAttribute('theme', 'light');
            el.article = englishArticle();
          },
        ],
        'light',
      );
      expect(await waitUntil(() => !!part(failed!, 'error'), 5000)).to.equal(true);
      const box = getComputedStyle(part(failed!, 'error')!);
      expect(box.borderTopStyle).to.equal('solid');
      expect(parseFloat(box.borderTopWidth)).to.be.at.least(1);
      expect(box.borderTopColor, 'border in CanvasText').to.equal(canvasText);
      expect(contrast(box.color, getComputedStyle(failed!).backgroundColor), 'error text').to.be.at.least(4.5);
      expect(getComputedStyle(failed!).backgroundColor, 'host on Canvas').to.equal(canvas);

      ok!.shadowRoot!.querySelector('news-byline')!.shadowRoot!.querySelector<HTMLAnchorElement>('a')!.focus();
      await sendKeys({press: 'Tab'}); // a keyboard focus, so that :focus-visible applies
      const link = deepActiveElement() as HTMLElement;
      expect(link.localName).to.equal('a');
      const ring = getComputedStyle(link);
      expect(ring.outlineStyle).to.not.equal('none');
      expect(ring.outlineColor, 'focus ring in Highlight').to.equal(highlight);
      expect(contrast(over(parseColor(ring.outlineColor), parseColor(canvas)), canvas)).to.be.at.least(3);
    });
  });

  describe('reduced motion', () => {
    // emulateMedia({reducedMotion}) works through CDP only: puppeteer's Firefox (BiDi) throws "CDP support
    // is required", and the WebKit launcher (WebDriver) has no media emulation.
    afterEach(async () => {
      if (engine === 'chromium') await emulateMedia({reducedMotion: 'no-preference'}); // the default
    });

    itOnlyIn(['chromium'], 'prefers-reduced-motion: reduce stops the loading pulse', async () => {
      const [el] = await show([(el) => (el.src = net.hang)], 'light');
      try {
        expect(getComputedStyle(part(el!, 'loading')!).animationName, 'animated by default').to.equal('news-pulse');
        await emulateMedia({reducedMotion: 'reduce'});
        expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
        expect(getComputedStyle(part(el!, 'loading')!).animationName).to.equal('none');
      } finally {
        stage.replaceChildren();
      }
    });
  });

  describe('right to left', () => {
    it('an Arabic article is dir="rtl" and its byline, caption and related list mirror', async () => {
      const [el] = await show([(el) => (el.article = arabicArticle())], 'light');
      const article = part(el!, 'article')!;
      expect(article.getAttribute('dir')).to.equal('rtl');
      expect(article.lang).to.equal('ar');

      const byline = el!.shadowRoot!.querySelector('news-byline')!.shadowRoot!;
      const [first, second] = [...byline.querySelectorAll('[part="author"]')].map((a) => a.getBoundingClientRect());
      expect(first!.left, 'first author to the right of the second').to.be.at.least(second!.right - 0.5);

      const photo = el!.shadowRoot!.querySelector('photo-caption')!.shadowRoot!;
      const figcaption = photo.querySelector('figcaption')!;
      const caption = photo.querySelector('[part="caption"]')!.getBoundingClientRect();
      const credit = photo.querySelector('[part="credit"]')!.getBoundingClientRect();
      expect(getComputedStyle(figcaption).direction).to.equal('rtl');
      expect(getComputedStyle(figcaption).textAlign).to.be.oneOf(['start', 'right']);
      const edge = figcaption.getBoundingClientRect().right;
      expect(Math.abs(caption.right - edge), 'caption starts at the right edge').to.be.below(1.5);
      expect(credit.right, 'credit after (to the left of) the caption').to.be.at.most(caption.left + 0.5);

      const related = el!.shadowRoot!.querySelector('related-news')!.shadowRoot!;
      const items = [...related.querySelectorAll('[part="related-item"]')];
      expect(items).to.have.length(2);
      for (const item of items) {
        const image = item.querySelector('img')!.getBoundingClientRect();
        const text = item.querySelector('.text')!.getBoundingClientRect();
        expect(image.left, 'thumbnail to the right of its text').to.be.at.least(text.right - 0.5);
      }
    });

    it('the elements’ CSS uses logical properties only', () => {
      const physical: [RegExp, string][] = [
        [/(?:^|[\s;{])(?:margin|padding|inset|scroll-margin|scroll-padding)-(?:left|right)\s*:/g, 'margin/padding-left|right'],
        [/(?:^|[\s;{])border-(?:left|right)(?:-(?:width|style|color))?\s*:/g, 'border-left|right'],
        [/(?:^|[\s;{])border-(?:top|bottom)-(?:left|right)-radius\s*:/g, 'border-*-left|right-radius'],
        [/(?:^|[\s;{])(?:left|right)\s*:/g, 'left:/right:'],
        [/(?:^|[\s;{])(?:text-align|float|clear)\s*:\s*(?:left|right)\b/g, 'text-align/float/clear: left|right'],
      ];
      // Four-value shorthands whose left and right differ are physical too.
      const shorthand = /(?:^|[\s;{])(margin|padding|inset|border-width|border-style|border-color)\s*:\s*([^;}]+)/g;
      const flatten = (group: CSSResultGroup | undefined): string[] =>
        group === undefined
          ? []
          : Array.isArray(group)
            ? group.flatMap((g) => flatten(g as CSSResultGroup))
            : [(group as {cssText: string}).cssText];
      const found: string[] = [];
      const classes = {NewsArticle, NewsBody, NewsByline, PhotoCaption, RelatedNews};
      for (const [name, cls] of Object.entries(classes)) {
        const css = flatten(cls.styles).join('\n').replace(/\/\*[\s\S]*?\*\//g, '');
        // The sheets really were read: the shared tokens, and the element's own logical properties.
        expect(css, name).to.include('--_d-text').and.to.match(/(?:^|[\s;{-])(?:inline|block)-(?:start|end|size)\s*:/);
        for (const [pattern, what] of physical) {
          for (const m of css.matchAll(pattern)) {
            found.push(`${name}: ${what}: “${css.slice(Math.max(0, m.index - 20), m.index + 40).trim()}”`);
          }
        }
        for (const [, prop, value] of css.matchAll(shorthand)) {
          const values = value!.trim().split(/\s+(?![^(]*\))/);
          if (values.length === 4 && values[1] !== values[3]) found.push(`${name}: ${prop}: ${value}`);
        }
      }
      expect(found).to.deep.equal([]);
    });
  });

  describe('images', () => {
    it('a decorative image (alt: "") renders with an empty alt and no warning', async () => {
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
      try {
        const [el] = await show(
          [
            (el) => {
              el.article = {
                headline: 'Harbour ferry returns',
                image: {src: '/demo/images/english-photo.jpg', alt: '', width: 1200, height: 675},
                body: 'The ferry carried 312 people on its first day back.',
              };
            },
          ],
          'light',
        );
        const img = el!.shadowRoot!.querySelector('photo-caption')!.shadowRoot!.querySelector('img')!;
        expect(img.hasAttribute('alt')).to.equal(true);
        expect(img.getAttribute('alt')).to.equal('');
        expect(warnings).to.deep.equal([]);
        await expectAccessible(el!, 'decorative image');
      } finally {
        console.warn = warn;
      }
    });
  });
});
