// The no-build files (packages/elements/dist/cdn/, built by `npm run build`) as a developer with
// no bundler uses them: the folder copied next to plain HTML pages in a temporary directory,
// served as static files by node:http, loaded with <script type="module" src="./cdn/...">, no
// import map. Drives Debian Chromium with playwright-core.
import { expect } from 'chai';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAst } from 'rollup/parseAst';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM helper without type declarations (Chromium's path and flags)
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { stepperBar } from '../support/stepper-bar.js';
// @ts-expect-error: plain ESM example script without type declarations
import { staticFiles } from '../../examples/static-server.mjs';
// @ts-expect-error: plain ESM script without type declarations
import { sizeRows, DOC_FILE, START, END } from '../../packages/elements/scripts/cdn-sizes.mjs';
// @ts-expect-error: plain ESM example script without type declarations
import { createStatusFeed } from '../../examples/plain-html/status-feed.mjs';
import { onboardingJourney } from '../../examples/fixtures/onboarding-journey.js';
import { noticeV1 } from '../../examples/fixtures/consent-notices.js';
import { cardOutage } from '../../examples/fixtures/incidents.js';
import { faqEntries } from '../../examples/fixtures/faq.js';

const CDN = 'packages/elements/dist/cdn';
const FIXTURES = 'examples/fixtures';
/** The policy the brief for the no-build files names: the strict one Candor's components support. */
const CSP = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/** A page: `scripts` are module script URLs, in order; the page's own data script comes last. */
function html(title: string, scripts: string[], body: string, lang = 'en'): string {
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="./favicon.svg" />
    ${scripts.map((s) => `<script type="module" src="${s}"></script>`).join('\n    ')}
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      ${body}
    </main>
  </body>
</html>
`;
}

const ALL_BODY = `<candor-incident-banner id="status"></candor-incident-banner>
      <candor-incident-banner id="feed" src="./status/summary.json" format="statuspage" refresh="0" storage-key="feed-dismissals"></candor-incident-banner>
      <candor-stepper id="journey"></candor-stepper>
      <candor-consent id="consent" subject="cust_cdn" heading-level="2"></candor-consent>
      <candor-faq id="help" heading-level="2"></candor-faq>`;

/**
 * The page's own script (an external file, as script-src 'self' requires): hands every component
 * its data. It runs before the CDN file's script, so the properties wait on the elements until
 * they upgrade; a component never renders without its data (which would warn).
 */
const DATA_SCRIPT = `import { onboardingJourney } from './data/onboarding-journey.js';
import { noticeV1 } from './data/consent-notices.js';
import { cardOutage } from './data/incidents.js';
import { contactChannels, faqEntries } from './data/faq.js';
const set = (id, props) => { const el = document.getElementById(id); if (el) Object.assign(el, props); };
set('journey', { steps: structuredClone(onboardingJourney) });
set('consent', { notice: noticeV1 });
set('status', { now: () => new Date('2026-11-23T10:05:00Z'), incidents: [cardOutage] });
set('help', { now: () => new Date('2026-11-23T11:05:00Z'), entries: faqEntries, contacts: contactChannels });
`;

/** Writes the site: the CDN folder as built, the sample data, a Statuspage-shaped feed and the pages. */
function writeSite(root: string): void {
  cpSync(CDN, join(root, 'cdn'), { recursive: true });
  mkdirSync(join(root, 'data'));
  for (const f of ['onboarding-journey.js', 'consent-notices.js', 'incidents.js', 'faq.js']) cpSync(join(FIXTURES, f), join(root, 'data', f));
  mkdirSync(join(root, 'status'));
  writeFileSync(join(root, 'status', 'summary.json'), (createStatusFeed() as { current(): { body: string } }).current().body);
  cpSync('examples/plain-html/favicon.svg', join(root, 'favicon.svg'));
  writeFileSync(join(root, 'page.mjs'), DATA_SCRIPT);
  writeFileSync(join(root, 'all.html'), html('All of Candor from candor.js', ['./page.mjs', './cdn/candor.js'], ALL_BODY));
  // The other way round: the page's script imports the component file itself and sets the data in the same module graph.
  writeFileSync(
    join(root, 'stepper.mjs'),
    `import './cdn/candor-stepper.js';\nimport { onboardingJourney } from './data/onboarding-journey.js';\ndocument.getElementById('journey').steps = structuredClone(onboardingJourney);\n`,
  );
  writeFileSync(join(root, 'stepper.html'), html('Only the stepper', ['./stepper.mjs'], '<candor-stepper id="journey"></candor-stepper>'));
  // An Arabic page: the stepper's file and every language catalogue the build made (dist/cdn/locales/).
  const locales = existsSync(join(CDN, 'locales')) ? readdirSync(join(CDN, 'locales')).filter((f) => f.endsWith('.js')) : [];
  writeFileSync(
    join(root, 'stepper-ar.mjs'),
    [
      `import './cdn/candor-stepper.js';`,
      ...locales.map((f) => `import './cdn/locales/${f}';`),
      `import { onboardingJourneyAr } from './data/onboarding-journey.js';`,
      `document.getElementById('journey').steps = structuredClone(onboardingJourneyAr);`,
    ].join('\n'),
  );
  writeFileSync(join(root, 'stepper-ar.html'), html('المراحل', ['./stepper-ar.mjs'], '<candor-stepper id="journey"></candor-stepper>', 'ar'));
  // Two files that share code, and one of them twice: what a page assembled from parts may do.
  writeFileSync(
    join(root, 'mixed.html'),
    html('Per-component files and candor.js together', ['./page.mjs', './cdn/candor-stepper.js', './cdn/candor-faq.js', './cdn/candor.js', './cdn/candor-stepper.js'], ALL_BODY),
  );
}

/** Every module specifier in `code`: static imports, re-exports and dynamic imports, read from its syntax tree. */
function moduleSpecifiers(code: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; source?: { type?: string; value?: unknown } | null };
    // `export { a }` of local names has no source; every other form names a module.
    if (/^(Import(Declaration|Expression)|Export(Named|All)Declaration)$/.test(n.type ?? '') && !(n.type === 'ExportNamedDeclaration' && !n.source)) {
      if (n.source?.type !== 'Literal' || typeof n.source.value !== 'string') throw new Error(`a computed ${n.type} in dist/cdn`);
      found.push(n.source.value);
    }
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
  };
  walk(parseAst(code));
  return found;
}

describe('no-build files (packages/elements/dist/cdn) on a statically served plain page', function () {
  this.timeout(60_000);
  let root: string;
  let server: Server;
  let base: string;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let requested: string[];

  before(async function () {
    if (!existsSync(join(CDN, 'candor.js'))) throw new Error(`${CDN}/candor.js is missing: run npm run build first.`);
    root = mkdtempSync(join(tmpdir(), 'candor-cdn-'));
    writeSite(root);
    const plain = staticFiles(root);
    const strict = staticFiles(root, { headers: { 'content-security-policy': CSP } });
    // /strict/... is the same folder sent with the strict Content-Security-Policy header.
    server = createServer((req, res) => {
      if (req.url?.startsWith('/strict/')) {
        req.url = req.url.slice('/strict'.length);
        void strict(req, res);
      } else void plain(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (root) rmSync(root, { recursive: true, force: true });
  });

  beforeEach(async () => {
    context = await browser!.newContext({ viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    problems = [];
    requested = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => {
      requested.push(new URL(r.url()).pathname);
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { violations: string[] }).violations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'}: ${e.sample}`));
    });
  });

  afterEach(async () => {
    await context?.close();
  });

  const shadowText = (selector: string) =>
    page.evaluate((sel) => (document.querySelector(sel)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '), selector);
  const expectNoProblems = async () => {
    const refused = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect([...problems, ...refused], [...problems, ...refused].join('\n')).to.deep.equal([]);
  };
  /** How many copies of lit-html and of LitElement ran on the page (each copy registers its version). */
  const litCopies = () =>
    page.evaluate(() => {
      const g = globalThis as { litHtmlVersions?: string[]; litElementVersions?: string[] };
      return { litHtml: g.litHtmlVersions?.length ?? 0, litElement: g.litElementVersions?.length ?? 0 };
    });

  /** Waits until all four components show their data, including the Statuspage feed read through the lazily loaded adapters. */
  async function expectAllFourRendered(): Promise<void> {
    await page.waitForFunction(
      ([outage, feedTitle]) => {
        // No helper function in here: the test's compiler would wrap it in a name helper the page lacks.
        const [status, feed, journey] = ['#status', '#feed', '#journey'].map((sel) => document.querySelector(sel)?.shadowRoot?.textContent ?? '');
        return (
          status!.includes(outage!) &&
          feed!.includes(feedTitle!) &&
          journey!.includes('Step 3 of 5') &&
          (document.querySelector('#consent') as { state?: string } | null)?.state === 'ask' &&
          !!document.querySelector('#help')?.shadowRoot?.querySelector('[part~="entry"]')
        );
      },
      [cardOutage.title, 'Card payments are slow'],
      { timeout: 15_000 },
    );
    expect(await shadowText('#status')).to.include(cardOutage.updates.at(-1)!.message);
    const stepper = await shadowText('#journey');
    for (const step of onboardingJourney) expect(stepper).to.include(step.title);
    const consent = await shadowText('#consent');
    for (const purpose of noticeV1.purposes) expect(consent).to.include(purpose.title);
    const faq = await shadowText('#help');
    for (const entry of faqEntries.slice(0, 3)) expect(faq).to.include(entry.question);
    // The feed's format was read by the adapters chunk, fetched on demand from dist/cdn/chunks.
    expect(requested.some((p) => /^\/(strict\/)?cdn\/chunks\/adapters-[\w-]+\.js$/.test(p)), requested.join('\n')).to.equal(true);
  }

  it('every module import in dist/cdn names a file in dist/cdn (nothing for a bundler or import map to resolve)', () => {
    const files = readdirSync(CDN, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files).to.include.members(['candor.js', 'candor-stepper.js', 'candor-consent.js', 'candor-incident-banner.js', 'candor-faq.js']);
    for (const f of files) {
      const code = readFileSync(join(CDN, f), 'utf8');
      const specifiers = moduleSpecifiers(code);
      for (const s of specifiers) {
        expect(s, `${f} imports ${s}`).to.match(/^\.\.?\//);
        expect(existsSync(join(CDN, f, '..', s)), `${f} imports ${s}, which is not in dist/cdn`).to.equal(true);
      }
      expect(existsSync(join(CDN, `${f}.map`)), `${f}.map`).to.equal(true);
    }
  });

  it('candor.js alone renders all four components with their data, with no console error or warning', async () => {
    await page.goto(base + 'all.html');
    await expectAllFourRendered();
    for (const tag of ['candor-stepper', 'candor-step', 'candor-consent', 'candor-incident-banner', 'candor-faq', 'candor-faq-entry']) {
      expect(await page.evaluate((t) => !!customElements.get(t), tag), tag).to.equal(true);
    }
    expect(await litCopies()).to.deep.equal({ litHtml: 1, litElement: 1 });
    await expectNoProblems();
  });

  it('a per-component file works on its own and brings only its component, not the feed adapters', async () => {
    await page.goto(base + 'stepper.html');
    await page.waitForFunction(() => document.querySelector('#journey')?.shadowRoot?.textContent?.includes('Step 3 of 5'), undefined, { timeout: 10_000 });
    await page.locator('candor-stepper').getByRole('button', { name: /Your details/ }).click();
    await page.waitForFunction(() => document.querySelector('candor-stepper')?.getAttribute('current') === 'details');
    expect(await page.evaluate(() => ['candor-consent', 'candor-incident-banner', 'candor-faq'].filter((t) => customElements.get(t)))).to.deep.equal([]);
    expect(requested.filter((p) => p.includes('adapters'))).to.deep.equal([]);
    await expectNoProblems();
  });

  it('on an Arabic page, the stepper file with the language catalogues speaks Arabic, right to left', async () => {
    await page.goto(base + 'stepper-ar.html');
    await page.waitForFunction(() => document.querySelector('#journey')?.shadowRoot?.textContent?.includes('الخطوة 3 من 5'), undefined, { timeout: 10_000 });
    const direction = await page.evaluate(() => getComputedStyle(document.querySelector('#journey')!.shadowRoot!.querySelector('[part~="base"]')!).direction);
    expect(direction).to.equal('rtl');
    await expectNoProblems();
  });

  it('per-component files and candor.js on one page share one lit and define each tag once, without errors', async () => {
    await page.goto(base + 'mixed.html');
    await expectAllFourRendered();
    expect(await litCopies()).to.deep.equal({ litHtml: 1, litElement: 1 });
    // Each module URL was fetched once: the browser's module map shares them between the files.
    const cdnFiles = requested.filter((p) => p.startsWith('/cdn/'));
    expect(cdnFiles.length).to.be.greaterThan(0);
    expect(cdnFiles).to.deep.equal([...new Set(cdnFiles)]);
    await expectNoProblems();
  });

  it('works under a strict Content-Security-Policy with Trusted Types: all four render, nothing is refused', async () => {
    const res = await fetch(base + 'strict/all.html');
    expect(res.headers.get('content-security-policy')).to.equal(CSP);
    await page.goto(base + 'strict/all.html');
    await expectAllFourRendered();
    // The styles applied (constructed stylesheets, which style-src 'self' allows; the fill is set
    // through CSSOM): at 25 % the bar fills a quarter of its track. A refused style fills all of it.
    const bar = await stepperBar(page);
    expect(bar.now).to.equal('25');
    expect(bar.share).to.be.closeTo(0.25, 0.02);
    await page.getByRole('button', { name: 'Accept all' }).click();
    await page.waitForFunction(() => (document.querySelector('candor-consent') as { state?: string }).state === 'saved');
    await expectNoProblems();
  });

  it('notices a refused inline style under the strict policy (the check above can fail)', async () => {
    await page.goto(base + 'strict/stepper.html');
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await page.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length > 0);
    expect((await page.evaluate(() => (window as unknown as { violations: string[] }).violations))[0]).to.match(/^style-src-attr refused inline/);
  });
});

