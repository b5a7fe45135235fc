/**
 * Every element renders under a partner's strict Content-Security-Policy with Trusted Types, with zero
 * violations, on both sanitizer paths. The runner's own page needs inline scripts, so each case runs in an
 * iframe on /__csp/page.html (test/harness/csp-server.mjs), served with the policy as an HTTP header;
 * test/csp/csp-page.ts renders the case there and posts back what it saw.
 */
import {expect} from '@open-wc/testing';
import type {CspReport, CspViolation} from './csp/csp-page.js';
import {engine} from './harness/env.js';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html news-elements";

type Sanitizer = 'native' | 'dompurify';

// The Chromium+DOMPurify run forces DOMPurify on its own page; here it runs the DOMPurify path only.
const dompurifyRun = (globalThis as {NEWS_ELEMENTS_SANITIZER?: unknown}).NEWS_ELEMENTS_SANITIZER === 'dompurify';
const hasSetHtml = typeof (Element.prototype as {setHTML?: unknown}).setHTML === 'function';
const sanitizers: Sanitizer[] = dompurifyRun ? ['dompurify'] : hasSetHtml ? ['native', 'dompurify'] : ['dompurify'];
// An engine with the Trusted Types API must enforce `require-trusted-types-for` in the frame.
const hasTrustedTypes = 'trustedTypes' in globalThis;

const REPORT_TIMEOUT = 8000;

