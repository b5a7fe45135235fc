import type {
  ArticleSchema,
  AuthorSchema,
  BylineSchema,
  ContinuationSchema,
  PhotoSchema,
  PublisherSchema,
  RelatedItemSchema,
  Infer,
} from './schema.js';

/** A news article: the JSON contract. */
export type Article = Infer<typeof ArticleSchema>;
/** A photo with its caption and credit. */
export type Photo = Infer<typeof PhotoSchema>;
/** An author: a name, or a name with a role and a link. */
export type Author = Infer<typeof AuthorSchema>;
/** Authors and dates. */
export type Byline = Infer<typeof BylineSchema>;
/** A teaser for another story. */
export type RelatedItem = Infer<typeof RelatedItemSchema>;
/** The print jump line, e.g. "(下转第三版)". */
export type Continuation = Infer<typeof ContinuationSchema>;
/** Who published the article. */
export type Publisher = Infer<typeof PublisherSchema>;

/** One thing wrong with the input, with the JSON path where it was found (e.g. `$.related[2].url`). */
export interface Problem {
  path: string;
  message: string;
  /** `error`: the input cannot be rendered. `warning`: a part was dropped and the rest rendered. */
  severity: 'error' | 'warning';
}

export interface ParseResult<T> {
  /** The validated value, or `undefined` when a problem is an error. */
  value: T | undefined;
  problems: Problem[];
}
