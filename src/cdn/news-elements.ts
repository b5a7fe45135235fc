/**
 * dist/cdn/news-elements.js, the CDN bundle (scripts/cdn.mjs): the package's root, and what the hydration
 * chunk (chunks/hydrate.js) takes from this file's copy of Lit, so that a page has one Lit.
 */
export * from '../index.js';
export {_$LH, adoptStyles, noChange, ReactiveElement, supportsAdoptingStyleSheets} from 'lit';
