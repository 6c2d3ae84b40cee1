// What each no-build file (dist/cdn/, built by `npm run build`) costs a page: the file and every
// chunk it imports statically, minified bytes and gzip -9 bytes (each file compressed on its
// own, as a server sends it), plus the chunks loaded only on demand. Prints the Markdown table
// docs/install.md shows; `--write` puts it into docs/install.md between its markers.
// Usage: node packages/elements/scripts/cdn-sizes.mjs [--write]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';

const here = dirname(fileURLToPath(import.meta.url));
export const CDN_DIR = join(here, '..', 'dist', 'cdn');
export const DOC_FILE = join(here, '..', '..', '..', 'docs', 'install.md');
export const START = '<!-- cdn-sizes:start (node packages/elements/scripts/cdn-sizes.mjs --write) -->';
export const END = '<!-- cdn-sizes:end -->';

/** The entry files, in the order the docs list them, with what loading each one gives a page. */
const ENTRIES = [
  ['candor.js', 'every component: `<candor-stepper>`, `<candor-consent>`, `<candor-incident-banner>`, `<candor-faq>`'],
  ['candor-stepper.js', '`<candor-stepper>` and `<candor-step>`'],
  ['candor-consent.js', '`<candor-consent>` and the consent-record helpers it uses'],
  ['candor-incident-banner.js', '`<candor-incident-banner>`'],
  ['candor-faq.js', '`<candor-faq>`, `<candor-faq-entry>` and the FAQ search'],
];

/** The module specifiers `code` imports: static (`import`, `export … from`) and dynamic, apart. */
function importsOf(code) {
  const found = { static: [], dynamic: [] };
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'ImportExpression' && node.source?.type === 'Literal') found.dynamic.push(node.source.value);
    else if (/^(ImportDeclaration|Export(Named|All)Declaration)$/.test(node.type) && node.source) found.static.push(node.source.value);
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
  };
  walk(parseAst(code));
  return found;
}

/** Minified and gzip -9 bytes of one file of dist/cdn. */
function fileSize(file) {
  const code = readFileSync(join(CDN_DIR, file));
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** What each on-demand chunk gives a page, by the start of its file name; others are named by file. */
const ON_DEMAND = [
  ['adapters', 'status-feed adapters (`format="statuspage"`, `"instatus"`, `"cstate"`)'],
  ['incident-banner.feed', 'feed polling (`src`)'],
  ['faq.contacts', 'contact channels (`contacts`)'],
  ['faq.incidents', 'known issues (`incidents`, or `incident-banner` during an incident)'],
  ['faq.json-ld', 'JSON-LD (`json-ld`)'],
  ['faq.children', 'entries written as `<candor-faq-entry>` children'],
  ['consent.receipt', 'receipts (`downloadReceipt()`)'],
  ['consent.records', 'building consent records (when the customer reaches for the controls)'],
  ['salvage', 'recovering damaged consent storage'],
  ['local-storage.write', 'storing consent records in localStorage (when the customer decides)'],
  ['ar', 'Arabic'],
];
const onDemandName = (file) => {
  const base = posix.basename(file, '.js');
  return ON_DEMAND.find(([prefix]) => base === prefix || base.startsWith(`${prefix}-`))?.[1] ?? base;
};

/**
 * What loading `entry` (a path inside dist/cdn) downloads: the file and its static imports,
 * transitively; and apart from them, for each chunk it may load later by dynamic import, what
 * that chunk and its own static imports add.
 */
export function costOf(entry) {
  const closure = (start, into, roots) => {
    const visit = (file) => {
      if (into.has(file)) return;
      into.add(file);
      const { static: s, dynamic: d } = importsOf(readFileSync(join(CDN_DIR, file), 'utf8'));
      for (const spec of s) visit(posix.join(posix.dirname(file), spec));
      for (const spec of d) roots.add(posix.join(posix.dirname(file), spec));
    };
    visit(start);
  };
  const eager = new Set();
  const roots = new Set();
  closure(entry, eager, roots);
  const sum = (files) => [...files].map(fileSize).reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip }), { min: 0, gzip: 0 });
  // Each on-demand chunk with what it imports beyond the entry's files (and the chunks that in turn load on demand).
  const lazy = [];
  const done = new Set(eager);
  for (const root of roots) {
    if (done.has(root)) continue;
    const files = new Set();
    closure(root, files, roots);
    for (const f of eager) files.delete(f);
    for (const f of files) done.add(f);
    lazy.push({ name: onDemandName(root), files: files.size, ...sum(files) });
  }
  return { files: eager.size, ...sum(eager), lazy };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** One row per entry file: name, contents, files fetched, minified and gzipped totals, on-demand chunks. */
export function sizeRows() {
  if (!existsSync(join(CDN_DIR, 'candor.js'))) throw new Error(`${relative(process.cwd(), CDN_DIR)}/candor.js is missing: run npm run build first.`);
  const rows = ENTRIES.map(([file, what]) => ({ file, what, ...costOf(file) }));
  const locales = join(CDN_DIR, 'locales');
  if (existsSync(locales)) {
    for (const f of readdirSync(locales).filter((n) => n.endsWith('.js')).sort()) rows.push({ file: `locales/${f}`, what: `the ${f.replace(/\.js$/, '')} catalogue for every component`, ...costOf(`locales/${f}`) });
  }
  return rows;
}

/** The Markdown table for docs/install.md. */
export function sizeTable(rows = sizeRows()) {
  const lines = [
    '| file | what it gives the page | files fetched | minified | gzipped | loaded only when a page uses it (gzipped) |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const lazy = r.lazy.map((l) => `${l.name}: ${kb(l.gzip)}`).join('; ');
    lines.push(`| \`${r.file}\` | ${r.what} | ${r.files} | ${kb(r.min)} | ${kb(r.gzip)} | ${lazy} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const table = sizeTable();
    if (process.argv.includes('--write')) {
      const doc = readFileSync(DOC_FILE, 'utf8');
      const a = doc.indexOf(START);
      const b = doc.indexOf(END);
      if (a < 0 || b < a) throw new Error(`${relative(process.cwd(), DOC_FILE)} has no ${START} … ${END} markers to write between.`);
      writeFileSync(DOC_FILE, `${doc.slice(0, a + START.length)}\n${table}\n${doc.slice(b)}`);
      console.log(`wrote the sizes into ${relative(process.cwd(), DOC_FILE)}`);
    } else {
      console.log(table);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
