/**
 * Data in, three ways, for every element: a property (wins), a `src` URL, or an inline
 * `<script type="application/json">` child. Validates whatever arrives, tracks loading/error state, aborts
 * stale requests, and fires `news-load` / `news-error`. Elements only ever render validated data.
 */
import {html, isServer, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {NewsError, newsEvent, type NewsErrorDetail} from './events.js';
import {direction, fill, inheritedLang, stringsReady, uiStrings, type StringOverrides} from './i18n/locale.js';
import type {UiStrings} from './i18n/strings.js';
import type {ParseResult, Problem} from './model/types.js';
import {loader} from './net/lazy.js';

export interface SourceHost extends ReactiveControllerHost, HTMLElement {
  src?: string;
  timeout?: number;
  strings?: StringOverrides;
  /** The UI language of the article this element is part of (NewsElement.hostLang). */
  hostLang?: string | undefined;
  /** `updateComplete` waits for `work` too (NewsElement._hold). */
  _hold(work: Promise<unknown>): void;
}

export interface SourceOptions<T> {
  /** unknown → validated value. `base` is the URL the data came from (for relative URLs). */
  parse(input: unknown, base: string | undefined): ParseResult<T>;
  /** The property value, when one is set. */
  property(): unknown;
  /** Also accept Markdown: `text/markdown` responses and `<script type="text/markdown">`. */
  markdown?: boolean;
  /** The data's own language, if it has one (an article's `lang`). */
  langOf?(value: T): string | undefined;
  /** What must be loaded before the value is shown (the Markdown renderer, for an article), if anything. */
  ready?(value: T): Promise<unknown> | undefined;
}

export type SourceState = 'empty' | 'loading' | 'ready' | 'error';

const INLINE = ':scope > script[type="application/json"], :scope > script[type="application/ld+json"]';
const INLINE_MD = ':scope > script[type="text/markdown"]';

const warned = new WeakMap<object, Set<string>>();

export class SourceController<T> implements ReactiveController {
  state: SourceState = 'empty';
  value: T | undefined;
  error: NewsError | undefined;
  /** The URL the current value came from. */
  base: string | undefined;

  private _abort?: AbortController;
  private _observer?: MutationObserver;
  private _key: unknown;

  constructor(
    private readonly host: SourceHost,
    private readonly options: SourceOptions<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observer = undefined;
    this._abort?.abort();
    this._abort = undefined;
    // A reconnect must start the request again.
    this._key = undefined;
  }

  /** Re-reads the sources; call from `willUpdate` when `src` or the data property changed. */
  sync(): void {
    const property = this.options.property();
    // On the server (src/ssr/) the data comes by property only: there is no page to read or watch, and
    // nothing is fetched.
    if (isServer) {
      if (property !== undefined) this._use('property', property, () => this._accept(property, undefined));
      return;
    }
    if (!this.host.isConnected) return;
    const src = this.host.src?.trim();
    // Inline data counts only without a property or `src`: only then is there a reason to watch for a CMS
    // adding or editing the inline script after the element upgrades.
    this._watch(property === undefined && !src);
    if (property !== undefined) return this._use('property', property, () => this._accept(property, undefined));
    if (src) return this._use(`src ${src} ${this.host.timeout}`, src, () => this._fetch(src));
    const inline = this._inline();
    if (inline !== undefined) return this._use(`inline ${inline.markdown}`, inline.text, () => this._readInline(inline));
    this._use('empty', undefined, () => this._set('empty'));
  }

  private _watch(on: boolean): void {
    if (on && !this._observer) {
      this._observer = new MutationObserver(() => this.sync());
      this._observer.observe(this.host, {childList: true, subtree: true, characterData: true});
    } else if (!on && this._observer) {
      this._observer.disconnect();
      this._observer = undefined;
    }
  }

  /** Runs `start` only when the source really changed; a change aborts the request of the old one. */
  private _use(kind: string, value: unknown, start: () => void): void {
    const key = kind === 'property' ? value : `${kind}\u0000${String(value)}`;
    if (key === this._key) return;
    this._key = key;
    this._abort?.abort();
    this._abort = undefined;
    start();
  }

  private _inline(): {text: string; markdown: boolean} | undefined {
    const json = this.host.querySelector(INLINE);
    if (json) return {text: json.textContent ?? '', markdown: false};
    const md = this.options.markdown ? this.host.querySelector(INLINE_MD) : null;
    return md ? {text: md.textContent ?? '', markdown: true} : undefined;
  }

  private _readInline({text, markdown}: {text: string; markdown: boolean}): void {
    if (markdown) return this._accept(text, undefined);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return this.fail(new NewsError('json', `Invalid inline JSON: ${(error as Error).message}`));
    }
    this._accept(data, undefined);
  }

  private _fetch(src: string): void {
    let url: string;
    try {
      url = new URL(src, document.baseURI).href;
    } catch {
      return this.fail(new NewsError('network', `Invalid src URL: ${src}`, src));
    }
    const abort = (this._abort = new AbortController());
    this._set('loading');
    const {timeout} = this.host;
    const markdown = !!this.options.markdown;
    loader()
      .then(
        (net) => net.load(url, {signal: abort.signal, timeout: timeout ?? net.DEFAULT_TIMEOUT, maxBytes: net.DEFAULT_MAX_BYTES, markdown}),
        (error: unknown) => {
          throw new NewsError('network', `Could not load the code that fetches src: ${(error as Error)?.message ?? error}`, url);
        },
      )
      .then(
        ({data, url: final}) => {
          if (abort.signal.aborted) return;
          this._abort = undefined;
          this._accept(data, final);
        },
        (error: unknown) => {
          if (abort.signal.aborted) return; // a newer source, or a disconnect: nothing to report
          this._abort = undefined;
          this.fail(error instanceof NewsError ? error : new NewsError('network', String(error), url));
        },
      );
  }

  private _accept(input: unknown, base: string | undefined): void {
    const {value, problems} = this.options.parse(input, base);
    this._warn(problems);
    if (value === undefined) {
      const fatal = problems.find((p) => p.severity === 'error') ?? {path: '$', message: 'unusable data'};
      return this.fail(new NewsError('invalid', `Invalid data: ${fatal.message}`, base, undefined, fatal.path));
    }
    // On the server nothing is awaited: renderArticle has loaded the strings, and Markdown renders there
    // without the browser's renderer.
    this._when(isServer ? [] : [stringsReady(this.lang(value)), this.options.ready?.(value)], () => {
      this.value = value;
      this.base = base;
      this.error = undefined;
      this._set('ready');
      this._announce(newsEvent('news-load', {value, problems: problems.map(({path, message}) => ({path, message}))}));
    });
  }

  /**
   * Runs `show` once what it needs is at hand — at once when it is, else when `pending` settle (loaded or
   * not), unless the source changed meanwhile. Used for the UI strings of the data's language, so the
   * words around the data never flash in English first, and for what an element must load before it
   * shows its data.
   */
  private _when(pending: (Promise<unknown> | undefined)[], show: () => void): void {
    const waits = pending.filter((p) => p !== undefined);
    if (!waits.length) return show();
    const key = this._key;
    this.host._hold(Promise.allSettled(waits).then(() => this._key === key && show()));
  }

  private _warn(problems: Problem[]): void {
    let seen = warned.get(this.host);
    if (!seen) warned.set(this.host, (seen = new Set()));
    for (const problem of problems) {
      if (problem.severity !== 'warning' || seen.has(problem.message)) continue;
      seen.add(problem.message);
      console.warn(`<${this.host.localName}>: ${problem.message}`);
    }
  }

  /** Shows the error state and fires `news-error`. */
  fail(error: NewsError): void {
    this._when([stringsReady(this.lang(undefined))], () => this._fail(error));
  }

  private _fail(error: NewsError): void {
    this.value = undefined;
    this.error = error;
    this._set('error');
    const detail: NewsErrorDetail = {message: error.message, code: error.code};
    if (error.url) detail.url = error.url;
    if (error.path) detail.path = error.path;
    if (error.status) detail.status = error.status;
    this._announce(newsEvent('news-error', detail));
  }

  /**
   * Events go out once what they announce is on screen: a handler can read the rendered element, and a
   * partner's listener added in a later script still hears about data that was inline in the page.
   * A newer state makes an announcement stale; it is then dropped.
   */
  private _announce(event: CustomEvent): void {
    if (isServer) return;
    const value = this.value;
    const error = this.error;
    void this.host.updateComplete.then(() => {
      if (this.value === value && this.error === error) this.host.dispatchEvent(event);
    });
  }

  private _set(state: SourceState): void {
    this.state = state;
    if (state === 'loading') this.host.setAttribute('aria-busy', 'true');
    else this.host.removeAttribute('aria-busy');
    this.host.requestUpdate();
  }

  /** The language for UI strings: the element's `lang`, the data's, the article's or the page's, then English. */
  lang(value: T | undefined = this.value): string {
    const own = this.host.getAttribute('lang');
    // A server render sees no page around it: its UI language is the element's, the data's or the
    // article's, else English.
    return own || (value && this.options.langOf?.(value)) || this.host.hostLang || (isServer ? undefined : inheritedLang(this.host)) || 'en';
  }

  /** The UI strings in force; if they are still loading, English now and a new render when they arrive. */
  strings(): UiStrings {
    const lang = this.lang();
    const pending = stringsReady(lang);
    if (pending && pending !== this._awaited) {
      this._awaited = pending;
      this.host._hold(pending.then(() => this.host.requestUpdate()));
    }
    return uiStrings(lang, this.host.strings);
  }
  private _awaited?: Promise<void>;

  /** Loading and error states for every element; `ready` renders the data. */
  render(ready: (value: T) => TemplateResult | typeof nothing): TemplateResult | typeof nothing {
    switch (this.state) {
      case 'ready':
        return ready(this.value!);
      case 'loading': {
        // The box holds the space at once; its words appear in the reader's language, not English first.
        const {loading} = this.strings();
        const lang = this.lang();
        return html`<div part="loading" class="state loading" role="status" lang=${lang} dir=${direction(lang)}>
          ${stringsReady(lang) ? '' : loading}
        </div>`;
      }
      case 'error': {
        const s = this.strings();
        const detail = fill(s.errors[this.error!.code], {status: this.error!.status ?? ''});
        const lang = this.lang();
        return html`<div part="error" class="state error" role="alert" lang=${lang} dir=${direction(lang)}>
          <strong>${s.error}</strong> <span>${detail}</span>
        </div>`;
      }
      default:
        return nothing;
    }
  }
}
