// Opens the BUILT Storybook (storybook-static/) in headless Chromium and checks that every story
// and docs page renders without console errors, in English, in Arabic (RTL) and in the dark
// theme, and that each story is axe-clean in each. Screenshots of pages with problems go to
// test-results/storybook/ (of every page with CANDOR_STORYBOOK_SCREENSHOTS=1).
// Serves the files with examples/static-server.mjs on 127.0.0.1 (no network beyond localhost).
// Usage: npm run build && npm run build-storybook && node test/support/storybook-smoke.mjs [id-filter[,id-filter...]]
// Against the dev server instead: STORYBOOK_URL=http://127.0.0.1:6006 node test/support/storybook-smoke.mjs
//
// Stories are switched in place: each worker loads iframe.html once and then moves from story to
// story through Storybook's own preview channel (setCurrentStory, updateGlobals), the way the
// Storybook UI does, waiting for `storyFinished` (after the loaders, the render, the play function
// and the a11y addon's own axe run). Between two stories the worker resets what a story could
// leave behind (storage, focus, scroll, a patched fetch, stray nodes in <body>); after a story
// with a problem it loads the page afresh, so one broken story cannot make the next one fail or
// pass. Docs pages are loaded in full, each in its own page.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';
import { createStaticServer } from '../../examples/static-server.mjs';

const root = resolve('storybook-static');
const outDir = resolve('test-results/storybook');
/** Only the entries whose id contains one of these (comma-separated), e.g. `stepper,faq--docs`. */
const filters = process.argv[2]?.split(',').filter(Boolean);
/** Each page is checked as designers see it by default, in Arabic (RTL) and in the dark theme. */
const VARIANTS = [
  { locale: 'en', theme: 'light' },
  { locale: 'ar', theme: 'light' },
  { locale: 'en', theme: 'dark' },
];
/** How long one story may take from being selected to `storyFinished` (play functions included). */
const STORY_TIMEOUT = 60_000;

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
const entries = Object.values(index.entries).filter((e) => !filters?.length || filters.some((f) => e.id.includes(f)));
const manifest = JSON.parse(readFileSync('packages/elements/custom-elements.json', 'utf8'));
const documentedTags = new Set(
  manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean)),
);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

