import {LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import type {StringOverrides} from './i18n/locale.js';

/**
 * What every news element shares: where its data comes from (`src`, `timeout`), the words it adds
 * (`strings`), and how it looks (`theme`, `look`). Five elements need exactly these; the data property
 * and rendering stay in each element.
 */
export abstract class NewsElement extends LitElement {
  static version = '0.1.0';

  /** URL of the JSON to fetch. A new `src` or a disconnect aborts the old request; the latest wins. */
  @property() src?: string;

  /** Milliseconds before a `src` request gives up (default 10000). */
  @property({type: Number}) timeout?: number;

  /** UI strings for this element only, e.g. `{related: 'More from Porthaven'}`; see also `setStrings()`. */
  @property({attribute: false}) strings?: StringOverrides;

  /** `light`, `dark`, or `auto` (the default: follows the reader's `prefers-color-scheme`). */
  @property({reflect: true}) theme?: 'light' | 'dark' | 'auto';

  /** `print`: serif type, indented paragraphs and rules between sections, like the newspaper page. */
  @property({reflect: true}) look?: 'print';
}
