// Lifecycle and memory: elements that come and go leave nothing behind — no request still open, no timer,
// no MutationObserver, no listener on window or document, no heap growth — and a second copy of the
// package next to an older one neither throws nor nags.
import {expect} from '@open-wc/testing';
import '../src/index.js';
import type {NewsArticle, NewsBody, NewsByline, PhotoCaption, RelatedNews} from '../src/index.js';
import {engine, itOnlyIn, net, waitUntil} from './harness/env.js';
import {captureWarnings} from './helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A frame of the stack belongs to the package (src/), not to Lit, the runner or this test. */
const fromSrc = (stack: string | undefined): boolean =>
  (stack ?? '').split('\n').some((line) => /\/src\/[\w/.-]+\.ts\b/.test(line) && !line.includes('/node_modules/'));

/**
 * Counts what the page holds while it is installed: fetches not yet settled, timers not yet fired or
 * cleared (those set by src/), MutationObservers observing, and listeners on window and document.
 * Installed before any element connects; `restore()` puts the originals back.
 */
function instrument() {
  const restores: (() => void)[] = [];
  const counts = {fetchStarted: 0, fetchSettled: 0, fetchAborted: 0, timersSet: 0, srcTimersSet: 0, observersCreated: 0};

  // fetch: pending = started − settled; an AbortError is a settlement.
  const realFetch = window.fetch;
  window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    counts.fetchStarted++;
    const p = realFetch.apply(this, args);
    p.then(
      () => counts.fetchSettled++,
      (e: unknown) => {
        counts.fetchSettled++;
        if ((e as Error)?.name === 'AbortError') counts.fetchAborted++;
      },
    );
    return p;
  } as typeof fetch;
  restores.push(() => (window.fetch = realFetch));

  // setTimeout/clearTimeout: live = set − cleared − fired, for the timers whose stack passes through src/.
  const liveTimers = new Map<number, string>();
  const realSet = window.setTimeout;
  const realClear = window.clearTimeout;
  window.setTimeout = function (handler: TimerHandler, delay?: number, ...args: unknown[]): number {
    counts.timersSet++;
    if (typeof handler !== 'function') return realSet(handler, delay, ...args);
    const stack = new Error().stack;
    let id = 0;
    const fire = function (this: unknown, ...a: unknown[]) {
      liveTimers.delete(id);
      return (handler as (...x: unknown[]) => unknown).apply(this, a);
    };
    id = realSet(fire, delay, ...args);
    if (fromSrc(stack)) {
      counts.srcTimersSet++;
      liveTimers.set(id, stack ?? '');
    }
    return id;
  } as typeof window.setTimeout;
  window.clearTimeout = function (id?: number) {
    if (id !== undefined) liveTimers.delete(id);
    return realClear(id);
  } as typeof window.clearTimeout;
  restores.push(() => {
    window.setTimeout = realSet;
    window.clearTimeout = realClear;
  });

  // MutationObserver: a subclass in its place, so `new MutationObserver` in src/ builds one of these.
  const observing = new Set<MutationObserver>();
  const RealObserver = window.MutationObserver;
  class CountedObserver extends RealObserver {
    constructor(callback: MutationCallback) {
      super(callback);
      counts.observersCreated++;
    }
    override observe(target: Node, options?: MutationObserverInit): void {
      observing.add(this);
      super.observe(target, options);
    }
    override disconnect(): void {
      observing.delete(this);
      super.disconnect();
    }
  }
  window.MutationObserver = CountedObserver;
  restores.push(() => (window.MutationObserver = RealObserver));

  // Listeners on window and document: live = added − removed (− fired `once`, − aborted `signal`).
  interface Listener {
    target: string;
    type: string;
    listener: EventListenerOrEventListenerObject;
    capture: boolean;
    stack: string;
    companion?: EventListener;
  }
  const listeners: Listener[] = [];
  for (const [name, target] of [['window', window], ['document', document]] as const) {
    const realAdd = target.addEventListener;
    const realRemove = target.removeEventListener;
    const find = (type: string, listener: unknown, capture: boolean) =>
      listeners.findIndex((l) => l.target === name && l.type === type && l.listener === listener && l.capture === capture);
    const drop = (type: string, listener: unknown, capture: boolean) => {
      const i = find(type, listener, capture);
      if (i < 0) return;
      const [gone] = listeners.splice(i, 1);
      if (gone!.companion) realRemove.call(target, type, gone!.companion, capture);
    };
    target.addEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      const capture = typeof options === 'boolean' ? options : !!options?.capture;
      const opts = typeof options === 'object' ? options : undefined;
      if (listener && !opts?.signal?.aborted && find(type, listener, capture) < 0) {
        const entry: Listener = {target: name, type, listener, capture, stack: new Error().stack ?? ''};
        listeners.push(entry);
        // A `once` listener is gone after its event: a companion `once` listener on the same event notes it.
        if (opts?.once) {
          entry.companion = () => {
            const i = listeners.indexOf(entry);
            if (i >= 0) listeners.splice(i, 1);
          };
          realAdd.call(this, type, entry.companion, {capture, once: true});
        }
        opts?.signal?.addEventListener('abort', () => drop(type, listener, capture), {once: true});
      }
      return realAdd.call(this, type, listener as EventListenerOrEventListenerObject, options);
    } as typeof target.addEventListener;
    target.removeEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      drop(type, listener, typeof options === 'boolean' ? options : !!options?.capture);
      return realRemove.call(this, type, listener as EventListenerOrEventListenerObject, options);
    } as typeof target.removeEventListener;
    restores.push(() => {
      // Own properties shadowed the prototype's methods: deleting them restores the originals.
      delete (target as unknown as Record<string, unknown>).addEventListener;
      delete (target as unknown as Record<string, unknown>).removeEventListener;
    });
  }

  return {
    counts,
    pendingFetches: () => counts.fetchStarted - counts.fetchSettled,
    liveSrcTimers: () => [...liveTimers.values()],
    liveObservers: () => observing.size,
    liveListeners: () => listeners.map((l) => `${l.target} ${l.type}${fromSrc(l.stack) ? ' (src/)' : ''}`),
    restore() {
      for (const undo of restores.reverse()) undo();
    },
  };
}

