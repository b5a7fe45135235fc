/**
 * Relative URLs in data fetched from `src` are relative to that data, not to the partner's page: a
 * publisher's `"image": {"src": "photos/1.jpg"}` must load from the publisher.
 */
const URL_KEYS = new Set(['src', 'url', 'href']);

const absolute = (url: string, base: string): string => {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
};

/** Rewrites every URL field of validated data in place against `base`. */
export function rebase<T>(value: T, base: string | undefined): T {
  if (!base || value === null || typeof value !== 'object') return value;
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' && URL_KEYS.has(key)) {
      (value as Record<string, unknown>)[key] = absolute(field, base);
    } else if (typeof field === 'string' && key === 'srcset') {
      (value as Record<string, unknown>)[key] = field
        .split(',')
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [absolute(url, base), ...descriptor].join(' ');
        })
        .join(', ');
    } else {
      rebase(field, base);
    }
  }
  return value;
}
