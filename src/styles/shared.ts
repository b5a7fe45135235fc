import {css} from 'lit';

/**
 * Private values derived from the public `--news-*` tokens. Public tokens are only ever read, with a
 * fallback, never declared on `:host`, so a single `:root { --news-… }` rule on the partner's page themes
 * every element, and an unthemed page still looks right.
 *
 * The `--_d-*` values are the theme's defaults, each meeting WCAG AA contrast on its own background:
 * `light-dark(light, dark)`, picked by the host's `color-scheme` (inherited by the whole shadow tree):
 * light for `theme="light"`, dark for `theme="dark"`, and `light dark` — the reader's
 * `prefers-color-scheme` — for `auto` (no attribute). The same `color-scheme` gives form controls and
 * scrollbars the matching scheme.
 */
export const tokens = css`
  :host {
    --_d-text: light-dark(#1d1d1d, #ececec);
    --_d-muted: light-dark(#575757, #b4b4b4);
    --_d-accent: light-dark(#0a58a8, #8ec5ff);
    --_d-border: light-dark(#d4d4d4, #444444);
    --_d-placeholder: light-dark(#e6e6e6, #2c2c2c);
    --_d-error: light-dark(#a30d25, #ff9aa8);
    --_d-bg: light-dark(#ffffff, #151515);
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host {
    --_sans: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Hiragino Sans GB',
      'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'Hiragino Sans', 'Noto Sans CJK JP',
      'Noto Sans Arabic', sans-serif;
    --_font: var(--news-font-family, var(--_sans));
    --_text: var(--news-text-color, var(--_d-text));
    --_muted: var(--news-muted-color, var(--_d-muted));
    --_accent: var(--news-accent-color, var(--_d-accent));
    --_border: var(--news-border-color, var(--_d-border));
    --_placeholder: var(--news-placeholder-color, var(--_d-placeholder));
    --_error: var(--news-error-color, var(--_d-error));
    --_space: var(--news-spacing, 1rem);
    --_radius: var(--news-radius, 4px);
    --_indent: var(--news-paragraph-indent, 0);
    --_rules: 0;
    box-sizing: border-box;
    /* Long URLs and unbroken strings wrap instead of widening a narrow column. */
    overflow-wrap: anywhere;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--news-background, var(--_d-bg));
  }
  /* The print look: serif type, two-character paragraph indent, rules between sections. */
  :host([look='print']) {
    --_font: var(--news-font-family, 'Noto Serif', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC',
      'SimSun', 'Noto Serif CJK JP', 'Hiragino Mincho ProN', Georgia, serif);
    --_indent: var(--news-paragraph-indent, 2em);
    --_rules: 1;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* clreq/jlreq: generous leading, strict line breaking, CJK–Latin spacing where the engine has it. */
  :host(:lang(zh)),
  :host(:lang(ja)),
  :host(:lang(ko)) {
    line-height: var(--news-line-height-cjk, 1.8);
    line-break: strict;
    text-spacing-trim: normal;
    text-autospace: normal;
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
  /* The loading state holds exactly the space the token declares: none by default, as the page gave none
     to the element before its script came, so that the upgrade moves nothing below it. Its words stay in
     the box for assistive technology (role="status"). A partner who declares space shows the box. */
  .loading {
    box-sizing: border-box;
    block-size: var(--news-loading-min-height, 0px);
    overflow: hidden;
    padding: min(var(--_space), calc(var(--news-loading-min-height, 0px) / 4));
    border-width: min(1px, var(--news-loading-min-height, 0px));
    color: var(--_muted);
    animation: news-pulse 1.6s ease-in-out infinite;
  }
  /* A gentle pulse that keeps the text at AA contrast at every frame (0.85: 4.9:1 light, 6.7:1 dark). */
  @keyframes news-pulse {
    50% {
      opacity: 0.85;
    }
  }
  .error {
    color: var(--_error);
    border-color: currentColor;
  }
  @media (prefers-reduced-motion: reduce) {
    .loading {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    :host {
      background: Canvas;
      color: CanvasText;
    }
    .state,
    .error {
      border-color: CanvasText;
    }
    a {
      color: LinkText;
    }
    a:focus-visible {
      outline-color: Highlight;
    }
  }
`;
