// Builds every workspace package to packages/<name>/dist: ESM with one output file per source
// module (so `sideEffects` and subpath exports map cleanly), .d.ts files and source maps.
import { readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { cdnConfig } from './packages/elements/rollup.cdn.mjs';

const packagesDir = 'packages';

/** Every `.ts` module under `src/` (declaration files aside) is an entry, so each subpath export and each module exists as its own file. */
function entries(pkgDir) {
  const src = join(pkgDir, 'src');
  const found = [];
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (/\.ts$/.test(d.name) && !d.name.endsWith('.d.ts')) found.push(p);
    }
  };
  walk(src);
  return found;
}

function config(name) {
  const pkgDir = join(packagesDir, name);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const dist = join(pkgDir, 'dist');
  return {
    input: entries(pkgDir),
    // Bare imports of dependencies (and node: built-ins) stay imports; everything else is bundled.
    external: (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`)),
    output: {
      dir: dist,
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: join(pkgDir, 'src'),
    },
    plugins: [
      // A module deleted from src/ must not live on in dist/ (and in the published package).
      { name: 'candor-clean-dist', buildStart: () => rmSync(dist, { recursive: true, force: true }) },
      typescript({
        tsconfig: join(pkgDir, 'tsconfig.json'),
        noEmitOnError: true,
      }),
      // The elements' html`` and css`` templates ship without their indentation and line breaks
      // (lit's own minifier: html-minifier-next and lightningcss); a failure stops the build.
      ...(name === 'elements' ? [minifyHTML({ failOnError: true, options: { minifyOptions: { conservativeCollapse: true } } })] : []),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
      warn(warning);
    },
  };
}

// CANDOR_PKG=core builds one package (comma-separated list allowed); the default builds all, in order.
// The elements build is followed by its no-build files, dist/cdn/ (packages/elements/rollup.cdn.mjs).
const only = process.env.CANDOR_PKG?.split(',');
export default ['core', 'elements', 'cli', 'react']
  .filter((name) => !only || only.includes(name))
  .filter((name) => existsSync(join(packagesDir, name, 'src')) && entries(join(packagesDir, name)).length > 0)
  .flatMap((name) => (name === 'elements' ? [config(name), cdnConfig()] : [config(name)]));
