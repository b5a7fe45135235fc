// WebKit for @web/test-runner: WebKitGTK's MiniBrowser driven over classic
// WebDriver by Debian's WebKitWebDriver. It is the engine of Safari (same
// JavaScriptCore, same WebCore), not Safari itself.
//
// Why a launcher of our own around WebdriverLauncher: the stock launcher only
// talks to an already running driver. We also need to own the processes under
// it — an X server (MiniBrowser 2.50 has no headless mode) and WebKitWebDriver —
// and make sure neither outlives the run, whether it ends normally, by Ctrl-C,
// or by a SIGTERM/SIGHUP from CI. Each is spawned detached (its own process
// group) so one kill of the group also takes MiniBrowser and the WebKit
// web/network processes that the driver starts.
//
// Findings (WebKitGTK 2.50.6, WebKitWebDriver 2.50, webdriverio 9):
// - 'wdio:enforceWebDriverClassic' is required: webdriverio 9 asks for BiDi by
//   default and WebKitWebDriver answers every session with "Failed to match
//   capabilities".
// - One session, one page: WebdriverLauncher then uses its SessionManager
//   (navigates the one window from test file to test file). Its other mode runs
//   files in iframes of one page, where focus, sendKeys and sendMouse are
//   unreliable. So this launcher forces concurrency 1 for itself only.
// - The window is fixed at 1024x730 and setViewport is not supported.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = '/usr/bin/Xvfb';

const STARTUP_TIMEOUT_MS = 30_000;

function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Keeps the last few KiB a child printed, to explain a failed start.
function tail(stream, sink) {
  stream?.on('data', (d) => {
    sink.text = (sink.text + d.toString()).slice(-4000);
  });
}

// Every process group we started, across all launcher instances, so the exit
// and signal hooks (installed once) can end them synchronously.
const groups = new Set();

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

let hooksInstalled = false;
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // 'exit' handlers must be synchronous: SIGKILL the groups, nothing to await.
  process.on('exit', () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
  });
  for (const sig of ['SIGTERM', 'SIGHUP', 'SIGINT']) {
    const onSignal = () => {
      // SIGTERM first, so Xvfb can remove its socket and lock file; the 'exit'
      // hook above SIGKILLs whatever is still there when this process ends.
      for (const pid of groups) killGroup(pid, 'SIGTERM');
      // The runner handles SIGINT itself (it stops and exits). For any signal
      // nobody else listens to, listening here removed Node's default "exit on
      // signal": restore it and re-raise, so the process still dies of it.
      if (process.listenerCount(sig) === 1) {
        process.off(sig, onSignal);
        process.kill(process.pid, sig);
      }
    };
    process.on(sig, onSignal);
  }
}

function spawnGroup(cmd, args, options) {
  const child = spawn(cmd, args, { ...options, detached: true });
  if (child.pid) groups.add(child.pid);
  child.once('exit', () => groups.delete(child.pid));
  return child;
}

async function stopChild(child) {
  if (!child || child.pid === undefined) return;
  const pid = child.pid;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    killGroup(pid, 'SIGTERM');
    const t = setTimeout(() => killGroup(pid, 'SIGKILL'), 2000);
    await exited;
    clearTimeout(t);
  }
  // The leader may be gone while group members (MiniBrowser, WebKit helper
  // processes) linger: sweep the group once more.
  killGroup(pid, 'SIGKILL');
  // ...and wait (briefly) until the group is really empty, so a caller that
  // checks for leftovers right after the run finds none.
  for (let i = 0; i < 40 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  groups.delete(pid);
  for (const s of [child.stdout, child.stderr, child.stdio?.[3]]) s?.destroy();
}

