// Measures what one Candor component costs a page that loads only it: its registering file
// bundled on its own with everything it imports (lit, @candor/core, zod/mini), minified and
// gzipped. Used by test/node/size.test.ts; the figures go to test-results/sizes.json and the
// README.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup, type OutputChunk, type RollupLog } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const elementsDir = join(repoRoot, 'packages/elements');

/** A component's registering module: importing it defines the tag (`dist/x/candor-x.js`). */
export interface ComponentEntry {
  /** Tag name, from the file name: `candor-stepper`. */
  tag: string;
  /** Absolute path of the built registering file. */
  file: string;
}

/** What the component costs, in bytes, plus where the bytes come from. */
export interface ComponentSize {
  tag: string;
  /** Bundled, not minified. */
  raw: number;
  /** Bundled and minified with terser. */
  min: number;
  /** The minified bundle gzipped at level 9. */
  gzip: number;
  /** Every module that contributes code, largest first, with its rendered (unminified) bytes. */
  modules: { id: string; bytes: number }[];
  /** Filled in by {@link gzipByGroup} when someone needs to know where the bytes come from. */
  gzipByGroup?: { group: string; gzip: number }[];
}

const REGISTERING_FILE = /(?:^|\/)candor-[a-z0-9-]+\.js$/;

/**
 * The components' registering files, read from packages/elements/package.json: every
 * `sideEffects` entry and every export target named `candor-*.js`. A new component is
 * covered as soon as its package entry exists, without touching the test.
 */
export function componentEntries(): ComponentEntry[] {
  const pkg = JSON.parse(readFileSync(join(elementsDir, 'package.json'), 'utf8')) as {
    sideEffects?: unknown;
    exports?: unknown;
  };
  const paths = new Set<string>();
  if (Array.isArray(pkg.sideEffects)) {
    for (const p of pkg.sideEffects) if (typeof p === 'string' && REGISTERING_FILE.test(p)) paths.add(p);
  }
  const collect = (target: unknown): void => {
    if (typeof target === 'string') {
      if (REGISTERING_FILE.test(target)) paths.add(target);
    } else if (target && typeof target === 'object') {
      for (const v of Object.values(target)) collect(v);
    }
  };
  collect(pkg.exports);
  return [...paths]
    .map((p) => join(elementsDir, p))
    .filter((file, i, all) => all.indexOf(file) === i)
    .sort()
    .map((file) => ({ tag: file.split(sep).pop()!.replace(/\.js$/, ''), file }));
}

/** Shortens an absolute module id to something readable: `node_modules/lit-html/lit-html.js`. */
function readableId(id: string): string {
  const rel = relative(repoRoot, id.replace(/^\0/, '')).split(sep).join('/');
  return rel.startsWith('..') ? id : rel;
}

/** Bundles `file` for the browser as a page would load it (`browser` export condition, lit's production build). */
async function bundleFor(tag: string, file: string, external?: (id: string) => boolean) {
  const warnings: string[] = [];
  const bundle = await rollup({
    input: file,
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'production'] })],
    // Rollup asks again with the resolved absolute path, which is what the groups match.
    ...(external ? { external: (id: string, _importer: string | undefined, resolved: boolean) => resolved && external(id) } : {}),
    onwarn(warning: RollupLog) {
      // lit's and zod's own circular imports are harmless and not ours to fix.
      if (warning.code === 'CIRCULAR_DEPENDENCY') return;
      warnings.push(warning.message);
    },
  });
  const unresolved = warnings.filter((w) => /could not be resolved|treating it as an external/i.test(w));
  if (unresolved.length) {
    await bundle.close();
    throw new Error(`${tag}: imports that do not resolve: ${unresolved.join('; ')}`);
  }
  return bundle;
}

const minify = terser({ format: { comments: false } });
const gzipLength = (code: string): number => gzipSync(Buffer.from(code, 'utf8'), { level: 9 }).length;

/**
 * Bundles one registering file on its own and measures it. Deterministic: same input, same bytes.
 *
 * @example
 * const { gzip } = await measureComponent(componentEntries()[0]!);
 */
export async function measureComponent(entry: ComponentEntry): Promise<ComponentSize> {
  if (!existsSync(entry.file)) {
    throw new Error(
      `${entry.tag}: ${readableId(entry.file)} does not exist. packages/elements/package.json lists it; ` +
        'build first (npm run build).',
    );
  }
  const bundle = await bundleFor(entry.tag, entry.file);
  try {
    const raw = await bundle.generate({ format: 'es' });
    const min = await bundle.generate({ format: 'es', plugins: [minify] });
    if (raw.output.length !== 1 || min.output.length !== 1) {
      throw new Error(`${entry.tag}: expected one chunk; the component has a dynamic import() that splits the bundle`);
    }
    const rawChunk = raw.output[0] as OutputChunk;
    const minChunk = min.output[0] as OutputChunk;
    const modules = Object.entries(rawChunk.modules)
      .filter(([, m]) => m.renderedLength > 0)
      .map(([id, m]) => ({ id: readableId(id), bytes: m.renderedLength }))
      .sort((a, b) => b.bytes - a.bytes || a.id.localeCompare(b.id));
    return {
      tag: entry.tag,
      raw: Buffer.byteLength(rawChunk.code, 'utf8'),
      min: Buffer.byteLength(minChunk.code, 'utf8'),
      gzip: gzipLength(minChunk.code),
      modules,
    };
  } finally {
    await bundle.close();
  }
}

/** Where a component's bytes come from, by the package (or folder) that contributes them. */
const GROUPS: { name: string; test: (readable: string) => boolean }[] = [
  { name: 'lit', test: (id) => /^node_modules\/(lit|lit-html|lit-element|@lit)\//.test(id) },
  { name: 'zod', test: (id) => id.startsWith('node_modules/zod/') },
  { name: '@candor/core', test: (id) => id.startsWith('packages/core/') },
  { name: '@candor/elements shared foundation', test: (id) => id.startsWith('packages/elements/dist/shared/') },
];

/**
 * What each source costs the component, gzipped. The groups are left out (made external) one
 * after another, and each is charged the bytes its removal saves; what is left at the end is the
 * component's own code. Removing them cumulatively keeps the figures from counting shared code
 * twice (zod reached through @candor/core is charged to zod, not to both) and makes them add up
 * to the total.
 *
 * @example
 * for (const g of await gzipByGroup(entry, size)) console.log(g.group, kb(g.gzip));
 */
export async function gzipByGroup(entry: ComponentEntry, size: ComponentSize): Promise<{ group: string; gzip: number }[]> {
  const out: { group: string; gzip: number }[] = [];
  const left: typeof GROUPS = [];
  let previous = size.gzip;
  for (const g of GROUPS) {
    if (!size.modules.some((m) => g.test(m.id))) continue;
    left.push(g);
    const bundle = await bundleFor(entry.tag, entry.file, (id) => left.some((l) => l.test(readableId(id))));
    try {
      const { output } = await bundle.generate({ format: 'es', plugins: [minify] });
      const remaining = output.reduce((n, o) => n + (o.type === 'chunk' ? gzipLength(o.code) : 0), 0);
      out.push({ group: g.name, gzip: previous - remaining });
      previous = remaining;
    } finally {
      await bundle.close();
    }
  }
  out.push({ group: `${entry.tag}'s own code`, gzip: previous });
  return out.sort((a, b) => b.gzip - a.gzip);
}

/** `12345` -> `12.06 KB` (KB = 1024 bytes, as in the budget). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`;
}
