/**
 * The Markdown renderer (marked and a sanitizer, a chunk of its own) is loaded once, on the first
 * Markdown that is not plain text (see plain-markdown.ts). `<news-article>` loads it before it shows an
 * article that needs it, and `<news-body>` then renders in the same update as the rest of the article,
 * so nothing below the text moves when it arrives.
 */
type Renderer = typeof import('./markdown/render.js');

let renderer: Renderer | undefined;
let loading: Promise<Renderer> | undefined;

/** The renderer, once loaded and ready to render synchronously; otherwise `undefined`. */
export const markdownRenderer = (): Renderer | undefined => renderer;

/** Loads the renderer and what it needs to render (DOMPurify, where the HTML Sanitizer API is missing). */
export function loadMarkdownRenderer(): Promise<Renderer> {
  return (loading ??= import('./markdown/render.js').then(async (module) => {
    await module.sanitizerReady();
    return (renderer = module);
  }).catch((error: unknown) => {
    loading = undefined; // a later render may try again
    throw error;
  }));
}

/**
 * @internal For src/ssr/: the server's renderer (markdown/server.ts: the same policy's sanitized HTML) in
 * place of the browser's, which needs a DOM. It renders at once, as the loaded browser renderer does.
 */
export function useMarkdownRenderer(server: {renderMarkdownNow(markdown: string, options: object): unknown}): void {
  renderer = server as Renderer;
  loading = Promise.resolve(renderer);
}
