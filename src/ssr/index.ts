/**
 * news-elements/ssr (Node ≥ 20): articles as server-rendered HTML that the browser script hydrates.
 * See README, "Server rendering".
 */
export {renderArticle, styleHashes, validate, type RenderArticleOptions} from './render-article.js';
export {markdownToHtml} from '../markdown/server.js';
