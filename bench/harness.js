// In-page half of bench/run.mjs, loaded by the warm page and the memory page after the CDN bundle
// (dist/cdn/news-elements.js) has registered the elements. Every timing is taken here, with
// performance.now(), from just before the work to just after a forced layout.
//
// The static baseline ("the same, already-safe HTML put into the page and laid out"): the element is
// rendered once, its DOM — with every nested shadow root (news-article holds news-byline, photo-caption,
// two news-body and related-news, each with its own) — is serialized by getHTML({shadowRoots}) as
// declarative shadow DOM (<template shadowrootmode="open">), so the baseline has exactly the same shadow
// structure, parts and lang attributes. Lit's marker comments (<!--?lit$…$-->, <!---->) are removed: a
// static page would not have them. The baseline is parsed with setHTMLUnsafe() (innerHTML ignores
// declarative shadow roots; the parser work is the same), and each shadow root then adopts the very same
// CSSStyleSheet objects the element classes use (their `elementStyles`), so both sides match the same
// rules and neither re-parses CSS. In this page the tags are defined, so the baseline renames them
// (news-article → bench-news-article, …): otherwise they would upgrade into live elements. No style
// rule depends on those names at a 680px column (the one rule naming related-news applies only in
// containers ≥ 56rem).

// The Lit floor (a reference, no goal): the same DOM stamped by Lit elements that do nothing else: one
// class per tag (bench-floor-news-article, …), each rendering its shadow root's static HTML as a Lit
// template with no binding, with the same CSSStyleSheet objects. What is left is the cost of six Lit
// elements per article as such (upgrade, lifecycle, shadow root, template clone, Lit's root marker): the
// least any Lit design with this element structure could cost. lit-floor.js is lit's production build,
// bundled by bench/run.mjs (a second copy of Lit in the page, apart from the one in the CDN bundle).
import {LitElement, html as litHtml} from '/bench/lit-floor.js';

const TAGS = ['news-article', 'news-body', 'news-byline', 'photo-caption', 'related-news'];
const STATIC = TAGS.map((tag) => `bench-${tag}`);
const STATIC_SELECTOR = STATIC.join(',');

const col = document.getElementById('col');
const cases = new Map();
let sheets;

/** Lit templates of the floor, by the `data-floor` index its hosts carry. */
const floorTemplates = [];

export async function ready() {
  await Promise.all(TAGS.map((tag) => customElements.whenDefined(tag)));
  sheets = Object.fromEntries(
    TAGS.map((tag) => [`bench-${tag}`, customElements.get(tag).elementStyles.map((s) => s.styleSheet ?? s)]),
  );
  for (const tag of TAGS) {
    customElements.define(
      `bench-floor-${tag}`,
      class extends LitElement {
        static styles = sheets[`bench-${tag}`];
        render() {
          return floorTemplates[this.dataset.floor];
        }
      },
    );
  }
}

/** A Lit template of fixed HTML: Lit caches templates by their strings array, so each is made once. */
function fixedTemplate(html) {
  const strings = Object.assign([html], {raw: [html]});
  return litHtml(strings);
}

/** Every floor element in `root`, through shadow roots, has rendered (children render after parents). */
async function floorRendered(root) {
  let seen = -1;
  for (;;) {
    const all = [];
    const collect = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.localName.startsWith('bench-floor-')) all.push(el);
        if (el.shadowRoot) collect(el.shadowRoot);
      }
    };
    collect(root);
    await Promise.all(all.map((el) => el.updateComplete));
    if (all.length === seen) return;
    seen = all.length;
  }
}