// Starts Xvfb and returns { child, display } once the server is ready.
// -displayfd makes Xvfb pick a free display number and write it to fd 3 when it
// is accepting connections, which avoids both guessing and polling.
function startXvfb() {
  const log = { text: '' };
  const child = spawnGroup(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  tail(child.stderr, log);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('Xvfb did not report a display in time')), STARTUP_TIMEOUT_MS);
    const fail = (err) => {
      clearTimeout(timer);
      stopChild(child);
      reject(new Error(`${err.message}\n${log.text}`));
    };
    const onExit = (code, sig) => fail(new Error(`Xvfb exited early (${code ?? sig})`));
    child.once('error', fail);
    child.once('exit', onExit);
    child.stdio[3].on('data', (d) => {
      out += d.toString();
      const m = /^(\d+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({ child, display: `:${m[1]}` });
      }
    });
  });
}

async function waitForDriver(port, child, log) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not become ready on port ${port}${exited ? ' (it exited)' : ''}\n${log.text}`);
}

export class WebKitGtkLauncher extends WebdriverLauncher {
  constructor() {
    super({
      hostname: '127.0.0.1',
      port: 0, // set once the driver is up
      logLevel: 'error',
      connectionRetryTimeout: 300_000, // a test page under heavy load on 2 cores can take minutes to load in MiniBrowser
      capabilities: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        'wdio:enforceWebDriverClassic': true,
      },
    });
    this.concurrency = 1;
    this.xvfb = undefined;
    this.driverProc = undefined;
  }

  async initialize(config, testFiles) {
    // Our own concurrency is 1 whatever the global setting (see findings above);
    // WebdriverLauncher picks its SessionManager from config.concurrency.
    await super.initialize({ ...config, concurrency: 1 }, testFiles);
    this.name = 'WebKit';
    installExitHooks();

    const env = { ...process.env };
    if (!env.DISPLAY) {
      this.xvfb = await startXvfb();
      env.DISPLAY = this.xvfb.display;
    }
    const port = await freeLoopbackPort();
    const log = { text: '' };
    // --host=local binds the driver to loopback only.
    this.driverProc = spawnGroup(WEBKIT_DRIVER, [`--port=${port}`, '--host=local'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    tail(this.driverProc.stdout, log);
    tail(this.driverProc.stderr, log);
    this.driverProc.once('error', (e) => (log.text += `\n${e.message}`));
    try {
      await waitForDriver(port, this.driverProc, log);
    } catch (err) {
      await this.stopProcesses();
      throw err;
    }
    this.options.port = port;
  }

  // WebdriverLauncher starts a file's navigation and does not wait for it: the promise floats. WebKit's
  // driver answers a navigation only once the page has loaded, which can be after the file's tests have
  // reported (a response a test holds open delays the load event), so the navigation can still fail
  // later: cut short by the next file's, or aborted when the run ends and the driver stops. Floating, that
  // failure is an unhandled rejection, which @web/test-runner takes for an uncaught exception and stops
  // the whole run on. Here it is handled: a file whose page never loads still fails on its own, when its
  // tests do not report in time.
  async startSession(id, url) {
    await this.ensureManagerInitialized();
    const manager = this.driverManager;
    manager.startSession(id, url).catch((error) => {
      if (manager.isActive(id)) console.warn(`WebKit: navigation to ${url} failed: ${error?.message ?? error}`);
    });
  }

  async stopProcesses() {
    await stopChild(this.driverProc);
    this.driverProc = undefined;
    await stopChild(this.xvfb?.child);
    this.xvfb = undefined;
  }

  async stop() {
    try {
      // Ends the WebDriver session, which closes MiniBrowser cleanly.
      await Promise.race([super.stop(), new Promise((r) => setTimeout(r, 10_000))]);
    } finally {
      await this.stopProcesses();
    }
  }
}

export function webkitLauncher() {
  for (const f of [WEBKIT_DRIVER, MINIBROWSER]) {
    if (!existsSync(f)) {
      throw new Error(`WebKit: ${f} is missing (apt-get install webkit2gtk-driver); run node scripts/ensure-browsers.mjs`);
    }
  }
  if (!process.env.DISPLAY && !existsSync(XVFB)) {
    throw new Error(`WebKit: ${XVFB} is missing and DISPLAY is unset (apt-get install xvfb)`);
  }
  return new WebKitGtkLauncher();
}
