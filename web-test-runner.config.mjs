// @web/test-runner: the same test files in three real engines.
//   Chromium  Debian's /usr/bin/chromium, through puppeteer-core (CDP)
//   Firefox   Debian's /usr/bin/firefox-esr, through puppeteer-core (WebDriver BiDi)
//   WebKit    WebKitGTK MiniBrowser, through WebKitWebDriver (test/harness/webkit-launcher.mjs)
// BROWSERS=chromium,firefox,webkit (any subset; default all three) picks engines.
// The packages come from apt: `node scripts/ensure-browsers.mjs` (npm's pretest) installs them.
//
// Sized for a 2-core shared machine: one test file at a time per engine (timing
// tests - delays, trickles, aborts - stay honest when the CPU is not oversubscribed;
// Firefox also throttles timers in background tabs), engines side by side.
// WTR_CONCURRENCY / WTR_BROWSERS_AT_ONCE override that for a bigger machine.

import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { netServerPlugin } from './test/harness/net-server.mjs';
import { mediaPlugin } from './test/harness/media-plugin.mjs';
import { cspMiddleware } from './test/harness/csp-server.mjs';
import { failModuleMiddleware } from './test/harness/fail-module.mjs';
import { ssrMiddleware } from './test/harness/ssr-server.mjs';
import { summaryReporter } from './test/harness/summary-reporter.mjs';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { jsonModulesPlugin } from './test/harness/json-modules.mjs';
import { storiesIndexPlugin } from './test/harness/stories-index.mjs';

const ALL = ['chromium', 'firefox', 'webkit'];
const wanted = (process.env.BROWSERS ?? '')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
const unknown = wanted.filter((b) => !ALL.includes(b));
if (unknown.length) {
  throw new Error(`BROWSERS: unknown engine(s) ${unknown.join(', ')}; use a comma list of ${ALL.join(', ')}`);
}
const engines = wanted.length ? ALL.filter((b) => wanted.includes(b)) : ALL;

const intEnv = (name, fallback) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

async function makeBrowser(engine) {
  switch (engine) {
    case 'chromium': {
      const b = chromeLauncher({
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox', // we run as root; Chromium's sandbox refuses root
            '--headless=new',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            // Between files the runner sends the tab to about:blank. Chromium would keep
            // a page with fetches still pending in its back/forward cache, sockets open:
            // six leaked /__net/hang requests then block the next file (HTTP/1.1 allows
            // six connections per host) until a navigation timeout. Firefox and WebKit
            // drop such requests.
            '--disable-features=BackForwardCache',
            // gc() for the memory tests (lifecycle.test.ts).
            '--js-flags=--expose-gc',
            '--enable-precise-memory-info', // performance.memory unbucketed (lifecycle.test.ts)
          ],
        },
      });
      b.name = 'Chromium'; // chromeLauncher calls every puppeteer-core browser "Chrome"
      return b;
    }
    case 'firefox': {
      const b = chromeLauncher({
        launchOptions: { browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true },
      });
      b.name = 'Firefox';
      return b;
    }
    case 'webkit': {
      // Imported only when asked for, so Chromium/Firefox-only runs need no WebKit packages.
      const { webkitLauncher } = await import('./test/harness/webkit-launcher.mjs');
      return webkitLauncher();
    }
  }
  throw new Error(`unreachable: ${engine}`);
}

const net = netServerPlugin();
const cliFiles = process.argv.slice(2).filter((arg) => /\.test\.ts$/.test(arg));

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  browsers: await Promise.all(engines.map(makeBrowser)),

  concurrency: intEnv('WTR_CONCURRENCY', 1),
  // Two at a time: four engine runs side by side on two cores starved WebKit's driver into a 120 s timeout.
  concurrentBrowsers: intEnv('WTR_BROWSERS_AT_ONCE', 2),

  // Generous on purpose: a cold start of three browsers on two busy cores is
  // slow, and a test that hangs is still cut off well inside CI's 90 minutes.
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  testFramework: {
    // Per test (mocha), for the same reason. Under CI (CI=true, as .ci/run sets) a failed test runs once
    // more before it counts as failed, as Playwright's default CI setup does: on two shared cores one
    // test in ~1,500 timing-sensitive runs (trickled responses, frames, timeouts) has been seen to miss
    // once. A test that fails for a reason fails twice and still fails the run; locally (no CI) nothing
    // is retried, so a flaky test shows up there.
    config: { timeout: 10_000, retries: process.env.CI ? 1 : 0 },
  },

  middleware: [net.middleware, cspMiddleware, ssrMiddleware, failModuleMiddleware],
  plugins: [
    net.plugin,
    mediaPlugin(), // forced-colors emulation in Chromium (test/a11y.test.ts)
    jsonModulesPlugin(), // `import x from './x.json'`, as Vite and Storybook allow
    storiesIndexPlugin(), // /__stories__/index.js for test/stories.test.ts
    // tsconfig.json has experimentalDecorators + useDefineForClassFields:false,
    // which Lit's @property() needs; esbuild takes those compiler options from it.
    // Fixed target: the default 'auto' guesses from the user agent and would
    // down-level everything for an engine it does not recognise (MiniBrowser).
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    // visualDiff() in test/visual.test.ts (Chromium only): baselines committed in test/visual/baseline/,
    // new shots and diffs of a failure in test/visual/failed/ (git-ignored). `npm run test:visual:update`
    // passes --update-visual-baseline, which rewrites the baselines. A pixel differs when pixelmatch's
    // colour distance exceeds 0.1 (anti-aliased pixels are not counted); a screenshot fails when more
    // than 100 pixels differ, or when its size differs. A pixel count, not a percentage: in these tall
    // shots 0.5% is 3,000-14,000 pixels, which a moved or recoloured line of text stays under.
    visualRegressionPlugin({
      update: process.argv.includes('--update-visual-baseline'),
      baseDir: 'test/visual',
      getBaselineName: ({ name }) => `baseline/${name}`,
      getFailedName: ({ name }) => `failed/${name}`,
      getDiffName: ({ name }) => `failed/${name}-diff`,
      diffOptions: { threshold: 0.1 },
      failureThresholdType: 'pixel',
      failureThreshold: 100,
    }),
  ],

  // The whole suite once more in Chromium with DOMPurify forced in place of the HTML Sanitizer API, so
  // both sanitizer paths pass every test (WebKit, which lacks the API, runs DOMPurify anyway).
  groups: engines.includes('chromium') && process.env.SANITIZER_GROUP !== 'off'
    ? [{
        name: 'dompurify',
        // The files named on the command line, if any, else every test file.
        files: cliFiles.length ? cliFiles : ['test/**/*.test.ts'],
        browsers: [await makeBrowser('chromium')].map((b) => ((b.name = 'Chromium+DOMPurify'), b)),
        testRunnerHtml: (testFramework) => `<!doctype html><html><head>
          <script>globalThis.NEWS_ELEMENTS_SANITIZER = 'dompurify';</script>
          </head><body><script type="module" src="${testFramework}"></script></body></html>`,
      }]
    : [],

  reporters: [defaultReporter(), summaryReporter()],
};