describe('docs/install.md: the sizes of the no-build files', () => {
  interface Row {
    file: string;
    files: number;
    min: number;
    gzip: number;
  }
  const KB = 1024;
  /** The table rows docs/install.md shows between its markers: file, files fetched, minified and gzipped bytes (as written, in KB). */
  function documented(): Row[] {
    const doc = readFileSync(DOC_FILE as string, 'utf8');
    const a = doc.indexOf(START as string);
    const b = doc.indexOf(END as string);
    expect(a, 'the size markers in docs/install.md').to.be.greaterThan(-1);
    return doc
      .slice(a, b)
      .split('\n')
      .flatMap((line) => {
        const m = /^\| `([^`]+)` \|[^|]*\| (\d+) \| ([\d.]+) KB \| ([\d.]+) KB \|/.exec(line);
        return m ? [{ file: m[1]!, files: Number(m[2]), min: Number(m[3]) * KB, gzip: Number(m[4]) * KB }] : [];
      });
  }

  it('lists every no-build file the build makes, each within 2 % of its size today', () => {
    const built = (sizeRows() as Row[]).map(({ file, files, min, gzip }) => ({ file, files, min, gzip }));
    const shown = documented();
    const fix = 'Run `node packages/elements/scripts/cdn-sizes.mjs --write` after `npm run build` to update the table.';
    expect(shown.map((r) => r.file), fix).to.deep.equal(built.map((r) => r.file));
    for (const r of built) {
      const d = shown.find((x) => x.file === r.file)!;
      expect(d.files, `${r.file}: files fetched. ${fix}`).to.equal(r.files);
      for (const k of ['min', 'gzip'] as const) {
        const off = Math.abs(d[k] - r[k]);
        expect(off <= Math.max(0.02 * r[k], 0.1 * KB), `${r.file}: ${k} is ${(r[k] / KB).toFixed(1)} KB, the docs say ${(d[k] / KB).toFixed(1)} KB. ${fix}`).to.equal(true);
      }
    }
  });
});
