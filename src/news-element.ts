import {adoptStyles, isServer, LitElement, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import type {StringOverrides} from './i18n/locale.js';

/**
 * The level (1–6) of a heading from a `heading-level` attribute or property, read the same way by every
 * element: fractions are truncated, above 6 is 6, and anything else — below 1, negative, not a number — is
 * `fallback`. The result is always a whole number, so it always names a real heading element.
 */
export function headingLevel(value: unknown, fallback: number): number {
  const level = Math.trunc(Number(value));
  return level >= 1 ? Math.min(6, level) : fallback;
}

type Hydration = typeof import('./hydrate.js');
/** The hydration code (src/hydrate.ts), loaded the first time an element finds server-rendered HTML. */
let hydration: Hydration | undefined;
let loading: Promise<void> | undefined;
const loadHydration = (): Promise<void> =>
  (loading ??= import('./hydrate.js').then(
    (module) => void (hydration = module),
    (error: unknown) => console.warn(`news-elements: the hydration code could not be loaded (${String(error)}); rendering server HTML again`),
  ));

/**
 * What every news element shares: where its data comes from (`src`, `timeout`), the words it adds
 * (`strings`), and how it looks (`theme`, `look`). Five elements need exactly these; the data property
 * and rendering stay in each element.
 *
 * @cssprop --news-font-family - Text font (default: the system UI font, then CJK and Arabic fonts).
 * @cssprop --news-text-color - Text colour (default: the theme's, #1d1d1d light, #ececec dark).
 * @cssprop --news-muted-color - Colour of secondary text: byline, captions, dates.
 * @cssprop --news-accent-color - Links and focus rings.
 * @cssprop --news-border-color - Rules and borders.
 * @cssprop --news-error-color - Error text and border.
 * @cssprop --news-placeholder-color - Background of images while they load and when they fail.
 * @cssprop --news-background - Background of every element (default white; #151515 in the dark theme; `transparent` to show the page).
 * @cssprop --news-spacing - The base spacing unit (default 1rem).
 * @cssprop --news-radius - Corner radius of images and boxes (default 4px).
 * @cssprop --news-line-height-cjk - Line height for Chinese, Japanese and Korean text (default 1.8).
 * @cssprop --news-paragraph-indent - First-line indent of paragraphs (default 0; 2em in the print look).
 * @cssprop --news-loading-min-height - Block size of the loading state (default 0: it takes no room, so its upgrade moves nothing; declare the space the story will take, on the element too before it is defined, and nothing moves when it arrives).
 */
export abstract class NewsElement extends LitElement {
  static version = '0.1.0';

  /** URL of the JSON to fetch. A new `src` or a disconnect aborts the old request; the latest wins. */
  @property() src?: string;

  /** Milliseconds before a `src` request gives up (default 10000). */
  @property({type: Number}) timeout?: number;

  /** UI strings for this element only, e.g. `{related: 'More from Porthaven'}`; see also `setStrings()`. */
  @property({attribute: false}) strings?: StringOverrides;

  /** `light`, `dark`, or `auto` (the default: follows the reader's `prefers-color-scheme`). */
  @property({reflect: true}) theme?: 'light' | 'dark' | 'auto';

  /** `print`: serif type, indented paragraphs and rules between sections, like the newspaper page. */
  @property({reflect: true}) look?: 'print';

  /**
   * @internal The language of the words around the data, given by the `<news-article>` this element is a
   * part of: what the part would inherit from it in a page, given outright so that a server render, which
   * has no page around it, picks the same.
   */
  @property({attribute: false}) hostLang?: string;

  /** What `updateComplete` waits for besides rendering: see {@link NewsElement._hold}. */
  private _waitFor?: Promise<unknown>;

  /**
   * @internal True from the moment the element finds a server-rendered shadow root (declarative shadow
   * DOM, from news-elements/ssr) until its first render has adopted it in place. That render must be
   * the server's: it waits for what it needs (see scheduleUpdate), and keeps the server's nodes. Text
   * it binds is on screen already and never compared, so it need not be computed (dates, lists: the
   * first Intl formatter of a page costs Chromium tens of milliseconds).
   */
  _hydrating = false;

  // Lit SSR's protocol for nested elements: one inside another's server-rendered shadow root carries
  // `defer-hydration` and wakes up when its host's hydration removes it, once its properties are set.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'defer-hydration'];
  }

  override connectedCallback(): void {
    if (this.hasAttribute('defer-hydration')) return;
    // Server HTML on a page where the hydration code has not come yet: connect (read the data, start
    // the first render) once it has, in a task of its own, not inside the script's evaluation.
    if (!isServer && this.shadowRoot && !this.hasUpdated && !hydration) {
      void loadHydration().then(() => this.isConnected && super.connectedCallback());
      return;
    }
    super.connectedCallback();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'defer-hydration' && value === null && old !== null) super.connectedCallback();
    super.attributeChangedCallback(name, old, value);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.shadowRoot;
    if (isServer || !root) return super.createRenderRoot();
    this._hydrating = true;
    this._hold(loadHydration());
    return root;
  }

  /**
   * Server-rendered HTML is on screen already: its first render waits for what it needs to match it, and
   * each element wakes up in a task of its own, so that an article (six elements) is never one long task.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this._hydrating) return super.scheduleUpdate();
    return Promise.all([this._waitFor, new Promise((resolve) => setTimeout(resolve))]).then(() => super.scheduleUpdate());
  }

  protected override update(changed: PropertyValues): void {
    if (this._hydrating) {
      const adopted = hydration?.adopt(this, changed);
      this._hydrating = false;
      if (adopted) return;
      // No hydration code, or HTML of other templates: rendered anew from the data, in place of it, and
      // with what the hydrating render left to the server's nodes computed now.
      this.renderRoot.replaceChildren();
      adoptStyles(this.renderRoot as ShadowRoot, (this.constructor as typeof LitElement).elementStyles);
      this.willUpdate(changed);
    }
    super.update(changed);
  }

  /**
   * @internal `updateComplete` waits for `work` too, and for the render it brings: UI strings of a
   * language loading, what must load before the data is shown, Markdown being rendered.
   */
  _hold(work: Promise<unknown>): void {
    const before = this._waitFor;
    this._waitFor = before ? Promise.all([before, work]) : work;
  }

  /** Resolves once the element shows its data in the reader's language. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let wait = this._waitFor; wait; wait = this._waitFor) {
      await wait;
      if (this._waitFor === wait) this._waitFor = undefined;
      done = await super.getUpdateComplete();
    }
    return done;
  }
}
