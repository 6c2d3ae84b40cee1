// Opens the BUILT Storybook (storybook-static/) in headless Chromium and checks that every story
// and docs page renders without console errors, in English, in Arabic (RTL) and in the dark
// theme, and that each story is axe-clean in each. Screenshots of pages with problems go to
// test-results/storybook/ (of every page with CANDOR_STORYBOOK_SCREENSHOTS=1).
// Serves the files with examples/static-server.mjs on 127.0.0.1 (no network beyond localhost).
// Usage: npm run build && npm run build-storybook && node test/support/storybook-smoke.mjs [id-filter]
// Against the dev server instead: STORYBOOK_URL=http://127.0.0.1:6006 node test/support/storybook-smoke.mjs
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';
import { createStaticServer } from '../../examples/static-server.mjs';

const root = resolve('storybook-static');
const outDir = resolve('test-results/storybook');
const filter = process.argv[2];
/** Each page is checked as designers see it by default, in Arabic (RTL) and in the dark theme. */
const VARIANTS = [
  { locale: 'en', theme: 'light' },
  { locale: 'ar', theme: 'light' },
  { locale: 'en', theme: 'dark' },
];

/** Serves storybook-static/ read-only on a free loopback port. */
function serve() {
  const server = createStaticServer(root);
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const devServer = process.env.STORYBOOK_URL?.replace(/\/$/, '');
if (devServer && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(devServer)) {
  console.error(`STORYBOOK_URL must be a local http URL such as http://127.0.0.1:6006, not ${devServer}`);
  process.exit(1);
}
if (!devServer && !existsSync(join(root, 'index.json'))) {
  console.error('storybook-static/index.json is missing: run `npm run build && npm run build-storybook` first.');
  process.exit(1);
}
const index = devServer
  ? await (await fetch(`${devServer}/index.json`)).json()
  : JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((e) => !filter || e.id.includes(filter));
const manifest = JSON.parse(readFileSync('packages/elements/custom-elements.json', 'utf8'));
const documentedTags = new Set(
  manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean)),
);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

