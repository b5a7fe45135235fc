/**
 * The events every element fires. Both bubble and cross shadow roots (`composed`), so a partner can
 * listen once on `document`.
 */
import type {ErrorCode} from './i18n/strings.js';

/** A failure with a specific English `message` (for logs) and a `code` that picks the localized text. */
export class NewsError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly url?: string,
    readonly status?: number,
    /** JSON path of the problem in the data, for contract errors. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'NewsError';
  }
}

export interface NewsErrorDetail {
  message: string;
  code: ErrorCode;
  url?: string;
  path?: string;
  status?: number;
}

export interface NewsLoadDetail<T = unknown> {
  /** The validated data now shown: an Article for `<news-article>`, a Photo for `<photo-caption>` … */
  value: T;
  /** Parts that were dropped, each with its JSON path. */
  problems: {path: string; message: string}[];
}

export type NewsErrorEvent = CustomEvent<NewsErrorDetail>;
export type NewsLoadEvent<T = unknown> = CustomEvent<NewsLoadDetail<T>>;

export const newsEvent = <T>(type: 'news-load' | 'news-error', detail: T): CustomEvent<T> =>
  new CustomEvent(type, {detail, bubbles: true, composed: true});

declare global {
  interface GlobalEventHandlersEventMap {
    'news-load': NewsLoadEvent;
    'news-error': NewsErrorEvent;
  }
}
