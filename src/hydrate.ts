/**
 * Lit SSR's hydrate(), which adopts server-rendered DOM as if Lit had rendered it. Loaded with `import()`
 * by news-element.ts only when an element finds a server-rendered shadow root: pages without server HTML
 * never download it.
 */
export {hydrate} from '@lit-labs/ssr-client';
