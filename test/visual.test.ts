/**
 * Visual regression: <news-article> with three real articles (zh-CN seed, English, Arabic RTL) × light/dark
 * × a 360 px and a 1024 px column = 12 screenshots, compared with the PNGs committed in
 * test/visual/baseline/ (plugin options in web-test-runner.config.mjs; failed shots and diffs go to the
 * git-ignored test/visual/failed/).
 *
 * Chromium only, and only in the plain Chromium run: the "Chromium+DOMPurify" group renders the same pixels,
 * so it skips too and each baseline is checked once. Update the baselines after an intended change with
 * `npm run test:visual:update` (see test/harness/README.md).
 */
import {expect, fixture, html} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import {visualDiff} from '@web/test-runner-visual-regression';
import '../src/news-article.js';
import type {NewsArticle} from '../src/news-article.js';
import type {Article} from '../src/index.js';
import {parseArticle} from '../src/model/parse.js';
import {engine, waitUntil} from './harness/env.js';
import {deepQueryAll, englishArticle, fixtureUrl, seedArticle} from './helpers.js';

// 0.10's index.d.ts re-exports './browser/commands.mjs', for which it ships no .d.mts, so TypeScript
// sees no exports; this restates the one signature from its browser/commands.d.ts.
declare module '@web/test-runner-visual-regression' {
  export function visualDiff(element: Node, name: string): Promise<void>;
}

const arabic = (await (await fetch(fixtureUrl('arabic'))).json()) as Article;
const arabicArticle = (): Article => structuredClone(arabic);

/** The DOMPurify group sets this global in its page (web-test-runner.config.mjs); it is Chromium too. */
const dompurifyGroup = (globalThis as {NEWS_ELEMENTS_SANITIZER?: string}).NEWS_ELEMENTS_SANITIZER === 'dompurify';
const checked = engine === 'chromium' && !dompurifyGroup;

/**
 * Only fonts every test machine has (the pretest installs both): Noto Sans CJK for Han and Latin, Noto
 * Sans Arabic for Arabic. The elements' default stack starts with system-ui, which differs from machine to
 * machine.
 */
const FONTS = "'Noto Sans CJK SC', 'Noto Sans Arabic', sans-serif";

const STORIES = [
  {name: 'seed', lang: 'zh-CN', article: seedArticle},
  {name: 'english', lang: 'en', article: englishArticle},
  {name: 'arabic', lang: 'ar', article: arabicArticle},
] as const;
const THEMES = ['light', 'dark'] as const;
const WIDTHS = [360, 1024] as const;

/** Wide enough for the 1024 px column plus the body's margin, so nothing is clipped sideways. */
const VIEWPORT_WIDTH = 1100;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Everything that can still change pixels after the first render: Markdown, fonts, images. */
async function settle(el: NewsArticle): Promise<void> {
  await el.updateComplete; // includes the nested news-body (Markdown), byline, photo and related list
  await document.fonts.ready;
  // The viewport as tall as the article: every lazy image (related news) is in view and loads, and the
  // element is fully visible when it is captured.
  const height = Math.ceil(el.getBoundingClientRect().bottom) + 16;
  await setViewport({width: VIEWPORT_WIDTH, height});
  const images = deepQueryAll(el, 'img') as HTMLImageElement[];
  for (const img of images) {
    expect(await waitUntil(() => img.complete, 5000), `${img.src} finished loading`).to.equal(true);
    expect(img.naturalWidth, `${img.src} loaded (not broken)`).to.be.greaterThan(0);
    await img.decode();
  }
  await document.fonts.ready; // fonts first used by text that only now came into view
  await nextFrame();
  await nextFrame();
}

(checked ? describe : describe.skip)('<news-article> visual regression (Chromium)', () => {
  it('starts from a plain page: no forced colours, 1 device pixel per CSS pixel, an Arabic fixture that parses', () => {
    // The runner reuses one tab for file after file: emulation another file leaves on would change every pixel.
    expect(matchMedia('(forced-colors: active)').matches, 'forced-colors emulation left on').to.equal(false);
    expect(devicePixelRatio).to.equal(1);
    const {article, problems} = parseArticle(arabicArticle());
    expect(problems).to.deep.equal([]);
    expect(article?.related).to.have.length(2);
  });

  for (const story of STORIES) {
    for (const theme of THEMES) {
      for (const width of WIDTHS) {
        const name = `${story.name}-${theme}-${width}`;
        it(`renders the ${story.name} article (${story.lang}) in the ${theme} theme at ${width}px like ${name}.png`, async function () {
          this.timeout(20_000);
          const frame = await fixture<HTMLDivElement>(html`<div
            style="inline-size: ${width}px; --news-font-family: ${FONTS}"
          ><news-article theme=${theme} .article=${story.article()}></news-article></div>`);
          const el = frame.querySelector('news-article')!;
          await settle(el);
          expect(el.shadowRoot!.querySelector('article'), 'the article rendered (not an error state)').to.exist;
          expect(el.getBoundingClientRect().width).to.equal(width);
          await visualDiff(el, name);
        });
      }
    }
  }
});
