#!/usr/bin/env node
// npm `pretest`: makes sure the browsers the test run needs are on this machine.
// No browser can be downloaded here (no CDN, no Playwright/Puppeteer builds):
// the engines come from Debian packages, so a fresh machine needs apt.
//
// - Checks only what the engines in BROWSERS (default chromium,firefox,webkit) need,
//   by looking at files: fast (no subprocess) and idempotent when all is there.
// - If something is missing and we are root with apt-get: installs the missing
//   packages (non-interactive, output streamed). Otherwise: one line saying what
//   to install, exit 1.

import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const ALL = ['chromium', 'firefox', 'webkit'];

// [what, files (any one of them is enough), Debian package]
const NEEDS = {
  chromium: [['Chromium', ['/usr/bin/chromium'], 'chromium']],
  firefox: [['Firefox ESR', ['/usr/bin/firefox-esr'], 'firefox-esr']],
  webkit: [
    ['WebKitWebDriver', ['/usr/bin/WebKitWebDriver'], 'webkit2gtk-driver'],
    // MiniBrowser ships in libwebkit2gtk-4.1-0, which webkit2gtk-driver depends on.
    ['MiniBrowser', ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'], 'webkit2gtk-driver'],
    // MiniBrowser has no headless mode; without a DISPLAY the launcher starts Xvfb.
    ...(process.env.DISPLAY ? [] : [['Xvfb', ['/usr/bin/Xvfb'], 'xvfb']]),
  ],
};
// CJK and Arabic text must render with real glyphs in every engine (and the same ones in the visual
// baselines): Noto Sans CJK and Noto Sans Arabic, both named in the elements' default font stack.
const FONT_NEEDS = [
  [
    'Noto Sans CJK font',
    ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'],
    'fonts-noto-cjk',
  ],
  ['Noto Sans Arabic font', ['/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf'], 'fonts-noto-core'],
];

const requested = (process.env.BROWSERS ?? '')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
const unknown = requested.filter((b) => !ALL.includes(b));
if (unknown.length) {
  console.error(`ensure-browsers: unknown engine(s) in BROWSERS: ${unknown.join(', ')} (use ${ALL.join(',')})`);
  process.exit(1);
}
const engines = requested.length ? ALL.filter((b) => requested.includes(b)) : ALL;

function missing() {
  const out = [];
  for (const [what, files, pkg] of [...engines.flatMap((e) => NEEDS[e]), ...FONT_NEEDS]) {
    if (!files.some((f) => existsSync(f))) out.push({ what, pkg });
  }
  return out;
}

const gaps = missing();
if (gaps.length === 0) process.exit(0);

const pkgs = [...new Set(gaps.map((g) => g.pkg))];
const whats = gaps.map((g) => g.what).join(', ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

if (!isRoot || !hasApt) {
  console.error(
    `ensure-browsers: missing ${whats}; install the Debian/Ubuntu packages: sudo apt-get install -y ${pkgs.join(' ')}`,
  );
  process.exit(1);
}

console.log(`ensure-browsers: missing ${whats}; installing ${pkgs.join(' ')} with apt-get`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// Wait for a dpkg lock held by another apt run instead of failing at once.
const lock = ['-o', 'DPkg::Lock::Timeout=600'];
const run = (args) => {
  console.log(`$ apt-get ${args.join(' ')}`);
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`ensure-browsers: apt-get ${args[args.length - 1]} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
};
run([...lock, 'update']);
run([...lock, 'install', '-y', ...pkgs]);

const still = missing();
if (still.length) {
  // Packages installed but files deleted: apt-get install does not restore them.
  console.error(
    `ensure-browsers: still missing after install: ${still.map((g) => g.what).join(', ')}; ` +
      `try: apt-get install -y --reinstall ${[...new Set(still.map((g) => g.pkg))].join(' ')}`,
  );
  process.exit(1);
}
console.log('ensure-browsers: all browsers present');
