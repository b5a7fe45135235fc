// test/harness/webkit-launcher.mjs: a WebKit navigation that fails after its file has moved on must not
// become an unhandled rejection (which stops the whole @web/test-runner run).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {WebKitGtkLauncher} from '../harness/webkit-launcher.mjs';

/** A launcher with a fake session manager, no processes: `fail` makes its navigation reject. */
function launcher(fail) {
  const l = new WebKitGtkLauncher();
  const active = new Set();
  l.driverManager = {
    isActive: (id) => active.has(id),
    startSession: async (id) => {
      active.add(id);
      await new Promise((r) => setTimeout(r, 10));
      if (fail) throw new Error('This operation was aborted when running "url"');
    },
    stop: (id) => active.delete(id),
    // What @web/test-runner-webdriver's SessionManager does: start the navigation, don't wait for it.
    queueStartSession(id, url) {
      void this.startSession(id, url);
    },
  };
  return l;
}

/** console.warn calls (joined) while `run` runs. */
async function warningsDuring(run) {
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.join(' '));
  try {
    return {warnings, result: await run()};
  } finally {
    console.warn = warn;
  }
}

async function unhandledDuring(run) {
  const seen = [];
  const onRejection = (reason) => seen.push(reason);
  process.on('unhandledRejection', onRejection);
  try {
    await run();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off('unhandledRejection', onRejection);
  }
  return seen;
}

test('a navigation aborted after its file ended is handled, silently', async () => {
  const l = launcher(true);
  const {warnings, result: seen} = await warningsDuring(() =>
    unhandledDuring(async () => {
      await l.startSession('file-1', 'http://127.0.0.1/one.html');
      l.driverManager.stop('file-1'); // the file's tests reported; the page had not finished loading
    }),
  );
  assert.deepEqual(seen, []);
  assert.deepEqual(warnings, []);
});

test('a navigation that fails while its file is still running is reported as a warning, not thrown', async () => {
  const l = launcher(true);
  const {warnings, result: seen} = await warningsDuring(() => unhandledDuring(() => l.startSession('file-2', 'http://127.0.0.1/two.html')));
  assert.deepEqual(seen, []);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /WebKit: navigation to http:\/\/127\.0\.0\.1\/two\.html failed: This operation was aborted/);
});

test('startSession resolves before the page has loaded, as WebdriverLauncher does', async () => {
  const l = launcher(false);
  let loaded = false;
  const start = l.driverManager.startSession;
  l.driverManager.startSession = (...args) => start(...args).then(() => (loaded = true));
  await l.startSession('file-3', 'http://127.0.0.1/three.html');
  assert.equal(loaded, false);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(loaded, true);
});
