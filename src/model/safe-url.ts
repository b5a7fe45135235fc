/**
 * The one URL gate for every URL that reaches the DOM: data fields, Markdown links and images.
 *
 * Allowed: `https:`, `http:`, `mailto:`, `tel:` and relative URLs. Everything else — `javascript:`,
 * `vbscript:`, `data:`, `blob:`, `file:`, unknown schemes — is refused, and so is anything that tries to
 * hide a scheme: control characters, whitespace inside the scheme, or entity-encoded colons that a later
 * decoding step could turn into a scheme.
 */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

// C0 controls, DEL, and the invisible characters browsers strip or ignore inside a scheme.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028\u2029\u2060\uFEFF]/;

// Something that looks like `scheme:` before the first `/`, `?` or `#`.
const SCHEME = /^([^/?#]*?):/;

/** Returns the URL (trimmed) when it may be used in the DOM, otherwise `undefined`. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (url === '' || url.length > 8192 || INVISIBLE.test(url)) return undefined;
  // Entity or percent-encoded colons and backslashes are how filters are usually fooled: refuse them
  // before the first path separator, where a scheme would be.
  const head = url.split(/[/?#]/, 1)[0] ?? '';
  if (/&|%3a|\\/i.test(head) || /\s/.test(head)) return undefined;
  const scheme = SCHEME.exec(url);
  if (!scheme) return url; // relative: path, query, fragment or protocol-relative (`//host/x`)
  return ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase() + ':') ? url : undefined;
}

/** True when {@link safeUrl} accepts the value. */
export const isSafeUrl = (value: string): boolean => safeUrl(value) !== undefined;
