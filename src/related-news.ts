import {css, html, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {repeat} from 'lit/directives/repeat.js';
import {define} from './define.js';
import {headingLevel, NewsElement} from './news-element.js';
import {formatDate} from './i18n/locale.js';
import {parseRelated} from './model/parse.js';
import {rebase} from './model/rebase.js';
import type {RelatedItem} from './model/types.js';
import {SourceController} from './source-controller.js';
import {tokens} from './styles/shared.js';

// The heading at each level: six plain templates rather than one with lit/static-html's dynamic tag name,
// which would bring its own template cache into the bundle for this one use.
const HEADINGS = [
  (id: string, text: string) => html`<h1 part="related-heading" class="heading" id=${id}>${text}</h1>`,
  (id: string, text: string) => html`<h2 part="related-heading" class="heading" id=${id}>${text}</h2>`,
  (id: string, text: string) => html`<h3 part="related-heading" class="heading" id=${id}>${text}</h3>`,
  (id: string, text: string) => html`<h4 part="related-heading" class="heading" id=${id}>${text}</h4>`,
  (id: string, text: string) => html`<h5 part="related-heading" class="heading" id=${id}>${text}</h5>`,
  (id: string, text: string) => html`<h6 part="related-heading" class="heading" id=${id}>${text}</h6>`,
];

/**
 * Teasers for other stories. Long summaries are clamped to a few lines by CSS, with a real ellipsis, in
 * any script — the text itself is never cut.
 *
 * @fires news-load - The items were validated and are shown.
 * @fires news-error - The data could not be loaded or is invalid.
 * @csspart related - The `<aside>` that holds the list.
 * @csspart related-heading - The heading ("新闻推荐", "Related news").
 * @csspart related-list - The `<ul>`.
 * @csspart related-item - One `<li>`.
 * @csspart related-link - The link of an item (its headline, or its summary when it has none).
 * @csspart related-headline - An item's headline.
 * @csspart related-summary - An item's summary.
 * @csspart related-image - An item's thumbnail.
 * @csspart related-date - An item's date.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @cssprop --news-summary-lines - Lines a summary is clamped to (default 3).
 * @cssprop --news-related-heading-size - Font size of the heading.
 * @cssprop --news-thumbnail-size - Inline size of thumbnails.
 */
export class RelatedNews extends NewsElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      aside {
        border-block-start: 1px solid var(--_border);
        padding-block-start: var(--_space);
      }
      .heading {
        margin: 0 0 0.5em;
        font-size: var(--news-related-heading-size, 1.125em);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_space);
      }
      li {
        display: flex;
        gap: 0.75em;
        align-items: start;
      }
      .text {
        min-inline-size: 0;
        flex: 1;
      }
      .headline {
        display: block;
        font-weight: 600;
      }
      .summary {
        margin: 0.25em 0 0;
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: var(--news-summary-lines, 3);
        line-clamp: var(--news-summary-lines, 3);
        overflow: hidden;
      }
      img {
        inline-size: var(--news-thumbnail-size, 6rem);
        block-size: auto;
        flex: none;
        border-radius: var(--_radius);
        background: var(--_placeholder);
      }
      time {
        display: block;
        color: var(--_muted);
        font-size: 0.875em;
      }
    `,
  ];

  /** The teasers: `{headline?, summary?, url?, image?, datePublished?}`. */
  @property({attribute: false}) items?: RelatedItem[];



  /** Show at most this many items. */
  @property({type: Number}) limit?: number;

  /** Heading text; the localized "Related news" when unset. */
  @property() heading?: string;

  /** Level of the heading, 1–6 (default 3: below a default h2 headline; fractions are truncated, other values give the default). */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 3;

  /**
   * Ids are scoped to this element's shadow root, so a fixed one never collides, and the server and the
   * browser write the same: a counter would differ between them, and between two server renders.
   */
  private readonly _id = 'related-heading';

  private _source = new SourceController<RelatedItem[]>(this, {
    property: () => this.items,
    parse: (input, base) => {
      const list = input && typeof input === 'object' && !Array.isArray(input) && 'related' in input ? input.related : input;
      const result = parseRelated(list);
      rebase(result.value, base);
      return result;
    },
  });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('items') || changed.has('src')) this._source.sync();
  }

  override render() {
    return this._source.render((all) => {
      const limit = this.limit !== undefined && this.limit >= 0 ? Math.trunc(this.limit) : all.length;
      const items = all.slice(0, limit);
      if (items.length === 0) return nothing;
      const lang = this._source.lang();
      const heading = HEADINGS[headingLevel(this.headingLevel, 3) - 1]!;
      return html`<aside part="related" aria-labelledby=${this._id}>
        ${heading(this._id, this.heading || this._source.strings().related)}
        <ul part="related-list">
          ${repeat(items, (item, i) => item.url ?? i, (item, i) => this._item(item, i, lang))}
        </ul>
      </aside>`;
    });
  }

  private _item(item: RelatedItem, index: number, lang: string) {
    const headline = item.headline ? html`<span part="related-headline" class="headline">${item.headline}</span>` : nothing;
    const summary = item.summary ? html`<p part="related-summary" class="summary">${item.summary}</p>` : nothing;
    // The link wraps the headline. With no headline, the summary stays text and a "read more" link
    // follows it, described by the summary so a screen reader says where it goes.
    const id = `related-summary-${index}`;
    const text = item.url
      ? item.headline
        ? html`<a part="related-link" href=${item.url}>${headline}</a>${summary}`
        : html`${item.summary ? html`<p part="related-summary" class="summary" id=${id}>${item.summary}</p>` : nothing}
            <a part="related-link" href=${item.url} aria-describedby=${id}>${this._source.strings().readMore}</a>`
      : html`${headline}${summary}`;
    return html`<li part="related-item">
      ${item.image
        ? html`<img part="related-image" src=${item.image.src} alt="" width=${ifDefined(item.image.width)}
            height=${ifDefined(item.image.height)} loading="lazy" decoding="async" />`
        : nothing}
      <div class="text">
        ${text}
        ${item.datePublished
          ? html`<time part="related-date" datetime=${item.datePublished}>${this._hydrating ? item.datePublished : formatDate(item.datePublished, lang)}</time>`
          : nothing}
      </div>
    </li>`;
  }
}

define('related-news', RelatedNews);

declare global {
  interface HTMLElementTagNameMap {
    'related-news': RelatedNews;
  }
}
