/**
 * A story that arrives from `src` on a partner's page with content after the embed: its upgrade moves
 * nothing (the loading state takes the space the page gave the element, none by default), and if it
 * arrives while in view it keeps that space and offers "Show the whole story" instead of pushing the
 * partner's page down. Below the fold, with `grow`, or with nothing after it, it takes its full height.
 */
import {expect} from '@open-wc/testing';
import {sendMouse} from '@web/test-runner-commands';
import '../src/index.js';
import type {NewsArticle} from '../src/index.js';
import {engine, net, waitUntil} from './harness/env.js';
import {bodyLinks, deepText, recordEvents} from './helpers.js';

type Shift = PerformanceEntry & {value: number; hadRecentInput: boolean};

/** A partner's page: `above` px of header, the element, then 2000 px of the partner's own content. */
async function partnerPage({above = 100, css = '', configure = (_el: NewsArticle) => {}} = {}) {
  const stage = document.createElement('div');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const header = document.createElement('header');
  header.style.blockSize = `${above}px`;
  const el = document.createElement('news-article');
  configure(el);
  const after = document.createElement('div');
  after.id = 'after';
  after.style.blockSize = '2000px';
  after.textContent = "The partner's own text";
  scrollTo(0, 0);
  const events = recordEvents();
  const shifts: Shift[] = [];
  let observer: PerformanceObserver | undefined;
  if (PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
    observer = new PerformanceObserver((list) => shifts.push(...(list.getEntries() as Shift[])));
    observer.observe({type: 'layout-shift'});
  }
  // Defined already: the element upgrades as it is inserted, as a deferred module script finds it.
  stage.append(header, el, after);
  document.body.prepend(stage);
  return {
    el,
    after,
    events,
    shifts,
    loadingHeight: el.getBoundingClientRect().height,
    afterTop: after.getBoundingClientRect().top,
    /** Waits for the story (news-load) and a frame. */
    async arrived() {
      expect(await waitUntil(() => events.loads.length > 0, 5000), 'news-load').to.equal(true);
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    },
    bar: () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=expand]'),
    remove() {
      observer?.disconnect();
      events.stop();
      stage.remove();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

const story = (delay = 300) => (el: NewsArticle) => (el.src = net.fixture('english', delay));

describe('<news-article src> on a page with content after it', () => {
  it('upgrades without taking room: the loading state holds the space the element had (none)', async () => {
    const page = await partnerPage({configure: story()});
    try {
      await page.el.updateComplete;
      expect(page.el.shadowRoot!.querySelector('[part=loading]'), 'loading state').to.exist;
      expect(page.el.getAttribute('aria-busy')).to.equal('true');
      expect(page.loadingHeight, 'height before the upgrade settles').to.equal(0);
      expect(page.el.getBoundingClientRect().height, 'height while loading').to.equal(0);
      expect(deepText(page.el).trim(), 'its words, for assistive technology').to.equal('Loading…');
    } finally {
      page.remove();
    }
  });

  it('arriving in view, it holds that space and offers the whole story; the page after it moves by one control', async () => {
    const page = await partnerPage({configure: story()});
    try {
      await page.arrived();
      const bar = page.bar();
      expect(bar, '"Show the whole story"').to.exist;
      expect(bar!.textContent!.trim()).to.equal('Harbour ferry returns after a winter of repairs · Show the whole story');
      expect(bar!.getAttribute('aria-expanded')).to.equal('false');
      const height = page.el.getBoundingClientRect().height;
      expect(height, 'the element: just the control').to.be.closeTo(bar!.getBoundingClientRect().height, 1);
      expect(height).to.be.within(40, 60);
      expect(page.after.getBoundingClientRect().top - page.afterTop, "the partner's text moved by the control").to.be.closeTo(height, 1);
      if (page.shifts.length) expect(page.shifts.reduce((sum, s) => sum + s.value, 0), 'layout shift').to.be.below(0.1);
      // The whole story is there for assistive technology and find-in-page, only not laid out in view.
      expect(deepText(page.el)).to.include('Season tickets bought before November remain valid');
      await expect(page.el).to.be.accessible();
    } finally {
      page.remove();
    }
  });

  it('"Show the whole story" (a real click) lays it all out and moves focus to it', async () => {
    const page = await partnerPage({configure: story()});
    try {
      await page.arrived();
      const bar = page.bar()!;
      const box = bar.getBoundingClientRect();
      const before = page.shifts.length;
      await sendMouse({type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)]});
      await waitUntil(() => !page.bar(), 2000);
      await page.el.updateComplete;
      expect(page.bar(), 'the control goes').to.equal(null);
      const article = page.el.shadowRoot!.querySelector('article')!;
      expect(article.classList.contains('held')).to.equal(false);
      expect(page.el.getBoundingClientRect().height).to.be.greaterThan(500);
      expect(page.el.shadowRoot!.activeElement, 'focus').to.equal(article);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      // What the reader asked for is no layout shift: it follows input (Chromium reports it as such).
      for (const shift of page.shifts.slice(before)) expect(shift.hadRecentInput, 'shift after the click').to.equal(true);
    } finally {
      page.remove();
    }
  });

  it('with space declared for it, the story shows in that space and nothing after it moves at all', async () => {
    const page = await partnerPage({css: 'news-article { display: block; min-block-size: 400px; }', configure: story()});
    try {
      expect(page.loadingHeight, 'the declared space, before the upgrade too').to.equal(400);
      await page.arrived();
      expect(page.el.getBoundingClientRect().height).to.equal(400);
      expect(page.after.getBoundingClientRect().top, "the partner's text").to.equal(page.afterTop);
      if (page.shifts.length) expect(page.shifts.reduce((sum, s) => sum + s.value, 0)).to.equal(0);
      const bar = page.bar()!;
      expect(bar.textContent!.trim(), 'the headline shows: the control just says what it does').to.equal('Show the whole story');
      expect(bar.getBoundingClientRect().bottom).to.be.closeTo(page.el.getBoundingClientRect().bottom, 1);
      // The headline and the start of the story are in view above the control.
      const headline = page.el.shadowRoot!.querySelector('[part=headline]')!.getBoundingClientRect();
      expect(headline.bottom).to.be.below(bar.getBoundingClientRect().top);
    } finally {
      page.remove();
    }
  });

  it('a story that fits the declared space shows whole, with no control', async () => {
    const page = await partnerPage({css: 'news-article { display: block; min-block-size: 4000px; }', configure: story()});
    try {
      await page.arrived();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(page.bar()).to.equal(null);
      expect(page.el.shadowRoot!.querySelector('article')!.classList.contains('held')).to.equal(false);
    } finally {
      page.remove();
    }
  });

  it('tabbing into the held story shows all of it', async () => {
    const page = await partnerPage({css: 'news-article { display: block; min-block-size: 400px; }', configure: story()});
    try {
      await page.arrived();
      const link = bodyLinks(page.el)[0]!;
      expect(link, 'a link in the text').to.exist;
      link.focus();
      await page.el.updateComplete;
      expect(page.bar()).to.equal(null);
      expect(page.el.getBoundingClientRect().height).to.be.greaterThan(500);
    } finally {
      page.remove();
    }
  });

  it('arriving below the fold, it takes its full height: nothing the reader sees moves', async () => {
    const page = await partnerPage({above: 3000, configure: story()});
    try {
      await page.arrived();
      expect(page.bar()).to.equal(null);
      expect(page.el.getBoundingClientRect().height).to.be.greaterThan(500);
      if (page.shifts.length) expect(page.shifts.reduce((sum, s) => sum + s.value, 0)).to.equal(0);
    } finally {
      page.remove();
    }
  });

  it('with `grow` it takes its full height at once', async () => {
    const page = await partnerPage({
      configure: (el) => {
        el.grow = true;
        story()(el);
      },
    });
    try {
      await page.arrived();
      expect(page.bar()).to.equal(null);
      expect(page.el.getBoundingClientRect().height).to.be.greaterThan(500);
    } finally {
      page.remove();
    }
  });

  it('data given at once (property, inline JSON) renders whole: there was no loading state to hold', async () => {
    const page = await partnerPage({
      configure: (el) => {
        el.innerHTML = `<script type="application/json">${JSON.stringify({headline: 'Inline', body: 'Body.\n\n'.repeat(40)})}</script>`;
      },
    });
    try {
      await page.arrived();
      expect(page.bar()).to.equal(null);
      expect(page.el.getBoundingClientRect().height).to.be.greaterThan(300);
    } finally {
      page.remove();
    }
  });

  it(`is localized (${engine})`, async () => {
    const page = await partnerPage({configure: (el) => (el.src = net.fixture('seed', 200))});
    try {
      await page.arrived();
      expect(page.bar()!.textContent!.trim()).to.equal('县人社局：服务群众实现“零距离” · 展开全文');
    } finally {
      page.remove();
    }
  });
});