// Small, clean data: no console warnings (the runner keeps every log line, which would skew the heap).
const story = (i: number) => ({headline: `Story ${i}`, body: `Paragraph **${i}** with [a link](https://example.org/${i}).`});
const photo = (i: number) => ({src: `/demo/images/english-photo.jpg?${i % 3}`, alt: `Photo ${i}`, caption: `Caption ${i}`, width: 3, height: 2});
const related = (i: number) => [{headline: `Related ${i}`, url: `/r/${i}`}];
const inline = (type: string, text: string) => Object.assign(document.createElement('script'), {type, textContent: text});

/** Resolves with true at the element's first news-load or news-error, false after 3 s (a batch cannot hang). */
const settledOnce = (el: Element) =>
  new Promise<boolean>((resolve) => {
    const done = (event?: Event) => {
      el.removeEventListener('news-load', done);
      el.removeEventListener('news-error', done);
      clearTimeout(timer);
      resolve(!!event);
    };
    const timer = setTimeout(done, 3000);
    el.addEventListener('news-load', done);
    el.addEventListener('news-error', done);
  });

/**
 * One batch: 10 <news-article> create/connect/disconnect cycles with every kind of input and every way a
 * request can end (answered, aborted by a new src, by a property, by a disconnect, shared), plus one of
 * each other element.
 */