/** The floor of case `c`, made from its static baseline; checked to give the same page. */
async function prepareFloor(name, c, staticHeight, staticKinds) {
  col.setHTMLUnsafe(c.staticHtml);
  const hosts = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll(STATIC_SELECTOR)) {
      hosts.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(col);
  const first = floorTemplates.length;
  hosts.forEach((el, i) => el.setAttribute('data-floor', String(first + i)));
  const rename = (html) => html.replace(/<(\/?)bench-(news-article|news-body|news-byline|photo-caption|related-news)\b/g, '<$1bench-floor-$2');
  // getHTML() without `shadowRoots`: a nested host comes without its shadow root, which its own class stamps.
  hosts.forEach((el, i) => (floorTemplates[first + i] = fixedTemplate(rename(el.shadowRoot?.getHTML() ?? ''))));
  c.floorTop = [...col.children].map((el) => ({tag: el.localName.replace('bench-', 'bench-floor-'), attributes: [...el.attributes].map((a) => [a.name, a.value])}));
  col.replaceChildren();
  const els = createFloor(c);
  col.append(...els);
  await floorRendered(col);
  const floorHeight = col.getBoundingClientRect().height;
  const kinds = nodeKinds(col);
  col.replaceChildren();
  if (Math.abs(floorHeight - staticHeight) > 1) throw new Error(`${name}: the Lit floor is ${floorHeight}px high, the static baseline ${staticHeight}px`);
  if (kinds.elements !== staticKinds.elements || kinds.shadowRoots !== staticKinds.shadowRoots) {
    throw new Error(`${name}: the Lit floor has ${JSON.stringify(kinds)}, the static baseline ${JSON.stringify(staticKinds)}`);
  }
}

function createFloor(c, copies = 1) {
  const els = [];
  for (let k = 0; k < copies; k++) {
    for (const {tag, attributes} of c.floorTop) {
      const el = document.createElement(tag);
      for (const [name, value] of attributes) el.setAttribute(name, value);
      els.push(el);
    }
  }
  return els;
}

/** Removes Lit's marker comments from serialized HTML. */
const stripLit = (html) => html.replace(/<!--\?[^>]*?-->|<!---->/g, '');

function shadowRoots(node, out = []) {
  for (const el of node.querySelectorAll('*')) {
    if (el.shadowRoot) {
      out.push(el.shadowRoot);
      shadowRoots(el.shadowRoot, out);
    }
  }
  return out;
}

/** Gives every baseline shadow root the element's own style sheets. */
function adopt(root) {
  for (const el of root.querySelectorAll(STATIC_SELECTOR)) {
    if (!el.shadowRoot) continue;
    el.shadowRoot.adoptedStyleSheets = sheets[el.localName];
    adopt(el.shadowRoot);
  }
}

