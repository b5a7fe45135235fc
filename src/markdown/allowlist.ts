/**
 * The one allowlist of what Markdown may produce, shared by both sanitizers (the browser's HTML Sanitizer
 * API and DOMPurify). No `style`, no `id`/`name` (DOM clobbering), no forms, frames, SVG, MathML, `<base>`
 * or `<meta>`. Headings start at h2: the article's own headline is at least h1, and body headings are
 * shifted below it before sanitizing.
 */
export const ELEMENTS: Record<string, readonly string[]> = {
  p: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  a: ['href'],
  strong: [], em: [], b: [], i: [], u: [], s: [], del: [], sub: [], sup: [], br: [], hr: [],
  blockquote: [], ul: [], ol: ['start'], li: [],
  figure: [], figcaption: [],
  img: ['src', 'alt', 'width', 'height'],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'],
  code: [], pre: [], span: [],
};

/** Allowed on every allowed element. */
export const GLOBAL_ATTRIBUTES = ['lang', 'dir', 'title'] as const;

/** Elements that go but whose text stays (DOMPurify keeps content by default; the Sanitizer API is told). */
export const UNWRAP = [
  'div', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'small', 'mark', 'abbr',
  'cite', 'q', 'dfn', 'time', 'ins', 'kbd', 'samp', 'var', 'font', 'center', 'big', 'label', 'details',
  'summary', 'h1', 'dl', 'dt', 'dd',
] as const;
