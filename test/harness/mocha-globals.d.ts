// Types for the mocha BDD globals that @web/test-runner puts on every test page
// (describe, it, before/after hooks). The runner bundles its own mocha, so no
// @types/mocha is installed; this is the small part the tests use. If
// @types/mocha is ever added as a devDependency, delete this file and add
// "mocha" to "types" in tsconfig.test.json.

declare namespace Mocha {
  type Done = (err?: unknown) => void;

  interface Context {
    /** Per-test (or per-hook) timeout in ms; 0 disables it. */
    timeout(ms: number | string): this;
    timeout(): number;
    slow(ms: number | string): this;
    retries(n: number): this;
    /** Marks the running test as skipped (also works inside a hook). */
    skip(): never;
    currentTest?: { title: string; fullTitle(): string };
    [key: string]: unknown;
  }

  // One signature, not a union: a union of function types gives `function () {}`
  // no contextual `this` (TS7041/TS2683). Callbacks may omit `done`.
  type TestFn = (this: Context, done: Done) => void | PromiseLike<unknown>;
  type AsyncFn = (this: Context) => void | PromiseLike<unknown>;

  interface SuiteFunction {
    (title: string, fn: (this: Context) => void): void;
    only(title: string, fn: (this: Context) => void): void;
    skip(title: string, fn: (this: Context) => void): void;
  }

  interface TestFunction {
    (title: string, fn?: TestFn): void;
    only(title: string, fn?: TestFn): void;
    skip(title: string, fn?: TestFn): void;
    retries(n: number): void;
  }

  interface HookFunction {
    (fn: TestFn): void;
    (name: string, fn?: TestFn): void;
  }
}

declare const describe: Mocha.SuiteFunction;
declare const context: Mocha.SuiteFunction;
declare const it: Mocha.TestFunction;
declare const specify: Mocha.TestFunction;
declare const before: Mocha.HookFunction;
declare const after: Mocha.HookFunction;
declare const beforeEach: Mocha.HookFunction;
declare const afterEach: Mocha.HookFunction;
