// Builds workspace packages only when their dist/ is older than what it is built from, and says
// what it is doing: `npm start`, `npm run example:html` and `npm run bench` run it first.
// A package is stale when any file or folder under its src/, its package.json or tsconfig.json,
// or the shared rollup.config.mjs, tsconfig.json or package-lock.json is newer than the oldest
// .js file in its dist/ (a missing dist/ is stale too). Folder times catch deleted sources.
//
// Usage: node examples/build-if-stale.mjs core cli          build what is stale, in this order
//        node examples/build-if-stale.mjs --check core cli  only report; exit 1 if anything is stale
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SHARED_INPUTS = ['rollup.config.mjs', 'tsconfig.json', 'package-lock.json'];
const PACKAGES = ['core', 'elements', 'cli', 'react'];

/** Every file and folder under `dir` (the folder itself included), with its modification time. */
function* walk(dir) {
  yield { path: dir, mtimeMs: statSync(dir).mtimeMs };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield { path, mtimeMs: statSync(path).mtimeMs };
  }
}

/** The newest input of package `name`: `{ path, mtimeMs }`. */
export function newestInput(name) {
  const pkgDir = join(root, 'packages', name);
  const inputs = [...walk(join(pkgDir, 'src'))];
  for (const file of [join(pkgDir, 'package.json'), join(pkgDir, 'tsconfig.json'), ...SHARED_INPUTS.map((f) => join(root, f))]) {
    if (existsSync(file)) inputs.push({ path: file, mtimeMs: statSync(file).mtimeMs });
  }
  return inputs.reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
}

/** The oldest built .js file of package `name`, or undefined when there is none. */
export function oldestOutput(name) {
  const dist = join(root, 'packages', name, 'dist');
  if (!existsSync(dist)) return undefined;
  const outputs = [...walk(dist)].filter((f) => f.path.endsWith('.js'));
  return outputs.length === 0 ? undefined : outputs.reduce((a, b) => (b.mtimeMs < a.mtimeMs ? b : a));
}

/** Why package `name` needs building, or undefined when its dist/ is up to date. */
export function staleReason(name) {
  const output = oldestOutput(name);
  if (!output) return 'not built yet';
  const input = newestInput(name);
  return input.mtimeMs > output.mtimeMs ? `${relative(root, input.path)} changed since the last build` : undefined;
}

function build(name) {
  const started = Date.now();
  const rollup = join(root, 'node_modules', 'rollup', 'dist', 'bin', 'rollup');
  const r = spawnSync(process.execPath, [rollup, '-c', '--silent', '--environment', `CANDOR_PKG:${name}`], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✗ building @candor/${name} failed (rollup exit ${r.status ?? r.signal}); the errors are above.`);
    return false;
  }
  console.log(`  built @candor/${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

function main(argv) {
  const check = argv.includes('--check');
  const names = argv.filter((a) => a !== '--check');
  const unknown = names.filter((n) => !PACKAGES.includes(n));
  if (names.length === 0 || unknown.length > 0) {
    console.error(`build-if-stale: name the packages to build (${PACKAGES.join(', ')})${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`);
    return 2;
  }
  let stale = 0;
  for (const name of names) {
    const reason = staleReason(name);
    if (reason === undefined) {
      console.log(`@candor/${name} is up to date (nothing changed since its last build)`);
      continue;
    }
    stale++;
    if (check) {
      console.log(`@candor/${name} would be built: ${reason}`);
      continue;
    }
    console.log(`building @candor/${name} (${reason})…`);
    if (!build(name)) return 1;
  }
  return check && stale > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
