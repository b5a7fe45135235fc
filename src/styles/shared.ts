import {css} from 'lit';

/**
 * Private values derived from the public `--news-*` tokens. Public tokens are only ever read, with a
 * fallback, never declared on `:host`, so a single `:root { --news-… }` rule on the partner's page themes
 * every element, and an unthemed page still looks right.
 */
export const tokens = css`
  :host {
    --_font: var(--news-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans',
      'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei',
      'Hiragino Sans', 'Noto Sans CJK JP', 'Noto Sans Arabic', sans-serif);
    --_text: var(--news-text-color, inherit);
    --_muted: var(--news-muted-color, #5c5c5c);
    --_accent: var(--news-accent-color, #0b5cad);
    --_border: var(--news-border-color, #d6d6d6);
    --_placeholder: var(--news-placeholder-color, #e8e8e8);
    --_error: var(--news-error-color, #a40e26);
    --_space: var(--news-spacing, 1rem);
    --_radius: var(--news-radius, 4px);
    box-sizing: border-box;
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :host(:lang(zh)),
  :host(:lang(ja)),
  :host(:lang(ko)) {
    line-height: var(--news-line-height-cjk, 1.8);
    line-break: strict;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .state {
    padding: var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }
  .loading {
    min-block-size: var(--news-loading-min-height, 12rem);
    color: var(--_muted);
  }
  .error {
    color: var(--_error);
    border-color: currentColor;
  }
  @media (forced-colors: active) {
    .state,
    .error {
      border-color: CanvasText;
    }
    a:focus-visible {
      outline-color: Highlight;
    }
  }
`;