async function batch(n: number, stage: HTMLElement): Promise<{articles: number; loads: number}> {
  const articles = Array.from({length: 10}, () => document.createElement('news-article') as NewsArticle);
  const waits: Promise<boolean>[] = [];
  let loads = 0;
  const countLoad = () => loads++;
  stage.addEventListener('news-load', countLoad);
  const [answered, timed, dropped, hangThenSrc, shared, byProperty, byInline, hangThenProperty, reconnected, inlineEdited] =
    articles as [NewsArticle, NewsArticle, NewsArticle, NewsArticle, NewsArticle, NewsArticle, NewsArticle, NewsArticle, NewsArticle, NewsArticle];
  answered.src = net.json(story(n), 5); // answered and rendered
  waits.push(settledOnce(answered));
  timed.timeout = 4000 + (n % 7); // answered, with its own timeout
  timed.src = net.json(story(n + 1), 10);
  waits.push(settledOnce(timed));
  dropped.src = `${net.hang}?dropped-${n}`; // disconnected while waiting: the disconnect must abort it
  hangThenSrc.src = net.hang; // a new src aborts the hanging request
  shared.src = answered.src; // shares answered's request
  waits.push(settledOnce(shared));
  byProperty.article = story(n + 3);
  byInline.append(inline('application/json', JSON.stringify(story(n + 4))));
  hangThenProperty.src = net.hang; // the property wins and the hanging request is aborted
  reconnected.src = net.json(story(n + 5), 20); // disconnected and connected again: a fresh request
  inlineEdited.append(inline('application/json', JSON.stringify(story(n + 6))));

  const caption = document.createElement('photo-caption') as PhotoCaption;
  if (n % 2) caption.photo = photo(n);
  else {
    caption.src = net.json(photo(n), 5);
    waits.push(settledOnce(caption));
  }
  const teasers = document.createElement('related-news') as RelatedNews;
  if (n % 2) teasers.items = related(n);
  else teasers.append(inline('application/json', JSON.stringify(related(n))));
  const byline = document.createElement('news-byline') as NewsByline;
  byline.authors = [`Writer ${n}`, {name: 'Second Writer', role: 'photos'}];
  const body = document.createElement('news-body') as NewsBody;
  if (n % 3 === 0) body.markdown = `## Part ${n}\n\nText.`;
  else if (n % 3 === 1) body.append(inline('text/markdown', `Inline *${n}*.`));
  else body.src = net.json({body: `Fetched ${n}.`}, 5); // left in flight: the disconnect aborts it

  stage.append(...articles, caption, teasers, byline, body);
  hangThenSrc.src = net.json(story(n + 7), 5);
  hangThenProperty.article = story(n + 8);
  dropped.remove();
  await sleep(0);
  reconnected.remove();
  stage.append(reconnected);
  (inlineEdited.firstElementChild as HTMLScriptElement).textContent = JSON.stringify(story(n + 9));
  const arrived = await Promise.all(waits);
  stage.replaceChildren();
  stage.removeEventListener('news-load', countLoad);
  // Requests left open (not aborted) use up the six connections a page gets per host; later ones stall.
  if (arrived.includes(false)) throw new Error(`batch ${n}: a request did not settle within 3 s (connections left open?)`);
  return {articles: articles.length, loads};
}

/** `count` <news-article> cycles (plus 4 other elements per 10). */
async function cycles(count: number, stage: HTMLElement) {
  let articles = 0;
  let loads = 0;
  for (let n = 0; articles < count; n++) {
    const done = await batch(n, stage);
    articles += done.articles;
    loads += done.loads;
  }
  return {articles, loads};
}

describe('lifecycle', () => {
  let stage: HTMLElement;
  beforeEach(() => {
    stage = document.createElement('div');
    document.body.append(stage);
  });
  afterEach(() => stage.remove());

  it('1000 connect/disconnect cycles leave no request, timer, observer or window/document listener behind', async function () {
    this.timeout(60_000);
    const t0 = performance.now();
    const probe = instrument();
    let result: {articles: number; loads: number};
    try {
      result = await cycles(1000, stage);
      // A short settle: aborts reject, timers clear.
      await waitUntil(() => probe.pendingFetches() === 0, 3000);
      await sleep(50);
    } finally {
      probe.restore();
    }
    const {counts} = probe;
    console.log(
      `lifecycle (${engine}): ${result.articles} <news-article> cycles in ${Math.round(performance.now() - t0)} ms; ` +
        `${result.loads} news-load; fetch ${counts.fetchStarted} started, ${counts.fetchSettled} settled ` +
        `(${counts.fetchAborted} aborted); timers ${counts.srcTimersSet} from src/ of ${counts.timersSet}; ` +
        `${counts.observersCreated} observers; left: ${probe.pendingFetches()} fetches, ${probe.liveSrcTimers().length} timers, ` +
        `${probe.liveObservers()} observers, ${probe.liveListeners().length} listeners`,
    );
    // The instruments saw the work, so the zeros below mean something.
    expect(result.articles).to.equal(1000);
    // (An element removed in the task that connected it starts no request at all: the fetch code comes
    // through a promise, src/net/lazy.ts, and finds the request already aborted. So fewer than one per
    // cycle.)
    expect(counts.fetchStarted).to.be.above(400);
    expect(counts.fetchAborted, 'aborted fetches').to.be.above(50);
    expect(counts.srcTimersSet, 'timeouts set by src/net/load.ts').to.be.above(400);
    // Only elements without a property or `src` watch for inline data (about a quarter of the cycles here).
    expect(counts.observersCreated).to.be.above(200);
    expect(result.loads).to.be.at.least(400);
    // Nothing left.
    expect(probe.pendingFetches(), 'pending fetches').to.equal(0);
    expect(probe.liveSrcTimers(), 'live timers from src/').to.deep.equal([]);
    expect(probe.liveObservers(), 'observing MutationObservers').to.equal(0);
    expect(probe.liveListeners(), 'window/document listeners').to.deep.equal([]);
    // And the originals are back.
    expect(window.MutationObserver.name).to.equal('MutationObserver');
    expect(Object.prototype.hasOwnProperty.call(window, 'addEventListener')).to.equal(false);
  });

  itOnlyIn(['chromium'], 'the heap does not grow over 1000 cycles (Chromium, forced gc)', async function () {
    this.timeout(60_000);
    const gc = (window as {gc?: () => void}).gc;
    expect(gc, 'window.gc: Chromium runs with --js-flags=--expose-gc').to.be.a('function');
    // performance.memory is a fresh snapshot on each read: read it each time.
    const used = () => (performance as unknown as {memory: {usedJSHeapSize: number}}).memory.usedJSHeapSize;
    expect(used(), 'performance.memory.usedJSHeapSize').to.be.a('number');
    // Without --enable-precise-memory-info Chromium answers from a bucketed value it refreshes every
    // 20 minutes: a comparison would always find 0 growth. Allocate 8 MB and see whether the figure moves.
    const first = used();
    const junk = Array.from({length: 250_000}, (_, i) => ({i, s: `junk ${i}`}));
    await sleep(60); // precise values refresh at most every 50 ms
    const precise = used() !== first;
    expect(junk).to.have.length(250_000);
    if (!precise) {
      console.log(`heap: performance.memory is quantized (${first} → ${used()}); add --enable-precise-memory-info to Chromium's args`);
      this.skip();
    }
    const collect = async () => {
      for (let i = 0; i < 3; i++) {
        gc!();
        await sleep(60);
      }
      return used();
    };
    await cycles(100, stage); // warm up: compiled code, template caches, marked, the sanitizer
    const before = await collect();
    await cycles(1000, stage);
    const after = await collect();
    const growth = after - before;
    console.log(`heap: before ${before}, after ${after}, growth ${Math.round(growth / 1024)} KB`);
    expect(growth, 'heap growth in bytes').to.be.below(1024 * 1024);
  });
});

