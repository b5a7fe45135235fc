/**
 * Markdown → marked → sanitizer → DOM fragment: the only place in news-elements where strings become
 * markup. Loaded with `import()` by `<news-body>`, so pages without Markdown never download marked.
 */
import {Marked, type Token} from 'marked';
import {NewsError} from '../events.js';
import {safeUrl} from '../model/safe-url.js';
import {sanitize} from './sanitize.js';

export {sanitizerKind, forceSanitizer} from './sanitize.js';

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

// Our own instance, synchronous, so a host page's marked.use() never changes what we render.
const marked = new Marked({async: false, gfm: true, breaks: false});

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
  const max = options.maxLength ?? DEFAULT_MAX_MARKDOWN;
  if (markdown.length > max) {
    throw new NewsError('too-large', `Markdown is ${markdown.length} characters, over the ${max}-character cap`);
  }
  const tokens = marked.lexer(markdown);
  shiftHeadings(tokens, Math.min(5, Math.max(1, options.headingLevel ?? 2)));
  const html = marked.parser(tokens);
  // The URL policy runs on inert nodes; only then do they join the page (and images start loading).
  return document.importNode(finish(await sanitize(html), options), true);
}
