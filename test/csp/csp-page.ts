/**
 * Runs inside /__csp/page.html (test/harness/csp-server.mjs), a page served with
 *   default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;
 *   require-trusted-types-for 'script'; trusted-types lit-html news-elements
 * Renders one case (?case=…), optionally on the DOMPurify path (?sanitizer=dompurify), and posts a
 * {@link CspReport} to the parent (test/csp.test.ts) once everything, Markdown included, is rendered.
 *
 * Order matters: the violation listener is registered first, and everything else — the elements, the
 * sanitizer choice, the test helpers — is loaded afterwards with `import()`. Static imports would be
 * evaluated before this module's body and any violation they caused would go unheard. Only DOM APIs are
 * used here: an HTML string assignment is itself a Trusted Types violation.
 */
import type {Article} from '../../src/index.js';

export interface CspViolation {
  /** The directive that blocked it, e.g. `style-src-attr`, `require-trusted-types-for`. */
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
  disposition: string;
  /** Where the event was dispatched: a tag name, or `#document`. */
  target: string;
}

export interface CspReport {
  case: string;
  violations: CspViolation[];
  /** All text of the rendered elements, shadow trees included. */
  text: string;
  /** What `sanitizerKind()` says ran: the path the Markdown took. */
  sanitizer: string;
  /** Assigning a plain string to `innerHTML` throws: Trusted Types were enforced on this page. */
  ttEnforced: boolean;
  /** `window.trustedTypes` exists here. */
  ttApi: boolean;
  /** Shadow roots in the rendered tree; how many use adoptedStyleSheets; `<style>` elements inside them. */
  shadowRoots: number;
  adoptedRoots: number;
  styleElements: number;
  /** Computed `display` of every element with a shadow root (each sets `:host {display: …}`). */
  hostDisplays: string[];
  /** Elements in the shadow trees that must never be there (script, style attributes, handlers …). */
  dangerous: string[];
  /** `role="alert"` elements in the shadow trees (the error state). */
  alerts: number;
  /** The XSS canary: how often a payload ran. */
  xss: number;
  /** A script error, if the page failed. */
  error?: string;
}

const violations: CspViolation[] = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    const target = event.target;
    violations.push({
      directive: event.effectiveDirective || event.violatedDirective,
      blockedURI: event.blockedURI,
      sourceFile: event.sourceFile,
      line: event.lineNumber,
      sample: event.sample,
      disposition: event.disposition,
      target: target instanceof Element ? target.localName : target instanceof Node ? target.nodeName : String(target),
    });
  },
  true,
);

const params = new URLSearchParams(location.search);
const caseName = params.get('case') ?? '';
if (params.get('sanitizer') === 'dompurify') {
  (globalThis as {NEWS_ELEMENTS_SANITIZER?: string}).NEWS_ELEMENTS_SANITIZER = 'dompurify';
}
const xss = (): number => (globalThis as {__xss?: number}).__xss ?? 0;

const post = (report: Partial<CspReport>): void => parent.postMessage({case: caseName, ...report}, location.origin);

const nextTask = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Rendered = HTMLElement & {updateComplete: Promise<boolean>};

/** Resolves when the element announces its data (`news-load`) or its error (`news-error`). */
const settled = (el: Element): Promise<unknown> =>
  new Promise((resolve) => {
    el.addEventListener('news-load', resolve, {once: true});
    el.addEventListener('news-error', resolve, {once: true});
  });

function create<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, attrs: Record<string, string> = {}) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

