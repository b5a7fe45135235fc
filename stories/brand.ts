/** The CSS a partner writes to put the article in its own brand: custom properties and parts only. */
export const brandCss = `/* One rule themes every element on the page: tokens are read, never declared inside. */
news-article {
  --news-font-family: Georgia, 'Noto Serif CJK SC', serif;
  --news-headline-font-family: 'Trebuchet MS', 'Noto Sans CJK SC', sans-serif;
  --news-accent-color: #8a1538;
  --news-kicker-color: #8a1538;
  --news-text-color: #222222;
  --news-muted-color: #555555;
  --news-background: #fbf7ef;
  --news-border-color: #d9c9a8;
  --news-radius: 0;
  --news-spacing: 1.25rem;
  --news-max-width: 46rem;
}
/* Parts: the pieces a brand restyles beyond tokens. */
news-article::part(headline) {
  letter-spacing: -0.01em;
  border-block-end: 3px solid #8a1538;
  padding-block-end: 0.25em;
}
news-article::part(kicker) {
  font-variant: small-caps;
  text-transform: none;
}
news-article::part(caption) {
  font-style: italic;
}
news-article::part(related-link) {
  text-decoration: none;
}
news-article::part(footer) {
  border-block-start-width: 3px;
}`;
