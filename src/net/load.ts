/**
 * Fetching the JSON (or Markdown) behind a `src` attribute: abortable, with a timeout, a streamed size
 * cap, strict content-type and UTF-8 checks, and one shared request for elements that ask for the same URL
 * at the same time.
 */
import {NewsError} from '../events.js';

export interface LoadOptions {
  /** Aborts this caller's wait; the request itself stops when no caller waits any more. */
  signal?: AbortSignal;
  /** Milliseconds before this caller gives up. */
  timeout?: number;
  /** Bytes; the body is streamed and cut off past this. */
  maxBytes?: number;
  /** Accept `text/markdown` and `text/plain` as well as JSON (for `<news-body src>`). */
  markdown?: boolean;
}

export interface Loaded {
  /** Parsed JSON, or a string for a Markdown response. */
  data: unknown;
  /** The final URL after redirects: the base for relative URLs in the data. */
  url: string;
}

export const DEFAULT_TIMEOUT = 10_000;
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;
const TEXT_TYPE = /^text\/(?:markdown|x-markdown|plain)$/i;

interface Request {
  promise: Promise<Loaded>;
  controller: AbortController;
  waiting: number;
}
const inFlight = new Map<string, Request>();

async function request(url: string, signal: AbortSignal, maxBytes: number, markdown: boolean): Promise<Loaded> {
  let response: Response;
  try {
    response = await fetch(url, {signal, headers: {accept: 'application/json, text/markdown;q=0.9'}});
  } catch (error) {
    if (signal.aborted) throw error;
    throw new NewsError('network', `Network error loading ${url} (offline, refused, redirect loop or blocked by CORS)`, url);
  }
  const where = response.url || url;
  if (response.status === 204 || response.status === 205) {
    throw new NewsError('empty', `HTTP ${response.status}: ${where} returned no content`, where, response.status);
  }
  if (!response.ok) {
    throw new NewsError('http', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: ${where}`, where, response.status);
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const isText = markdown && TEXT_TYPE.test(type);
  if (!JSON_TYPE.test(type) && !isText) {
    throw new NewsError('content-type', `Expected JSON from ${where}, got ${type || 'no content type'}`, where, response.status);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    throw new NewsError('too-large', `Response from ${where} is ${declared} bytes, over the ${maxBytes}-byte cap`, where);
  }
  const bytes = await readCapped(response, maxBytes, where);
  if (bytes.length === 0) throw new NewsError('empty', `Empty response from ${where}`, where, response.status);
  let text: string;
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch {
    throw new NewsError('json', `Response from ${where} is not valid UTF-8`, where);
  }
  if (isText) return {data: text, url: where};
  try {
    return {data: JSON.parse(text), url: where};
  } catch (error) {
    throw new NewsError('json', `Invalid JSON from ${where}: ${(error as Error).message}`, where);
  }
}

async function readCapped(response: Response, maxBytes: number, where: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        void reader.cancel().catch(() => {});
        throw new NewsError('too-large', `Response from ${where} is over the ${maxBytes}-byte cap`, where);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof NewsError || (error as Error).name === 'AbortError') throw error;
    throw new NewsError('network', `Connection lost while reading ${where}`, where);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Loads `url`. Callers that ask for the same URL while a request is under way share it. Rejects with a
 * {@link NewsError}, or with an `AbortError` when `signal` aborts (not an error to report).
 */
export function load(url: string, options: LoadOptions = {}): Promise<Loaded> {
  const {signal, timeout = DEFAULT_TIMEOUT, maxBytes = DEFAULT_MAX_BYTES, markdown = false} = options;
  const key = `${markdown ? 'md' : 'json'} ${maxBytes} ${url}`;
  if (signal?.aborted) return Promise.reject(signal.reason);
  let shared = inFlight.get(key);
  if (!shared) {
    const controller = new AbortController();
    const entry: Request = {controller, waiting: 0, promise: request(url, controller.signal, maxBytes, markdown)};
    shared = entry;
    inFlight.set(key, entry);
    const forget = () => inFlight.get(key) === entry && inFlight.delete(key);
    entry.promise.then(forget, () => {
      forget();
      // A refused response (status, content type, declared size) still has its body open: hang up, or the
      // browser keeps downloading it and holds one of the page's few connections to that host.
      controller.abort();
    });
  }
  const entry = shared;
  entry.waiting++;
  return new Promise<Loaded>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (finish: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (--entry.waiting === 0 && inFlight.get(key) === entry) {
        // Nobody waits any more: stop the download, and let a later caller start afresh.
        inFlight.delete(key);
        entry.controller.abort();
      }
      finish();
    };
    let settled = false;
    const once = (finish: () => void) => {
      if (!settled) {
        settled = true;
        settle(finish);
      }
    };
    const onAbort = () => once(() => reject(signal!.reason));
    signal?.addEventListener('abort', onAbort, {once: true});
    if (timeout > 0 && Number.isFinite(timeout)) {
      timer = setTimeout(
        () => once(() => reject(new NewsError('timeout', `Timed out after ${timeout} ms loading ${url}`, url))),
        timeout,
      );
    }
    entry.promise.then(
      (loaded) => once(() => resolve(loaded)),
      (error) => once(() => reject(error)),
    );
  });
}
