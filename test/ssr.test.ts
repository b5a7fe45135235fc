/**
 * Server-rendered articles (news-elements/ssr, run by the test server) in a partner's page: whole with no
 * script at all, then woken up in place by the elements — the same nodes, no request, no shift, one
 * `news-load` — under the strict CSP with Trusted Types too; and every other way such HTML can reach a
 * page (innerHTML, setHTMLUnsafe, from another version of the templates, without the hydration code).
 *
 * The page cases run in an iframe on /__ssr/page.html (test/harness/ssr-server.mjs), where
 * test/ssr/ssr-page.ts notes what the page showed before the elements came and reports what they did.
 */
import {expect} from '@open-wc/testing';
import '../src/index.js';
import type {NewsArticle} from '../src/index.js';
import type {SsrReport} from './ssr/ssr-page.js';
import {engine, waitUntil} from './harness/env.js';
import {bodyLinks, captureWarnings, deepQueryAll, deepText, englishArticle, recordEvents, seedArticle, seedPieces, serverHtml} from './helpers.js';

const TIMEOUT = 10_000;

interface Page {
  frame: HTMLIFrameElement;
  doc: Document;
  story: NewsArticle;
  /** Loads the elements in the page and resolves with its report. */
  hydrate(): Promise<SsrReport>;
  remove(): void;
}

/**
 * Opens /__ssr/page.html?<query> in an iframe of a phone's or a desktop's width. `scripting: false` is a
 * sandbox without scripts: the page as a reader with JavaScript off, or a crawler, gets it.
 */
