// `npm test`: makes sure Chromium is there, builds, type-checks, runs every test runner and
// ends with one line summing them all: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chromiumPath } from './support/chromium.mjs';

const results = [];
let stepFailures = 0;

function run(label, cmd, args, options = {}) {
  console.log(`\n━━ ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  const ok = r.status === 0;
  if (!ok) console.log(`✗ ${label} failed (exit ${r.status ?? r.signal ?? r.error?.message})`);
  return ok;
}

function ensureChromium() {
  if (existsSync(chromiumPath())) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      'Chromium is missing. Install Debian\'s chromium package (sudo apt-get install -y chromium), ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary, then run npm test again.',
    );
    return false;
  }
  console.log('Chromium is missing; installing Debian\'s chromium package (running as root).');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run('apt-get update', 'apt-get', ['update', '-qq'], { env }) &&
    run('install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], { env }) &&
    existsSync(chromiumPath())
  );
}

/** Reads a runner's counts; a runner that wrote nothing counts as one failure. */
function counts(name) {
  const file = `test-results/${name}.json`;
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  return JSON.parse(readFileSync(file, 'utf8'));
}

rmSync('test-results', { recursive: true, force: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const chromiumOk = ensureChromium();
if (!chromiumOk) stepFailures++;

const built = run('build', npm, ['run', 'build']);
if (!built) stepFailures++;
if (built && !run('type-check', npm, ['run', 'typecheck'])) stepFailures++;

if (built) {
  run('node tests', process.execPath, ['--import', 'tsx', 'test/node-runner.mjs']);
  results.push(['node', counts('node')]);
  if (chromiumOk) {
    run('browser tests (Chromium)', npm, ['run', 'test:browser']);
    results.push(['browser', counts('browser')]);
    // Downloads made to fail: on their own, so no other page is handed the failure.
    const isolated = { ...process.env, CANDOR_WTR_FILES: 'test/elements/isolated/**/*.test.ts', CANDOR_WTR_RESULTS: 'browser-isolated', CANDOR_WTR_CONCURRENCY: '1' };
    run('browser tests, failed downloads (Chromium)', npm, ['run', 'test:browser'], { env: isolated });
    results.push(['browser, failed downloads', counts('browser-isolated')]);
  }
}
if (existsSync('.storybook/main.ts') && built) {
  if (run('storybook build', npm, ['run', 'build-storybook', '--', '--quiet'])) {
    if (chromiumOk) {
      // Every story and docs page in English, Arabic and dark: renders, no console error, axe-clean.
      run('storybook pages (Chromium)', process.execPath, ['test/support/storybook-smoke.mjs']);
      results.push(['storybook', counts('storybook')]);
    }
  } else {
    stepFailures++;
  }
}

let passed = 0;
let failed = stepFailures;
let skipped = 0;
console.log('\n━━ summary');
for (const [name, c] of results) {
  console.log(`${name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped ?? 0;
}
if (stepFailures) console.log(`${stepFailures} step(s) failed outside the test runners (each counted as a failure)`);
if (skipped) console.log(`${skipped} skipped (not counted: a test that cannot run in that runner, such as a 512 MiB list in a browser tab)`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
