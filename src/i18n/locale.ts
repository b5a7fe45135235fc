import {en, type UiStrings} from './strings.js';

/**
 * The languages shipped with the package besides English, each a small module loaded with `import()`
 * the first time an element needs it: a page pays only for the languages it shows.
 */
const LOADERS: Record<string, () => Promise<{default: UiStrings}>> = {
  'zh-CN': () => import('./zh-CN.js'),
  'zh-TW': () => import('./zh-TW.js'),
  ja: () => import('./ja.js'),
  ar: () => import('./ar.js'),
};
const loaded: Record<string, UiStrings> = Object.assign(Object.create(null) as Record<string, UiStrings>, {en});
const loading: Record<string, Promise<void>> = Object.create(null);

const TRADITIONAL = /^zh-(?:hant|tw|hk|mo)\b/i;
const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** UI strings a partner may override: any string, per locale or per element. */
export type StringOverrides = Partial<Omit<UiStrings, 'errors' | 'roles'>> & {
  errors?: Partial<UiStrings['errors']>;
  roles?: Partial<UiStrings['roles']>;
};

const overrides: Record<string, StringOverrides> = Object.create(null);

// Own keys only: a `lang` of "constructor" or "__proto__" must not find Object.prototype's members.
const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
const known = (locale: string): boolean => has(LOADERS, locale) || has(loaded, locale) || has(overrides, locale);

/**
 * Which locale's strings serve a BCP 47 tag, falling back along its subtags: `zh-Hant-HK` → zh-TW,
 * `zh` → zh-CN, `pt-BR` → pt (if a partner added it with {@link setStrings}) → en.
 */
export function catalogLocale(lang: string | undefined): string {
  if (!lang) return 'en';
  if (known(lang)) return lang;
  const subtags = lang.split('-');
  const language = subtags[0]!.toLowerCase();
  if (language === 'zh') return TRADITIONAL.test(lang) ? 'zh-TW' : 'zh-CN';
  for (let n = subtags.length - 1; n > 0; n--) {
    const candidate = [language, ...subtags.slice(1, n)].join('-');
    if (known(candidate)) return candidate;
  }
  return 'en';
}

/** The string-valued entries of a partner's override (anything else is ignored, never rendered). */
const stringsOf = (value: unknown): Record<string, string> =>
  value && typeof value === 'object'
    ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : {};

function merge(base: UiStrings, extra: StringOverrides | undefined): UiStrings {
  if (!extra || typeof extra !== 'object') return base;
  return {
    ...base,
    ...stringsOf(extra),
    errors: {...base.errors, ...stringsOf(extra.errors)},
    roles: {...base.roles, ...stringsOf(extra.roles)},
  };
}

/**
 * Overrides UI strings for every element on the page, for one locale (`'zh-CN'`, `'en'`, or a new one
 * such as `'fr'`, which then starts from English).
 */
export function setStrings(locale: string, strings: StringOverrides): void {
  if (locale === '__proto__') return;
  overrides[locale] = {...(has(overrides, locale) ? overrides[locale] : {}), ...strings};
}

/**
 * `undefined` when the strings for `lang` are at hand; otherwise a promise that settles once they are
 * (or once loading them failed, and English stands in, with a warning).
 */
export function stringsReady(lang: string | undefined): Promise<void> | undefined {
  const locale = catalogLocale(lang);
  if (has(loaded, locale) || !has(LOADERS, locale)) return undefined;
  return (loading[locale] ??= LOADERS[locale]!().then(
    (module) => void (loaded[locale] = module.default),
    (error: unknown) => {
      console.warn(`news-elements: the ${locale} strings could not be loaded (${String(error)}); showing English`);
      loaded[locale] = en;
    },
  ));
}

/**
 * The strings for a language: catalog, then page-wide overrides, then the element's own. English
 * stands in for a language still loading ({@link stringsReady}).
 */
export function uiStrings(lang: string | undefined, own?: StringOverrides): UiStrings {
  const locale = catalogLocale(lang);
  const base = has(loaded, locale) ? loaded[locale]! : en;
  return merge(merge(base, has(overrides, locale) ? overrides[locale] : undefined), own);
}

const HANZI = '〇一二三四五六七八九';
/** 3 → 三, 12 → 十二, 20 → 二十, 105 → 一〇五: how Chinese papers number their pages. */
function hanzi(n: number): string {
  if (n >= 10 && n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens > 1 ? HANZI[tens] : ''}十${n % 10 ? HANZI[n % 10] : ''}`;
  }
  return String(n).replace(/\d/g, (d) => HANZI[Number(d)]!);
}

/** A page number as the language writes it on a jump line. */
export function pageNumber(page: number, lang: string): string {
  if (/^zh\b/i.test(lang)) return hanzi(page);
  try {
    return new Intl.NumberFormat(lang, {useGrouping: false}).format(page);
  } catch {
    return String(page);
  }
}

/** `rtl` for languages written right to left. */
export const direction = (lang: string | undefined): 'ltr' | 'rtl' =>
  lang && RTL.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';

/** The `lang` in force where `node` stands, crossing shadow roots; `undefined` when none is set. */
export function inheritedLang(node: Node): string | undefined {
  for (let n: Node | null = node; n; ) {
    if (n instanceof Element && n.hasAttribute('lang')) return n.getAttribute('lang') || undefined;
    n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
  }
  return undefined;
}

/** `{status}` style placeholders. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const OFFSET = /(?:Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * A date in the reader's language, in the offset the data gives, so that a story dated 08:00 in Beijing
 * reads 08:00 everywhere, on every server and in every browser: the instant is moved by the offset and
 * formatted as UTC (engines disagree on offset time zones: Node 20 has none). A time without an offset
 * is shown as written, and a date-only value stays on its calendar day.
 */
export function formatDate(iso: string, lang: string): string {
  const dateOnly = DATE_ONLY.test(iso);
  const offset = OFFSET.exec(iso);
  const date = new Date(dateOnly || offset ? iso : `${iso.replace(' ', 'T')}Z`);
  const minutes = offset?.[1] ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  try {
    return formatter(lang, dateOnly).format(new Date(date.getTime() + minutes * 60_000));
  } catch {
    return iso;
  }
}

/**
 * Intl formatters are costly to make (a list of 1000 dated teasers made 1000; every byline made a list
 * formatter): one per language and options, kept in a small cache (languages, offsets come from the data).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.ListFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) {
    made = make();
    if (formatters.size >= 64) formatters.clear();
    formatters.set(key, made);
  }
  return made;
}

const formatter = (lang: string, dateOnly: boolean): Intl.DateTimeFormat =>
  cached(`date ${lang} ${dateOnly}`, () => new Intl.DateTimeFormat(lang, {dateStyle: 'long', ...(dateOnly ? {} : {timeStyle: 'short'}), timeZone: 'UTC'}));

/** "A, B and C" in `lang`; Chinese and Japanese enumerate with 、 and no "and" (the narrow style). */
export const listFormat = (lang: string): Intl.ListFormat => {
  const style = /^(?:zh|ja)\b/i.test(lang) ? 'narrow' : 'long';
  return cached(`list ${lang} ${style}`, () => new Intl.ListFormat(lang, {type: 'conjunction', style}));
};
