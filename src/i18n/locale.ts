import {catalog, type UiStrings} from './strings.js';

const TRADITIONAL = /^zh-(?:hant|tw|hk|mo)\b/i;
const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Which catalog serves a BCP 47 tag: `zh-Hant-HK` → zh-TW, `zh` → zh-CN, `pt-BR` → en. */
export function catalogLocale(lang: string | undefined): string {
  if (!lang) return 'en';
  if (catalog[lang]) return lang;
  const language = lang.split('-')[0]!.toLowerCase();
  if (language === 'zh') return TRADITIONAL.test(lang) ? 'zh-TW' : 'zh-CN';
  return catalog[language] ? language : 'en';
}

export const uiStrings = (lang: string | undefined): UiStrings => catalog[catalogLocale(lang)]!;

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
const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A date in the reader's language, in the time zone the data gives (its offset), so that a story dated
 * 08:00 in Beijing reads 08:00 everywhere. Date-only values stay on their calendar day.
 */
export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  const offset = OFFSET.exec(iso)?.[1];
  const dateOnly = DATE_ONLY.test(iso);
  const options: Intl.DateTimeFormatOptions = dateOnly
    ? {dateStyle: 'long', timeZone: 'UTC'}
    : {dateStyle: 'long', timeStyle: 'short'};
  if (!dateOnly && offset) {
    const zone = offset === 'Z' ? 'UTC' : offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset;
    try {
      return new Intl.DateTimeFormat(lang, {...options, timeZone: zone}).format(date);
    } catch {
      // Engines without offset time zones fall through to the reader's own zone.
    }
  }
  try {
    return new Intl.DateTimeFormat(lang, options).format(date);
  } catch {
    return iso;
  }
}
