/**
 * DOMPurify, set up as news-elements uses it: the fallback sanitizer where the browser lacks the HTML
 * Sanitizer API (loaded with `import()` by sanitize.ts only there, in a chunk with DOMPurify itself), and
 * the server's sanitizer, on jsdom's window (server.ts). The allowlist comes from the caller
 * (allowlist.ts), so that no module is shared between the chunks.
 */
import createDOMPurify from 'dompurify';

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

const purifyConfig = (elements: Record<string, readonly string[]>, globalAttributes: readonly string[]) => ({
  ALLOWED_TAGS: Object.keys(elements),
  ALLOWED_ATTR: [...new Set([...Object.values(elements).flat(), ...globalAttributes])],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_DOM_FRAGMENT: true,
});

type Purify = (html: string, elements: Record<string, readonly string[]>, globalAttributes: readonly string[]) => DocumentFragment;

/**
 * A sanitizer on `win`'s DOM: `html` into a fragment of `win`'s document, allowing `elements` with their
 * attributes and `globalAttributes`. Our own DOMPurify instance: hooks or settings of a DOMPurify the host
 * page uses stay untouched, and ours are untouchable by it.
 */
export function createPurify(win: Window): Purify {
  const dompurify = createDOMPurify(win as Window & typeof globalThis);
  return (html, elements, globalAttributes) => {
    const config = purifyConfig(elements, globalAttributes);
    const trusted = trustedTypesPolicy();
    // Attributes DOMPurify allows on one element are allowed on all; narrow them per element.
    const options = (trusted ? {...config, TRUSTED_TYPES_POLICY: trusted} : config) as Parameters<typeof dompurify.sanitize>[1];
    return narrow(dompurify.sanitize(html, options) as unknown as DocumentFragment, elements, globalAttributes);
  };
}

let inPage: Purify | undefined;

/** {@link createPurify} on the page's window. */
export const purify: Purify = (html, elements, globalAttributes) => (inPage ??= createPurify(window))(html, elements, globalAttributes);

function narrow(fragment: DocumentFragment, elements: Record<string, readonly string[]>, globalAttributes: readonly string[]): DocumentFragment {
  for (const element of fragment.querySelectorAll('*')) {
    const allowed = elements[element.localName];
    for (const {name} of [...element.attributes]) {
      if (!allowed?.includes(name) && !globalAttributes.includes(name)) {
        element.removeAttribute(name);
      }
    }
  }
  return fragment;
}