describe('two copies of the package and an older version on one page', () => {
  it('define() keeps the older registration, warns once per copy naming both versions, never throws', async () => {
    const {warnings, restore: restoreWarn} = captureWarnings();
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      // Fresh module instances of define.ts: two more copies of the package, each with its own "warned".
      const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      type DefineModule = typeof import('../src/define.js');
      const copyA: DefineModule = await import(/* @vite-ignore */ `../src/define.ts?copy=a-${stamp}`);
      const copyB: DefineModule = await import(/* @vite-ignore */ `../src/define.ts?copy=b-${stamp}`);
      const tags = [`lc-old-a-${stamp}`, `lc-old-b-${stamp}`];
      // An older version holds the tags first.
      class Old extends HTMLElement {
        static version = '0.0.1';
      }
      class OldB extends HTMLElement {
        static version = '0.0.1';
      }
      customElements.define(tags[0]!, Old);
      customElements.define(tags[1]!, OldB);
      class NewA extends HTMLElement {
        static version = copyA.VERSION;
      }
      class NewB extends HTMLElement {
        static version = copyB.VERSION;
      }
      const about = () => warnings.filter((w) => w.includes('already defined'));
      // Each copy registers both tags (as its element modules would), twice over: one line per copy, not
      // one per tag or per call.
      for (const [copy, Element, expected] of [[copyA, NewA, 1], [copyB, NewB, 2]] as const) {
        for (let round = 0; round < 2; round++) {
          for (const tag of tags) expect(() => copy.define(tag, Element)).not.to.throw();
        }
        expect(about(), warnings.join('\n')).to.have.length(expected);
      }
      // A tag nobody holds yet: the first copy registers it, silently; the second keeps quiet (it warned).
      const fresh = `lc-fresh-${stamp}`;
      copyA.define(fresh, NewA);
      copyB.define(fresh, NewB);
      expect(customElements.get(fresh)).to.equal(NewA);

      expect(customElements.get(tags[0]!)).to.equal(Old);
      expect(customElements.get(tags[1]!)).to.equal(OldB);
      const el = document.createElement(tags[0]!);
      expect(el).to.be.instanceOf(Old);
      expect(about()).to.have.length(2);
      for (const line of about()) {
        expect(line).to.match(/^news-elements 0\.1\.0: <lc-old-a-.*> is already defined \(version 0\.0\.1\); keeping that one\.$/);
      }
      expect(errors).to.have.length(0);
    } finally {
      restoreWarn();
      window.removeEventListener('error', onError);
    }
  });
});
