/**
 * The JSON contract, defined once. Types are inferred from these schemas (see `types.ts`) and
 * `dist/article.schema.json` is generated from them at build time (`scripts/build-schema.mjs`).
 */
import * as v from 'valibot';
import {isSafeUrl} from './safe-url.js';

const text = v.string();

/** A URL that passes {@link isSafeUrl}: http(s), mailto, tel or relative. */
export const Url = v.pipe(
  v.string(),
  v.check(isSafeUrl, 'URL must be http(s), mailto, tel or relative'),
  v.metadata({format: 'uri-reference'}),
);

// ISO 8601 date or date-time, with an optional offset; must also be a real date.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
export const IsoDate = v.pipe(
  v.string(),
  v.check((s) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date'),
  v.metadata({format: 'date-time'}),
);

const isLanguageTag = (s: string): boolean => {
  try {
    return Intl.getCanonicalLocales(s).length === 1;
  } catch {
    return false;
  }
};
export const LanguageTag = v.pipe(v.string(), v.check(isLanguageTag, 'expected a BCP 47 language tag'));

/** `srcset`: every candidate URL must pass the same allowlist. */
const Srcset = v.pipe(
  v.string(),
  v.check(
    (s) => s.split(',').every((candidate) => isSafeUrl(candidate.trim().split(/\s+/)[0] ?? '')),
    'every srcset URL must be http(s) or relative',
  ),
);

const dimension = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000));

export const PhotoSchema = v.object({
  src: Url,
  /** Required for accessibility; `""` marks a decorative image. A missing `alt` is warned about. */
  alt: v.optional(text),
  caption: v.optional(text),
  credit: v.optional(text),
  width: v.optional(dimension),
  height: v.optional(dimension),
  srcset: v.optional(Srcset),
  sizes: v.optional(text),
});

export const AuthorSchema = v.union([
  v.pipe(text, v.nonEmpty('an author needs a name')),
  v.object({
    name: v.pipe(text, v.nonEmpty('an author needs a name')),
    role: v.optional(text),
    url: v.optional(Url),
  }),
]);

export const RelatedItemSchema = v.pipe(
  v.object({
    headline: v.optional(text),
    summary: v.optional(text),
    url: v.optional(Url),
    image: v.optional(PhotoSchema),
    datePublished: v.optional(IsoDate),
  }),
  v.check((item) => !!(item.headline || item.summary), 'a related item needs a headline or a summary'),
);

export const ContinuationSchema = v.pipe(
  v.object({
    /** The jump line as printed, e.g. "(下转第三版)". */
    text: v.optional(v.pipe(text, v.nonEmpty())),
    /** Or just the page it continues on: the words come from the reader's language. */
    page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9999))),
    href: v.optional(Url),
  }),
  v.check((c) => !!(c.text || c.page), 'a continuation needs text or a page number'),
);

export const PublisherSchema = v.object({
  name: v.pipe(text, v.nonEmpty()),
  url: v.optional(Url),
  logo: v.optional(PhotoSchema),
  tagline: v.optional(text),
});

export const ArticleSchema = v.pipe(
  v.object({
    id: v.optional(text),
    url: v.optional(Url),
    lang: v.optional(LanguageTag),
    section: v.optional(text),
    headline: v.optional(text),
    authors: v.optional(v.array(AuthorSchema)),
    datePublished: v.optional(IsoDate),
    dateModified: v.optional(IsoDate),
    dateline: v.optional(text),
    image: v.optional(PhotoSchema),
    lead: v.optional(text),
    body: v.optional(text),
    continuation: v.optional(ContinuationSchema),
    related: v.optional(v.array(RelatedItemSchema)),
    publisher: v.optional(PublisherSchema),
  }),
  v.check((a) => !!(a.headline?.trim() || a.body?.trim()), 'an article needs a headline or a body'),
);

/** What `<news-byline>` shows; an Article fits it too. */
export const BylineSchema = v.object({
  lang: v.optional(LanguageTag),
  authors: v.optional(v.array(AuthorSchema)),
  datePublished: v.optional(IsoDate),
  dateModified: v.optional(IsoDate),
});

export const RelatedListSchema = v.array(RelatedItemSchema);
export const AuthorListSchema = v.array(AuthorSchema);
