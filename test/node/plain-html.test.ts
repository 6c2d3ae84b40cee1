// End-to-end test of the plain-HTML example (examples/plain-html): the page a developer copies to
// embed Candor with no framework and no bundler. Runs `serve.mjs` as a child (it builds the
// bundle first, exactly as `npm run example:html` does) and drives Debian Chromium with
// playwright-core on 127.0.0.1. Each test gets a fresh browser context (empty localStorage).
import { expect } from 'chai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM helper without type declarations (Chromium's path and flags)
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { onboardingJourney } from '../../examples/fixtures/onboarding-journey.js';
import { faqEntries, faqEntriesAr } from '../../examples/fixtures/faq.js';

const SERVE = 'examples/plain-html/serve.mjs';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LOGGED = [
  'candor-step-change',
  'candor-assist-request',
  'candor-consent-change',
  'candor-consent-withdraw',
  'candor-faq-search',
  'candor-faq-feedback',
  'candor-contact-request',
  'candor-error',
];

interface StoredRecord {
  recordId: string;
  subject: string;
  event: string;
  purposesGranted: string[];
  purposesDenied: string[];
  reuseAudiences: string[];
}

/** Starts serve.mjs on a free port and resolves with its URL once it prints it. */
function startServer(): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVE, '--port', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${SERVE} ${why}.\noutput: ${out}`));
    };
    const timer = setTimeout(() => fail('printed no URL within 25 s'), 25_000);
    const onData = (d: Buffer) => {
      out += d.toString('utf8');
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(`exited (code ${code}) before serving`));
  });
}

describe('plain-HTML example (examples/plain-html, npm run example:html)', function () {
  this.timeout(60_000);
  let server: ChildProcessWithoutNullStreams | undefined;
  let url: string;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  before(async () => {
    ({ child: server, url } = await startServer());
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  beforeEach(async () => {
    context = await browser!.newContext({ viewport: { width: 1200, height: 1000 } });
    page = await context.newPage();
    problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(url);
    try {
      await page.waitForFunction(() => customElements.get('candor-stepper') && customElements.get('candor-consent'), undefined, { timeout: 10_000 });
    } catch {
      throw new Error(`The components were not defined within 10 s (is dist/candor-elements.js built and served?).\n${problems.join('\n')}`);
    }
    await page.waitForFunction(() => (document.querySelector('candor-consent') as { state?: string } | null)?.state === 'ask');
  });

  afterEach(async () => {
    await context?.close();
  });

  /** The visible text of a component's shadow root. */
  const shadowText = (selector: string) =>
    page.evaluate((sel) => (document.querySelector(sel)?.shadowRoot as unknown as HTMLElement | null)?.textContent?.replace(/\s+/g, ' ') ?? '', selector);
  const logTexts = () => page.locator('#log li').allTextContents();
  const expectNoProblems = () => expect(problems, problems.join('\n')).to.deep.equal([]);
  /** The step the stepper shows: the text of its aria-current button. */
  const shownStep = () => page.locator('candor-stepper [aria-current="step"]').textContent();

  it('serves the page and the bundle with their content types, and nothing outside its folder', async () => {
    const home = await fetch(url);
    expect(home.status).to.equal(200);
    expect(home.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    const bundle = await fetch(new URL('dist/candor-elements.js', url));
    expect(bundle.status).to.equal(200);
    expect(bundle.headers.get('content-type')).to.equal('text/javascript; charset=utf-8');
    // No bare imports left: a browser without a bundler could not resolve them.
    expect(await bundle.text()).to.not.match(/\bfrom\s*["'](?:lit|zod|@candor)/);
    for (const escape of ['..%2F..%2Fpackage.json', '%2e%2e/%2e%2e/package.json', '..%5C..%5Cpackage.json', 'dist/..%2F..%2F..%2FREADME.md']) {
      const res = await fetch(new URL(escape, url));
      expect(res.status, escape).to.be.oneOf([400, 404]);
      expect(await res.text(), escape).to.not.include('"workspaces"');
    }
    expect((await fetch(new URL('%E0%A4%A', url))).status).to.equal(400);
    expect((await fetch(url, { method: 'POST' })).status).to.equal(405);
  });

  it('upgrades both components from one module and renders them, with no page or console error', async () => {
    const stepper = await shadowText('candor-stepper');
    expect(stepper).to.include('Step 3 of 5');
    // The shared sample journey, set as the `steps` property: titles and the current step's "why we ask".
    for (const step of onboardingJourney) expect(stepper).to.include(step.title);
    expect(stepper).to.include(onboardingJourney[2]!.purpose!);
    const consent = await shadowText('candor-consent');
    expect(consent).to.include('Your privacy choices').and.include('From Acme Bank').and.include('Reuse your verification at partners');
    expect(await page.getByRole('button', { name: 'Accept all' }).isVisible()).to.equal(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).to.equal('Open your account');
    expect(await page.locator('main, aside, header').count()).to.equal(3);
    // The page itself uses listeners, never inline handler attributes.
    expect(await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on'))))).to.deep.equal([]);
    expectNoProblems();
  });

  /** axe-core over the whole page, shadow roots included; returns "rule: target" lines. */
  const axeViolations = async (): Promise<string[]> => {
    await page.addScriptTag({ content: AXE });
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const { violations } = await axe.run(document);
      return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
    });
  };

  it('is axe-clean in English, in Arabic and in the dark theme, after events were logged', async () => {
    await page.locator('candor-stepper').getByRole('button', { name: /Your details/ }).click();
    await page.getByRole('button', { name: 'Accept all' }).click();
    await page.locator('#log li', { hasText: 'candor-consent-change' }).waitFor();
    expect(await axeViolations(), 'English').to.deep.equal([]);
    await page.getByLabel('Language').selectOption('ar');
    // The choice made in English still stands: the Arabic page shows it saved...
    await page.waitForFunction(() => document.querySelector('candor-consent')?.shadowRoot?.textContent?.includes('تم حفظ اختياراتك ('));
    expect(await axeViolations(), 'Arabic, saved').to.deep.equal([]);
    // ...and the customer can reopen it in Arabic.
    await page.locator('candor-consent').getByRole('button', { name: 'تغيير اختياراتي' }).click();
    await page.waitForFunction(() => document.querySelector('candor-consent')?.shadowRoot?.textContent?.includes('قبول الكل'));
    expect(await axeViolations(), 'Arabic').to.deep.equal([]);
    await page.getByLabel('المظهر').selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.getAttribute('theme'))).to.equal('dark');
    expect(await axeViolations(), 'Arabic, dark').to.deep.equal([]);
    expectNoProblems();
  });

  it('logs candor-step-change when the customer opens a completed step', async () => {
    expect(await shownStep()).to.include('Verify your identity');
    await page.locator('candor-stepper').getByRole('button', { name: /Your details/ }).click();
    await page.locator('#log li', { hasText: 'candor-step-change' }).waitFor();
    const [entry] = await logTexts();
    expect(entry).to.include('{"from":"identity","to":"details"}');
    expect(await shownStep()).to.include('Your details');
    expectNoProblems();
  });

  it('with "Block step changes" ticked, a click is vetoed: nothing is logged and the step shown stays', async () => {
    await page.evaluate(() => {
      (window as unknown as { asked: number }).asked = 0;
      document.addEventListener('candor-before-step-change', () => (window as unknown as { asked: number }).asked++);
    });
    await page.getByLabel('Block step changes').check();
    await page.locator('candor-stepper').getByRole('button', { name: /Your details/ }).click();
    // The click reached the stepper (it asked), and the page said no.
    await page.waitForFunction(() => (window as unknown as { asked: number }).asked === 1);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    expect(await logTexts()).to.deep.equal([]);
    expect(await shownStep()).to.include('Verify your identity');
    expect(await page.evaluate(() => (document.querySelector('candor-stepper') as unknown as { current?: string }).current)).to.equal(undefined);
    // Unticked, the same click goes through.
    await page.getByLabel('Block step changes').uncheck();
    await page.locator('candor-stepper').getByRole('button', { name: /Your details/ }).click();
    await page.locator('#log li', { hasText: 'candor-step-change' }).waitFor();
    expectNoProblems();
  });

  it('sets steps as a property from script when the service finishes a step', async () => {
    await page.getByRole('button', { name: "I've finished this step" }).click();
    const steps = await page.evaluate(
      () => (document.querySelector('candor-stepper') as unknown as { steps?: { id: string; status: string }[] }).steps?.map((s) => `${s.id}:${s.status}`),
    );
    expect(steps).to.deep.equal(['details:complete', 'phone:complete', 'identity:complete', 'address:current', 'review:upcoming']);
    await page.waitForFunction(() => document.querySelector('candor-stepper')?.shadowRoot?.textContent?.includes('Step 4 of 5'));
    expect(await shownStep()).to.include('Proof of address');
    expectNoProblems();
  });

  it('offers help after two failed attempts and logs candor-assist-request when the customer picks a channel', async () => {
    await page.getByRole('button', { name: 'That attempt failed' }).click();
    await page.getByRole('button', { name: 'That attempt failed' }).click();
    const chat = page.locator('candor-stepper').getByRole('button', { name: 'Chat with us' });
    await chat.waitFor({ state: 'visible' });
    await chat.click();
    await page.locator('#log li', { hasText: 'candor-assist-request' }).waitFor();
    expect((await logTexts()).join('\n')).to.include('"stepId":"identity","channel":"chat","reason":"failures"');
    expectNoProblems();
  });

  it('stores a consent record in localStorage when the customer clicks "Accept all", and logs candor-consent-change', async () => {
    await page.getByRole('button', { name: 'Accept all' }).click();
    await page.locator('#log li', { hasText: 'candor-consent-change' }).waitFor();
    const stored = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('candor:consent:'))
        .map((k) => JSON.parse(localStorage.getItem(k)!) as unknown),
    );
    expect(stored).to.have.length(1);
    const history = stored[0] as StoredRecord[];
    expect(history).to.have.length(1);
    const record = history[0]!;
    expect(record.subject).to.equal('cust_7f3a');
    expect(record.event).to.equal('decision');
    expect(record.purposesGranted).to.deep.equal(['identity', 'partner-reuse', 'marketing']);
    expect(record.purposesDenied).to.deep.equal([]);
    expect(record.reuseAudiences).to.deep.equal(['https://insure.example', 'https://nest.example']);
    // The log shows the very record that was stored.
    expect((await logTexts()).join('\n')).to.include(`"recordId":"${record.recordId}"`);
    await page.locator('#device-records', { hasText: 'This device holds 1 consent record.' }).waitFor();
    expect(await page.evaluate(() => (document.querySelector('candor-consent') as unknown as { state: string }).state)).to.equal('saved');
    expectNoProblems();
  });

  it('logs candor-consent-withdraw when the customer withdraws', async () => {
    await page.getByRole('button', { name: 'Accept all' }).click();
    await page.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.locator('#log li', { hasText: 'candor-consent-withdraw' }).waitFor();
    expect((await logTexts()).join('\n')).to.include('"event":"withdrawal","subject":"cust_7f3a","recordId"');
    await page.locator('#device-records', { hasText: 'This device holds 2 consent records.' }).waitFor();
    expectNoProblems();
  });

  it('switching to Arabic lays both components out right to left and shows them in Arabic', async () => {
    await page.getByLabel('Language').selectOption('ar');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).to.deep.equal(['ar', 'rtl']);
    const directions = () =>
      page.evaluate(() =>
        ['candor-stepper', 'candor-consent'].map((tag) => {
          const base = document.querySelector(tag)?.shadowRoot?.querySelector('[part~="base"]');
          return base ? getComputedStyle(base).direction : 'no base part';
        }),
      );
    await page.waitForFunction(() => document.querySelector('candor-consent')?.shadowRoot?.textContent?.includes('قبول الكل'));
    expect(await directions()).to.deep.equal(['rtl', 'rtl']);
    const stepper = await shadowText('candor-stepper');
    expect(stepper).to.include('الخطوة 3 من 5').and.include('التحقق من هويتك'); // interface and the page's translated steps
    expect(stepper).to.not.include('Verify your identity');
    const consent = await shadowText('candor-consent');
    expect(consent).to.include('خياراتك بشأن الخصوصية').and.include('قبول الكل').and.include('إعادة استخدام التحقق لدى الشركاء');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).to.equal('افتح حسابك');
    // And back: left to right, English.
    await page.getByLabel('اللغة').selectOption('en');
    await page.waitForFunction(() => document.querySelector('candor-consent')?.shadowRoot?.textContent?.includes('Accept all'));
    expect(await directions()).to.deep.equal(['ltr', 'ltr']);
    expectNoProblems();
  });

  it('keeps the choice made in English when the customer switches to Arabic: saved, not asked again, one history', async () => {
    await page.getByRole('button', { name: 'Accept all' }).click();
    await page.locator('#device-records', { hasText: 'This device holds 1 consent record.' }).waitFor();
    await page.getByLabel('Language').selectOption('ar');
    await page.waitForFunction(() => document.querySelector('candor-consent')?.shadowRoot?.textContent?.includes('تم حفظ اختياراتك ('));
    expect(await page.evaluate(() => (document.querySelector('candor-consent') as unknown as { state: string }).state)).to.equal('saved');
    await page.locator('#device-records', { hasText: 'يحتفظ هذا الجهاز بسجل موافقة واحد.' }).waitFor();
    expectNoProblems();
  });

  it('shows markup in a notice or step title as text: no element is created and no script runs', async () => {
    const hostile = '<img src=x onerror="window.pwned=1;alert(1)">';
    await page.evaluate((title) => {
      const consent = document.querySelector('candor-consent') as unknown as { notice: { purposes: { title: string }[] } };
      const notice = structuredClone(consent.notice);
      notice.purposes[1]!.title = title;
      consent.notice = notice;
      const stepper = document.querySelector('candor-stepper') as unknown as { steps: unknown };
      stepper.steps = [
        { id: 'details', title, estimatedMinutes: 2, status: 'current' },
        { id: 'done', title: 'Done', estimatedMinutes: 1, status: 'upcoming' },
      ];
    }, hostile);
    await page.waitForFunction((title) => document.querySelector('candor-consent')?.shadowRoot?.textContent?.includes(title), hostile);
    await page.waitForFunction((title) => document.querySelector('candor-stepper')?.shadowRoot?.textContent?.includes(title), hostile);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200))); // time for an onerror to fire, were there an <img>
    const images = await page.evaluate(() => ['candor-consent', 'candor-stepper'].map((t) => document.querySelector(t)?.shadowRoot?.querySelectorAll('img').length));
    expect(images).to.deep.equal([0, 0]);
    // The page's own log writes event details as text too (the record names the subject).
    await page.evaluate((subject) => document.querySelector('candor-consent')!.setAttribute('subject', subject), hostile);
    await page.waitForFunction(() => (document.querySelector('candor-consent') as { state?: string } | null)?.state === 'ask');
    await page.getByRole('button', { name: 'Accept all' }).click();
    await page.locator('#log li', { hasText: 'candor-consent-change' }).waitFor();
    expect((await logTexts()).join('\n')).to.include(`"subject":${JSON.stringify(hostile)}`);
    expect(await page.locator('#log img').count()).to.equal(0);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).to.equal(undefined);
    expectNoProblems(); // includes "no dialog opened"
  });

  it('reports an invalid notice: candor-error in the log and a fallback instead of the notice', async () => {
    await page.getByLabel('Send an invalid notice').check();
    await page.locator('#log li', { hasText: 'candor-error' }).waitFor();
    const entry = (await logTexts()).join('\n');
    expect(entry).to.include('"component":"candor-consent","property":"notice"');
    expect(entry).to.include('summary');
    expect(await page.evaluate(() => !!document.querySelector('candor-consent')?.shadowRoot?.querySelector('[part~="fallback"]'))).to.equal(true);
    // Only the events the page listens to reach the log.
    for (const line of await logTexts()) expect(LOGGED.some((name) => line.includes(name)), line).to.equal(true);
    expectNoProblems(); // invalid input warns in the console, it never errors or throws
  });

  /** The FAQ's listed entries: id, question and known-issue badge (empty when none), in order. */
  const faqListed = () =>
    page.evaluate(() =>
      [...(document.querySelector('candor-faq')?.shadowRoot?.querySelectorAll('[part~="entry"]') ?? [])].map((d) => ({
        id: d.getAttribute('data-id'),
        question: d.querySelector('[part~="question"] bdi')?.textContent ?? '',
        known: d.querySelector('[part~="known-issue"]')?.textContent?.trim() ?? '',
      })),
    );
  const faqSearch = () => page.locator('candor-faq').getByRole('searchbox');

  it('shows the help section below the journey, the answer about the feed\'s incident first as a known issue', async () => {
    await page.waitForFunction(() => document.querySelector('candor-incident-banner')?.shadowRoot?.textContent?.includes('Card payments are slow'), undefined, { timeout: 10_000 });
    expect(await shadowText('candor-faq')).to.include('Help and answers').and.include('Most asked');
    expect(
      await page.evaluate(() => !!(document.querySelector('candor-stepper')!.compareDocumentPosition(document.querySelector('candor-faq')!) & Node.DOCUMENT_POSITION_FOLLOWING)),
    ).to.equal(true);
    // The feed's incident (inc-cards-slow) affects the `cards` service, which card-declined names in
    // relatesTo.services; the others are about another incident or none, so they carry no badge.
    await page.waitForFunction(() => !!document.querySelector('candor-faq')?.shadowRoot?.querySelector('[part~="known-issue"]'), undefined, { timeout: 10_000 });
    const listed = await faqListed();
    expect(listed[0]!.id).to.equal('card-declined');
    expect(listed[0]!.known).to.match(/^Known issue, updated (\w{3} )?\d{1,2}:\d{2}/); // a weekday when it was not today
    expect(listed.filter((e) => e.known).map((e) => e.id)).to.deep.equal(['card-declined']);
    expect(listed.map((e) => e.question)).to.include(faqEntries.find((e) => e.id === 'forgot-pin')!.question);
    expectNoProblems();
  });

  it('finds an answer as the customer types, despite a typo, logs candor-faq-search once typing pauses, and stays axe-clean', async () => {
    await faqSearch().pressSequentially('forgoten pin', { delay: 30 });
    await page.waitForFunction(
      () => document.querySelector('candor-faq')?.shadowRoot?.querySelector('[part~="entry"]')?.getAttribute('data-id') === 'forgot-pin',
    );
    const marks = await page.evaluate(() => [...document.querySelector('candor-faq')!.shadowRoot!.querySelectorAll('mark')].map((m) => m.textContent));
    expect(marks).to.include('PIN');
    await page.locator('#log li', { hasText: 'candor-faq-search' }).waitFor();
    const searches = (await logTexts()).filter((l) => l.includes('candor-faq-search'));
    expect(searches).to.have.length(1); // once, when typing paused, not once per key
    expect(searches[0]).to.include('"query":"forgoten pin"');
    // Open the answer and say it did not help: the reasons and the ways to reach a person show.
    await page.locator('candor-faq').getByText('I forgot my PIN. How can I see it?').click();
    await page.locator('candor-faq').getByRole('button', { name: 'No', exact: true }).click();
    await page.locator('candor-faq').getByText('Talk to a person').waitFor();
    expect(await axeViolations(), 'search, open answer, reasons and contacts').to.deep.equal([]);
    await page.locator('candor-faq').getByRole('button', { name: 'Send' }).click();
    await page.locator('#log li', { hasText: 'candor-faq-feedback' }).waitFor();
    expect((await logTexts()).join('\n')).to.include('"entryId":"forgot-pin"').and.include('"helpful":false');
    expectNoProblems();
  });

  it('switches the answers to Arabic with the page, and finds them typed with ه for ة', async () => {
    await page.getByLabel('Language').selectOption('ar');
    await page.waitForFunction(() => document.querySelector('candor-faq')?.shadowRoot?.textContent?.includes('المساعدة والإجابات'));
    const questions = (await faqListed()).map((e) => e.question);
    expect(questions.length).to.be.greaterThan(0);
    for (const q of questions) expect(faqEntriesAr.map((e) => e.question)).to.include(q);
    await faqSearch().pressSequentially('البطاقه', { delay: 30 });
    const newCard = faqEntriesAr.find((e) => e.id === 'new-card')!.question;
    await page.waitForFunction(
      (q) => [...(document.querySelector('candor-faq')?.shadowRoot?.querySelectorAll('[part~="question"] bdi') ?? [])].some((b) => b.textContent === q),
      newCard,
    );
    expect(await axeViolations(), 'Arabic search').to.deep.equal([]);
    expectNoProblems();
  });

  /** The banner's visible text. */
  const bannerText = () => shadowText('candor-incident-banner');

  it('serves the status feed with an ETag, 304 for an unchanged poll, and refuses a bad update naming the field', async () => {
    const feed = new URL('status/summary.json', url);
    const first = await fetch(feed);
    expect(first.status).to.equal(200);
    expect(first.headers.get('content-type')).to.equal('application/json; charset=utf-8');
    const etag = first.headers.get('etag');
    expect(etag).to.match(/^"[\w-]+"$/);
    const doc = (await first.json()) as { incidents: { name: string; status: string }[] };
    expect(doc.incidents.map((i) => i.name)).to.include('Card payments are slow');
    const again = await fetch(feed, { headers: { 'If-None-Match': etag! } });
    expect(again.status).to.equal(304);
    expect(await again.text()).to.equal('');
    expect((await fetch(feed, { headers: { 'If-None-Match': '"something-else"' } })).status).to.equal(200);
    const post = (body: string, type = 'application/json') =>
      fetch(new URL('status/updates', url), { method: 'POST', headers: { 'content-type': type }, body });
    const badStatus = await post(JSON.stringify({ status: 'fixed', body: 'All good.' }));
    expect(badStatus.status).to.equal(400);
    expect(((await badStatus.json()) as { error: string }).error).to.include('status must be one of investigating, identified, monitoring, resolved');
    const noBody = await post(JSON.stringify({ status: 'identified', body: '  ' }));
    expect(((await noBody.json()) as { error: string }).error).to.include('body must be a non-empty string');
    expect((await post('{"status":')).status).to.equal(400);
    expect((await post('status=identified', 'application/x-www-form-urlencoded')).status).to.equal(415);
    expect((await fetch(new URL('status/updates', url))).status).to.equal(405);
    // Nothing was added: the feed is unchanged.
    expect((await fetch(feed, { headers: { 'If-None-Match': etag! } })).status).to.equal(304);
  });

  // Last: it posts an update, which changes the feed for every page after it.
  it('shows the feed\'s incident above the journey, polls with 304s while nothing changes, and shows a posted update on its next poll', async () => {
    const polls: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/status/summary.json') polls.push(r.status());
    });
    await page.waitForFunction(() => document.querySelector('candor-incident-banner')?.shadowRoot?.textContent?.includes('Card payments are slow'), undefined, { timeout: 10_000 });
    const text = await bannerText();
    expect(text).to.include('Major').and.include('Investigating');
    expect(text).to.include('Some card payments take up to a minute to go through');
    expect(text).to.include('Card payments (partly down)');
    // Above the journey, in the page's reading order.
    const before = await page.evaluate(
      () => !!(document.querySelector('candor-incident-banner')!.compareDocumentPosition(document.querySelector('candor-stepper')!) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    expect(before).to.equal(true);
    // The next poll (5 s) finds the feed unchanged: a 304, and the notice stays as it was.
    const deadline = Date.now() + 12_000;
    while (!polls.includes(304) && Date.now() < deadline) await page.waitForTimeout(250);
    expect(polls, 'statuses of the polls').to.include(304);
    expect(await bannerText()).to.include('Some card payments take up to a minute to go through');

    await page.getByRole('button', { name: 'Post a status update' }).click();
    await page.locator('#post-result', { hasText: 'The server has a new "identified" update.' }).waitFor();
    await page.waitForFunction(
      () => document.querySelector('candor-incident-banner')?.shadowRoot?.textContent?.includes('A network fault at our card processor is slowing payments.'),
      undefined,
      { timeout: 12_000 },
    );
    const updated = await bannerText();
    expect(updated).to.include('Cause identified');
    // The new update is the latest one shown; the first is in the timeline.
    const latest = await page.evaluate(() => document.querySelector('candor-incident-banner')!.shadowRoot!.querySelector('[part~="update-message"]')?.textContent?.trim());
    expect(latest).to.equal('A network fault at our card processor is slowing payments. We are moving traffic to a second connection.');
    expect(polls.at(-1), 'the poll that brought the update').to.equal(200);
    expectNoProblems();
  });
});
