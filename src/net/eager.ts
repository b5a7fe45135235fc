/**
 * ./lazy.ts for the CDN build (scripts/cdn.mjs puts this module in its place): the fetch code is in the
 * entry file already, so a page with `<news-article src>` starts its request at once.
 */
import {DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, load} from './load.js';
import type {Net} from './lazy.js';

export const loader = (): Promise<Net> => Promise.resolve({load, DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES});
