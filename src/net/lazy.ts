/**
 * The fetch code behind `src` (./load.ts), loaded the first time an element is given a `src`. An app
 * that imports one element from npm and gives it data by property never downloads it: its bundler
 * splits this import() off. The CDN build, where most pages use `src`, puts ./load.ts in the entry
 * instead (scripts/cdn.mjs swaps this module for ./eager.ts), so no page waits for a second file.
 */
import type * as net from './load.js';

export type Net = Pick<typeof net, 'load' | 'DEFAULT_TIMEOUT' | 'DEFAULT_MAX_BYTES'>;

export const loader = (): Promise<Net> => import('./load.js');
