// The no-build files: packages/elements/dist/cdn/, browser ES modules a page loads with
// <script type="module" src=".../candor.js"> from a CDN or its own server, no bundler, no import
// map. Built from the package's own dist (so it runs after the elements build) with lit, zod/mini
// and @candor/core bundled in, minified, with source maps.
//
// One build, several entries: `candor.js` (every component), one file per component
// (`candor-stepper.js`, ...) and one per language catalogue (`locales/ar.js`, from src/locales/ if
// that folder exists). Code the entries share (lit, zod, the shared foundation) goes into chunks
// under `chunks/`, so a page that loads two of them downloads and runs lit once, and a tag is
// never defined twice. The incident banner's feed adapters stay a chunk of their own, fetched by
// a dynamic import only when a banner reads a Statuspage, Instatus or cState feed.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const pkgDir = dirname(fileURLToPath(import.meta.url));
const dist = join(pkgDir, 'dist');
export const cdnDir = join(dist, 'cdn');

/** The registering module of each component, by the name of its CDN file. */
const COMPONENTS = {
  'candor-stepper': 'stepper/candor-stepper.js',
  'candor-consent': 'consent/candor-consent.js',
  'candor-incident-banner': 'incident-banner/candor-incident-banner.js',
  'candor-faq': 'faq/candor-faq.js',
};

/** Every entry of the CDN build: output name (without .js) -> built module in dist. */
export function cdnEntries() {
  const input = { candor: join(dist, 'index.js') };
  for (const [name, file] of Object.entries(COMPONENTS)) input[name] = join(dist, file);
  const locales = join(pkgDir, 'src', 'locales');
  if (existsSync(locales)) {
    for (const f of readdirSync(locales)) {
      if (f.endsWith('.ts') && !f.endsWith('.d.ts')) input[`locales/${f.replace(/\.ts$/, '')}`] = join(dist, 'locales', f.replace(/\.ts$/, '.js'));
    }
  }
  return input;
}

function banner() {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  return `/*! ${pkg.name} ${pkg.version} | ${pkg.license} | bundles lit (BSD-3-Clause), zod (MIT), @candor/core (Apache-2.0) */`;
}

/** Fails the build on a bare import left unresolved: a browser with no bundler could not load it. */
function noBareImports() {
  return {
    name: 'candor-cdn-no-bare-imports',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const bare = [...chunk.imports, ...chunk.dynamicImports].filter((i) => !i.startsWith('chunks/') && !Object.hasOwn(bundle, i));
        if (bare.length) this.error(`dist/cdn/${chunk.fileName} imports ${bare.join(', ')}, which a browser cannot resolve without a bundler.`);
      }
    },
  };
}

/** The Rollup config of dist/cdn/. Every input must be built first (the elements config). */
export function cdnConfig() {
  return {
    input: cdnEntries(),
    // Browser conditions and lit's production build: the files a browser bundler would pick.
    plugins: [
      {
        // Clear the folder at the start of the build, so no chunk of an older build lingers.
        name: 'candor-cdn-clean',
        buildStart() {
          rmSync(cdnDir, { recursive: true, force: true });
        },
      },
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    ],
    output: {
      dir: cdnDir,
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      banner: (chunk) => (chunk.isEntry ? banner() : ''),
      // Keeps the banner and the bundled packages' @license notices.
      plugins: [terser({ format: { comments: 'some' } }), noBareImports()],
    },
    onwarn(warning, warn) {
      // lit's and zod's own circular imports are harmless and not ours to fix.
      if (warning.code === 'CIRCULAR_DEPENDENCY') return;
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`dist/cdn: ${warning.message}`);
      warn(warning);
    },
  };
}
