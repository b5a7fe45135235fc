/**
 * The server half of the one place where strings become markup (Node only: src/ssr/ loads it). The same
 * pipeline and policy as in the browser — the plain-text fast path, marked, the allowlist, `safeUrl`,
 * `rel`/`target` on links, lazy images, headings below the headline, the size cap — on jsdom, a
 * spec-compliant HTML parser, sanitized by DOMPurify, as DOMPurify documents for Node. The result is a
 * string that the browser parses again: DOMPurify's own output contract, serialized the same way.
 */
import {JSDOM} from 'jsdom';
import {unsafeHTML} from 'lit/directives/unsafe-html.js';
import {plainMarkdown} from '../plain-markdown.js';
import {ELEMENTS, GLOBAL_ATTRIBUTES} from './allowlist.js';
import {createPurify} from './purify.js';
import {DEFAULT_MAX_MARKDOWN, markdownFragment, type RenderOptions} from './render.js';

// One window for the process: its document only ever holds detached fragments.
const {window} = new JSDOM('');
const doc = window.document;
const purify = createPurify(window as unknown as Window);
const sanitize = (html: string) => purify(html, ELEMENTS, GLOBAL_ATTRIBUTES);

/** Markdown → sanitized HTML, under the browser's policy. Throws a NewsError for oversized input. */
export function markdownToHtml(markdown: string, options: RenderOptions = {}): string {
  const fragment =
    plainMarkdown(markdown, options.headingLevel ?? 2, options.maxLength ?? DEFAULT_MAX_MARKDOWN, doc as unknown as Document) ??
    markdownFragment(markdown, options, doc as unknown as Document, sanitize);
  const holder = doc.createElement('div');
  holder.append(fragment as unknown as Node);
  return holder.innerHTML;
}

/** The renderer `<news-body>` uses on the server (src/ssr/ sets it): {@link markdownToHtml}'s HTML, as it is. */
export const serverRenderer = {
  renderMarkdownNow: (markdown: string, options: RenderOptions): unknown => unsafeHTML(markdownToHtml(markdown, options)),
};

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Text or an attribute value, escaped for HTML. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * `value` as an inline `<script type="application/json">`: a data block, never run. Every `<` is
 * written `\u003c`, so no `</script>` or `<!--` in the data can end it or change how it is parsed; the
 * line separators are escaped as JSON allows.
 */
export function jsonScript(value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json">${json}</script>`;
}

export interface PageParts {
  lang?: string | undefined;
  dir?: string | undefined;
  title?: string | undefined;
  canonical?: string | undefined;
  /** Already-made tags for the head ({@link moduleScript}). */
  head?: string[];
  /** The body's HTML (the server-rendered element). */
  body: string;
}

/** A whole HTML document around a snippet. Every given string is escaped. */
export function page({lang, dir, title, canonical, head = [], body}: PageParts): string {
  const attributes = `${lang ? ` lang="${escapeHtml(lang)}"` : ''}${dir === 'rtl' ? ' dir="rtl"' : ''}`;
  return [
    '<!doctype html>',
    `<html${attributes}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(title ? [`<title>${escapeHtml(title)}</title>`] : []),
    ...(canonical ? [`<link rel="canonical" href="${escapeHtml(canonical)}">`] : []),
    ...head,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A `<script type="module" src>` tag. */
export const moduleScript = (src: string): string => `<script type="module" src="${escapeHtml(src)}"></script>`;
