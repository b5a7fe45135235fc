import {css, html, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {define} from './define.js';
import {NewsElement} from './news-element.js';
import {fill} from './i18n/locale.js';
import {parsePhoto} from './model/parse.js';
import {rebase} from './model/rebase.js';
import type {Photo} from './model/types.js';
import {SourceController} from './source-controller.js';
import {tokens} from './styles/shared.js';

/**
 * A news photo with its caption and credit. Space for the image is reserved from `width`/`height`, so
 * nothing shifts when it loads; a broken image keeps its caption and leaves a neutral box of the same size.
 *
 * @fires news-load - The photo data was validated and is shown. `detail: {value, problems}`.
 * @fires news-error - The data could not be loaded or is invalid. `detail: {message, code, url?, path?}`.
 * @csspart figure - The `<figure>`.
 * @csspart frame - The box that holds the image and, when it fails, the placeholder.
 * @csspart image - The `<img>`.
 * @csspart placeholder - Text shown where a broken image would be.
 * @csspart figcaption - The `<figcaption>`.
 * @csspart caption - The caption text.
 * @csspart credit - The photographer or agency credit.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @cssprop --news-caption-color - Caption and credit text colour.
 * @cssprop --news-caption-font-size - Caption font size.
 */
export class PhotoCaption extends NewsElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
      }
      .frame {
        position: relative;
        background: var(--_placeholder);
        border-radius: var(--_radius);
        overflow: hidden;
      }
      img {
        display: block;
        inline-size: 100%;
        block-size: auto;
        max-inline-size: 100%;
      }
      img:not([width]) {
        min-block-size: 8rem;
      }
      /* Engines disagree on the size of a broken <img>; an SVG with the photo's viewBox keeps its
         exact aspect ratio everywhere, with no style attribute (strict CSP). */
      .broken img {
        display: none;
      }
      .frame > svg {
        display: block;
        inline-size: 100%;
        block-size: auto;
      }
      .placeholder {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        color: var(--_muted);
        font-size: 0.875em;
      }
      figcaption {
        margin-block-start: 0.5em;
        color: var(--news-caption-color, var(--_muted));
        font-size: var(--news-caption-font-size, 0.875em);
      }
      .credit {
        margin-inline-start: 0.5em;
      }
      @media (forced-colors: active) {
        .frame {
          border: 1px solid CanvasText;
        }
      }
    `,
  ];

  /** The photo: `{src, alt, caption?, credit?, width?, height?, srcset?, sizes?}`. */
  @property({attribute: false}) photo?: Photo;



  /** `lazy` (default) or `eager`: a hero image above the fold should not wait (it is then fetched at high priority, `fetchpriority="high"`: it is often the page's largest paint). */
  @property() loading: 'lazy' | 'eager' = 'lazy';

  @state() private _broken = false;

  private _source = new SourceController<Photo>(this, {
    property: () => this.photo,
    parse: (input, base) => {
      const photo = input && typeof input === 'object' && 'image' in input && !('src' in input) ? input.image : input;
      const result = parsePhoto(photo);
      rebase(result.value, base);
      return result;
    },
  });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('photo') || changed.has('src')) {
      this._source.sync();
      this._broken = false;
    }
  }

  override render() {
    return this._source.render((photo) => {
      const s = this._source.strings();
      if (photo.alt === undefined) this._warnAlt(photo.src);
      return html`<figure part="figure">
        <div part="frame" class="frame ${this._broken ? 'broken' : ''}">
          <img
            part="image"
            src=${photo.src}
            alt=${photo.alt ?? ''}
            width=${ifDefined(photo.width)}
            height=${ifDefined(photo.height)}
            srcset=${ifDefined(photo.srcset)}
            sizes=${ifDefined(photo.srcset ? (photo.sizes ?? '100vw') : undefined)}
            loading=${this.loading === 'eager' ? 'eager' : 'lazy'}
            fetchpriority=${ifDefined(this.loading === 'eager' ? 'high' : undefined)}
            decoding="async"
            @error=${this._onError}
          />
          ${this._broken
            ? html`<svg class="placeholder-box" viewBox="0 0 ${photo.width ?? 3} ${photo.height ?? 2}" role="img" aria-label=${photo.alt || s.imageUnavailable}></svg>
                <span part="placeholder" class="placeholder" aria-hidden="true">${s.imageUnavailable}</span>`
            : nothing}
        </div>
        ${this._figcaption(photo.caption, photo.credit && fill(s.credit, {credit: photo.credit}))}
      </figure>`;
    });
  }

  /**
   * One template per case: no empty caption or credit element, and one child part per piece of text.
   */
  private _figcaption(caption: string | undefined, credit: string | undefined) {
    if (caption && credit) {
      return html`<figcaption part="figcaption">
        <span part="caption">${caption}</span>
        <span part="credit" class="credit">${credit}</span>
      </figcaption>`;
    }
    if (caption) return html`<figcaption part="figcaption"><span part="caption">${caption}</span></figcaption>`;
    if (credit) return html`<figcaption part="figcaption"><span part="credit" class="credit">${credit}</span></figcaption>`;
    return nothing;
  }

  private _onError(): void {
    this._broken = true;
  }

  private _altWarned = false;
  private _warnAlt(src: string): void {
    if (this._altWarned) return;
    this._altWarned = true;
    console.warn(`<photo-caption>: image ${src} has no alt text; give "alt": "" if it is decorative.`);
  }
}

define('photo-caption', PhotoCaption);

declare global {
  interface HTMLElementTagNameMap {
    'photo-caption': PhotoCaption;
  }
}
