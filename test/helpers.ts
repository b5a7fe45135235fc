/** Shared test helpers: fixtures, event capture, text of shadow trees. */
import type {Article} from '../src/index.js';

export const fixtureUrl = (name: string): string => new URL(`./fixtures/${name}.json`, import.meta.url).href;
const seed = await (await fetch(fixtureUrl('seed'))).json();
const english = await (await fetch(fixtureUrl('english'))).json();

export const seedArticle = (): Article => structuredClone(seed) as Article;
export const englishArticle = (): Article => structuredClone(english) as Article;

/** All text of an element, its shadow tree and nested shadow trees, in document order. */
export function deepText(node: Node): string {
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

/** Every element in the tree, crossing shadow roots. */
export function deepQueryAll(root: Node, selector: string): Element[] {
  const found: Element[] = [];
  const walk = (n: Node): void => {
    if (n instanceof Element) {
      if (n.matches(selector)) found.push(n);
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    for (const child of n.childNodes) walk(child);
  };
  walk(root);
  return found;
}

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
