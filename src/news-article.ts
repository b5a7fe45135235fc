import {css, html, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {define} from './define.js';
import {headingLevel, NewsElement} from './news-element.js';
import {newsEvent, type NewsErrorDetail} from './events.js';
import {direction, fill, pageNumber} from './i18n/locale.js';
import {parseArticle} from './model/parse.js';
import {rebase} from './model/rebase.js';
import type {Article, Continuation} from './model/types.js';
import {loadMarkdownRenderer} from './markdown-loader.js';
import {isPlainMarkdown} from './plain-markdown.js';
import {SourceController, type SourceState} from './source-controller.js';
import {tokens} from './styles/shared.js';
import './news-body.js';
import './news-byline.js';
import './photo-caption.js';
import './related-news.js';

// The headline at each level: six plain templates rather than one with lit/static-html's dynamic tag name,
// which would bring its own template cache into the bundle for this one use. Text is a child binding, never
// `.textContent=`: a property binding renders nothing on the server, and server and client render the
// same templates.
const HEADLINES = [
  (text: string) => html`<h1 part="headline" class="headline" id="headline">${text}</h1>`,
  (text: string) => html`<h2 part="headline" class="headline" id="headline">${text}</h2>`,
  (text: string) => html`<h3 part="headline" class="headline" id="headline">${text}</h3>`,
  (text: string) => html`<h4 part="headline" class="headline" id="headline">${text}</h4>`,
  (text: string) => html`<h5 part="headline" class="headline" id="headline">${text}</h5>`,
  (text: string) => html`<h6 part="headline" class="headline" id="headline">${text}</h6>`,
];

/**
 * A whole news article from JSON: kicker, headline, byline, photo, lead, body, the print jump line,
 * related news and the publisher's footer.
 *
 * @fires news-load - The article was validated and is shown. `detail: {value: Article, problems}`.
 * @fires news-error - The article could not be loaded or is invalid. `detail: {message, code, url?, path?}`.
 * @csspart article - The `<article>`.
 * @csspart header - The `<header>` with kicker, headline and byline.
 * @csspart kicker - The section name above the headline.
 * @csspart headline - The headline.
 * @csspart byline - The `<news-byline>`; its parts `authors`, `author`, `role`, `date`, `updated` are exported.
 * @csspart byline-line - The byline's line (`<news-byline>`'s part `byline`, exported under this name).
 * @csspart authors - The list of authors (exported from `<news-byline>`).
 * @csspart author - One author's name, a link when the author has a `url` (exported from `<news-byline>`).
 * @csspart role - An author's role (exported from `<news-byline>`).
 * @csspart date - The publication date (exported from `<news-byline>`).
 * @csspart updated - The "updated" note with its date (exported from `<news-byline>`).
 * @csspart dateline - The dateline ("PORTHAVEN").
 * @csspart photo - The hero `<photo-caption>`; its parts `figure`, `image`, `caption`, `credit` are exported.
 * @csspart figure - The photo's `<figure>` (exported from `<photo-caption>`).
 * @csspart frame - The box that holds the image and, when it fails, the placeholder (exported from `<photo-caption>`).
 * @csspart image - The hero `<img>` (exported from `<photo-caption>`).
 * @csspart placeholder - Text shown where a broken image would be (exported from `<photo-caption>`).
 * @csspart figcaption - The photo's `<figcaption>` (exported from `<photo-caption>`).
 * @csspart caption - The caption text (exported from `<photo-caption>`).
 * @csspart credit - The photo credit (exported from `<photo-caption>`).
 * @csspart lead - The lead paragraph.
 * @csspart lead-text - The container of the lead's rendered text (`<news-body>`'s part `body`, exported under this name).
 * @csspart body - The article text.
 * @csspart body-text - The container of the body's rendered text (`<news-body>`'s part `body`, exported under this name).
 * @csspart continuation - The print jump line, e.g. "(下转第三版)".
 * @csspart related - The `<related-news>`; its parts `related-item`, `related-link`, … are exported.
 * @csspart related-heading - The related news heading (exported from `<related-news>`).
 * @csspart related-list - The list of related stories (exported from `<related-news>`).
 * @csspart related-item - One related story (exported from `<related-news>`).
 * @csspart related-link - The link of a related story (exported from `<related-news>`).
 * @csspart related-headline - A related story's headline (exported from `<related-news>`).
 * @csspart related-summary - A related story's summary (exported from `<related-news>`).
 * @csspart related-image - A related story's thumbnail (exported from `<related-news>`).
 * @csspart related-date - A related story's date (exported from `<related-news>`).
 * @csspart footer - The publisher's footer.
 * @csspart publisher - The publisher's name (a link when it has a `url`).
 * @csspart tagline - The publisher's tagline.
 * @csspart expand - "Show the whole story", under a story that arrived while in view and holds the space it had (see `grow`).
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @cssprop --news-max-width - Maximum inline size of the article (default none: it fills its column).
 * @cssprop --news-measure - Maximum line length of the header, lead and body once the article is wider than 56rem (default 44rem).
 * @cssprop --news-headline-font-family - Headline font.
 * @cssprop --news-headline-size - Headline font size.
 * @cssprop --news-headline-color - Headline colour.
 * @cssprop --news-kicker-color - Kicker colour.
 * @cssprop --news-lead-size - Lead font size.
 */
export class NewsArticle extends NewsElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        max-inline-size: var(--news-max-width, none);
      }
      article {
        display: flex;
        flex-direction: column;
        gap: var(--_space);
        /* The article adapts to the column it is dropped into, not to the viewport. */
        container: news-article / inline-size;
      }
      /* Print look: rules between the sections of the page. */
      .section {
        border-block-start: calc(var(--_rules) * 1px) solid var(--_border);
        padding-block-start: calc(var(--_rules) * var(--_space));
      }
      header {
        display: flex;
        flex-direction: column;
        gap: 0.5em;
      }
      .kicker {
        margin: 0;
        color: var(--news-kicker-color, var(--_accent));
        font-weight: 700;
        font-size: 0.875em;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .headline {
        margin: 0;
        font-family: var(--news-headline-font-family, var(--_font));
        font-size: var(--news-headline-size, clamp(1.375rem, 1rem + 2.5cqi, 2.375rem));
        line-height: 1.25;
        color: var(--news-headline-color, inherit);
        text-wrap: balance;
      }
      /* The dateline runs into the lead's first line ("PORTHAVEN — The town's …"): floated, so the
         lead's text, in its own element, flows beside it. */
      .dateline {
        float: inline-start;
        margin-inline-end: 0.4em;
        /* Shorter than one line of the lead (1.6–1.8), so only the first line flows around it; the
           offset puts both on one baseline. */
        line-height: 1.2;
        margin-block-start: 0.2em;
        font-weight: 700;
        text-transform: uppercase;
      }
      .dateline::after {
        content: ' —';
      }
      .lead {
        --_body-size: var(--news-lead-size, 1.1875rem);
        font-size: var(--_body-size);
        font-weight: 500;
      }
      .continuation {
        margin: 0;
        text-align: end;
        color: var(--_muted);
      }
      footer {
        border-block-start: 1px solid var(--_border);
        padding-block-start: var(--_space);
        color: var(--_muted);
        font-size: 0.9375em;
      }
      footer p {
        margin: 0;
      }
      .publisher {
        font-weight: 700;
        color: var(--_text);
      }
      a.publisher {
        color: var(--_accent);
      }
      @container news-article (max-width: 30rem) {
        .lead {
          --_body-size: var(--news-lead-size, 1.0625rem);
        }
        .kicker {
          font-size: 0.8125em;
        }
      }
      @container news-article (min-width: 56rem) {
        header,
        .lead,
        .body,
        .continuation,
        related-news,
        footer {
          max-inline-size: var(--news-measure, 44rem);
        }
      }
      /* A story that arrived from src while in view, held to the space it had (updated() sets the size). */
      article.held {
        position: relative;
        overflow: hidden;
      }
      article.held > * {
        flex-shrink: 0;
      }
      article.held::after {
        content: '';
        position: absolute;
        inset: auto 0 0;
        block-size: min(4rem, 50%);
        background: linear-gradient(transparent, var(--news-background, var(--_d-bg)));
      }
      .expand {
        display: block;
        box-sizing: border-box;
        inline-size: 100%;
        min-block-size: 2.75rem;
        margin: 0;
        padding: 0.5em var(--_space);
        font: inherit;
        font-weight: 600;
        color: var(--_accent);
        background: var(--news-background, var(--_d-bg));
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        cursor: pointer;
      }
      .expand span {
        display: block;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      .expand:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
      }
      .logo {
        display: block;
        max-block-size: 2.5rem;
        inline-size: auto;
        margin-block-end: 0.5em;
      }
    `,
  ];

  /** The article to show. Validated on assignment; invalid data gives the error state. */
  @property({attribute: false}) article?: Article;



  /** Level of the headline, 1–6 (default 2, to fit under the partner page's own h1; fractions are truncated, other values give the default). */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;

  /** `target` for links in the article text, e.g. `_blank`. None by default. */
  @property({attribute: 'link-target'}) linkTarget?: string;

  /**
   * A story that arrives from `src` while the reader can see where it goes, with the partner's page
   * after it, keeps the space the element had (none, unless the page declares some) and offers "Show the
   * whole story" under it, rather than push that page down: a layout shift, which the partner pays for
   * in search. `grow` takes the story's full height at once instead.
   */
  @property({type: Boolean, reflect: true}) grow = false;

  /** The block size (CSS px) a story that arrived in view holds, until the reader asks for all of it. */
  @state() private _held?: number;
  /** The state the last update showed. */
  private _shown: SourceState = 'empty';

  private _source = new SourceController<Article>(this, {
    property: () => this.article,
    parse: (input, base) => {
      const {article, problems} = parseArticle(input);
      return {value: rebase(article, base), problems};
    },
    langOf: (article) => article.lang,
    // Text that is more than plain paragraphs needs the Markdown renderer: loaded before the article is
    // shown, so the text comes with it and nothing below it moves (if it fails, <news-body> says so).
    // Server-rendered text is on the page already, and stays: nothing to load for it.
    ready: (article) =>
      !this._hydrating && [article.lead, article.body].some((text) => text && !isPlainMarkdown(text)) ? loadMarkdownRenderer() : undefined,
  });

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    // The parts get data this element already validated: only the article speaks for the article. A
    // part that still fails (Markdown over its size cap) is reported as the article's error.
    root.addEventListener('news-load', (event) => event.stopPropagation());
    root.addEventListener('news-error', (event) => {
      event.stopPropagation();
      this.dispatchEvent(newsEvent('news-error', (event as CustomEvent<NewsErrorDetail>).detail));
    });
    // A keyboard user tabbing into the held part of a story gets all of it.
    root.addEventListener('focusin', (event) => {
      if (this._held !== undefined && (event.target as Element).closest?.('article')) this._expand(false);
    });
    return root;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('article') || changed.has('src')) this._source.sync();
    const shown = this._source.state;
    if (shown !== 'ready') this._held = undefined;
    else if (this._shown === 'loading' && !this.grow && this._wouldShift()) this._held = this.getBoundingClientRect().height;
    this._shown = shown;
  }

  /**
   * Whether the story, growing now, would move what the reader sees: the page is in view, the element is
   * laid out at or above the bottom of the viewport, and the partner's page goes on after it.
   */
  private _wouldShift(): boolean {
    if (document.visibilityState !== 'visible' || !this.getClientRects().length) return false;
    const {top, bottom} = this.getBoundingClientRect();
    return top < innerHeight && document.body.getBoundingClientRect().bottom - bottom > 24;
  }

  /** The held size, as a rule of this element's own adopted sheet: no style attribute (strict CSP). */
  private _sheet?: CSSStyleSheet;

  override updated(): void {
    const article = this.renderRoot.querySelector('article');
    const bar = this.renderRoot.querySelector<HTMLElement>('.expand');
    if (this._held === undefined || !article || !bar) return;
    if (!this._sheet) {
      const root = this.renderRoot as ShadowRoot;
      this._sheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this._sheet];
    }
    this._sheet.replaceSync(`article.held{max-block-size:${Math.max(0, this._held - bar.offsetHeight)}px}`);
    // A story that fits where it stands needs no control: measured once its parts have rendered, and
    // still before any paint.
    const held = this._held;
    void this.updateComplete.then(() => {
      if (this._held === held && article.scrollHeight <= held) this._expand(false);
    });
  }

  private _expand(focus = true): void {
    this._held = undefined;
    const article = this.renderRoot.querySelector('article');
    if (!article) return;
    article.classList.remove('held'); // laid out whole now, not at the next render
    if (focus) {
      // The control goes: the reader goes on from the story itself.
      article.tabIndex = -1;
      article.focus({preventScroll: true});
    }
  }

  /** Resolves once the article, including its Markdown, is rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const parts = this.renderRoot.querySelectorAll<NewsElement>('news-body, news-byline, photo-caption, related-news');
    await Promise.all(Array.from(parts, (part) => part.updateComplete));
    return done;
  }

  override render() {
    return this._source.render((article) => {
      const level = headingLevel(this.headingLevel, 2);
      const lang = article.lang;
      const ui = this._source.lang();
      const {continuation, publisher, related} = article;
      const held = this._held !== undefined;
      return html`<article part="article" class=${held ? 'held' : ''} lang=${ifDefined(lang)} dir=${ifDefined(lang ? direction(lang) : undefined)}
        aria-labelledby=${ifDefined(article.headline ? 'headline' : undefined)}>
        <header part="header">
          ${article.section ? html`<p part="kicker" class="kicker">${article.section}</p>` : nothing}
          ${article.headline
            ? HEADLINES[level - 1]!(article.headline)
            : nothing}
          ${article.authors?.length || article.datePublished
            ? html`<news-byline part="byline" theme=${ifDefined(this.theme)} look=${ifDefined(this.look)} .strings=${this.strings} .hostLang=${ui} exportparts="byline: byline-line, authors, author, role, date, updated"
                lang=${ifDefined(lang)} .authors=${article.authors ?? []} .datePublished=${article.datePublished}
                .dateModified=${article.dateModified}></news-byline>`
            : nothing}
        </header>
        ${article.image
          ? html`<photo-caption part="photo" theme=${ifDefined(this.theme)} look=${ifDefined(this.look)} .strings=${this.strings} .hostLang=${ui} exportparts="figure, frame, image, placeholder, figcaption, caption, credit"
              lang=${ifDefined(lang)} loading="eager" .photo=${article.image}></photo-caption>`
          : nothing}
        ${article.lead || article.dateline
          ? html`<div class="lead">
              ${article.dateline ? html`<span part="dateline" class="dateline">${article.dateline}</span>` : nothing}
              ${article.lead
                ? html`<news-body part="lead" theme=${ifDefined(this.theme)} look=${ifDefined(this.look)} .strings=${this.strings} .hostLang=${ui} exportparts="body: lead-text" lang=${ifDefined(lang)} .base=${this._source.base}
                    heading-level=${level} link-target=${ifDefined(this.linkTarget)} .markdown=${article.lead}></news-body>`
                : nothing}
            </div>`
          : nothing}
        ${article.body
          ? html`<news-body part="body" class="body section" theme=${ifDefined(this.theme)} look=${ifDefined(this.look)} .strings=${this.strings} .hostLang=${ui} exportparts="body: body-text" lang=${ifDefined(lang)} .base=${this._source.base}
              heading-level=${level} link-target=${ifDefined(this.linkTarget)} .markdown=${article.body}></news-body>`
          : nothing}
        ${continuation ? this._continuation(continuation, lang) : nothing}
        ${related?.length
          ? html`<related-news part="related" class="section" theme=${ifDefined(this.theme)} look=${ifDefined(this.look)} .strings=${this.strings} .hostLang=${ui} exportparts="related-heading, related-list, related-item, related-link, related-headline, related-summary, related-image, related-date"
              lang=${ifDefined(lang)} heading-level=${Math.min(6, level + 1)} .items=${related}></related-news>`
          : nothing}
        ${publisher
          ? html`<footer part="footer">
              ${publisher.logo
                ? html`<img class="logo" src=${publisher.logo.src} alt=${publisher.logo.alt ?? ''} width=${ifDefined(publisher.logo.width)}
                    height=${ifDefined(publisher.logo.height)} loading="lazy" decoding="async" />`
                : nothing}
              <p>
                ${publisher.url
                  ? html`<a part="publisher" class="publisher" href=${publisher.url} rel="noopener noreferrer">${publisher.name}</a>`
                  : html`<span part="publisher" class="publisher">${publisher.name}</span>`}
              </p>
              ${publisher.tagline ? html`<p part="tagline">${publisher.tagline}</p>` : nothing}
            </footer>`
          : nothing}
      </article>${held ? this._bar(article.headline) : nothing}`;
    });
  }

  /** "Show the whole story" under a held story; with the headline too when none of the story shows. */
  private _bar(headline: string | undefined) {
    const words = this._source.strings().showStory;
    return html`<button part="expand" class="expand" type="button" aria-expanded="false" @click=${() => this._expand()}>
      <span>${headline && this._held! < 48 ? `${headline} · ${words}` : words}</span>
    </button>`;
  }

  /** The jump line: its own words, or "(下转第三版)" / "Continued on page 3" made from a page number. */
  private _continuation(continuation: Continuation, lang: string | undefined) {
    const s = this._source.strings();
    const words =
      continuation.text ?? fill(s.continuedOnPage, {page: pageNumber(continuation.page ?? 0, lang ?? this._source.lang())});
    return continuation.href
      ? html`<p part="continuation" class="continuation"><a href=${continuation.href} target=${ifDefined(this.linkTarget)} rel="noopener noreferrer">${words}</a></p>`
      : html`<p part="continuation" class="continuation">${words}</p>`;
  }
}

define('news-article', NewsArticle);

declare global {
  interface HTMLElementTagNameMap {
    'news-article': NewsArticle;
  }
}