mkdirSync(outDir, { recursive: true });
const server = devServer ? undefined : await serve();
const base = devServer ?? `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(chromiumLaunchOptions());

const problems = [];
let checked = 0;
/**
 * Pages checked at once, each in its own browser context (a page that is not in front gets no
 * animation frames, so pages sharing a context would stall). Most of a page's time is waiting
 * (network idle, Lit's first update, axe's schedule), so three at a time keep two cores busy.
 */
const PARALLEL = Math.max(1, Number(process.env.CANDOR_STORYBOOK_PARALLEL) || 3);
const SCREENSHOTS = process.env.CANDOR_STORYBOOK_SCREENSHOTS === '1';
const tasks = entries.flatMap((entry) => VARIANTS.map((variant) => ({ entry, ...variant })));
async function check({ entry, locale, theme }) {
  const label = `${entry.id} [${locale}, ${theme}]`;
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  // Anything not served from 127.0.0.1 is a bug (Storybook must not fetch from the network).
  await page.route(/^(?!http:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => {
    errors.push(`network request outside localhost: ${route.request().url()}`);
    return route.abort();
  });
  const viewMode = entry.type === 'docs' ? 'docs' : 'story';
  await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=${viewMode}&globals=locale:${locale};theme:${theme}`);
  await page.waitForFunction(
    () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
    null,
    { timeout: 15000 },
  );
  // Pure MDX pages (the introduction) render no story, so no decorator sets the locale.
  const rendersStories = !entry.tags?.includes('unattached-mdx');
  const wantDir = locale === 'ar' ? 'rtl' : 'ltr';
  // Docs pages render their stories after the page itself: wait for the decorator to run.
  if (rendersStories) {
    await page
      .waitForFunction((dir) => document.documentElement.dir === dir, wantDir, { timeout: 10000 })
      .catch(() => {});
  }
  await page.waitForLoadState('networkidle');
  // Let Lit finish its first update and any docs tables render.
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => ({
    error: document.body.classList.contains('sb-show-errordisplay')
      ? (document.querySelector('#error-message')?.textContent ?? 'error display shown')
      : null,
    lang: document.documentElement.lang,
    theme: document.documentElement.getAttribute('theme'),
    dir: document.documentElement.dir,
    argsTables: document.querySelectorAll('.docblock-argstable').length,
    rootChildren: document.querySelector('#storybook-root')?.childElementCount ?? 0,
    tagsShown: [...new Set([...document.querySelectorAll('*')].map((el) => el.localName))],
  }));
  if (state.error) errors.push(`Storybook shows an error: ${state.error.trim()}`);
  if (rendersStories && (state.lang !== locale || state.dir !== wantDir)) {
    errors.push(`the locale switch did not apply: <html lang="${state.lang}" dir="${state.dir}">, expected ${locale}/${wantDir}`);
  }
  if (rendersStories && state.theme !== theme) {
    errors.push(`the theme switch did not apply: <html theme="${state.theme}">, expected ${theme}`);
  }
  if (entry.type === 'story') {
    if (state.rootChildren === 0) errors.push('the story rendered nothing');
    await page.addScriptTag({ content: axeSource });
    // Storybook's a11y addon runs axe in the same page on its own schedule; axe refuses a
    // second concurrent run, so wait for the addon's to finish (up to 10 s) and run again.
    const outcome = await page.evaluate(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          // @ts-ignore axe is injected above
          const r = await window.axe.run('#storybook-root');
          return { violations: r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} node(s))`) };
        } catch (e) {
          if (!/already running/i.test(String(e)) || attempt >= 100) return { failure: String(e) };
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    });
    if (outcome.failure) errors.push(`axe could not run: ${outcome.failure}`);
    for (const v of outcome.violations ?? []) errors.push(`axe: ${v}`);
  } else if (rendersStories && state.argsTables === 0) {
    // A generated docs page that shows a documented component must show its API table
    // (the story's meta needs `component: 'candor-x'` for Storybook to find it).
    const shown = state.tagsShown.filter((t) => documentedTags.has(t));
    if (shown.length) errors.push(`docs page shows <${shown.join('>, <')}> but no properties table (meta.component set?)`);
  }
  // A screenshot of every page costs more than the check itself on two cores: by default only
  // the pages with problems are kept (CANDOR_STORYBOOK_SCREENSHOTS=1 keeps them all).
  if (errors.length || SCREENSHOTS) {
    await page.screenshot({ path: join(outDir, `${entry.id}--${locale}-${theme}.png`), fullPage: entry.type === 'docs' });
  }
  checked++;
  if (errors.length) problems.push(`${label}:\n    ${errors.join('\n    ')}`);
  console.log(`${errors.length ? '✗' : '✓'} ${label}${entry.type === 'docs' ? ` (docs, ${state.argsTables} args table(s))` : ''}`);
  await context.close();
}
try {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < tasks.length) {
        const task = tasks[next++];
        // A page that crashes or times out is one failing page, not the end of the check.
        await check(task).catch((e) => {
          checked++;
          problems.push(`${task.entry.id} [${task.locale}, ${task.theme}]:\n    ${String(e)}`);
          console.log(`✗ ${task.entry.id} [${task.locale}, ${task.theme}]`);
        });
      }
    }),
  );
} finally {
  await browser.close();
  server?.close();
}

console.log(`\n${checked} page(s) checked, ${problems.length} with problems; screenshots (${SCREENSHOTS ? 'every page' : 'pages with problems'}) in ${outDir}`);
console.log(`components documented in the manifest: ${[...documentedTags].join(', ') || 'none'}`);
// Each page in each variant counts as one test in npm test's summary (test/run.mjs).
// `problems` holds one entry per failing page.
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/storybook.json', JSON.stringify({ passed: checked - problems.length, failed: problems.length, skipped: 0 }));
if (problems.length) {
  console.error(`\n${problems.join('\n')}`);
  process.exitCode = 1;
}
