// <candor-faq> in real Chromium: typing and results, highlighting as text, keyboard only,
// announcements once typing pauses, deep links, known issues from incidents and from a banner on
// the page, feedback kept across reloads, contact channels with a controllable clock, declarative
// entries, axe in English/Arabic/dark, mirrored layout and payloads rendered as text.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FaqEntry } from '@candor/core/models';
import type { CandorErrorEvent } from '@candor/elements/shared';
import '@candor/elements/faq';
import '@candor/elements/incident-banner';
import { TYPING_PAUSE_MS } from '@candor/elements/faq';
import { contactChannels, faqEntries, faqEntriesAr } from '../../examples/fixtures/faq.js';
import { cardOutage, resolvedOutage } from '../../examples/fixtures/incidents.js';
import { warningsDuring } from '../support/console.js';
// An Arabic page imports its catalogue up front (test/elements/locales.test.ts covers loading it on first need).
import '@candor/elements/locales/ar.js';

type Faq = HTMLElementTagNameMap['candor-faq'];

const copy = <T>(v: T): T => structuredClone(v);
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => root(el).querySelector<T>(sel);
const $$ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => [...root(el).querySelectorAll<T>(sel)];
const textOf = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const listed = (el: Faq) => $$(el, '[part~="entry"]').map((d) => d.dataset['id']);
const live = (el: Faq) => textOf($(el, '[part~="live"]'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const input = (el: Faq) => $<HTMLInputElement>(el, '[part~="search-input"]')!;
const focused = (el: Faq) => root(el).activeElement as HTMLElement | null;

let key = 0;
async function faq(o: { entries?: unknown; lang?: string; attrs?: Record<string, string>; now?: string; storageKey?: string; contacts?: unknown; incidents?: unknown } = {}): Promise<Faq> {
  const el = document.createElement('candor-faq');
  el.entries = o.entries ?? copy(faqEntries);
  el.contacts = o.contacts ?? copy(contactChannels);
  if (o.incidents) el.incidents = o.incidents;
  el.storageKey = o.storageKey ?? `faq-test-${++key}`;
  const t = Date.parse(o.now ?? '2026-11-24T10:00:00Z'); // a Tuesday, 10:00 in London
  el.now = () => new Date(t);
  if (o.lang) el.setAttribute('lang', o.lang);
  for (const [k, v] of Object.entries(o.attrs ?? {})) el.setAttribute(k, v);
  await fixture(html`<div></div>`).then((w) => w.append(el));
  await el.updateComplete;
  return el;
}

async function type(el: Faq, text: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

function record<T extends Event>(el: EventTarget, type: string): T[] {
  const seen: T[] = [];
  el.addEventListener(type, (e) => seen.push(e as T));
  return seen;
}

describe('<candor-faq> search', () => {
  it('shows the most asked questions before anything is typed, highest priority first', async () => {
    const el = await faq();
    expect(listed(el)).to.deep.equal(['card-declined', 'forgot-pin', 'phishing', 'new-card', 'transfer-time']);
    expect(textOf($(el, '[part~="count"]'))).to.equal('Most asked');
  });

  it('updates the results as the customer types, with the matches highlighted as text', async () => {
    const el = await faq();
    await type(el, 'pi');
    expect(listed(el)[0]).to.equal('forgot-pin');
    await type(el, 'n');
    expect(listed(el)[0]).to.equal('forgot-pin');
    const marks = $$(el, '[data-id="forgot-pin"] mark[part~="highlight"]').map(textOf);
    expect(marks.map((m) => m.toLowerCase())).to.include('pin');
    expect(textOf($(el, '[part~="count"]'))).to.match(/answers? for “pin”/);
  });

  it('forgives one typo in a longer word', async () => {
    const el = await faq();
    await type(el, 'tranfser');
    expect(listed(el)).to.include('transfer-time');
  });

  it('announces the count once typing pauses, never on every key, and fires candor-faq-search', async () => {
    const el = await faq();
    const searches = record<CustomEvent>(el, 'candor-faq-search');
    await type(el, 'card');
    expect(live(el)).to.equal('');
    await sleep(TYPING_PAUSE_MS / 3);
    await type(el, 's');
    expect(live(el)).to.equal('');
    expect(searches).to.have.length(0);
    await waitUntil(() => live(el) !== '', 'the count was not announced', { timeout: TYPING_PAUSE_MS * 3 });
    expect(live(el)).to.match(/^\d+ answers?$/);
    expect(searches).to.have.length(1);
    expect(searches[0]!.detail).to.deep.equal({ query: 'cards', results: listed(el).length });
  });

  it('leads to a person when nothing is found, with the query passed on', async () => {
    const el = await faq();
    await type(el, 'zzqx');
    expect(listed(el)).to.deep.equal([]);
    expect(textOf($(el, '[part~="no-results"]'))).to.contain('We found no answer for “zzqx”.');
    const links = $$<HTMLAnchorElement>(el, '[part~="contact-channel"]');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://bank.example/chat', 'tel:+44800123456', 'mailto:help@bank.example']);
    const before = record<CustomEvent>(el, 'candor-before-contact-request');
    const after = record<CustomEvent>(el, 'candor-contact-request');
    el.addEventListener('candor-before-contact-request', (e) => e.preventDefault(), { once: true });
    links[0]!.click();
    expect(before[0]!.detail).to.deep.equal({ channelId: 'chat', kind: 'chat', href: 'https://bank.example/chat', query: 'zzqx' });
    expect(after).to.have.length(0);
  });

  it('filters by category with a toolbar of toggle buttons, arrows moving between them', async () => {
    const el = await faq();
    const buttons = () => $$<HTMLButtonElement>(el, '[part~="category"]');
    expect(buttons().map(textOf)).to.deep.equal(['All', 'Cards', 'Payments', 'Account', 'Security']);
    expect($(el, '[part~="categories"]')!.getAttribute('role')).to.equal('toolbar');
    buttons()[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal(buttons()[1]);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(buttons()[1]!.getAttribute('aria-pressed')).to.equal('true');
    expect(listed(el)).to.deep.equal(['card-declined', 'forgot-pin', 'new-card']);
  });

  it('clears the search with Escape', async () => {
    const el = await faq();
    await type(el, 'pin');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(textOf($(el, '[part~="count"]'))).to.equal('Most asked');
  });
});

describe('<candor-faq> entries', () => {
  it('opens an entry as a disclosure with Enter, showing steps, links and when it was updated', async () => {
    const el = await faq();
    const summary = $(el, '[data-id="new-card"] summary')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const details = $<HTMLDetailsElement>(el, '[data-id="new-card"]')!;
    expect(details.open).to.equal(true);
    expect([...details.querySelectorAll('[part~="steps"] li')].map(textOf)).to.deep.equal(faqEntries[1]!.answer.steps);
    expect(details.querySelector<HTMLAnchorElement>('[part~="links"] a')!.href).to.equal('https://bank.example/cards/replace');
    expect(textOf(details.querySelector('[part~="updated"]'))).to.equal('Updated 4 days ago');
  });

  it('opens and scrolls to #faq-<id>, and writes the address when update-hash is set', async () => {
    history.replaceState(null, '', '#faq-close-account');
    try {
      const el = await faq({ attrs: { 'update-hash': '' } });
      await waitUntil(() => $<HTMLDetailsElement>(el, '[data-id="close-account"]')?.open === true, 'the linked entry did not open');
      const summary = $<HTMLElement>(el, '[data-id="new-card"] summary')!;
      summary.click();
      await el.updateComplete;
      await waitUntil(() => location.hash === '#faq-new-card', 'the address was not updated');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('reads declarative <candor-faq-entry> children', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <candor-faq storage-key="faq-decl">
        <candor-faq-entry entry-id="hours" question="When are you open?" category="Contact" updated-at="2026-11-01T09:00:00Z" keywords="opening, hours">
          <p>Chat is open every day but Sunday.</p>
          <ol><li>Open the app.</li><li>Choose Help.</li></ol>
        </candor-faq-entry>
      </candor-faq>
    </div>`);
    const el = wrapper.querySelector('candor-faq')!;
    await el.updateComplete;
    expect(listed(el)).to.deep.equal(['hours']);
    expect(textOf($(el, '[part~="question"]'))).to.equal('When are you open?');
  });

  it('refuses invalid entries with candor-error naming the path', async () => {
    const errors: CandorErrorEvent[] = [];
    let el!: Faq;
    await warningsDuring(async () => {
      el = document.createElement('candor-faq');
      el.addEventListener('candor-error', (e) => errors.push(e as CandorErrorEvent));
      el.entries = [{ ...copy(faqEntries[0]!), answer: { paragraphs: [], links: [{ label: 'x', url: 'javascript:alert(1)' }] } }];
      await fixture(html`<div></div>`).then((w) => w.append(el));
      await el.updateComplete;
    });
    expect(errors[0]!.detail.property).to.equal('entries');
    expect(errors[0]!.detail.issues.map((i) => i.path)).to.include.members(['0.answer.paragraphs', '0.answer.links.0.url']);
    expect(textOf($(el, '[part~="fallback"]'))).to.equal('The answers are unavailable right now.');
  });

  it('renders script and markup payloads in every text field as text', async () => {
    const payload = '<img src=x onerror="window.__faqPwned=1"><b>bold</b>';
    const e: FaqEntry = {
      ...copy(faqEntries[1]!),
      question: `Q ${payload}`,
      category: `C ${payload}`,
      answer: { paragraphs: [`P ${payload}`], steps: [`S ${payload}`], links: [{ label: `L ${payload}`, url: 'https://bank.example/x' }] },
    };
    const el = await faq({ entries: [e, copy(faqEntries[0]!)], contacts: [{ ...copy(contactChannels[0]!), label: `Chat ${payload}` }] });
    $<HTMLDetailsElement>(el, `[data-id="${e.id}"]`)!.open = true;
    await el.updateComplete;
    $<HTMLButtonElement>(el, `[data-id="${e.id}"] [part~="feedback-no"]`)!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('img, b')).to.have.length(0);
    const all = textOf(root(el) as unknown as Element);
    for (const p of ['Q', 'C', 'P', 'S', 'L', 'Chat']) expect(all).to.contain(`${p} ${payload}`);
    expect((window as { __faqPwned?: number }).__faqPwned).to.equal(undefined);
  });
});

describe('<candor-faq> known issues', () => {
  it('puts entries about an open incident first, marked "Known issue, updated 10:00"', async () => {
    const el = await faq({ incidents: [copy(cardOutage)] });
    expect(listed(el).slice(0, 3)).to.have.members(['card-declined', 'new-card', 'phishing']);
    expect(textOf($(el, '[data-id="new-card"] [part~="known-issue"]'))).to.match(/^Known issue, updated /);
    const resolved = await faq({ incidents: [{ ...copy(resolvedOutage), id: cardOutage.id }] });
    expect($(resolved, '[part~="known-issue"]')).to.equal(null);
  });

  it('follows an incident banner on the page by its id', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <candor-incident-banner id="status-banner" storage-key="faq-banner"></candor-incident-banner>
      <candor-faq incident-banner="status-banner" storage-key="faq-banner-faq"></candor-faq>
    </div>`);
    const banner = wrapper.querySelector('candor-incident-banner')!;
    const el = wrapper.querySelector('candor-faq')!;
    el.entries = copy(faqEntries);
    await el.updateComplete;
    expect($(el, '[part~="known-issue"]')).to.equal(null);
    banner.now = () => new Date('2026-11-23T10:10:00Z');
    banner.incidents = [copy(cardOutage)];
    await banner.updateComplete;
    await el.updateComplete;
    await waitUntil(() => $(el, '[part~="known-issue"]') !== null, 'the banner\'s incident was not picked up');
  });
});

describe('<candor-faq> feedback and contact', () => {
  it('asks "Was this helpful?" once per answer version, kept across reloads', async () => {
    const storageKey = `faq-fb-${++key}`;
    const el = await faq({ storageKey });
    const seen = record<CustomEvent>(el, 'candor-faq-feedback');
    await type(el, 'pin');
    $<HTMLButtonElement>(el, '[data-id="forgot-pin"] [part~="feedback-yes"]')!.click();
    await el.updateComplete;
    expect(seen[0]!.detail).to.deep.equal({ entryId: 'forgot-pin', updatedAt: faqEntries[2]!.updatedAt, helpful: true, query: 'pin' });
    expect(textOf($(el, '[data-id="forgot-pin"] [part~="feedback"]'))).to.equal('Thank you for your feedback.');
    const reloaded = await faq({ storageKey });
    expect($(reloaded, '[data-id="forgot-pin"] [part~="feedback-yes"]')).to.equal(null);
    // A changed answer is asked about again.
    const changed = copy(faqEntries);
    changed[2] = { ...changed[2]!, updatedAt: '2026-11-24T09:00:00Z' };
    const again = await faq({ storageKey, entries: changed });
    expect($(again, '[data-id="forgot-pin"] [part~="feedback-yes"]')).to.not.equal(null);
  });

  it('on "No" offers one optional reason and the contact channels with the question prefilled', async () => {
    const el = await faq();
    const feedback = record<CustomEvent>(el, 'candor-faq-feedback');
    const contact = record<CustomEvent>(el, 'candor-contact-request');
    const entry = () => $(el, '[data-id="transfer-time"]')!;
    entry().querySelector<HTMLButtonElement>('[part~="feedback-no"]')!.click();
    await el.updateComplete;
    const reasons = [...entry().querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(reasons.map((r) => r.value)).to.deep.equal(['unclear', 'out-of-date', 'did-not-solve', 'other']);
    expect(textOf(entry().querySelector('legend'))).to.equal('What was wrong? (optional)');
    reasons[2]!.click();
    await el.updateComplete;
    entry().querySelector<HTMLButtonElement>('[part~="feedback-send"]')!.click();
    await el.updateComplete;
    expect(feedback[0]!.detail).to.deep.equal({ entryId: 'transfer-time', updatedAt: faqEntries[3]!.updatedAt, helpful: false, reason: 'did-not-solve', query: '' });
    const chat = entry().querySelector<HTMLAnchorElement>('[part~="contact-channel"]')!;
    chat.addEventListener('click', (e) => e.preventDefault()); // stay on the test page
    chat.click();
    expect(contact[0]!.detail).to.deep.equal({
      channelId: 'chat',
      kind: 'chat',
      href: 'https://bank.example/chat',
      query: '',
      entryId: 'transfer-time',
      question: faqEntries[3]!.question,
    });
  });

  it('says whether each channel is open now, from the channel\'s hours and time zone', async () => {
    // Tuesday 24 November 2026, 21:30 in London: chat (until 22:00) open, phone (until 20:00) closed until tomorrow 08:00.
    const el = await faq({ now: '2026-11-24T21:30:00Z' });
    await type(el, 'zzqx');
    const lines = $$(el, '[part~="contact"] li').map(textOf);
    expect(lines[0]).to.match(/^Chat with us: open until .*10:00.*PM, replies in about 2 minutes$/);
    expect(lines[1]).to.match(/^Call 0800 123 456: opens .*8:00.*AM, replies in about 5 minutes$/);
    expect(lines[2]).to.equal('E-mail us: always open, replies in about 24 hours');
  });
});

describe('<candor-faq> language, direction, theme', () => {
  it('speaks Arabic, searches Arabic without its diacritics, and mirrors', async () => {
    const el = await faq({ entries: [...copy(faqEntries), ...copy(faqEntriesAr)], lang: 'ar' });
    expect(listed(el)).to.have.length(5);
    expect(textOf($(el, '[part~="title"]'))).to.equal('المساعدة والإجابات');
    await type(el, 'البطاقه'); // ة typed as ه
    expect(listed(el)).to.include('new-card');
    const base = $(el, '[part~="base"]')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    const search = input(el).getBoundingClientRect();
    const label = $(el, '[part~="search"] label')!.getBoundingClientRect();
    expect(label.right).to.be.closeTo(search.right, 2);
  });

  it('lists the answers of the language it switches to', async () => {
    const el = await faq({ entries: [...copy(faqEntries), ...copy(faqEntriesAr)] });
    expect(textOf($(el, '[data-id="new-card"] [part~="question"]'))).to.equal(faqEntries[1]!.question);
    el.setAttribute('lang', 'ar');
    await waitUntil(() => textOf($(el, '[data-id="new-card"] [part~="question"]')) === faqEntriesAr[1]!.question, 'the Arabic answers were not listed');
    expect($(el, '[data-id="close-account"]')).to.equal(null); // no Arabic version of it
  });

  it('passes axe in English, Arabic and dark, with an entry open and the reasons shown', async () => {
    for (const o of [{}, { lang: 'ar', entries: copy(faqEntriesAr) }, { attrs: { theme: 'dark' } }]) {
      const el = await faq(o);
      const first = $<HTMLDetailsElement>(el, '[part~="entry"]')!;
      first.open = true;
      await el.updateComplete;
      first.querySelector<HTMLButtonElement>('[part~="feedback-no"]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });
});
