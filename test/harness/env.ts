// Small helpers for tests: which engine runs this page, per-engine skips, and
// URLs of the misbehaving server in test/harness/net-server.mjs.

export type Engine = 'chromium' | 'firefox' | 'webkit';

/**
 * The engine under test, from the user agent. Order matters: Chromium's UA also
 * says "AppleWebKit" and "Safari". WebKitGTK's MiniBrowser says
 * "AppleWebKit/605.1.15 ... Safari/605.1.15" without "Chrome" or "Firefox".
 */
export function detectEngine(ua: string = navigator.userAgent): Engine {
  if (/\bFirefox\//.test(ua)) return 'firefox';
  if (/\b(?:HeadlessChrome|Chrome|Chromium)\//.test(ua)) return 'chromium';
  if (/\bAppleWebKit\//.test(ua)) return 'webkit';
  throw new Error(`unknown engine: ${ua}`);
}

export const engine: Engine = detectEngine();

/** `it` that is registered as skipped (shown as skipped) in the given engines. */
export function itExcept(engines: Engine[], title: string, fn: Mocha.AsyncFn): void {
  (engines.includes(engine) ? it.skip : it)(title, fn);
}

/** `it` that runs only in the given engines (skipped elsewhere). */
export function itOnlyIn(engines: Engine[], title: string, fn: Mocha.AsyncFn): void {
  (engines.includes(engine) ? it : it.skip)(title, fn);
}

/**
 * A key for /__net/count/<key> and /__net/aborted/<key>. All engines share one
 * server and run at the same time, so a fixed key would mix their counts.
 */
export function uniqueKey(label = 'k'): string {
  const rnd = Math.random().toString(36).slice(2, 10);
  return `${label}-${engine}-${Date.now().toString(36)}-${rnd}`;
}

/** Same-origin URLs of the test server's routes (see net-server.mjs for each). */
export const net = {
  json: (value: unknown, delayMs = 0) =>
    `/__net/json?body=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}` +
    (delayMs ? `&delay=${delayMs}` : ''),
  status: (code: number) => `/__net/status/${code}`,
  ctype: '/__net/ctype',
  invalidJson: '/__net/invalid-json',
  invalidUtf8: '/__net/invalid-utf8',
  hang: '/__net/hang',
  trickle: (totalMs: number, chunks = 10) => `/__net/trickle?ms=${totalMs}&chunks=${chunks}`,
  reset: '/__net/reset',
  big: (mb: number, chunked = false) => `/__net/big?mb=${mb}${chunked ? '&chunked=1' : ''}`,
  redirectLoop: '/__net/redirect-loop',
  fixture: (name: string, delayMs = 0) => `/__net/fixture/${encodeURIComponent(name)}${delayMs ? `?delay=${delayMs}` : ''}`,
  countArticle: (key: string) => `/__net/count/${encodeURIComponent(key)}/article`,
  countHits: (key: string) => `/__net/count/${encodeURIComponent(key)}/hits`,
  aborted: (key: string) => `/__net/aborted/${encodeURIComponent(key)}`,
  abortedStatus: (key: string) => `/__net/aborted/${encodeURIComponent(key)}/status`,
};

export interface Hits {
  hits: number;
  completed: number;
  aborted: number;
}

export async function getHits(key: string): Promise<Hits> {
  return (await fetch(net.countHits(key))).json();
}

export async function getAbortStatus(key: string): Promise<{ opened: boolean; closed: boolean }> {
  return (await fetch(net.abortedStatus(key))).json();
}

/** Base URL (another origin) of the second server; its /json has no CORS header, /json-cors has `*`. */
export async function crossOrigin(): Promise<string> {
  return ((await (await fetch('/__net/cross-origin-url')).json()) as { url: string }).url;
}

/** Polls `check` until it returns true or `timeoutMs` passes; returns the last result. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 3000, stepMs = 25): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
