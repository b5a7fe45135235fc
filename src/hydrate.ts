/**
 * Hydration: server-rendered HTML (news-elements/ssr) adopted in place, with Lit SSR's hydrate(), as if
 * the element had rendered it. Loaded with `import()` by news-element.ts only when an element finds a
 * server-rendered shadow root: pages without server HTML never download it.
 */
import {hydrate} from '@lit-labs/ssr-client';
import {adoptStyles, ReactiveElement, supportsAdoptingStyleSheets, type LitElement, type PropertyValues} from 'lit';

/** What LitElement keeps protected: this module stands in for its first update. */
interface Hydratable {
  render(): unknown;
  renderOptions: {isConnected?: boolean};
}

/**
 * The element's first update on its server-rendered shadow root: LitElement's update, with hydrate() in
 * place of render(). False when the HTML is from other templates (a snippet rendered before the script
 * was upgraded): the element then renders it anew.
 */
export function adopt(element: LitElement, changed: PropertyValues): boolean {
  const host = element as unknown as Hydratable;
  const root = element.renderRoot as ShadowRoot;
  // The server's <style> styles the article at first paint. If the page's CSP refused it (no hash for it
  // in style-src: it then has no sheet), the same sheets, adopted, style it from now on. Only then: a
  // new sheet restyles and lays out the whole shadow tree again.
  const style = root.querySelector(':scope > style');
  if (supportsAdoptingStyleSheets && (!style || !(style as HTMLStyleElement).sheet)) {
    adoptStyles(root, (element.constructor as typeof LitElement).elementStyles);
  }
  const value = host.render();
  (ReactiveElement.prototype as unknown as {update(this: ReactiveElement, changed: PropertyValues): void}).update.call(element, changed);
  host.renderOptions.isConnected = element.isConnected;
  try {
    hydrate(value, root, host.renderOptions);
    return true;
  } catch (error) {
    console.warn(`<${element.localName}>: the server-rendered HTML does not match this version (${(error as Error).message}); rendering it again.`);
    return false;
  }
}