async function openPage(query: string, {scripting = true, width = 412} = {}): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = '900';
  if (!scripting) frame.setAttribute('sandbox', 'allow-same-origin');
  const ready = scripting
    ? new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          if (event.source === frame.contentWindow && event.data?.ready) {
            window.removeEventListener('message', onMessage);
            resolve();
          }
        };
        window.addEventListener('message', onMessage);
      })
    : new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), {once: true}));
  frame.src = `/__ssr/page.html?${query}${scripting ? '&script=later' : ''}`;
  document.body.append(frame);
  await ready;
  const doc = frame.contentDocument!;
  return {
    frame,
    doc,
    story: doc.querySelector('news-article') as NewsArticle,
    hydrate: () =>
      new Promise<SsrReport>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no report from ${frame.src} in ${TIMEOUT} ms`)), TIMEOUT);
        const onMessage = (event: MessageEvent) => {
          if (event.source !== frame.contentWindow || !(event.data?.report || event.data?.error)) return;
          window.removeEventListener('message', onMessage);
          clearTimeout(timer);
          if (event.data.error) reject(new Error(event.data.error));
          else resolve(event.data.report);
        };
        window.addEventListener('message', onMessage);
        frame.contentWindow!.postMessage('hydrate', location.origin);
      }),
    remove: () => frame.remove(),
  };
}

// The runner serves Lit's development build, which says so once per page.
const quiet = (lines: string[]) => lines.filter((line) => !line.includes('Lit is in dev mode'));

/** What every hydration must do: the server's nodes kept, nothing moved, nothing fetched, one news-load. */
function expectHydratedInPlace(report: SsrReport): void {
  expect(report.hydrated, 'every element rendered').to.equal(true);
  expect(report.sameHeadline, 'the headline is the node the server sent').to.equal(true);
  expect(report.sameParagraph, 'the first body paragraph is the node the server sent').to.equal(true);
  expect(report.articles, '<article>s in the shadow root').to.equal(1);
  expect(report.loads, 'news-load events').to.deep.equal(['news-article']);
  expect(report.errors).to.deep.equal([]);
  expect(quiet(report.console), 'console errors and warnings').to.deep.equal([]);
  expect(report.json, 'requests for JSON').to.deep.equal([]);
  expect(report.markdown, 'requests for the Markdown renderer').to.deep.equal([]);
  expect(report.afterAfter, "the partner's text after the story").to.deep.equal(report.afterBefore);
  expect(report.storyAfter, 'the story').to.deep.equal(report.storyBefore);
  if (report.shift !== null) expect(report.shift, 'layout shift (Chromium)').to.equal(0);
}

describe('Server-rendered HTML (news-elements/ssr)', function () {
  this.timeout(30_000);

  it('shows the whole seed article with no script at all (JavaScript off)', async () => {
    const page = await openPage('story=seed', {scripting: false});
    try {
      const {story, doc} = page;
      expect(story.shadowRoot, 'a declarative shadow root').to.not.equal(null);
      expect(page.frame.contentWindow!.customElements.get('news-article'), 'no element code ran').to.equal(undefined);
      const text = deepText(story);
      for (const piece of await seedPieces()) expect(text, piece.slice(0, 20)).to.include(piece);
      // Styled by its own CSS (an unstyled custom element would be inline), laid out, its photo's space held.
      expect(getComputedStyle(story).display).to.equal('block');
      const headline = story.shadowRoot!.querySelector('[part=headline]')!;
      expect(headline.getBoundingClientRect().height).to.be.greaterThan(20);
      const image = deepQueryAll(story, 'img[part=image]')[0] as HTMLImageElement;
      expect(image.getBoundingClientRect().height, 'the photo at its aspect ratio').to.be.closeTo((image.getBoundingClientRect().width * 800) / 1200, 1);
      const after = doc.getElementById('after')!.getBoundingClientRect();
      expect(after.top, "the partner's text comes after the whole story").to.be.greaterThan(story.getBoundingClientRect().bottom - 1);
    } finally {
      page.remove();
    }
  });

  it('keeps links working with no script (an English story)', async () => {
    const page = await openPage('story=english', {scripting: false});
    try {
      const links = deepQueryAll(page.story, 'a') as HTMLAnchorElement[];
      const hrefs = links.map((a) => a.href);
      expect(hrefs).to.include.members([
        'https://news.example.org/staff/amelia-hart',
        'https://news.example.org/ferry-timetable',
        'https://news.example.org/2026/04/12/harbour-ferry-returns/page-3',
        'https://news.example.org/2026/01/20/ferry-funds',
      ]);
      // Links in the text keep the policy the sanitizing path gives them.
      const inText = bodyLinks(page.story);
      expect(inText.map((a) => a.href)).to.deep.equal(['https://news.example.org/ferry-timetable']);
      for (const a of inText) expect(a.rel, a.href).to.equal('noopener noreferrer');
    } finally {
      page.remove();
    }
  });

  for (const [story, width] of [['seed', 412], ['seed', 1280], ['english', 412], ['arabic', 1280]] as const) {
    it(`wakes up in place when the script comes: ${story} at ${width} px`, async () => {
      const page = await openPage(`story=${story}`, {width});
      try {
        const headline = page.story.shadowRoot!.querySelector('[part=headline]');
        const report = await page.hydrate();
        expectHydratedInPlace(report);
        // The same node, seen from here too.
        expect(page.story.shadowRoot!.querySelector('[part=headline]')).to.equal(headline);
        if (story === 'seed') for (const piece of await seedPieces()) expect(report.text, piece.slice(0, 20)).to.include(piece);
      } finally {
        page.remove();
      }
    });
  }

  it('is live once awake: a new article renders in place of the server text', async () => {
    const page = await openPage('story=english');
    try {
      await page.hydrate();
      const next = {...englishArticle(), headline: 'A new headline', body: 'A *new* body.'};
      page.story.article = next as never;
      await page.story.updateComplete;
      expect(page.story.shadowRoot!.querySelector('[part=headline]')!.textContent).to.equal('A new headline');
      const body = page.story.shadowRoot!.querySelector('news-body.body')!.shadowRoot!.querySelector('.body')!;
      expect(body.textContent!.trim()).to.equal('A new body.');
      expect(body.querySelectorAll('em').length).to.equal(1);
      expect(page.story.shadowRoot!.querySelectorAll('article').length).to.equal(1);
    } finally {
      page.remove();
    }
  });

  it("is styled at first paint under a strict CSP that allows the styles' hashes, and hydrates with no violation", async () => {
    const page = await openPage('story=seed&csp=hashes');
    try {
      const report = await page.hydrate();
      expect(report.violations, 'CSP violations').to.deep.equal([]);
      expect(report.styledBefore, 'headline weight, host display before the script').to.match(/ block$/);
      expectHydratedInPlace(report);
    } finally {
      page.remove();
    }
  });

  it('the built CDN files, as `news-elements render --script` embeds them, hydrate in place under the strict CSP with hashes', async () => {
    const page = await openPage('story=seed&csp=hashes&cdn');
    try {
      const report = await page.hydrate();
      expect(report.violations, 'CSP violations').to.deep.equal([]);
      expect(report.styledBefore).to.match(/ block$/);
      expectHydratedInPlace(report);
      const scripts = page.frame.contentWindow!.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/dist/'));
      expect(scripts.sort()).to.deep.equal(['/dist/cdn/chunks/hydrate.js', '/dist/cdn/chunks/zh-CN.js', '/dist/cdn/news-elements-hydrate.js', '/dist/cdn/news-elements.js']);
    } finally {
      page.remove();
    }
  });

  it('without the hashes the styles are refused at first, and the script styles the story', async () => {
    const page = await openPage('story=seed&csp=nohashes');
    try {
      const report = await page.hydrate();
      // Refused while the page was parsed, before any script could listen: an unstyled custom element is inline.
      expect(report.styledBefore, 'the server <style>s were refused').to.match(/ inline$/);
      expect(report.violations.every((v) => v.startsWith('style-src')), report.violations.join('\n')).to.equal(true);
      expect(report.styledAfter).to.match(/ block$/);
      expect(report.loads).to.deep.equal(['news-article']);
      expect(report.sameHeadline).to.equal(true);
    } finally {
      page.remove();
    }
  });

  it('renders again, once, when the hydration code cannot be loaded', async () => {
    document.cookie = 'news-elements-fail-module=hydrate; path=/';
    try {
      const page = await openPage('story=seed');
      try {
        const report = await page.hydrate();
        expect(report.articles).to.equal(1);
        expect(report.loads).to.deep.equal(['news-article']);
        expect(quiet(report.console).join('\n')).to.include('hydration code could not be loaded');
        for (const piece of await seedPieces()) expect(report.text, piece.slice(0, 20)).to.include(piece);
      } finally {
        page.remove();
      }
    } finally {
      document.cookie = 'news-elements-fail-module=; path=/; max-age=0';
    }
  });
});

describe('Server-rendered HTML inserted by a script', () => {
  let stage: HTMLElement;
  beforeEach(() => {
    stage = document.createElement('div');
    document.body.append(stage);
  });
  afterEach(() => stage.remove());

  /** How often `text` occurs in `haystack`. */
  const count = (haystack: string, text: string) => haystack.split(text).length - 1;

  it('with innerHTML (no declarative shadow root): renders from its inline JSON, once, nothing stray', async () => {
    const html = await serverHtml(seedArticle());
    const events = recordEvents();
    try {
      stage.innerHTML = html;
      const story = stage.querySelector('news-article')!;
      await waitUntil(() => events.loads.length > 0, 5000);
      await story.updateComplete;
      expect(story.shadowRoot!.querySelectorAll('article').length).to.equal(1);
      const text = deepText(story);
      expect(count(text, '县人社局：服务群众实现“零距离”'), 'the headline, once').to.equal(1);
      for (const piece of await seedPieces()) expect(text, piece.slice(0, 20)).to.include(piece);
      // The server's shadow-root templates are inert light DOM: not shown, not in the layout.
      expect(story.querySelector('template')!.getBoundingClientRect().height).to.equal(0);
      expect(events.loads.map((e) => (e.target as Element).localName)).to.deep.equal(['news-article']);
    } finally {
      events.stop();
    }
  });

  it('with setHTMLUnsafe (declarative shadow roots) on a page where the elements are defined: hydrates at once', async function () {
    if (!('setHTMLUnsafe' in Element.prototype)) this.skip();
    const html = await serverHtml(seedArticle());
    const events = recordEvents();
    const warnings = captureWarnings();
    try {
      (stage as unknown as {setHTMLUnsafe(html: string): void}).setHTMLUnsafe(html);
      const story = stage.querySelector('news-article')!;
      const headline = story.shadowRoot!.querySelector('[part=headline]');
      expect(headline, 'the server shadow root, before any render').to.not.equal(null);
      await waitUntil(() => events.loads.length > 0, 5000);
      await story.updateComplete;
      expect(story.shadowRoot!.querySelector('[part=headline]')).to.equal(headline);
      expect(story.shadowRoot!.querySelectorAll('article').length).to.equal(1);
      expect(events.loads.length).to.equal(1);
      expect(warnings.warnings).to.deep.equal([]);
    } finally {
      warnings.restore();
      events.stop();
    }
  });

  // The digest of a template, as an older or newer version would have it: the article's own, or one of
  // its parts' (the body's, whose text the hydrating render leaves to the server's nodes).
  for (const host of ['news-article', 'news-body']) {
    it(`from another version of the templates (${host}): rendered again from its data, once, with a warning`, async function () {
      if (!('setHTMLUnsafe' in Element.prototype)) this.skip();
      const html = await serverHtml(seedArticle());
      const digest = new RegExp(`(<${host}\\b[^>]*><template shadowroot="open" shadowrootmode="open"><style>[^<]*</style><!--lit-part )[^-]+-->`, 'g');
      const stale = html.replace(digest, '$1AAAAAAAAAAA=-->');
      expect(stale).to.not.equal(html);
      const events = recordEvents();
      const warnings = captureWarnings();
      try {
        (stage as unknown as {setHTMLUnsafe(html: string): void}).setHTMLUnsafe(stale);
        const story = stage.querySelector('news-article')!;
        await waitUntil(() => events.loads.length > 0, 5000);
        await story.updateComplete;
        expect(story.shadowRoot!.querySelectorAll('article').length).to.equal(1);
        const text = deepText(story);
        expect(count(text, '县人社局：服务群众实现“零距离”')).to.equal(1);
        for (const piece of await seedPieces()) expect(text, piece.slice(0, 20)).to.include(piece);
        expect(warnings.warnings.join('\n')).to.include('does not match this version');
        expect(events.loads.length).to.equal(1);
      } finally {
        warnings.restore();
        events.stop();
      }
    });
  }
});

describe(`Server rendering in ${engine}: what the server wrote`, () => {
  it('every element of the article has its own declarative shadow root with its styles', async () => {
    const html = await serverHtml(englishArticle());
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
    // DOMParser keeps declarative shadow roots as templates, nested in each other's content: count what
    // the HTML parser would attach.
    const templates: HTMLTemplateElement[] = [];
    const walk = (root: ParentNode) => {
      for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode="open"]')) {
        templates.push(template);
        walk(template.content);
      }
    };
    walk(doc);
    const hosts = templates.map((t) => t.parentElement!.localName).sort();
    expect(hosts).to.deep.equal(['news-article', 'news-body', 'news-body', 'news-byline', 'photo-caption', 'related-news'].sort());
    for (const template of templates) expect(template.content.firstElementChild!.localName, 'first in the shadow root').to.equal('style');
    expect(doc.querySelectorAll('script').length, 'scripts').to.equal(1);
    expect(doc.querySelector('news-article > script')!.getAttribute('type')).to.equal('application/json');
  });
});
