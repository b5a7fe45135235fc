// Demo only: what a partner might log. Both events bubble out of the shadow roots, so one listener on
// `document` hears every element on the page.
import type {NewsErrorEvent, NewsLoadEvent} from '../src/index.js';

const label = (event: Event) => {
  const el = event.target as Element;
  const src = el.getAttribute('src');
  return `<${el.localName}${src ? ` src="${src}"` : ''}>`;
};

document.addEventListener('news-load', (event: NewsLoadEvent) => {
  const {problems} = event.detail;
  console.info(`[demo] news-load ${label(event)}${problems.length ? ` (${problems.length} part(s) dropped)` : ''}`);
});

document.addEventListener('news-error', (event: NewsErrorEvent) => {
  const {code, message} = event.detail;
  // A warning, not an error: the broken-src embed is there on purpose.
  console.warn(`[demo] news-error ${label(event)} ${code}: ${message}`);
});