/** A rendering opportunity has passed and a new task starts: nothing pending from the last run. */
async function settle() {
  globalThis.gc?.();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function create(c, values) {
  return values.map((value) => {
    const el = document.createElement(c.tag);
    for (const [name, v] of Object.entries(c.attributes ?? {})) el.setAttribute(name, v);
    el[c.prop] = value;
    return el;
  });
}

/**
 * Registers a case: `values` is the JSON text of an array, one value per instance (each run parses it
 * again, outside the timing, so every run gets fresh objects). Renders it once to make the baseline.
 * Returns the baseline with the original tag names and the CSS text per tag, for the cold static pages.
 */
export async function prepare(name, {tag, prop, values, attributes}) {
  const c = {tag, prop, values, attributes};
  const els = create(c, JSON.parse(values));
  col.append(...els);
  await Promise.all(els.map((el) => el.updateComplete));
  const html = stripLit(col.getHTML({shadowRoots: shadowRoots(col)}));
  const elementHeight = col.getBoundingClientRect().height;
  col.replaceChildren();
  c.staticHtml = html.replace(/<(\/?)(news-article|news-body|news-byline|photo-caption|related-news)\b/g, '<$1bench-$2');
  cases.set(name, c);
  // The baseline must be the same page: same height in the same column.
  col.setHTMLUnsafe(c.staticHtml);
  adopt(col);
  const staticHeight = col.getBoundingClientRect().height;
  const staticKinds = nodeKinds(col);
  col.replaceChildren();
  if (Math.abs(elementHeight - staticHeight) > 1) {
    throw new Error(`${name}: the static baseline is ${staticHeight}px high, the element ${elementHeight}px`);
  }
  await prepareFloor(name, c, staticHeight, staticKinds);
  const css = Object.fromEntries(TAGS.map((t) => [t, customElements.get(t).elementStyles.map((s) => s.cssText).join('\n')]));
  return {html, css};
}

/** Nodes in a tree, through shadow roots (each shadow root counts as one), by kind. */
function nodeKinds(root) {
  const kinds = {elements: 0, text: 0, comments: 0, shadowRoots: 0};
  const walk = (node) => {
    const walker = document.createTreeWalker(node);
    while (walker.nextNode()) {
      const current = walker.currentNode;
      if (current.nodeType === Node.ELEMENT_NODE) kinds.elements++;
      else if (current.nodeType === Node.TEXT_NODE) kinds.text++;
      else if (current.nodeType === Node.COMMENT_NODE) kinds.comments++;
      if (current.shadowRoot) {
        kinds.shadowRoots++;
        walk(current.shadowRoot);
      }
    }
  };
  walk(root);
  return kinds;
}

/**
 * Milliseconds from just before `render` (which fills the column) to just after a forced layout of the last
 * thing it put there; the column is emptied after.
 */
async function timed(render) {
  await settle();
  const t0 = performance.now();
  await render();
  col.lastElementChild.getBoundingClientRect();
  const t1 = performance.now();
  col.replaceChildren();
  return t1 - t0;
}

/** Element: create, set the data, insert, await updateComplete (all parts, Markdown included), layout. */
export function runElement(name) {
  const c = cases.get(name);
  const values = JSON.parse(c.values);
  return timed(async () => {
    const els = create(c, values);
    col.append(...els);
    await Promise.all(els.map((el) => el.updateComplete));
  });
}

/** Baseline: the serialized HTML, parsed into the page, styles adopted, layout. */
export function runStatic(name) {
  const c = cases.get(name);
  return timed(() => {
    col.setHTMLUnsafe(c.staticHtml);
    adopt(col);
  });
}

/** The Lit floor: the same DOM stamped by bare Lit elements (see the top of this file), through layout. */
export function runFloor(name) {
  const c = cases.get(name);
  return timed(async () => {
    col.append(...createFloor(c));
    await floorRendered(col);
  });
}

/**
 * Case 6: first render of one article, then a new `article` on the same element (update), each through
 * layout. `first`/`second` are the two data sets' JSON texts (the bench swaps them at random).
 */
export async function runUpdate(first, second) {
  const a = JSON.parse(first);
  const b = JSON.parse(second);
  await settle();
  const t0 = performance.now();
  const el = document.createElement('news-article');
  el.article = a;
  col.append(el);
  await el.updateComplete;
  el.getBoundingClientRect();
  const t1 = performance.now();
  await settle();
  const t2 = performance.now();
  el.article = b;
  await el.updateComplete;
  el.getBoundingClientRect();
  const t3 = performance.now();
  // The update really happened: the new headline is on screen.
  const shown = el.shadowRoot.querySelector('.headline')?.textContent;
  col.replaceChildren();
  if (shown !== b.headline) throw new Error(`update did not render: ${shown}`);
  return {first: t1 - t0, update: t3 - t2};
}

// Case 7 (memory): the bench takes the measurements over CDP between these steps.
let retained = null;
let live = null;
export function memRetainData(text, n) {
  retained = Array.from({length: n}, () => JSON.parse(text));
}
export async function memElements(tag, prop) {
  live = retained.map((value) => {
    const el = document.createElement(tag);
    el[prop] = value;
    return el;
  });
  col.append(...live);
  await Promise.all(live.map((el) => el.updateComplete));
  col.getBoundingClientRect();
  live = null;
  return nodeKinds(col);
}
export async function memFloor(name, n) {
  const els = createFloor(cases.get(name), n);
  col.append(...els);
  await floorRendered(col);
  col.getBoundingClientRect();
  return nodeKinds(col);
}
export function memStatic(name, n) {
  col.setHTMLUnsafe(cases.get(name).staticHtml.repeat(n));
  adopt(col);
  col.getBoundingClientRect();
  return nodeKinds(col);
}
export function memClear() {
  col.replaceChildren();
  retained = null;
}
