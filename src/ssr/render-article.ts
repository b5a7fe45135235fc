/// <reference types="node" />
/**
 * Server rendering: an article as HTML that is whole at first paint — `<news-article>` with declarative
 * shadow roots for it and every element inside, styles and all text included, and its validated data
 * inline — which the browser script then wakes up in place (hydration). The same element templates as in
 * the browser, rendered by @lit-labs/ssr.
 */
import {createHash} from 'node:crypto';
import {render} from '@lit-labs/ssr';
import {collectResult} from '@lit-labs/ssr/lib/render-result.js';
import {html, type LitElement} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {NewsError} from '../events.js';
import {stringsReady} from '../i18n/locale.js';
import {useMarkdownRenderer} from '../markdown-loader.js';
import {DEFAULT_MAX_MARKDOWN} from '../markdown/render.js';
import {jsonScript, serverRenderer} from '../markdown/server.js';
import {parseArticle} from '../model/parse.js';
import {rebase} from '../model/rebase.js';
import type {Article, Problem} from '../model/types.js';
import {NewsArticle} from '../news-article.js';
import {NewsBody} from '../news-body.js';
import {NewsByline} from '../news-byline.js';
import {PhotoCaption} from '../photo-caption.js';
import {RelatedNews} from '../related-news.js';

useMarkdownRenderer(serverRenderer);

/** The element's attributes, as options; `base` resolves the data's relative URLs. */
export interface RenderArticleOptions {
  /** The language of the words the element adds ("Related news", dates): the `lang` attribute. Default: the article's `lang`, else English. */
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  look?: 'print';
  /** Level of the headline, 1–6 (default 2). */
  headingLevel?: number;
  /** `target` for links in the article text. */
  linkTarget?: string;
  /** The URL the data came from: relative URLs in it are resolved against it (in the browser, `src` does this). */
  base?: string;
  /** Called for each part of the data that was dropped (a warning with its JSON path); default: `console.warn`. */
  onProblem?: (problem: Problem) => void;
}

/** The validated article, or an Error naming the JSON path of what makes it unusable. */
export function validate(input: unknown, options: Pick<RenderArticleOptions, 'base' | 'onProblem'> = {}): Article {
  const {article, problems} = parseArticle(input);
  const report = options.onProblem ?? ((problem: Problem) => console.warn(`news-elements: ${problem.message}`));
  for (const problem of problems) if (problem.severity === 'warning') report(problem);
  if (!article) {
    const fatal = problems.find((p) => p.severity === 'error') ?? {path: '$', message: '$: unusable data'};
    throw new NewsError('invalid', `Invalid data: ${fatal.message}`, undefined, undefined, fatal.path);
  }
  for (const key of ['lead', 'body'] as const) {
    const text = article[key];
    if (text && text.length > DEFAULT_MAX_MARKDOWN) {
      throw new NewsError('too-large', `Invalid data: $.${key}: Markdown is ${text.length} characters, over the ${DEFAULT_MAX_MARKDOWN}-character cap`, undefined, undefined, `$.${key}`);
    }
  }
  return rebase(article, options.base);
}

// What @lit-labs/ssr writes around a top-level template, for hydrating that template; nothing hydrates
// the partner's page around the element, so they go.
const OUTER_START = /^<!--lit-part [^>]*--><!--lit-node 0-->/;
const OUTER_END = /<!--\/lit-part-->$/;
const CLOSE = '</news-article>';

/**
 * `input` (any article JSON `<news-article>` accepts) as one `<news-article>` element's HTML: declarative
 * shadow DOM for it and every nested element, the styles inside, every text of the article, and the
 * validated data as its inline `<script type="application/json">`, so that the browser script, when it
 * comes, needs no request. Rejects with an Error whose message names the JSON path for unusable input.
 */
export const renderArticle = async (input: unknown, options: RenderArticleOptions = {}): Promise<string> =>
  renderValidated(validate(input, options), options);

/** {@link renderArticle} for an article {@link validate} returned. */
export async function renderValidated(article: Article, options: RenderArticleOptions = {}): Promise<string> {
  // The words around the story, in its language, before the render: nothing asynchronous runs there.
  await stringsReady(options.lang || article.lang);
  const result = render(html`<news-article .article=${article} lang=${ifDefined(options.lang || undefined)}
    theme=${ifDefined(options.theme)} look=${ifDefined(options.look)}
    heading-level=${ifDefined(options.headingLevel)} link-target=${ifDefined(options.linkTarget)}></news-article>`);
  const markup = (await collectResult(result)).replace(OUTER_START, '').replace(OUTER_END, '');
  if (!markup.endsWith(CLOSE)) throw new Error('news-elements: unexpected server output');
  return `${markup.slice(0, -CLOSE.length)}${jsonScript(article)}${CLOSE}`;
}

const ELEMENTS: (typeof LitElement)[] = [NewsArticle, NewsByline, PhotoCaption, NewsBody, RelatedNews];

let sources: string[] | undefined;

/**
 * The CSP `style-src` sources (`'sha256-…'`) of the `<style>` in each server-rendered shadow root: a page
 * whose policy has no `'unsafe-inline'` for styles allows these. They depend only on this version of
 * the package, never on the article.
 */
export function styleHashes(): string[] {
  return (sources ??= ELEMENTS.map((element) => {
    const css = element.elementStyles.map((style) => (style as {cssText: string}).cssText).join('');
    return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
  }));
}
