import {css, html, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {define} from './define.js';
import {NewsElement} from './news-element.js';
import {formatDate, listFormat} from './i18n/locale.js';
import type {AuthorRole} from './i18n/strings.js';
import {parseByline} from './model/parse.js';
import {rebase} from './model/rebase.js';
import type {Author, Byline} from './model/types.js';
import {SourceController} from './source-controller.js';
import {tokens} from './styles/shared.js';

const nameOf = (author: Author): string => (typeof author === 'string' ? author : author.name);

/**
 * Who wrote the story and when: authors joined as the article's language joins a list
 * ("韩先秀、朱守晶、赵正平", "A, B and C"), dates as `<time datetime>` in that language.
 *
 * @fires news-load - The byline data was validated and is shown.
 * @fires news-error - The data could not be loaded or is invalid.
 * @csspart byline - The whole line.
 * @csspart authors - The list of authors.
 * @csspart author - One author's name (a link when the author has a `url`).
 * @csspart role - An author's role.
 * @csspart date - The publication date.
 * @csspart updated - The "updated" note with its date.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @cssprop --news-byline-color - Byline text colour.
 * @cssprop --news-byline-font-size - Byline font size.
 */
export class NewsByline extends NewsElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        color: var(--news-byline-color, var(--_muted));
        font-size: var(--news-byline-font-size, 0.9375em);
      }
      p {
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        column-gap: 1em;
        row-gap: 0.25em;
      }
      /* The dates wrap together, never one on the authors' line and one below. */
      .dates {
        display: inline-flex;
        flex-wrap: wrap;
        column-gap: 1em;
      }
      .author {
        color: var(--_text);
        font-weight: 600;
      }
      a.author {
        color: var(--_accent);
      }
    `,
  ];

  /** Authors: names, or `{name, role?, url?}`. */
  @property({attribute: false}) authors?: Author[];

  /** ISO 8601 publication date. */
  @property({attribute: 'date-published'}) datePublished?: string;

  /** ISO 8601 date of the last change; shown as "updated" when it differs from the publication date. */
  @property({attribute: 'date-modified'}) dateModified?: string;



  private _source = new SourceController<Byline>(this, {
    property: () => this._property(),
    parse: (input, base) => {
      const result = parseByline(Array.isArray(input) ? {authors: input} : input);
      rebase(result.value, base);
      return result;
    },
    langOf: (byline) => byline.lang,
  });

  // The property source is an object made here from three properties: one object while they stay the same.
  private _memo?: {authors?: Author[]; datePublished?: string; dateModified?: string; value: unknown};
  private _property(): unknown {
    const {authors, datePublished, dateModified} = this;
    const memo = this._memo;
    if (!memo || memo.authors !== authors || memo.datePublished !== datePublished || memo.dateModified !== dateModified) {
      const empty = authors === undefined && datePublished === undefined && dateModified === undefined;
      this._memo = {authors, datePublished, dateModified, value: empty ? undefined : {authors, datePublished, dateModified}};
    }
    return this._memo!.value;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (['src', 'authors', 'datePublished', 'dateModified'].some((key) => changed.has(key))) this._source.sync();
  }

  override render() {
    return this._source.render((byline) => {
      const lang = this._source.lang();
      const s = this._source.strings();
      const authors = byline.authors ?? [];
      const {datePublished: published, dateModified: modified} = byline;
      return html`<p part="byline">
        ${authors.length ? html`<span part="authors">${s.by ? `${s.by} ` : nothing}${this._authors(authors, lang)}</span>` : nothing}
        ${published || modified
          ? html`<span class="dates">
              ${published ? html`<time part="date" datetime=${published}>${this._date(published, lang)}</time>` : nothing}
              ${modified && modified !== published
                ? html`<span part="updated">${s.updated} <time datetime=${modified}>${this._date(modified, lang)}</time></span>`
                : nothing}
            </span>`
          : nothing}
      </p>`;
    });
  }

  /** A date as the reader's language writes it; while hydrating, the text on screen stands (see _hydrating). */
  private _date(iso: string, lang: string): string {
    return this._hydrating ? iso : formatDate(iso, lang);
  }

  /** The list joined by Intl.ListFormat, with each name still its own element (a link when it has one). */
  private _authors(authors: Author[], lang: string) {
    const names = authors.map(nameOf);
    let parts: {type: string; value: string}[] | undefined;
    // Hydrating: the joined names are on screen; the same shape (name, separator, name …) will do.
    if (!this._hydrating) {
      try {
        parts = listFormat(lang).formatToParts(names);
      } catch {
        // an engine without Intl.ListFormat for this language: the plain list
      }
    }
    parts ??= names.flatMap((value, i) => (i ? [{type: 'literal', value: ', '}, {type: 'element', value}] : [{type: 'element', value}]));
    let index = 0;
    return parts.map((part) => {
      if (part.type !== 'element') return part.value;
      const author = authors[index++]!;
      const name = nameOf(author);
      const given = typeof author === 'string' ? undefined : author.role;
      // Role ids the catalog knows ("reporter", "photographer" …) are shown in the reader's language.
      const roles = this._source.strings().roles;
      const id = given?.toLowerCase() as AuthorRole;
      const role = given && (Object.prototype.hasOwnProperty.call(roles, id) ? roles[id] : given);
      const url = typeof author === 'string' ? undefined : author.url;
      const who = url
        ? html`<a part="author" class="author" href=${url} rel="author noopener noreferrer">${name}</a>`
        : html`<span part="author" class="author">${name}</span>`;
      return role ? html`${who}<span part="role"> (${role})</span>` : who;
    });
  }
}

define('news-byline', NewsByline);

declare global {
  interface HTMLElementTagNameMap {
    'news-byline': NewsByline;
  }
}