/** Loads one case in a fresh iframe under the strict policy and resolves with its report. */
async function runCase(name: string, sanitizer: Sanitizer): Promise<CspReport> {
  const frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '1500';
  const url = `/__csp/page.html?case=${name}&sanitizer=${sanitizer}`;
  let onMessage: (event: MessageEvent) => void = () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = new Promise<CspReport>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no report from ${url} in ${REPORT_TIMEOUT} ms: was csp-page.ts blocked or did it hang?`)),
      REPORT_TIMEOUT,
    );
    onMessage = (event) => {
      if (event.source === frame.contentWindow && event.origin === location.origin) resolve(event.data as CspReport);
    };
    window.addEventListener('message', onMessage);
  });
  frame.src = url;
  document.body.append(frame);
  try {
    const result = await report;
    if (result.error) throw new Error(`csp-page.ts failed in case ${name}: ${result.error}`);
    return result;
  } finally {
    clearTimeout(timer);
    window.removeEventListener('message', onMessage);
    frame.remove();
  }
}

/** The checks every rendering case shares: the sanitizer asked for, TT on, styles applied, nothing unsafe. */
function expectRendered(report: CspReport, sanitizer: Sanitizer): void {
  expect(report.sanitizer, 'sanitizer that ran').to.equal(sanitizer);
  expect(report.ttApi).to.equal(hasTrustedTypes);
  expect(report.ttEnforced, 'Trusted Types enforced in the frame').to.equal(hasTrustedTypes);
  // Styles: Lit adopts constructed sheets (allowed by style-src 'self'); a <style> fallback would be blocked.
  expect(report.shadowRoots).to.be.greaterThan(0);
  expect(report.adoptedRoots, 'shadow roots styled with adoptedStyleSheets').to.equal(report.shadowRoots);
  expect(report.styleElements, '<style> elements in shadow roots').to.equal(0);
  for (const display of report.hostDisplays) expect(display, 'each :host rule applied').not.to.match(/:inline$/);
  expect(report.dangerous).to.deep.equal([]);
  expect(report.xss).to.equal(0);
}

const describeViolations = (violations: CspViolation[]): string =>
  violations.map((v) => `${v.directive} blocked ${v.blockedURI} at ${v.sourceFile}:${v.line} ${v.sample}`).join('\n') || 'none';

/** {@link expectRendered}, and not one violation. */
function expectClean(report: CspReport, sanitizer: Sanitizer): void {
  expect(report.violations, `CSP violations:\n${describeViolations(report.violations)}`).to.deep.equal([]);
  expectRendered(report, sanitizer);
}

const expectText = (report: CspReport, ...snippets: string[]): void => {
  for (const snippet of snippets) expect(report.text, `rendered text of case ${report.case}`).to.include(snippet);
};

describe('strict CSP and Trusted Types', function () {
  this.timeout(30_000);

  it('serves the frame page with the strict policy as a response header and no inline script or style', async () => {
    const response = await fetch('/__csp/page.html?case=seed');
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-security-policy')).to.equal(STRICT_CSP);
    expect(response.headers.get('content-type')).to.match(/^text\/html/);
    const page = await response.text();
    expect(page.match(/<script\b[^>]*>/g)).to.deep.equal(['<script type="module" src="/test/csp/csp-page.ts">']);
    expect(page).not.to.match(/<style|\sstyle=|\son\w+=/i);
    // The module it loads comes from the same origin, compiled to JavaScript: allowed by script-src 'self'.
    const module = await fetch('/test/csp/csp-page.ts');
    expect(module.status).to.equal(200);
    expect(module.headers.get('content-type')).to.match(/javascript/);
    expect(await module.text()).not.to.match(/^\s*(?:export )?interface /m);
  });

  it('the violation listener hears what the policy forbids: a style attribute, and innerHTML under Trusted Types', async () => {
    const report = await runCase('violate', sanitizers[0]!);
    const directives = report.violations.map((v) => v.directive);
    expect(directives, JSON.stringify(report.violations)).to.include('style-src-attr');
    if (hasTrustedTypes) expect(directives).to.include('require-trusted-types-for');
    expect(report.ttEnforced).to.equal(hasTrustedTypes);
    expectText(report, 'Violating on purpose.');
  });

  for (const sanitizer of sanitizers) {
    describe(`with the ${sanitizer} sanitizer`, () => {
      // Two tests read the xss case: one frame load for both.
      let xss: Promise<CspReport> | undefined;
      const xssReport = () => (xss ??= runCase('xss', sanitizer));

      it('renders the seed article fetched from src, Markdown included, with no violation', async () => {
        const report = await runCase('seed', sanitizer);
        expectClean(report, sanitizer);
        expectText(report, '县人社局：服务群众实现“零距离”', '补足精神之钙筑牢思想篱笆', '韩先秀', '(下转第三版)',
          '图为该局干部职工深入乡镇向当地群众宣传用工信息', '世界很大,期待在此相遇。');
      });

      it('renders an article given as a property', async () => {
        const report = await runCase('english', sanitizer);
        expectClean(report, sanitizer);
        expectText(report, 'Harbour ferry returns after a winter of repairs', 'A longer repair than planned',
          'We would rather be late than sorry', 'Amelia Hart', 'Council approves extra funds for ferry repairs');
      });

      it('renders an article from an inline JSON script child in the page markup', async () => {
        const report = await runCase('inline', sanitizer);
        expectClean(report, sanitizer);
        expectText(report, 'Inline headline under a strict policy', 'Inline subheading', 'Inline body text.');
      });

      it("renders an inline JSON child built with DOM APIs; only that script's text is a Trusted Types violation", async () => {
        const report = await runCase('inline-dom', sanitizer);
        expectRendered(report, sanitizer);
        expectText(report, 'Inline headline built with DOM APIs', 'Inline subheading', 'Inline body text.');
        const scriptText = (v: CspViolation) =>
          v.directive === 'require-trusted-types-for' && /csp-page\.ts$/.test(v.sourceFile) && v.sample.startsWith('HTMLScriptElement text');
        expect(report.violations.filter((v) => !scriptText(v)), describeViolations(report.violations)).to.deep.equal([]);
        expect(report.violations.length > 0, 'a TrustedScript violation for the DOM-built script').to.equal(hasTrustedTypes);
      });

      it('renders photo-caption, related-news, news-byline and news-body each on its own', async () => {
        const report = await runCase('standalone', sanitizer);
        expectClean(report, sanitizer);
        expect(report.shadowRoots).to.equal(4);
        expectText(report, '图为该局干部职工深入乡镇向当地群众宣传用工信息', 'Harbour wall works to start in May',
          'Amelia Hart', 'What changes for passengers', 'Season tickets bought before November');
      });

      it('shows the error state for a src that answers 404', async () => {
        const report = await runCase('error', sanitizer);
        expectClean(report, sanitizer);
        expect(report.alerts).to.equal(1);
        expectText(report, '404');
      });

      it('renders hostile payloads inert: nothing runs, nothing unsafe reaches the DOM, no Trusted Types violation', async () => {
        const report = await xssReport();
        expectRendered(report, sanitizer);
        expectText(report, 'Safe headline', 'Visible body heading', 'Visible body text.', 'styled paragraph', 'Safe caption',
          'Kept related');
        // Data fields are text: the payload is shown, not parsed.
        expectText(report, '<script>window.__xss=(window.__xss||0)+1</script>Safe headline');
        const tt = report.violations.filter((v) => /trusted-types/.test(v.directive));
        expect(tt, describeViolations(tt)).to.deep.equal([]);
      });

      it('hostile Markdown makes the policy block nothing: the sanitizer drops it before the page sees it', async function () {
        const report = await xssReport();
        if (engine === 'chromium') {
          // Chromium checks inline handlers and styles while *parsing* any HTML, even into an inert document
          // that never renders, and reports them. Every parser API does (setHTML, DOMParser, template): the
          // reports are of attributes the sanitizer then drops; nothing runs (the test above). Only those
          // parse-time attribute/element reports are tolerated here, and only in Chromium.
          const other = report.violations.filter((v) => !/^(script-src-attr|style-src-attr|style-src-elem)$/.test(v.directive));
          expect(other, `CSP violations:\n${describeViolations(other)}`).to.deep.equal([]);
          return;
        }
        expect(report.violations, `CSP violations:\n${describeViolations(report.violations)}`).to.deep.equal([]);
      });
    });
  }
});
