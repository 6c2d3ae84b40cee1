// The components on a page served with the strict Content-Security-Policy a careful host sends
// (STRICT_CSP: no inline script or style, no style="" attributes, no eval, Trusted Types with
// only Lit's `lit-html` policy): nothing may be refused, and both must render and work. A style
// the browser refused would not just log: the progress bar would fill its whole track while
// announcing 25 %; a refused highlight style would leave search matches unmarked. Serves examples/plain-html/csp.html (built bundle + the shared fixtures) and
// drives Debian Chromium with playwright-core.
import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM helper without type declarations (Chromium's path and flags)
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { stepperBar } from '../support/stepper-bar.js';
// @ts-expect-error: plain ESM example script without type declarations
import { buildBundle } from '../../examples/plain-html/build.mjs';
// @ts-expect-error: plain ESM example script without type declarations
import { createExampleServer, STRICT_CSP } from '../../examples/plain-html/serve.mjs';
import { noticeV1 } from '../support/consent-notice.js';
import { cardOutage, plannedMaintenance } from '../../examples/fixtures/incidents.js';
import { faqEntries } from '../../examples/fixtures/faq.js';

describe('strict Content-Security-Policy (examples/plain-html/csp.html)', function () {
  this.timeout(60_000);
  let server: Server;
  let url: string;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];

  before(async () => {
    await buildBundle();
    server = createExampleServer({ csp: true }) as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/csp.html`;
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  beforeEach(async () => {
    context = await browser!.newContext({ viewport: { width: 1000, height: 900 } });
    page = await context.newPage();
    consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`console error: ${m.text()}`);
    });
    // Before any page script: every refusal the browser reports, whatever triggered it.
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { violations: string[] }).violations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'}: ${e.sample}`));
    });
    await page.goto(url);
    await page.waitForFunction(() => {
      const stepper = document.querySelector('candor-stepper');
      const consent = document.querySelector('candor-consent') as (Element & { state?: string }) | null;
      return stepper?.shadowRoot?.querySelector('[role="progressbar"]') && consent?.state === 'ask';
    }, undefined, { timeout: 10_000 });
  });

  afterEach(async () => {
    await context?.close();
  });

  const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  const expectNothingRefused = async () => {
    const refused = await violations();
    expect(refused, refused.join('\n')).to.deep.equal([]);
    expect(consoleErrors, consoleErrors.join('\n')).to.deep.equal([]);
  };

  it('serves the page with the strict policy', async () => {
    const res = await fetch(url);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-security-policy')).to.equal(STRICT_CSP);
    expect(STRICT_CSP).to.include("style-src 'self';").and.include('trusted-types lit-html').and.not.include('unsafe');
  });

  it('notices a refused inline style (the check below can fail)', async () => {
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await page.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length > 0);
    expect((await violations())[0]).to.match(/^style-src-attr refused inline/);
  });

  it('<candor-stepper> renders with nothing refused: the bar fills a quarter of its track at 25 %', async () => {
    const bar = await stepperBar(page);
    expect(bar.now).to.equal('25');
    expect(bar.share).to.be.closeTo(0.25, 0.02);
    // And it keeps working: moving to a completed step.
    await page.locator('candor-stepper').getByRole('button', { name: /Your details/ }).click();
    await page.waitForFunction(() => document.querySelector('candor-stepper')?.getAttribute('current') === 'details');
    await expectNothingRefused();
  });

  it('<candor-consent> renders its purposes and a click saves, with nothing refused', async () => {
    const text = await page.evaluate(() => document.querySelector('candor-consent')!.shadowRoot!.textContent!);
    for (const purpose of noticeV1.purposes) expect(text).to.include(purpose.title);
    await page.getByRole('button', { name: 'Accept all' }).click();
    await page.waitForFunction(() => (document.querySelector('candor-consent') as Element & { state?: string }).state === 'saved');
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('candor:consent:')).length);
    expect(stored).to.equal(1);
    await expectNothingRefused();
  });

  it('<candor-incident-banner> renders the sample incidents, opens the other notice and the timeline, with nothing refused', async () => {
    const text = () => page.evaluate(() => document.querySelector('candor-incident-banner')!.shadowRoot!.textContent!.replace(/\s+/g, ' '));
    await page.waitForFunction((title) => document.querySelector('candor-incident-banner')?.shadowRoot?.textContent?.includes(title), cardOutage.title, { timeout: 10_000 });
    const first = await text();
    expect(first).to.include('Critical').and.include('Cause identified').and.include(cardOutage.updates.at(-1)!.message);
    expect(first).to.include('Next update in 25 minutes');
    expect(first).to.include('This data may be affected: Card numbers and Expiry dates.');
    // Its styles applied (constructed stylesheets): the hidden timeline takes no room until opened.
    const box = () =>
      page.evaluate(() => {
        const el = document.querySelector('candor-incident-banner')!.shadowRoot!.querySelector<HTMLElement>('[part~="timeline"]');
        return el ? el.getBoundingClientRect().height : 0;
      });
    expect(await box()).to.equal(0);
    await page.locator('candor-incident-banner').getByRole('button', { name: /Show all updates \(2\)/ }).click();
    await page.waitForFunction(() => (document.querySelector('candor-incident-banner')!.shadowRoot!.querySelector('[part~="timeline"]')?.getBoundingClientRect().height ?? 0) > 0);
    expect(await text()).to.include(cardOutage.updates[0]!.message);
    await page.locator('candor-incident-banner').getByRole('button', { name: '1 more notice' }).click();
    await page.waitForFunction((title) => document.querySelector('candor-incident-banner')?.shadowRoot?.textContent?.includes(title), plannedMaintenance.title);
    await expectNothingRefused();
  });

  it('<candor-faq> renders the answers with the banner\'s known issue first, and a search finds and highlights, with nothing refused', async () => {
    await page.waitForFunction(() => !!document.querySelector('candor-faq')?.shadowRoot?.querySelector('[part~="known-issue"]'), undefined, { timeout: 10_000 });
    const first = await page.evaluate(() => {
      const entry = document.querySelector('candor-faq')!.shadowRoot!.querySelector('[part~="entry"]')!;
      return { id: entry.getAttribute('data-id'), known: entry.querySelector('[part~="known-issue"]')?.textContent?.trim() };
    });
    // The banner's card outage (latest update 10:00) is named by card-declined's relatesTo.
    expect(first).to.deep.equal({ id: 'card-declined', known: 'Known issue, updated 10:00 AM' });
    await page.locator('candor-faq').getByRole('searchbox').pressSequentially('forgoten pin', { delay: 30 });
    // The phishing answer is about the outage too, so it comes first; the PIN answer follows.
    await page.waitForFunction(() =>
      [...(document.querySelector('candor-faq')?.shadowRoot?.querySelectorAll('[part~="entry"]') ?? [])].map((e) => e.getAttribute('data-id')).join() === 'phishing,forgot-pin',
    );
    const mark = await page.evaluate(() => {
      const m = document.querySelector('candor-faq')!.shadowRoot!.querySelector<HTMLElement>('[data-id="forgot-pin"] summary mark[part~="highlight"]')!;
      const summary = m.closest('summary')!;
      return { text: m.textContent, mark: getComputedStyle(m).backgroundColor, around: getComputedStyle(summary).backgroundColor };
    });
    expect(mark.text).to.equal('PIN');
    // The component's constructed stylesheet applied: its own highlight colour, not the browser's yellow.
    expect(mark.mark).to.equal('rgb(255, 241, 168)');
    expect(mark.around).to.not.equal(mark.mark);
    const question = faqEntries.find((e) => e.id === 'forgot-pin')!.question;
    await page.locator('candor-faq').getByText(question).click();
    await page.waitForFunction(() => (document.querySelector('candor-faq')!.shadowRoot!.querySelector('[data-id="forgot-pin"]') as HTMLDetailsElement).open);
    await expectNothingRefused();
  });
});
