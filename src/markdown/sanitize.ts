/**
 * HTML string → inert, allowlisted DocumentFragment. The browser's HTML Sanitizer API (`setHTML`) where it
 * exists and behaves as specified; DOMPurify otherwise, loaded with `import()` so that browsers with the
 * native API never download it.
 */
import {ELEMENTS, GLOBAL_ATTRIBUTES, UNWRAP} from './allowlist.js';

export type SanitizerKind = 'native' | 'dompurify';

let forced: SanitizerKind | undefined;
/** Test hook: run the DOMPurify path even where the native API exists. */
export const forceSanitizer = (kind: SanitizerKind | undefined): void => {
  forced = kind;
};

const nativeConfig = {
  elements: Object.entries(ELEMENTS).map(([name, attributes]) => ({name, attributes: [...attributes]})),
  attributes: [...GLOBAL_ATTRIBUTES],
  replaceWithChildrenElements: [...UNWRAP],
  comments: false,
  dataAttributes: false,
};

type SetHtml = (html: string, options: {sanitizer: unknown}) => void;

let inertDocument: Document | undefined;
const inert = (): Document => (inertDocument ??= document.implementation.createHTMLDocument(''));

let nativeWorks: boolean | undefined;
/** The API changed shape while it was specified: trust it only if it honours our config. */
function nativeAvailable(): boolean {
  if (nativeWorks === undefined) {
    nativeWorks = false;
    const setHTML = (Element.prototype as unknown as {setHTML?: SetHtml}).setHTML;
    if (typeof setHTML === 'function') {
      try {
        const probe = inert().createElement('div');
        // No event handler in the probe: Chromium reports one to CSP even while parsing into an inert
        // document, and a partner's report-to would hear about it on every page view.
        setHTML.call(probe, '<b title="t" class="c">1</b><div>2</div><script>3</script><em>4</em>', {
          sanitizer: {elements: [{name: 'b', attributes: ['title']}], replaceWithChildrenElements: ['div'], comments: false},
        });
        nativeWorks = probe.innerHTML === '<b title="t">1</b>2';
      } catch {
        nativeWorks = false;
      }
    }
  }
  return nativeWorks;
}

/**
 * Which sanitizer runs. A page can set `globalThis.NEWS_ELEMENTS_SANITIZER = 'dompurify'` before the
 * elements load to use DOMPurify everywhere (our test suite runs once that way); both are safe.
 */
export function sanitizerKind(): SanitizerKind {
  const chosen = (globalThis as {NEWS_ELEMENTS_SANITIZER?: unknown}).NEWS_ELEMENTS_SANITIZER;
  return forced ?? (chosen === 'dompurify' || !nativeAvailable() ? 'dompurify' : 'native');
}

type Purify = typeof import('./purify.js').purify;
let purifier: Promise<unknown> | undefined;
let purifierLoaded: Purify | undefined;

/** DOMPurify and its setup, a chunk of their own: browsers with the native API never download them. */
function loadPurifier(): Promise<unknown> {
  return (purifier ??= import('./purify.js').then(({purify}) => (purifierLoaded = purify)));
}

/** `undefined` when {@link sanitizeNow} can run; otherwise a promise that settles when it can. */
export function sanitizerReady(): Promise<unknown> | undefined {
  return sanitizerKind() === 'native' || purifierLoaded ? undefined : loadPurifier();
}

/**
 * Sanitizes `html` into a fragment of an inert document (nothing in it loads until it is imported);
 * `undefined` while DOMPurify, where it is needed, is still loading ({@link sanitizerReady}).
 */
export function sanitizeNow(html: string): DocumentFragment | undefined {
  if (sanitizerKind() === 'native') {
    // Parsed in an inert document: nothing in it loads or runs before it is adopted.
    const holder = inert().createElement('div');
    (holder as unknown as {setHTML: SetHtml}).setHTML(html, {sanitizer: nativeConfig});
    // Still in the inert document: the caller applies the URL policy before anything is adopted into the
    // page, so a refused image is never requested.
    const fragment = holder.ownerDocument.createDocumentFragment();
    fragment.append(...holder.childNodes);
    return fragment;
  }
  return purifierLoaded?.(html, ELEMENTS, GLOBAL_ATTRIBUTES);
}
