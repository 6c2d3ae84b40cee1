// Bundles entry.mjs (the Candor components, lit, zod/mini and the consent API the page uses)
// into one minified browser ES module, dist/candor-elements.js, that a plain HTML page loads
// with <script type="module">: no framework, no bundler on the host's side. The status-feed
// adapters the banner loads on demand become a chunk beside it (dist/chunks/), fetched only
// when a banner reads a Statuspage feed.
// Usage: npm run build && node examples/plain-html/build.mjs   (or import { buildBundle })
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');

/** Where the page expects the bundle. */
export const BUNDLE_FILE = join(here, 'dist', 'candor-elements.js');

/** The sample notices the page shows: the shared fixture, copied beside the bundle (the server serves only this folder). */
export const NOTICES_FILE = join(here, 'dist', 'sample-notices.js');

/** The sample onboarding journey (English and Arabic) the pages show, copied the same way. */
export const JOURNEY_FILE = join(here, 'dist', 'sample-journey.js');

/** The sample incidents (the banner on csp.html), copied the same way. */
export const INCIDENTS_FILE = join(here, 'dist', 'sample-incidents.js');

/** The sample FAQ entries (English and Arabic) and contact channels the pages show, copied the same way. */
export const FAQ_FILE = join(here, 'dist', 'sample-faq.js');

/** The built files the entry imports: without them the bundle cannot be made. */
const REQUIRED = [
  'packages/elements/dist/stepper/candor-stepper.js',
  'packages/elements/dist/consent/candor-consent.js',
  'packages/elements/dist/incident-banner/candor-incident-banner.js',
  'packages/elements/dist/faq/candor-faq.js',
  'packages/core/dist/consent/index.js',
];

/**
 * Builds dist/candor-elements.js and returns its path and size in bytes.
 * Throws an Error naming what is missing (run `npm run build`) or what did not resolve.
 *
 * @example
 * const { file, bytes } = await buildBundle();
 */
export async function buildBundle({ minify = true } = {}) {
  const missing = REQUIRED.filter((f) => !existsSync(join(repo, f)));
  if (missing.length) {
    throw new Error(`Cannot build the plain-HTML example: ${missing.join(', ')} not found. Run \`npm run build\` at the repository root first.`);
  }
  const problems = [];
  const bundle = await rollup({
    input: join(here, 'entry.mjs'),
    // The adapters chunk imports shared code (zod/mini) from the entry; without this Rollup moves
    // everything into a second chunk behind a one-line facade.
    preserveEntrySignatures: 'allow-extension',
    // Browser conditions: the same files a browser bundler would pick.
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'production'] })],
    onwarn(warning) {
      // lit's and zod's own circular imports are harmless and not ours to fix.
      if (warning.code === 'CIRCULAR_DEPENDENCY') return;
      problems.push(warning.message);
    },
  });
  try {
    // A bare import left in the bundle would fail in the browser with no bundler to resolve it.
    const unresolved = problems.filter((w) => /could not be resolved|treating it as an external/i.test(w));
    if (unresolved.length) throw new Error(`Cannot build the plain-HTML example, imports that do not resolve: ${unresolved.join('; ')}`);
    rmSync(join(dirname(BUNDLE_FILE), 'chunks'), { recursive: true, force: true }); // no chunk left from an older build
    await bundle.write({
      dir: dirname(BUNDLE_FILE),
      entryFileNames: basename(BUNDLE_FILE),
      chunkFileNames: 'chunks/[name]-[hash].js',
      format: 'es',
      sourcemap: true,
      plugins: minify ? [terser({ format: { comments: false } })] : [],
    });
    copyFileSync(join(repo, 'examples', 'fixtures', 'consent-notices.js'), NOTICES_FILE);
    copyFileSync(join(repo, 'examples', 'fixtures', 'onboarding-journey.js'), JOURNEY_FILE);
    copyFileSync(join(repo, 'examples', 'fixtures', 'incidents.js'), INCIDENTS_FILE);
    copyFileSync(join(repo, 'examples', 'fixtures', 'faq.js'), FAQ_FILE);
  } finally {
    await bundle.close();
  }
  return { file: BUNDLE_FILE, bytes: statSync(BUNDLE_FILE).size };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { file, bytes } = await buildBundle();
    console.log(`built ${relative(process.cwd(), file)} (${(bytes / 1024).toFixed(1)} KB minified)`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
