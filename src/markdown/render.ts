/**
 * Markdown → marked → sanitizer → DOM fragment: the only place in news-elements where strings become
 * markup. Loaded with `import()` by `<news-body>`, so pages without Markdown never download marked.
 */
import {Marked, Tokenizer, type Token} from 'marked';
import {NewsError} from '../events.js';
import {safeUrl} from '../model/safe-url.js';
import {sanitizeNow, sanitizerReady} from './sanitize.js';

export interface RenderOptions {
  /** Level of the article's headline (1–6): Markdown `#` and `##` render one level below it. */
  headingLevel?: number;
  /** Base URL for relative links and images (the URL the data came from). */
  base?: string;
  /** `target` for links, e.g. `_blank`; none by default. */
  linkTarget?: string;
  /** Characters of Markdown accepted; longer input is refused rather than risk a hang. */
  maxLength?: number;
}

export const DEFAULT_MAX_MARKDOWN = 1024 * 1024;

// Where a GFM autolink could start: a scheme, `www.`, or an e-mail local part (at most 64 characters, as
// RFC 5321 allows) followed by `@`.
const AUTOLINK_START = /^(?:https?:\/\/|ftp:\/\/|www\.|[\w.+-]{1,64}@[A-Za-z0-9])/i;

const TEXT_WINDOW = 1024;

// Our own instance, synchronous, so a host page's marked.use() never changes what we render.
const marked = new Marked({
  async: false,
  gfm: true,
  breaks: false,
  tokenizer: {
    // marked's autolink rule rescans the rest of a word at every position (quadratic on `a_a_a_…`, and on
    // almost any text in WebKit, whose regex engine does not anchor it). Hand it only text that can start
    // an autolink: `false` means "use marked's own rule", `undefined` means "no autolink here".
    url(src: string) {
      return AUTOLINK_START.test(src) ? false : undefined;
    },
    // The text rule looks ahead over a whole run of e-mail characters for an `@` at every token, so a long
    // `a_a_a_…` is quadratic. Giving it at most a window of the rest bounds the look-ahead; consecutive text
    // tokens are merged by the lexer, so the output is the same.
    inlineText(this: Tokenizer, src: string) {
      return src.length > TEXT_WINDOW ? Tokenizer.prototype.inlineText.call(this, src.slice(0, TEXT_WINDOW)) : false;
    },
  },
});

/** Nesting deeper than anyone writes, and deeper than marked's recursive lexer survives in every engine. */
const MAX_DEPTH = 32;
const DEEP_QUOTES = new RegExp(`^((?:[ \\t]{0,3}>){${MAX_DEPTH}})(?:[ \\t]{0,3}>)+`, 'gm');
const DEEP_MARKERS = new RegExp(`^((?:[ \\t]*(?:[-+*]|\\d{1,9}[.)])[ \\t]+){${MAX_DEPTH}})(?:[ \\t]*(?:[-+*]|\\d{1,9}[.)])[ \\t]+)+`, 'gm');
const DEEP_INDENT = /^[ \t]{129,}/gm;

/**
 * Flattens nesting past {@link MAX_DEPTH}: the text stays, only the excess `>` and list markers go, and
 * indentation is capped at 128 columns (every list level needs at least two).
 */
function flatten(markdown: string): string {
  return markdown
    .replace(DEEP_QUOTES, '$1')
    .replace(DEEP_MARKERS, '$1')
    .replace(DEEP_INDENT, (indent) => indent.slice(0, 128));
}

/** Markdown as plain paragraphs of text, for input marked cannot lex (nothing valid is lost). */
function asText(markdown: string, doc: Document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const block of markdown.split(/\n\s*\n/)) {
    if (!block.trim()) continue;
    const p = doc.createElement('p');
    p.textContent = block.trim();
    fragment.append(p);
  }
  return fragment;
}

function shiftHeadings(tokens: Token[], headline: number): void {
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'heading') {
      // `#` and `##` are both "a section of this article": one level below its headline.
      token.depth = Math.min(6, headline + Math.max(1, token.depth - 1));
    }
  });
}

function resolve(url: string, base: string | undefined): string {
  if (!base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Applies the URL allowlist and link policy to sanitized output; edits the DOM, never re-parses it. */
function finish(fragment: DocumentFragment, options: RenderOptions): DocumentFragment {
  for (const link of fragment.querySelectorAll('a')) {
    const href = safeUrl(link.getAttribute('href'));
    if (href) link.setAttribute('href', resolve(href, options.base));
    else link.removeAttribute('href');
    link.setAttribute('rel', 'noopener noreferrer');
    if (options.linkTarget) link.setAttribute('target', options.linkTarget);
  }
  for (const image of fragment.querySelectorAll('img')) {
    const src = safeUrl(image.getAttribute('src'));
    if (!src) {
      image.remove();
      continue;
    }
    image.setAttribute('src', resolve(src, options.base));
    image.setAttribute('loading', 'lazy');
    image.setAttribute('decoding', 'async');
  }
  return fragment;
}

/** Renders Markdown to a sanitized fragment. Rejects with a {@link NewsError} for oversized input. */
export async function renderMarkdown(markdown: string, options: RenderOptions = {}): Promise<DocumentFragment> {
  await sanitizerReady();
  return renderMarkdownNow(markdown, options)!;
}

/** Refuses Markdown over the cap rather than risk a hang: a {@link NewsError}. */
function checkLength(markdown: string, options: RenderOptions): void {
  const max = options.maxLength ?? DEFAULT_MAX_MARKDOWN;
  if (markdown.length > max) {
    throw new NewsError('too-large', `Markdown is ${markdown.length} characters, over the ${max}-character cap`);
  }
}

/**
 * The pipeline of both halves, the browser's and the server's (server.ts): Markdown → marked →
 * `sanitize` → the URL and link policy, as nodes of `doc` that nothing has loaded yet. Throws a
 * {@link NewsError} for oversized input.
 */
export function markdownFragment(
  markdown: string,
  options: RenderOptions,
  doc: Document,
  sanitize: (html: string) => DocumentFragment,
): DocumentFragment {
  checkLength(markdown, options);
  let html: string;
  try {
    const tokens = marked.lexer(flatten(markdown));
    shiftHeadings(tokens, Math.min(5, Math.max(1, options.headingLevel ?? 2)));
    html = marked.parser(tokens);
  } catch (error) {
    // A stack overflow in marked's recursive lexer on a shape flatten() does not cover: show the text.
    if (error instanceof RangeError || (error as Error)?.name === 'InternalError') return asText(markdown, doc);
    throw error;
  }
  return finish(sanitize(html), options);
}

/**
 * {@link renderMarkdown}, synchronously, so that a page never shows an article whose text is still on its
 * way; `undefined` while the sanitizer it needs is loading ({@link sanitizerReady}). Throws a
 * {@link NewsError} for oversized input.
 */
export function renderMarkdownNow(markdown: string, options: RenderOptions = {}): DocumentFragment | undefined {
  checkLength(markdown, options);
  if (sanitizerReady()) return undefined;
  // The URL policy runs on inert nodes; only then do they join the page (and images start loading).
  return document.importNode(markdownFragment(markdown, options, document, (html) => sanitizeNow(html)!), true);
}

export {sanitizerReady};
