import {css, html, noChange, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {define} from './define.js';
import {headingLevel, NewsElement} from './news-element.js';
import {NewsError} from './events.js';
import {loadMarkdownRenderer, markdownRenderer} from './markdown-loader.js';
import {plainMarkdown} from './plain-markdown.js';
import type {ParseResult} from './model/types.js';
import {SourceController} from './source-controller.js';
import {tokens} from './styles/shared.js';

interface Body {
  markdown: string;
  lang?: string;
}

function parseBody(input: unknown): ParseResult<Body> {
  if (typeof input === 'string') return {value: {markdown: input}, problems: []};
  if (input && typeof input === 'object' && typeof (input as {body?: unknown}).body === 'string') {
    const {body, lang} = input as {body: string; lang?: unknown};
    return {value: typeof lang === 'string' ? {markdown: body, lang} : {markdown: body}, problems: []};
  }
  return {
    value: undefined,
    problems: [{path: '$', message: '$: expected Markdown text or an object with a "body" string', severity: 'error'}],
  };
}

/**
 * Article text from Markdown: paragraphs, subheadings, quotes, lists, links, images, tables. Markdown goes
 * through marked and the sanitizer (the browser's HTML Sanitizer API, or DOMPurify where it is missing) and
 * is inserted as a DOM fragment — never as an HTML string. marked is loaded only when there is Markdown.
 *
 * @fires news-load - The Markdown was received (it renders right after).
 * @fires news-error - The data could not be loaded, is invalid, or is too large to render.
 * @csspart body - The container of the rendered text.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @cssprop --news-font-size - Body text size.
 * @cssprop --news-line-height - Body line height for Latin text.
 * @cssprop --news-subheading-size - Font size of subheadings.
 * @cssprop --news-quote-border-color - The rule beside block quotes.
 */
export class NewsBody extends NewsElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        /* --_body-size: the article sets it for its lead. */
        font-size: var(--_body-size, var(--news-font-size, 1.0625rem));
        line-height: var(--news-line-height, 1.6);
      }
      .body > :first-child {
        margin-block-start: 0;
      }
      .body > :last-child {
        margin-block-end: 0;
      }
      p {
        margin-block: 0 1em;
        text-indent: var(--_indent);
      }
      h2, h3, h4, h5, h6 {
        font-size: var(--news-subheading-size, 1.25em);
        line-height: 1.35;
        margin-block: 1.5em 0.5em;
      }
      em {
        font-style: italic;
      }
      :host(:lang(zh)) em,
      :host(:lang(ja)) em {
        /* CJK has no italics: emphasis marks, not a slanted glyph the font never drew. */
        font-style: normal;
        text-emphasis: filled dot;
        text-emphasis-position: under right;
      }
      :host(:lang(ar)) em,
      :host(:lang(fa)) em,
      :host(:lang(ur)) em,
      :host(:lang(he)) em {
        /* Nor do Arabic and Hebrew type: a faux slant is wrong there too; emphasis is bold. */
        font-style: normal;
        font-weight: 700;
      }
      blockquote {
        margin-inline: 0;
        padding-inline-start: 1em;
        border-inline-start: 3px solid var(--news-quote-border-color, var(--_border));
        color: var(--_muted);
      }
      img {
        max-inline-size: 100%;
        block-size: auto;
      }
      pre {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
      }
      th, td {
        border: 1px solid var(--_border);
        padding: 0.25em 0.5em;
        text-align: start;
      }
    `,
  ];

  /** The Markdown to render. */
  @property({attribute: false}) markdown?: string;



  /** Level of the article's headline, 1–6: Markdown `#`/`##` render one level below it (default 2 → h3; fractions are truncated, other values give the default). */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;

  /** `target` for links in the text, e.g. `_blank`. None by default. */
  @property({attribute: 'link-target'}) linkTarget?: string;

  /** Base URL for relative links and images (set by `<news-article>` to the URL its data came from). */
  @property({attribute: false}) base?: string;

  /** Characters of Markdown accepted (default 1 MB). */
  @property({type: Number, attribute: 'max-length'}) maxLength?: number;

  /**
   * What the text container holds: a DOM fragment in the browser, sanitized HTML on the server, and
   * `noChange` while it keeps the server's nodes (after hydration, until the text changes).
   */
  @state() private _content?: unknown;
  private _job?: Promise<unknown>;
  private _rendered?: unknown[];

  private _source = new SourceController<Body>(this, {
    property: () => this.markdown,
    parse: parseBody,
    markdown: true,
    langOf: (body) => body.lang,
  });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('markdown') || changed.has('src')) this._source.sync();
    // A first render that could not hydrate (NewsElement.update) needs the text it left to the server.
    if (this._content === noChange && !this._hydrating && !this.hasUpdated) this._rendered = undefined;
    const body = this._source.state === 'ready' ? this._source.value : undefined;
    if (!body) {
      this._rendered = undefined;
      this._content = undefined;
      return;
    }
    const base = this.base ?? this._source.base;
    // Parse once per change of input, not on every render (compared field by field: a key string would
    // keep a second copy of the text).
    const level = headingLevel(this.headingLevel, 2);
    const key = [body.markdown, level, base, this.linkTarget, this.maxLength];
    if (this._rendered && key.every((value, i) => Object.is(value, this._rendered![i]))) return;
    this._rendered = key;
    const options = {headingLevel: level, base, linkTarget: this.linkTarget, maxLength: this.maxLength};
    const failed = (error: unknown) => {
      this._rendered = undefined;
      this._source.fail(error instanceof NewsError ? error : new NewsError('invalid', `Markdown could not be rendered: ${String(error)}`));
    };
    this._job = undefined;
    // Server-rendered text is the same text: its nodes stay, and no renderer needs to load for it.
    if (this._hydrating) {
      this._content = noChange;
      return;
    }
    // Rendered now, in this update, when it can be: plain paragraphs and headings need neither marked nor
    // a sanitizer; other text once the renderer is loaded (<news-article> loads it before it shows an
    // article that needs it). Either way the text appears together with the rest of the article. On the
    // server, the renderer is the server's (src/markdown/server.ts: the same policy's sanitized HTML).
    let now: unknown;
    try {
      now = plainMarkdown(body.markdown, level, this.maxLength) ?? markdownRenderer()?.renderMarkdownNow(body.markdown, options);
    } catch (error) {
      return failed(error);
    }
    if (now) {
      this._content = now;
      return;
    }
    const job = (this._job = loadMarkdownRenderer()
      .then(({renderMarkdown}) => renderMarkdown(body.markdown, options))
      .then(
        (fragment) => {
          if (this._job === job) this._content = fragment;
        },
        (error: unknown) => {
          if (this._job === job) failed(error);
        },
      ));
    // `updateComplete` waits for the text.
    this._hold(job);
  }

  override render() {
    return this._source.render(
      (body) => html`<div part="body" class="body" lang=${ifDefined(body.lang)}>${this._content ?? nothing}</div>`,
    );
  }
}

define('news-body', NewsBody);

declare global {
  interface HTMLElementTagNameMap {
    'news-body': NewsBody;
  }
}
