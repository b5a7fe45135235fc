/** Shared test helpers: fixtures, event capture, text of shadow trees. */
import type {Article} from '../src/index.js';

export const fixtureUrl = (name: string): string => new URL(`./fixtures/${name}.json`, import.meta.url).href;
const seed = await (await fetch(fixtureUrl('seed'))).json();
const english = await (await fetch(fixtureUrl('english'))).json();

export const seedArticle = (): Article => structuredClone(seed) as Article;
export const englishArticle = (): Article => structuredClone(english) as Article;

// Both walks work on nodes of any window (an iframe's too): they test node types and names, not classes.
const isElement = (n: Node): n is Element => n.nodeType === Node.ELEMENT_NODE;

/** All text of an element, its shadow tree and nested shadow trees, in document order. */
export function deepText(node: Node): string {
  let text = '';
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) text += n.textContent;
    if (isElement(n) && n.shadowRoot) walk(n.shadowRoot);
    if (isElement(n) && (n.localName === 'script' || n.localName === 'style')) return;
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return text;
}

/** Every element in the tree, crossing shadow roots. */
export function deepQueryAll(root: Node, selector: string): Element[] {
  const found: Element[] = [];
  const walk = (n: Node): void => {
    if (isElement(n)) {
      if (n.matches(selector)) found.push(n);
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    for (const child of n.childNodes) walk(child);
  };
  walk(root);
  return found;
}

/** The links in the text of an article: in the shadow roots of its `<news-body>` parts. */
export const bodyLinks = (root: Node): HTMLAnchorElement[] =>
  deepQueryAll(root, 'a').filter((a) => (a.getRootNode() as ShadowRoot).host?.localName === 'news-body') as HTMLAnchorElement[];

/** Records `news-load` / `news-error` events that reach `document`. */
export function recordEvents() {
  const loads: CustomEvent[] = [];
  const errors: CustomEvent[] = [];
  const onLoad = (e: Event) => loads.push(e as CustomEvent);
  const onError = (e: Event) => errors.push(e as CustomEvent);
  document.addEventListener('news-load', onLoad);
  document.addEventListener('news-error', onError);
  return {
    loads,
    errors,
    stop() {
      document.removeEventListener('news-load', onLoad);
      document.removeEventListener('news-error', onError);
    },
  };
}

/** Resolves with the next event of `type` on `target`. */
export const nextEvent = <T extends Event = CustomEvent>(target: EventTarget, type: string): Promise<T> =>
  new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as T), {once: true}));

/** Records console.warn calls (as joined strings) until restore(); call restore() in a finally. */
export function captureWarnings() {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  return {
    warnings,
    restore() {
      console.warn = warn;
    },
  };
}

/** Uncaught errors and unhandled rejections on the page while a test runs. */
export function watchPage() {
  const errors: unknown[] = [];
  const rejections: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => rejections.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    rejections,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Server-rendered HTML of each article (news-elements/ssr in the test server: test/harness/ssr-server.mjs). */
export async function serverRender(items: unknown[], options: Record<string, unknown> = {}): Promise<({html: string} | {error: string})[]> {
  const response = await fetch('/__ssr/render', {method: 'POST', body: JSON.stringify({items, options})});
  if (!response.ok) throw new Error(`POST /__ssr/render: ${response.status} ${await response.text()}`);
  return response.json();
}

/** {@link serverRender} of one article that must render. */
export async function serverHtml(item: unknown, options: Record<string, unknown> = {}): Promise<string> {
  const [result] = await serverRender([item], options);
  if (!result || 'error' in result) throw new Error(`server render failed: ${result?.error}`);
  return result.html;
}

/**
 * Every piece of text of the source article (test/fixtures/seed.txt, its 16 lines verbatim) that a
 * rendering must show: the print byline's names (the elements join them as Chinese lists do), and each
 * other line, the last body paragraph and its jump line "(下转第三版)" apart (one line in print, two parts
 * here).
 */
export async function seedPieces(): Promise<string[]> {
  const source = await (await fetch(new URL('./fixtures/seed.txt', import.meta.url))).text();
  const lines = source.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length !== 16) throw new Error(`seed.txt has ${lines.length} lines, not 16`);
  const [, authorLine, ...rest] = lines;
  return [
    ...authorLine!.split(' '),
    ...[lines[0]!, ...rest].flatMap((line) => line.split('(下转第三版)').filter(Boolean)),
    '(下转第三版)',
  ];
}
