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

type Purifier = {sanitize(html: string, config: Record<string, unknown>): DocumentFragment};
let purifier: Promise<Purifier> | undefined;

function loadPurifier(): Promise<Purifier> {
  purifier ??= import('dompurify').then(({default: createDOMPurify}) => {
    // Our own instance: hooks or settings of a DOMPurify the host page uses stay untouched, and ours
    // are untouchable by it.
    return createDOMPurify(window) as unknown as Purifier;
  });
  return purifier;
}

interface TrustedTypePolicy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}

/**
 * Under `require-trusted-types-for 'script'`, DOMPurify needs a policy to hand its input to the parser.
 * Ours, `news-elements`, lets a string through unchanged, and only DOMPurify ever holds it: it parses the
 * string into an inert document and sanitizes it there. Partners allow `news-elements` in `trusted-types`
 * (plus `'allow-duplicates'` if they load two copies); if the name is refused, DOMPurify falls back to
 * its own `dompurify` policy.
 */
let policy: TrustedTypePolicy | null | undefined;
function trustedTypesPolicy(): TrustedTypePolicy | null {
  if (policy === undefined) {
    const factory = (globalThis as {trustedTypes?: {createPolicy(name: string, rules: object): TrustedTypePolicy}})
      .trustedTypes;
    try {
      policy = factory?.createPolicy('news-elements', {
        createHTML: (input: string) => input,
        // DOMPurify requires the hook; nothing in news-elements loads scripts by URL.
        createScriptURL: () => {
          throw new TypeError('news-elements loads no script URLs');
        },
      }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy;
}

const purifyConfig = {
  ALLOWED_TAGS: Object.keys(ELEMENTS),
  ALLOWED_ATTR: [...new Set([...Object.values(ELEMENTS).flat(), ...GLOBAL_ATTRIBUTES])],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_DOM_FRAGMENT: true,
};

/** Sanitizes `html` into a fragment of an inert document (nothing in it loads until it is imported). */
export async function sanitize(html: string): Promise<DocumentFragment> {
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
  const dompurify = await loadPurifier();
  // Attributes DOMPurify allows on one element are allowed on all; narrow them per element.
  const trusted = trustedTypesPolicy();
  return narrow(dompurify.sanitize(html, trusted ? {...purifyConfig, TRUSTED_TYPES_POLICY: trusted} : purifyConfig));
}

function narrow(fragment: DocumentFragment): DocumentFragment {
  for (const element of fragment.querySelectorAll('*')) {
    const allowed = ELEMENTS[element.localName];
    for (const {name} of [...element.attributes]) {
      if (!allowed?.includes(name) && !(GLOBAL_ATTRIBUTES as readonly string[]).includes(name)) {
        element.removeAttribute(name);
      }
    }
  }
  return fragment;
}