async function main(): Promise<void> {
  await import('../../src/index.js');
  const {sanitizerKind} = await import('../../src/markdown/sanitize.js');
  const {seedArticle, englishArticle, deepText, deepQueryAll} = await import('../helpers.js');
  const root = document.getElementById('root')!;

  /** Appends the elements, waits for each to settle and to finish rendering (Markdown included). */
  const show = async (...els: HTMLElement[]): Promise<Rendered[]> => {
    const done = els.map(settled);
    root.append(...els);
    await Promise.all(done);
    for (const el of els) await (el as Rendered).updateComplete;
    return els as Rendered[];
  };

  const P = (n: string) => `<img src="/__net/status/404" onerror="window.__xss=(window.__xss||0)+1">${n}`;
  const cases: Record<string, () => Promise<unknown>> = {
    // Fetched from `src`: the request itself goes through `connect-src` (default-src 'self').
    seed: () => show(create('news-article', {}, {src: '/test/fixtures/seed.json'})),
    english: () => show(create('news-article', {article: englishArticle()})),
    // The no-JavaScript embed: JSON in the page's markup (served by csp-server.mjs), parser-inserted.
    inline: async () => {
      const el = root.querySelector('news-article')!;
      await customElements.whenDefined('news-article');
      await (el as Rendered).updateComplete;
      return [el];
    },
    // The same JSON child built with DOM APIs. Under Trusted Types a script element whose text was not set
    // by the parser or from a TrustedScript is a violation (sink "HTMLScriptElement text"), whatever its
    // type: this case shows that cost, which falls on the page that builds the element, not on ours.
    'inline-dom': async () => {
      const el = create('news-article');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.append(document.createTextNode(JSON.stringify({
        lang: 'en',
        headline: 'Inline headline built with DOM APIs',
        body: '## Inline subheading\n\nInline *body* text.',
      })));
      el.append(script);
      return show(el);
    },
    standalone: () => {
      const english = englishArticle();
      return show(
        create('photo-caption', {photo: seedArticle().image}),
        create('related-news', {items: english.related}, {lang: 'en'}),
        create('news-byline', {authors: english.authors}, {lang: 'en', 'date-published': english.datePublished!}),
        create('news-body', {markdown: english.body}, {lang: 'en'}),
      );
    },
    error: () => show(create('news-article', {}, {src: '/__net/status/404', lang: 'en'})),
    xss: () => {
      const js = 'javascript:window.__xss=(window.__xss||0)+1';
      const article = {
        lang: 'en',
        headline: '<script>window.__xss=(window.__xss||0)+1</script>Safe headline',
        section: '<style>*{color:red}</style>Section',
        authors: [{name: 'Mallory <b onclick="x()">M</b>', url: js}],
        image: {src: '/__net/status/404', alt: 'broken on purpose', caption: P('Safe caption'), credit: '<svg onload="x()">'},
        lead: `${P('Lead')} <span style="color:red">styled lead</span>`,
        body: [
          '## Visible body heading',
          'Visible body text.',
          P('after an image with a handler'),
          '<script>window.__xss=(window.__xss||0)+1</script>',
          '<style>p{color:red}</style><p style="color:red" onclick="x()">styled paragraph</p>',
          '<iframe src="javascript:window.__xss=1"></iframe><object data="javascript:x()"></object><embed src="/x">',
          '<svg><script>window.__xss=1</script><image href="x" onerror="x()"/></svg>',
          '<math><mtext><table><mglyph><style><img src="/__net/status/404" onerror="window.__xss=1">',
          `[js link](${js}) [data link](data:text/html,<script>alert(1)</script>) ![img](${js})`,
          '<a href="javascript:x()" style="color:red">raw js link</a> <form action="javascript:x()"><button>go</button></form>',
        ].join('\n\n'),
        continuation: {text: 'Continued', href: js},
        related: [{headline: 'Safe related', url: js}, {headline: 'Data related', url: 'data:text/html,x'}, {headline: 'Kept related'}],
        publisher: {name: 'Publisher', url: js, tagline: P('tagline')},
      };
      return show(create('news-article', {article: article as unknown as Article}));
    },
    // Self-test of the listener: two things the policy forbids, done on purpose.
    violate: async () => {
      const el = (await show(create('news-body', {markdown: 'Violating on purpose.'}, {lang: 'en'})))[0]!;
      el.setAttribute('style', 'color: red'); // style-src 'self' forbids style attributes
      try {
        document.createElement('div').innerHTML = '<b>plain string</b>'; // require-trusted-types-for 'script'
      } catch {
        // thrown where Trusted Types are enforced; reported either way
      }
    },
  };

  const run = cases[caseName];
  if (!run) throw new Error(`unknown case ${JSON.stringify(caseName)}`);
  await run();
  // Violation events are queued tasks; an image error (a handler that must not exist) needs a moment.
  await nextTask(150);

  const all: Element[] = [...root.children];
  const shadowHosts = all.flatMap((el) => deepQueryAll(el, '*')).filter((el) => el.shadowRoot);
  const inShadow = shadowHosts.flatMap((host) => [...host.shadowRoot!.querySelectorAll('*')]);
  const report: Omit<CspReport, 'case'> = {
    violations: [...violations],
    text: all.map(deepText).join('\n'),
    sanitizer: sanitizerKind(),
    ttEnforced: false,
    ttApi: 'trustedTypes' in globalThis,
    shadowRoots: shadowHosts.length,
    adoptedRoots: shadowHosts.filter((host) => host.shadowRoot!.adoptedStyleSheets.length > 0).length,
    styleElements: inShadow.filter((el) => el.localName === 'style').length,
    hostDisplays: shadowHosts.map((host) => `${host.localName}:${getComputedStyle(host).display}`),
    dangerous: inShadow
      .filter((el) =>
        el.matches('script, iframe, object, embed, form, math, [style], [onclick], [onerror], [onload], [href^="javascript:" i], [src^="javascript:" i], [href^="data:" i]'),
      )
      .map((el) => el.outerHTML.slice(0, 120)),
    alerts: inShadow.filter((el) => el.getAttribute('role') === 'alert').length,
    xss: xss(),
  };
  // Last, after the snapshot above: the probe is itself a violation where Trusted Types are enforced.
  try {
    document.createElement('div').innerHTML = '<i>probe</i>';
  } catch (error) {
    report.ttEnforced = error instanceof TypeError;
  }
  post(report);
}

main().catch((error: unknown) => {
  post({violations: [...violations], error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)});
});
