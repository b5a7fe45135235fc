/** The version that `define()` registers; another copy of the package may hold a tag already. */
export const VERSION = '0.1.0';

let warned = false;

/**
 * Registers a custom element unless the tag is taken. Loading the bundle twice, or two copies of the
 * package, must not throw in a partner's page: the first registration stays, and this copy says so once.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
  } else if (existing !== element && !warned) {
    warned = true;
    const other = (existing as {version?: string}).version ?? 'unknown';
    console.warn(`news-elements ${VERSION}: <${tag}> is already defined (version ${other}); keeping that one.`);
  }
}
