// Measures what one Candor component costs a page that loads only it: its registering file
// bundled on its own with everything it imports (lit, @candor/core, zod/mini), minified and
// gzipped. Also measures, the same way, the floor under every component: a minimal LitElement,
// then the same element validating with zod/mini. Used by test/node/size.test.ts; the figures go
// to test-results/sizes.json and the README.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup, type OutputChunk, type Plugin, type RollupLog } from 'rollup';
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

/** What one bundle costs, in bytes, and which modules contribute to it. */
export interface BundleSize {
  /** Bundled, not minified. */
  raw: number;
  /** Bundled and minified with terser. */
  min: number;
  /** The minified bundle gzipped at level 9. */
  gzip: number;
  /** Every module that contributes code, largest first, with its rendered (unminified) bytes. */
  modules: { id: string; bytes: number }[];
}

/** What the component costs, in bytes, plus where the bytes come from. */
export interface ComponentSize extends BundleSize {
  tag: string;
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

/** Shortens a module id to something readable: `node_modules/lit-html/lit-html.js`, `candor-floor:lit`. */
function readableId(id: string): string {
  if (id.startsWith('\0')) return id.slice(1); // a virtual module (the floor's entries), not a path
  const rel = relative(repoRoot, id).split(sep).join('/');
  return rel.startsWith('..') ? id : rel;
}

/**
 * A dynamic `import()` (the incident banner's status-feed adapters) is code a page loads only
 * when it needs it, not with the component: it stays an import, outside the measured bundle.
 */
const lazyImportsStayLazy: Plugin = { name: 'candor-lazy-imports', resolveDynamicImport: () => false };

/**
 * Bundles `input` for the browser as a page would load it (`browser` export condition, lit's
 * production build). `plugins` run before node-resolve (the floor's virtual entries); `external`
 * leaves modules out by their resolved path.
 */
async function bundleFor(name: string, input: string, options: { external?: (id: string) => boolean; plugins?: Plugin[] } = {}) {
  const { external, plugins = [] } = options;
  const warnings: string[] = [];
  const bundle = await rollup({
    input,
    plugins: [...plugins, lazyImportsStayLazy, nodeResolve({ browser: true, exportConditions: ['browser', 'production'] })],
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
    throw new Error(`${name}: imports that do not resolve: ${unresolved.join('; ')}`);
  }
  return bundle;
}

const minify = terser({ format: { comments: false } });
const gzipLength = (code: string): number => gzipSync(Buffer.from(code, 'utf8'), { level: 9 }).length;

/** Bundles `input` into one chunk and measures it: raw, minified, gzipped, and by module. */
async function measureBundle(name: string, input: string, plugins?: Plugin[]): Promise<BundleSize> {
  const bundle = await bundleFor(name, input, { plugins });
  try {
    const raw = await bundle.generate({ format: 'es' });
    const min = await bundle.generate({ format: 'es', plugins: [minify] });
    if (raw.output.length !== 1 || min.output.length !== 1) {
      throw new Error(`${name}: expected one chunk`);
    }
    const rawChunk = raw.output[0] as OutputChunk;
    const minChunk = min.output[0] as OutputChunk;
    const modules = Object.entries(rawChunk.modules)
      .filter(([, m]) => m.renderedLength > 0)
      .map(([id, m]) => ({ id: readableId(id), bytes: m.renderedLength }))
      .sort((a, b) => b.bytes - a.bytes || a.id.localeCompare(b.id));
    return {
      raw: Buffer.byteLength(rawChunk.code, 'utf8'),
      min: Buffer.byteLength(minChunk.code, 'utf8'),
      gzip: gzipLength(minChunk.code),
      modules,
    };
  } finally {
    await bundle.close();
  }
}

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
  return { tag: entry.tag, ...(await measureBundle(entry.tag, entry.file)) };
}

/** Where a component's bytes come from, by the package (or folder) that contributes them. */
const GROUPS: { name: string; test: (readable: string) => boolean }[] = [
  { name: 'lit', test: (id) => /^node_modules\/(lit|lit-html|lit-element|@lit)\//.test(id) },
  { name: 'zod', test: (id) => id.startsWith('node_modules/zod/') },
  { name: '@candor/core', test: (id) => id.startsWith('packages/core/') },
  { name: '@candor/elements shared foundation', test: (id) => id.startsWith('packages/elements/dist/shared/') },
];

/** The source group (`lit`, `zod`, …) a readable module id belongs to, if any. */
export function groupOf(readable: string): string | undefined {
  return GROUPS.find((g) => g.test(readable))?.name;
}

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
    const bundle = await bundleFor(entry.tag, entry.file, { external: (id) => left.some((l) => l.test(readableId(id))) });
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

/** The two floor bundles: lit on its own, then lit with zod/mini validation. */
export type FloorName = 'lit' | 'lit + zod/mini';

/** One floor bundle's size, with what it contains. */
export interface FloorSize extends BundleSize {
  name: FloorName;
  /** What the entry module does, in words. */
  description: string;
}

/**
 * The entry module of a floor bundle. Both define the same minimal element (one property, one
 * CSS rule, one template); with `zod`, the template shows the value only after zod/mini has
 * validated it against a one-field object schema, the least a component validating its input
 * can do.
 */
function floorSource(zod: boolean): string {
  const read = zod
    ? "const r = Item.safeParse(this.value); const shown = r.success ? r.data.id : '';"
    : 'const shown = this.value;';
  return [
    "import { LitElement, css, html } from 'lit';",
    ...(zod ? ["import * as z from 'zod/mini';", 'const Item = z.object({ id: z.string() });'] : []),
    'class FloorElement extends LitElement {',
    '  static properties = { value: { attribute: false } };',
    '  static styles = css`:host { display: block; }`;',
    `  render() { ${read} return html\`<p>\${shown}</p>\`; }`,
    '}',
    "customElements.define('candor-floor', FloorElement);",
  ].join('\n');
}

const FLOORS: { name: FloorName; description: string; source: string }[] = [
  {
    name: 'lit',
    description: 'a minimal LitElement (one property, one CSS rule, one template), defined',
    source: floorSource(false),
  },
  {
    name: 'lit + zod/mini',
    description: 'the same element validating its value with zod/mini: z.object({ id: z.string() }).safeParse',
    source: floorSource(true),
  },
];

const FLOOR_PREFIX = '\0candor-floor:';

/**
 * Serves the floor entries as virtual modules (no files in the repository) and resolves their
 * bare imports (`lit`, `zod/mini`) as if imported from the repository root, so they come from
 * the repository's node_modules whatever the working directory.
 */
function floorEntries(): Plugin {
  return {
    name: 'candor-floor-entries',
    resolveId(source, importer) {
      if (source.startsWith(FLOOR_PREFIX)) return source;
      if (importer?.startsWith(FLOOR_PREFIX)) return this.resolve(source, join(repoRoot, 'package.json'), { skipSelf: true });
      return null;
    },
    load(id) {
      if (!id.startsWith(FLOOR_PREFIX)) return null;
      const floor = FLOORS.find((f) => FLOOR_PREFIX + f.name === id);
      if (!floor) throw new Error(`${readableId(id)}: no such floor entry; known: ${FLOORS.map((f) => f.name).join(', ')}`);
      return floor.source;
    },
  };
}

/**
 * Measures the floor under every component, with exactly the pipeline components go through:
 * lit alone, then lit with zod/mini. No component built on both can be smaller than the second.
 * Deterministic: same dependencies, same bytes.
 *
 * @example
 * const [lit, litZod] = await measureFloor();
 */
export async function measureFloor(): Promise<FloorSize[]> {
  const out: FloorSize[] = [];
  for (const f of FLOORS) {
    const size = await measureBundle(`floor "${f.name}"`, FLOOR_PREFIX + f.name, [floorEntries()]);
    out.push({ name: f.name, description: f.description, ...size });
  }
  return out;
}

/** `12345` -> `12.06 KB` (KB = 1024 bytes, as in the budget). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`;
}

const TOGETHER_PREFIX = '\0candor-together:';

/** Serves `\0candor-together:<files joined by |>` as a module that imports each registering file. */
function togetherEntries(): Plugin {
  return {
    name: 'candor-together-entries',
    resolveId: (source) => (source.startsWith(TOGETHER_PREFIX) ? source : null),
    load(id) {
      if (!id.startsWith(TOGETHER_PREFIX)) return null;
      return id
        .slice(TOGETHER_PREFIX.length)
        .split('|')
        .map((file) => `import ${JSON.stringify(file)};`)
        .join('\n');
    },
  };
}

/**
 * Bundles several components as one page loads them together (one copy of lit, zod and the
 * shared code) and measures the result. With every component, it is what a page with all of
 * them downloads; leaving one out gives, by difference, what that one adds to such a page.
 *
 * @example
 * const all = await measureTogether(componentEntries());
 * const withoutFaq = await measureTogether(componentEntries().filter((e) => e.tag !== 'candor-faq'));
 * const faqOnAPage = all.gzip - withoutFaq.gzip;
 */
export async function measureTogether(entries: readonly ComponentEntry[]): Promise<BundleSize> {
  if (!entries.length) return { raw: 0, min: 0, gzip: 0, modules: [] };
  for (const e of entries) if (!existsSync(e.file)) await measureComponent(e); // throws the "build first" message
  const id = TOGETHER_PREFIX + entries.map((e) => e.file).join('|');
  return measureBundle(entries.map((e) => e.tag).join(' + '), id, [togetherEntries()]);
}
