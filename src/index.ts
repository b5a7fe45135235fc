/**
 * news-elements: every element registered, plus the contract's types and helpers.
 * Import single elements (`news-elements/photo-caption.js`) to get only what you use.
 */
export {NewsArticle} from './news-article.js';
export {NewsBody} from './news-body.js';
export {NewsByline} from './news-byline.js';
export {PhotoCaption} from './photo-caption.js';
export {RelatedNews} from './related-news.js';
export {parseArticle, parsePhoto, parseRelated, parseAuthors, parseByline} from './model/parse.js';
export {safeUrl} from './model/safe-url.js';
export {NewsError} from './events.js';
export type {NewsErrorDetail, NewsLoadDetail, NewsErrorEvent, NewsLoadEvent} from './events.js';
export type {Article, Author, Byline, Continuation, Photo, Problem, Publisher, RelatedItem} from './model/types.js';
export {VERSION} from './define.js';
