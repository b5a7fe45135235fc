/**
 * Runs in /__ssr/page.html (test/harness/ssr-server.mjs): a partner's page that holds a server-rendered
 * story. It notes what the page shows before any element code runs, loads the elements when
 * test/ssr.test.ts asks ('hydrate'), and posts back what hydration did: {@link SsrReport}.
 *
 * Nothing here is imported statically but types: the elements must arrive only when asked for.
 */
import type {NewsArticle} from '../../src/news-article.js';

export interface Box {
  top: number;
  height: number;
}

export interface SsrReport {
  /** The headline and the first body paragraph are the very nodes the server sent. */
  sameHeadline: boolean;
  sameParagraph: boolean;
  /** The partner's text after the story, and the story itself, before and after (CSS px). */
  afterBefore: Box;
  afterAfter: Box;
  storyBefore: Box;
  storyAfter: Box;
  /** layout-shift entries' sum while the page loaded and hydrated (Chromium; other engines have none). */
  shift: number | null;
  /** `news-load` events heard on `document`, by target, and `news-error` messages. */
  loads: string[];
  errors: string[];
  /** console.error / console.warn calls, and uncaught errors. */
  console: string[];
  /** Requests for JSON (there must be none: the data is inline). */
  json: string[];
  /** Requests for the Markdown renderer (none: the server's text stays as it is). */
  markdown: string[];
  /** CSP violations, as `directive sample`. */
  violations: string[];
  /** The headline's computed font weight and the story's display, before and after. */
  styledBefore: string;
  styledAfter: string;
  /** `<news-article>` and every element inside it rendered (hydrated), and how many articles its shadow root holds. */
  hydrated: boolean;
  articles: number;
  /** The text of the story's shadow trees after hydration. */
  text: string;
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.sample}`), true);
let shift: number | null = null;
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {value: number; hadRecentInput: boolean})[]) {
      if (!entry.hadRecentInput) shift = (shift ?? 0) + entry.value;
    }
  }).observe({type: 'layout-shift', buffered: true});
  shift = 0;
} catch {
  shift = null; // no Layout Instability API
}
const heard: string[] = [];
for (const level of ['error', 'warn'] as const) {
  const original = console[level];
  console[level] = (...args: unknown[]) => {
    heard.push(`${level}: ${args.map(String).join(' ')}`);
    original.apply(console, args);
  };
}
window.addEventListener('error', (e) => heard.push(`uncaught: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => heard.push(`unhandled rejection: ${String(e.reason)}`));

const story = document.querySelector('news-article')! as NewsArticle;
const box = (el: Element): Box => {
  const r = el.getBoundingClientRect();
  return {top: Math.round(r.top * 100) / 100, height: Math.round(r.height * 100) / 100};
};
const headline = () => story.shadowRoot?.querySelector('[part=headline]') ?? null;
const paragraph = () => story.shadowRoot?.querySelector('news-body.body')?.shadowRoot?.querySelector('p') ?? null;
const styled = () => `${headline() ? getComputedStyle(headline()!).fontWeight : 'none'} ${getComputedStyle(story).display}`;
const after = document.getElementById('after')!;
const before = {headline: headline(), paragraph: paragraph(), after: box(after), story: box(story), styled: styled()};

function deepText(node: Node): string {
  let text = '';
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) text += n.textContent;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    if (n instanceof HTMLScriptElement || n instanceof HTMLStyleElement) return;
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return text;
}

const frames = (n: number) => new Promise<void>((resolve) => {
  const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
  step();
});

async function hydrate(): Promise<SsrReport> {
  const loads: string[] = [];
  const errors: string[] = [];
  document.addEventListener('news-load', (e) => loads.push((e.target as Element).localName));
  document.addEventListener('news-error', (e) => errors.push((e as CustomEvent<{message: string}>).detail.message));
  // ?cdn: the built CDN files as a partner gets them (dist/cdn, `npm run build`), through the script
  // `news-elements render --script` writes; otherwise the sources.
  if (new URLSearchParams(location.search).has('cdn')) await import(/* @vite-ignore */ '/dist/cdn/news-elements-hydrate.js' as string);
  else await import('../../src/index.js');
  const deadline = performance.now() + 8000;
  while (!loads.length && !errors.length && performance.now() < deadline) await frames(1);
  await story.updateComplete;
  await frames(3);
  const parts = story.shadowRoot!.querySelectorAll<HTMLElement & {hasUpdated: boolean}>('news-byline, photo-caption, news-body, related-news');
  return {
    sameHeadline: !!before.headline && before.headline === headline(),
    sameParagraph: !!before.paragraph && before.paragraph === paragraph(),
    afterBefore: before.after,
    afterAfter: box(after),
    storyBefore: before.story,
    storyAfter: box(story),
    shift,
    loads,
    errors,
    console: heard,
    json: performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\.json(?:$|\?)/.test(name)),
    markdown: performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\/markdown\/|\/marked\//.test(name)),
    violations,
    styledBefore: before.styled,
    styledAfter: styled(),
    hydrated: story.hasUpdated && [...parts].every((part) => part.hasUpdated),
    articles: story.shadowRoot!.querySelectorAll('article').length,
    text: deepText(story),
  };
}

window.addEventListener('message', (event) => {
  if (event.source !== parent || event.data !== 'hydrate') return;
  hydrate().then(
    (report) => parent.postMessage({report}, location.origin),
    (error: unknown) => parent.postMessage({error: String((error as Error)?.stack ?? error)}, location.origin),
  );
});
parent.postMessage({ready: true}, location.origin);
