/**
 * dist/cdn/news-elements-hydrate.js, the script for server-rendered articles (`news-elements render
 * --script …/news-elements-hydrate.js`): their text and photos are on screen already, so the elements
 * (news-elements.js, from the same folder) load when the browser is first idle, within a second, rather
 * than while it paints the page. Waking the articles up then never delays the page's largest paint.
 */
const idle: (run: () => void, options: {timeout: number}) => unknown =
  globalThis.requestIdleCallback ?? ((run) => requestAnimationFrame(() => setTimeout(run)));

idle(() => void import(new URL('./news-elements.js', import.meta.url).href), {timeout: 1000});
