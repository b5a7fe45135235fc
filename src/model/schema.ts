/**
 * The JSON contract, defined once. The TypeScript types are inferred from these descriptions
 * (`types.ts`), `parse.ts` validates against them at run time, and `dist/article.schema.json` is
 * generated from them at build time (`scripts/build-schema.mjs`).
 *
 * A description is plain data, a few bytes per field, because it ships to every page that shows an
 * article (a validation library cost 3 KB of the embed's budget; this costs a tenth of that).
 */
import {isSafeUrl} from './safe-url.js';

/** A string; `rule` (with `why`, its message) is checked in code, `format` goes to the JSON Schema. */
export interface Str {
  k: 's';
  /** At least one character. */
  min?: 1;
  rule?: (value: string) => boolean;
  why?: string;
  format?: string;
}
/** An integer from `min` to `max`. */
export interface Int {
  k: 'i';
  min: number;
  max: number;
}
export interface Arr<I extends Node = Node> {
  k: 'a';
  of: I;
}
export interface Obj<P extends Record<string, Node> = Record<string, Node>, R extends string = string> {
  k: 'o';
  /** The name of its `$defs` entry in the JSON Schema. */
  name?: string;
  props: P;
  required: readonly R[];
  /** At least one of these fields must be there and non-empty (`trim`: not only whitespace). */
  need?: readonly (keyof P & string)[];
  trim?: boolean;
  /**
   * Optional fields whose problem drops the whole object instead of the field (`true`: every field).
   * A teaser whose link we refuse is dropped whole: the link may be the attack, and a teaser that no
   * longer goes where it said is misleading.
   */
  vital?: readonly (keyof P & string)[] | true;
}
/** The first option that fits. */
export interface OneOf<O extends readonly Node[] = readonly Node[]> {
  k: 'u';
  name?: string;
  of: O;
}
export type Node = Str | Int | Arr | Obj | OneOf;

/** The value a description accepts. */
export type Infer<N> = N extends Str
  ? string
  : N extends Int
    ? number
    : N extends Arr<infer I>
      ? Infer<I>[]
      : N extends OneOf<infer O>
        ? Infer<O[number]>
        : N extends Obj<infer P, infer R>
          ? Flat<{[K in R & keyof P]: Infer<P[K]>} & {[K in Exclude<keyof P, R>]?: Infer<P[K]>}>
          : never;
type Flat<T> = {[K in keyof T]: T[K]};

const obj = <P extends Record<string, Node>, R extends string & keyof P = never>(
  props: P,
  required: readonly R[] = [],
  more: Partial<Pick<Obj<P, R>, 'name' | 'need' | 'trim' | 'vital'>> = {},
): Obj<P, R> => ({k: 'o', props, required, ...more});
const arr = <I extends Node>(of: I): Arr<I> => ({k: 'a', of});
const str = (rule?: (value: string) => boolean, why?: string, format?: string): Str => ({k: 's', rule, why, format});
const int = (min: number, max: number): Int => ({k: 'i', min, max});

const text = /* @__PURE__ */ str();
const name: Str = {k: 's', min: 1};

/** A URL that passes {@link isSafeUrl}: http(s), mailto, tel or relative. */
export const Url = /* @__PURE__ */ str(isSafeUrl, 'URL must be http(s), mailto, tel or relative', 'uri-reference');

// ISO 8601 date or date-time, with an optional offset; must also be a real date.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
export const IsoDate = /* @__PURE__ */ str((s) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date', 'date-time');

export const LanguageTag = /* @__PURE__ */ str((s) => {
  try {
    return Intl.getCanonicalLocales(s).length === 1;
  } catch {
    return false;
  }
}, 'expected a BCP 47 language tag');

/** `srcset`: every candidate URL must pass the same allowlist. */
const Srcset = /* @__PURE__ */ str(
  (s) => s.split(',').every((candidate) => isSafeUrl(candidate.trim().split(/\s+/)[0] ?? '')),
  'every srcset URL must be http(s) or relative',
);

const dimension = /* @__PURE__ */ int(1, 100_000);

export const PhotoSchema = /* @__PURE__ */ obj(
  {
    src: Url,
    /** Required for accessibility; `""` marks a decorative image. A missing `alt` is warned about. */
    alt: text,
    caption: text,
    credit: text,
    width: dimension,
    height: dimension,
    srcset: Srcset,
    sizes: text,
  },
  ['src'],
  {name: 'Photo'},
);

export const AuthorSchema: OneOf<readonly [Str, Obj<{name: Str; role: Str; url: Str}, 'name'>]> = {
  k: 'u',
  name: 'Author',
  of: [name, obj({name, role: text, url: Url}, ['name'], {vital: true})],
};

export const RelatedItemSchema = /* @__PURE__ */ obj(
  {headline: text, summary: text, url: Url, image: PhotoSchema, datePublished: IsoDate},
  [],
  {name: 'RelatedItem', need: ['headline', 'summary'], vital: ['url']},
);

export const ContinuationSchema = /* @__PURE__ */ obj(
  {
    /** The jump line as printed, e.g. "(下转第三版)". */
    text: name,
    /** Or just the page it continues on: the words come from the reader's language. */
    page: int(1, 9999),
    href: Url,
  },
  [],
  {name: 'Continuation', need: ['text', 'page']},
);

export const PublisherSchema = /* @__PURE__ */ obj({name, url: Url, logo: PhotoSchema, tagline: text}, ['name'], {name: 'Publisher'});

const authors = /* @__PURE__ */ arr(AuthorSchema);

export const ArticleSchema = /* @__PURE__ */ obj(
  {
    id: text,
    url: Url,
    lang: LanguageTag,
    section: text,
    headline: text,
    authors,
    datePublished: IsoDate,
    dateModified: IsoDate,
    dateline: text,
    image: PhotoSchema,
    lead: text,
    body: text,
    continuation: ContinuationSchema,
    related: arr(RelatedItemSchema),
    publisher: PublisherSchema,
  },
  [],
  {need: ['headline', 'body'], trim: true},
);

/** What `<news-byline>` shows; an Article fits it too. */
export const BylineSchema = /* @__PURE__ */ obj({lang: LanguageTag, authors, datePublished: IsoDate, dateModified: IsoDate});

export const RelatedListSchema = /* @__PURE__ */ arr(RelatedItemSchema);
export const AuthorListSchema = authors;