mkdirSync(outDir, { recursive: true });
const server = devServer ? undefined : await serve();
const base = devServer ?? `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(chromiumLaunchOptions());

/**
 * Runs in the page before Storybook's bundle: records every preview event that tells how a
 * story went (the channel is caught as Storybook installs it) and keeps what the reset between
 * stories restores.
 */
function installRecorder() {
  const EVENTS = [
    'storyRenderPhaseChanged',
    'storyFinished',
    'storyErrored',
    'storyThrewException',
    'playFunctionThrewException',
    'unhandledErrorsWhilePlaying',
    'storyMissing',
    'globalsUpdated',
    // What the Actions panel logs (the components' events, see parameters.actions.handles).
    'storybook/actions/action-event',
  ];
  const log = [];
  const waiters = new Set();
  const record = (event, payload) => {
    log.push({ event, payload });
    for (const w of waiters) w();
  };
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      for (const event of EVENTS) value.on(event, (payload) => record(event, payload));
    },
  });
  /** Resolves with the first event from `from` on that `matches`, or null after `timeout` ms. */
  const next = (from, matches, timeout) =>
    new Promise((done) => {
      const look = () => {
        const hit = log.slice(from).find(matches);
        if (!hit) return false;
        waiters.delete(look);
        clearTimeout(timer);
        done(hit);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(look);
        done(null);
      }, timeout);
      waiters.add(look);
      look();
    });
  globalThis.__candorSmoke = { log, next, fetch: globalThis.fetch, bodyChildren: null };
  document.addEventListener('DOMContentLoaded', () => {
    globalThis.__candorSmoke.bodyChildren = new Set(document.body.children);
  });
}

/**
 * In the page: waits for the story `storyId` to finish (from log position `from`) and says how
 * it went, from Storybook's own events: errors thrown by the render, the loaders or the play
 * function, unhandled errors while playing, and the reports (the a11y addon's axe run).
 */
async function outcomeOf({ storyId, from, timeout }) {
  const s = globalThis.__candorSmoke;
  const end = await s.next(
    from,
    (e) => (e.event === 'storyFinished' && e.payload?.storyId === storyId) || e.event === 'storyMissing',
    timeout,
  );
  const problems = [];
  const seen = s.log.slice(from);
  for (const { event, payload } of seen) {
    if (event === 'storyErrored') problems.push(`story errored: ${payload?.title ?? ''} ${payload?.description ?? ''}`.trim());
    if (event === 'storyThrewException') problems.push(`story threw: ${payload?.name}: ${payload?.message}`);
    if (event === 'playFunctionThrewException') problems.push(`play function failed: ${payload?.name}: ${payload?.message}`);
    if (event === 'unhandledErrorsWhilePlaying') problems.push(`unhandled errors while playing: ${(payload ?? []).map((e) => e?.message).join('; ')}`);
    if (event === 'storyMissing') problems.push(`story not found or failed to load: ${payload ?? storyId}`);
  }
  if (!end) {
    const phases = seen.filter((e) => e.event === 'storyRenderPhaseChanged' && e.payload?.storyId === storyId).map((e) => e.payload.newPhase);
    problems.push(`the story did not finish within ${timeout} ms (phases: ${phases.join(' → ') || 'none'})`);
  } else if (end.event === 'storyFinished') {
    for (const report of end.payload.reporters ?? []) {
      if (report.status !== 'failed') continue;
      if (report.type === 'a11y' && report.result?.violations) {
        for (const v of report.result.violations) problems.push(`axe (a11y addon): ${v.id}: ${v.help} (${v.nodes.length} node(s))`);
      } else problems.push(`${report.type} report failed: ${JSON.stringify(report.result?.error ?? report.result).slice(0, 300)}`);
    }
    if (end.payload.status !== 'success' && !problems.length) problems.push(`storyFinished with status ${end.payload.status}`);
    // A story can name the events its play function makes the component fire: each must have
    // reached the Actions panel.
    const expected = globalThis.__STORYBOOK_PREVIEW__.currentRender?.story?.parameters?.expectedActions ?? [];
    const logged = new Set(seen.filter((e) => e.event === 'storybook/actions/action-event').map((e) => e.payload?.data?.name));
    for (const name of expected) if (!logged.has(name)) problems.push(`the Actions panel did not log ${name} (logged: ${[...logged].join(', ') || 'nothing'})`);
  }
  // Lit renders asynchronously: let every element (inside shadow roots too) finish its update.
  const pending = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.updateComplete && typeof el.updateComplete.then === 'function') pending.push(el.updateComplete);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  await Promise.all(pending);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return problems;
}

/**
 * In the page: undoes what the previous story may have left behind, then switches the
 * toolbar globals (the previous story re-renders with them; that render is waited for and not
 * judged). Resolves with the log position the next story's events start from.
 */
async function resetAndSetGlobals({ locale, theme, timeout }) {
  const s = globalThis.__candorSmoke;
  const preview = globalThis.__STORYBOOK_PREVIEW__;
  const channel = globalThis.__STORYBOOK_ADDONS_CHANNEL__;
  localStorage.clear();
  sessionStorage.clear();
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  window.scrollTo(0, 0);
  globalThis.fetch = s.fetch;
  for (const child of [...document.body.children]) {
    // Storybook's own nodes are there from the start or named; anything else a story added goes.
    if (!s.bodyChildren.has(child) && !/^storybook-|^sb-/.test(child.id) && child.localName !== 'script') child.remove();
  }
  const globals = preview.storyStoreValue.userGlobals.get();
  if (globals.locale !== locale || globals.theme !== theme) {
    const from = s.log.length;
    const rendersStory = preview.currentRender?.type === 'story';
    channel.emit('updateGlobals', { globals: { locale, theme } });
    await s.next(from, (e) => e.event === 'globalsUpdated', timeout);
    if (rendersStory) await s.next(from, (e) => e.event === 'storyFinished', timeout);
  }
  return s.log.length;
}

/** In the page: selects `storyId` (a fresh mount, play function included) through the channel. */
function select({ storyId }) {
  const preview = globalThis.__STORYBOOK_PREVIEW__;
  const channel = globalThis.__STORYBOOK_ADDONS_CHANNEL__;
  if (preview.currentSelection?.storyId === storyId && preview.currentRender?.type === 'story') {
    channel.emit('forceRemount', { storyId });
  } else {
    channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
  }
}

/** What the page shows, for the checks shared by stories and docs pages. */
function pageState() {
  return {
    error: document.body.classList.contains('sb-show-errordisplay')
      ? (document.querySelector('#error-message')?.textContent ?? 'error display shown')
      : null,
    lang: document.documentElement.lang,
    theme: document.documentElement.getAttribute('theme'),
    dir: document.documentElement.dir,
    computedDir: getComputedStyle(document.documentElement).direction,
    argsTables: document.querySelectorAll('.docblock-argstable').length,
    rootChildren: document.querySelector('#storybook-root #root-inner')?.childElementCount ?? document.querySelector('#storybook-root')?.childElementCount ?? 0,
    tagsShown: [...new Set([...document.querySelectorAll('*')].map((el) => el.localName))],
  };
}

/** Runs axe (injected once per page) on the story's root. */
async function axeRoot() {
  for (let attempt = 0; ; attempt++) {
    try {
      // @ts-ignore axe is injected by the check
      const r = await window.axe.run('#storybook-root');
      return { violations: r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} node(s))`) };
    } catch (e) {
      if (!/already running/i.test(String(e)) || attempt >= 100) return { failure: String(e) };
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * On a docs page: the prose (Storybook's docs text) stays English and left to right, and every
 * example follows the toolbar's language through the wrapper the preview puts around it
 * (`data-toolbar-locale`), unless its story pins its own language inside that wrapper.
 */
function docsLanguage() {
  const docs = document.querySelector('#storybook-docs');
  const prose = docs?.querySelector('.sbdocs-content h1, .sbdocs-title, h1');
  const components = [...(docs?.querySelectorAll('*') ?? [])].filter((el) => el.localName.startsWith('candor-') && el.shadowRoot);
  const WRAPPER = '[data-toolbar-locale]';
  // Nearest `lang` outside every wrapper: Storybook's own (it pins lang="en" on the docs), so the
  // example cannot follow the toolbar.
  const stranded = components.filter((el) => !el.closest('[lang]')?.closest(WRAPPER));
  const following = components.filter((el) => el.closest('[lang]')?.matches(WRAPPER));
  const arabic = (el) => /[\u0600-\u06FF]/.test(el.shadowRoot.textContent ?? '');
  return {
    proseDir: prose ? getComputedStyle(prose).direction : null,
    stranded: [...new Set(stranded.map((el) => el.localName))],
    following: following.length,
    notArabic: following.filter((el) => !arabic(el)).map((el) => `${el.localName} in ${el.closest('[id^="anchor--"], [id^="story--"]')?.id ?? 'an example'}`),
  };
}

const problems = [];
let checked = 0;
/**
 * Pages checked at once, each in its own browser context (a page that is not in front gets no
 * animation frames, so pages sharing a context would stall).
 */
const PARALLEL = Math.max(1, Number(process.env.CANDOR_STORYBOOK_PARALLEL) || 2);
const SCREENSHOTS = process.env.CANDOR_STORYBOOK_SCREENSHOTS === '1';

/** A browser context and page that report console errors and block the network outside localhost. */
async function openPage(errors) {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  // Anything not served from 127.0.0.1 is a bug (Storybook must not fetch from the network).
  await page.route(/^(?!http:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => {
    errors.push(`network request outside localhost: ${route.request().url()}`);
    return route.abort();
  });
  return { context, page };
}

/** One problem as a line or two: the first lines of a message (an assertion's DOM dump is left out). */
const brief = (text) => {
  const lines = String(text).split('\n').filter((l) => l.trim());
  const kept = lines.slice(0, 2).join(' / ');
  return kept.length > 400 ? `${kept.slice(0, 400)}…` : kept;
};

function report(task, errors, note = '') {
  checked++;
  errors = errors.map(brief);
  const label = `${task.entry.id} [${task.locale}, ${task.theme}]`;
  if (errors.length) problems.push(`${label}:\n    ${errors.join('\n    ')}`);
  console.log(`${errors.length ? '✗' : '✓'} ${label}${note}`);
}

/** The checks of what a rendered page shows, shared by stories and docs pages. */
function judge(task, state, errors, rendersStories) {
  const wantDir = task.locale === 'ar' ? 'rtl' : 'ltr';
  if (state.error) errors.push(`Storybook shows an error: ${state.error.trim()}`);
  if (task.entry.type === 'story') {
    if (state.lang !== task.locale || state.dir !== wantDir) {
      errors.push(`the locale switch did not apply: <html lang="${state.lang}" dir="${state.dir}">, expected ${task.locale}/${wantDir}`);
    }
  }
  if (rendersStories && state.theme !== task.theme) {
    errors.push(`the theme switch did not apply: <html theme="${state.theme}">, expected ${task.theme}`);
  }
}

/** A screenshot for the record; when it cannot be taken, the page's problems are still reported. */
async function screenshot(page, path, fullPage, errors) {
  await page.screenshot({ path, fullPage, timeout: 30000 }).catch((e) => errors.push(`(no screenshot: ${String(e).split('\n')[0]})`));
}

/** A story checked in a worker's page, switched to in place (or loaded, the first time and after a problem). */
async function checkStory(worker, task) {
  const errors = worker.errors;
  let from;
  if (!worker.page) {
    errors.length = 0;
    Object.assign(worker, await openPage(errors));
    await worker.page.addInitScript(installRecorder);
    await worker.page.goto(
      `${base}/iframe.html?id=${task.entry.id}&viewMode=story&globals=locale:${task.locale};theme:${task.theme}`,
    );
    await worker.page.addScriptTag({ content: axeSource });
    from = 0;
  } else {
    from = await worker.page.evaluate(resetAndSetGlobals, { locale: task.locale, theme: task.theme, timeout: STORY_TIMEOUT });
    // What the previous story did while being reset belongs to it, not to this one.
    errors.length = 0;
    await worker.page.evaluate(select, { storyId: task.entry.id });
  }
  errors.push(...(await worker.page.evaluate(outcomeOf, { storyId: task.entry.id, from, timeout: STORY_TIMEOUT })));
  const state = await worker.page.evaluate(pageState);
  judge(task, state, errors, true);
  if (state.rootChildren === 0) errors.push('the story rendered nothing');
  const outcome = await worker.page.evaluate(axeRoot);
  if (outcome.failure) errors.push(`axe could not run: ${outcome.failure}`);
  for (const v of outcome.violations ?? []) errors.push(`axe: ${v}`);
  if (errors.length || SCREENSHOTS) await screenshot(worker.page, join(outDir, `${task.entry.id}--${task.locale}-${task.theme}.png`), false, errors);
  const failed = errors.length > 0;
  report(task, [...errors]);
  // After a problem the page is loaded afresh for the next story.
  if (failed) await closeWorkerPage(worker);
}

async function closeWorkerPage(worker) {
  await worker.context?.close().catch(() => {});
  worker.context = worker.page = undefined;
}

/** A docs page, loaded in full in its own page. */
async function checkDocs(task) {
  const errors = [];
  const { context, page } = await openPage(errors);
  try {
    const { entry, locale, theme } = task;
    await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=docs&globals=locale:${locale};theme:${theme}`);
    await page.waitForFunction(
      () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
      null,
      { timeout: 30000 },
    );
    // Pure MDX pages (the introduction) render no story, so no decorator sets the theme.
    const rendersStories = !entry.tags?.includes('unattached-mdx');
    if (rendersStories) {
      // Docs pages render their stories after the page itself: wait for the decorator to run.
      await page.waitForFunction((t) => document.documentElement.getAttribute('theme') === t, theme, { timeout: 30000 }).catch(() => {});
    }
    await page.waitForLoadState('networkidle');
    // Let Lit finish its first update and the docs tables render.
    await page.waitForTimeout(300);
    const state = await page.evaluate(pageState);
    judge(task, state, errors, rendersStories);
    // The docs prose is English, left to right, whatever the toolbar's language.
    if (state.lang !== 'en' || state.computedDir !== 'ltr') {
      errors.push(`docs page: <html lang="${state.lang}"> is ${state.computedDir}, expected the prose's English, left to right`);
    }
    if (rendersStories) {
      // An example fed asynchronously (a polled feed) fills in after the page settles: give it a few seconds.
      if (locale === 'ar') {
        await page.waitForFunction((fn) => new Function(`return (${fn})()`)().notArabic.length === 0, docsLanguage.toString(), { timeout: 5000 }).catch(() => {});
      }
      const lang = await page.evaluate(docsLanguage);
      if (lang.proseDir !== 'ltr') errors.push(`docs prose is ${lang.proseDir}, expected ltr`);
      if (lang.stranded.length) errors.push(`docs page: <${lang.stranded.join('>, <')}> do(es) not follow the Language switch (the nearest lang is Storybook's)`);
      if (lang.following === 0) errors.push('docs page: no example follows the Language switch');
      if (locale === 'ar' && lang.notArabic.length) {
        errors.push(`docs page in Arabic: ${lang.notArabic.length} of ${lang.following} example(s) show no Arabic text (${[...new Set(lang.notArabic)].join(', ')})`);
      }
      if (state.argsTables === 0) {
        // A generated docs page that shows a documented component must show its API table
        // (the story's meta needs `component: 'candor-x'` for Storybook to find it).
        const shown = state.tagsShown.filter((t) => documentedTags.has(t));
        if (shown.length) errors.push(`docs page shows <${shown.join('>, <')}> but no properties table (meta.component set?)`);
      }
    }
    if (errors.length || SCREENSHOTS) await screenshot(page, join(outDir, `${entry.id}--${locale}-${theme}.png`), true, errors);
    report(task, errors, ` (docs, ${state.argsTables} args table(s))`);
  } finally {
    await context.close();
  }
}

// Stories in variant order, so a worker changes the toolbar globals only a few times.
const storyTasks = VARIANTS.flatMap((variant) => entries.filter((e) => e.type === 'story').map((entry) => ({ entry, ...variant })));
const docsTasks = entries.filter((e) => e.type === 'docs').flatMap((entry) => VARIANTS.map((variant) => ({ entry, ...variant })));
const started = Date.now();
try {
  let nextStory = 0;
  let nextDocs = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      const worker = { errors: [] };
      while (nextStory < storyTasks.length) {
        const task = storyTasks[nextStory++];
        // A page that crashes or times out is one failing story, not the end of the check.
        await checkStory(worker, task).catch(async (e) => {
          report(task, [String(e)]);
          await closeWorkerPage(worker);
        });
      }
      await closeWorkerPage(worker);
      while (nextDocs < docsTasks.length) {
        const task = docsTasks[nextDocs++];
        await checkDocs(task).catch((e) => report(task, [String(e)], ' (docs)'));
      }
    }),
  );
} finally {
  await browser.close();
  server?.close();
}

console.log(
  `\n${checked} page(s) checked (${storyTasks.length} story and ${docsTasks.length} docs page(s) × variant) in ${((Date.now() - started) / 1000).toFixed(0)} s, ` +
    `${problems.length} with problems; screenshots (${SCREENSHOTS ? 'every page' : 'pages with problems'}) in ${outDir}`,
);
console.log(`components documented in the manifest: ${[...documentedTags].join(', ') || 'none'}`);
// Each page in each variant counts as one test in npm test's summary (test/run.mjs).
// `problems` holds one entry per failing page.
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/storybook.json', JSON.stringify({ passed: checked - problems.length, failed: problems.length, skipped: 0 }));
if (problems.length) {
  console.error(`\n${problems.join('\n')}`);
  process.exitCode = 1;
}
