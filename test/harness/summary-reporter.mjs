// Adds one plain closing line to the runner's own report, e.g.
//   web-test-runner: 42 passed, 0 failed, 3 skipped
// CI tells "ran no test" from "ran tests" by such a line; the default reporter's
// progress bars are not one. A test file that failed to load or crashed (no
// per-test results, but errors) counts as one failure so it cannot hide.
// Failed tests are listed again by name (engine, file, suite path, first line of
// the error) right above that line, so a log cut to its tail still says what failed.

import { writeSync } from 'node:fs';

function walk(suite, acc, path = [], onFail = () => {}) {
  if (!suite) return;
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else {
      acc.failed++;
      onFail([...path, t.name].join(' › '), t.error);
    }
  }
  for (const s of suite.suites ?? []) walk(s, acc, [...path, s.name], onFail);
}

const firstLine = (error) => String(error?.message ?? error ?? '').split('\n')[0].slice(0, 300);

export function summaryReporter() {
  return {
    stop({ sessions }) {
      const total = { passed: 0, failed: 0, skipped: 0 };
      const perBrowser = new Map();
      const failures = [];
      for (const session of sessions) {
        const acc = { passed: 0, failed: 0, skipped: 0 };
        const name = session.browser?.name ?? session.browserName ?? '?';
        const where = `${name} ${session.testFile?.replace(process.cwd() + '/', '') ?? '?'}`;
        walk(session.testResults, acc, [], (title, error) => failures.push(`${where}: ${title}: ${firstLine(error)}`));
        if (session.passed === false && acc.failed === 0) {
          acc.failed = 1;
          failures.push(`${where}: the file failed to run: ${firstLine(session.errors?.[0]) || 'no error given'}`);
        }
        const b = perBrowser.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
        for (const k of Object.keys(acc)) {
          b[k] += acc[k];
          total[k] += acc[k];
        }
        perBrowser.set(name, b);
      }
      const fmt = (c) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
      const lines = [''];
      if (failures.length) lines.push('Failed:', ...failures.map((f) => `  ✗ ${f}`), '');
      // Per-engine lines are worded differently on purpose: only the last line
      // has the "N passed, N failed" shape that CI reads.
      for (const [name, c] of perBrowser) {
        lines.push(`  ${name.padEnd(9)} passed ${c.passed}, failed ${c.failed}, skipped ${c.skipped}`);
      }
      lines.push(`web-test-runner: ${fmt(total)}`);
      // The default reporter flushes its own summary after every reporter's
      // stop(); print at process exit so this is really the last line.
      // (Sync write: nothing asynchronous runs in an 'exit' handler.)
      process.once('exit', () => writeSync(1, `${lines.join('\n')}\n`));
    },
  };
}
