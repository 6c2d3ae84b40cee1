// <candor-incident-banner> in real Chromium: every state, the countdown to an honest overdue note
// on a controllable clock, announcements (once per update, assertive only where it must be),
// dismissal across reloads, polling (ETag/304, errors, back-off, Retry-After, hidden pages),
// keyboard, axe in English/Arabic/dark, mirrored layout and payloads rendered as text.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Incident } from '@candor/core/models';
import type { CandorErrorEvent } from '@candor/elements/shared';
import '@candor/elements/incident-banner';
import { cardOutage, cardOutageAr, plannedMaintenance, resolvedOutage } from '../../examples/fixtures/incidents.js';
import { warningsDuring } from '../support/console.js';
// An Arabic page imports its catalogue up front (test/elements/locales.test.ts covers loading it on first need).
import '@candor/elements/locales/ar.js';

type Banner = HTMLElementTagNameMap['candor-incident-banner'];

const copy = <T>(v: T): T => structuredClone(v);
const root = (el: Banner) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Banner, sel: string) => root(el).querySelector<T>(sel);
const $$ = <T extends HTMLElement = HTMLElement>(el: Banner, sel: string) => [...root(el).querySelectorAll<T>(sel)];
const textOf = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const polite = (el: Banner) => textOf($(el, '[part~="live"]'));
const alert = (el: Banner) => textOf($(el, '[part~="alert"]'));
const cards = (el: Banner) => $$(el, '[part~="incident"]');
const ids = (el: Banner) => cards(el).map((c) => c.dataset['id']);

/** A clock the test moves: `at('2026-11-23T10:10:00Z')`. */
function clock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date(t), set: (iso: string) => void (t = Date.parse(iso)), advance: (ms: number) => void (t += ms) };
}

/** A minor incident (not urgent), open, with one update and a promised next update. */
const minorSlow: Incident = {
  id: 'inc-slow-web',
  kind: 'incident',
  title: 'Online banking is slow',
  severity: 'minor',
  status: 'investigating',
  startedAt: '2026-11-23T09:30:00Z',
  nextUpdateAt: '2026-11-23T10:45:00Z',
  updates: [{ id: 's1', at: '2026-11-23T09:35:00Z', status: 'investigating', message: 'Pages take longer to load than usual.', affected: [{ id: 'web', state: 'degraded' }] }],
  services: [{ id: 'web', name: 'Online banking', state: 'degraded' }],
  dataImpact: { level: 'none' },
  locale: 'en',
};

let storageKey = 0;
async function banner(incidents: unknown[], o: { now?: string; attrs?: Record<string, string>; key?: string } = {}): Promise<Banner> {
  const c = clock(o.now ?? '2026-11-23T10:10:00Z');
  const el = document.createElement('candor-incident-banner');
  el.now = c.now;
  el.storageKey = o.key ?? `test-dismissals-${++storageKey}`;
  el.timeZone = 'UTC';
  for (const [k, v] of Object.entries(o.attrs ?? {})) el.setAttribute(k, v);
  el.incidents = incidents;
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  (el as Banner & { clock: ReturnType<typeof clock> }).clock = c;
  return el;
}
const clockOf = (el: Banner) => (el as Banner & { clock: ReturnType<typeof clock> }).clock;
async function tick(el: Banner, iso: string) {
  clockOf(el).set(iso);
  el.requestUpdate();
  await el.updateComplete;
}

function record<T extends Event>(el: EventTarget, type: string): T[] {
  const seen: T[] = [];
  el.addEventListener(type, (e) => seen.push(e as T));
  return seen;
}

describe('<candor-incident-banner> what it shows', () => {
  it('shows a critical incident: severity in words and as a shape, status, update, services, data impact, actions, remedies, links', async () => {
    const el = await banner([copy(cardOutage)]);
    const card = cards(el)[0]!;
    expect(card.dataset['phase']).to.equal('active');
    const severity = $(el, '[part~="severity"]')!;
    expect(textOf(severity)).to.contain('Critical');
    expect(textOf(severity)).to.contain('Incident, Severity: Critical');
    // The octagon: severity is not colour alone.
    expect(severity.querySelector('svg path')!.getAttribute('d')).to.match(/^M5\.2 1h5\.6/);
    expect(textOf($(el, '[part~="status"]'))).to.contain('Cause identified');
    expect(textOf($(el, '[part~="title"]'))).to.equal('Card payments are failing');
    expect($(el, '[part~="title"]')!.getAttribute('role')).to.equal('heading');
    expect(textOf($(el, '[part~="update-message"]'))).to.equal(cardOutage.updates[1]!.message);
    expect(textOf($(el, '[part~="update-time"]'))).to.equal('Posted 10 minutes ago, 10:00 AM');
    expect($(el, '[part~="update-time"] time')!.getAttribute('datetime')).to.equal('2026-11-23T10:00:00Z');
    expect($$(el, '[part~="services"] li').map(textOf)).to.deep.equal(['Card payments (down)', 'Online banking (slow)']);
    expect(textOf($(el, '[part~="data-impact"]'))).to.contain('This data may be affected: Card numbers and Expiry dates.');
    expect($$(el, '[part~="actions"] li').map(textOf)).to.deep.equal(cardOutage.actions!.map((a) => a.text));
    const remedies = $$(el, '[part~="remedy"]');
    expect(remedies.map((r) => r.dataset['kind'])).to.deep.equal(['card-reissue', 'fee-refund']);
    expect(textOf(remedies[0]!)).to.contain('Who is eligible: Customers who paid by card on 23 November');
    expect(textOf(remedies[0]!)).to.contain('Claim by Thursday, December 31');
    expect($<HTMLAnchorElement>(el, '[part~="status-page"]')!.href).to.equal(cardOutage.statusPageUrl);
    expect($<HTMLAnchorElement>(el, '[part~="faq"]')!.getAttribute('href')).to.equal('#faq-card-declined');
  });

  it('counts down to the promised update, then says honestly that it is late', async () => {
    const el = await banner([copy(cardOutage)]);
    const next = () => $(el, '[part~="next-update"]')!;
    expect(textOf(next())).to.equal('Next update in 20 minutes, by 10:30 AM.');
    expect(next().dataset['state']).to.equal('on-time');
    await tick(el, '2026-11-23T10:29:30Z');
    expect(textOf(next())).to.equal('Next update in 1 minute, by 10:30 AM.');
    await tick(el, '2026-11-23T10:32:00Z');
    expect(next().dataset['state']).to.equal('due');
    expect(textOf(next())).to.equal('Our next update is due now, at 10:30 AM.');
    await tick(el, '2026-11-23T10:40:00Z');
    expect(next().dataset['state']).to.equal('overdue');
    expect(textOf(next())).to.equal('Our next update is 10 minutes late. We are still working on it.');
  });

  it('re-renders by itself when the promised time comes (the clock controller arms a timer for it)', async () => {
    const near = { ...copy(minorSlow), nextUpdateAt: new Date(Date.now() + 1500).toISOString() };
    const el = await banner([near], { now: new Date().toISOString() });
    el.now = () => new Date();
    await el.updateComplete;
    expect($(el, '[part~="next-update"]')!.dataset['state']).to.equal('on-time');
    await waitUntil(() => $(el, '[part~="next-update"]')!.dataset['state'] === 'due', 'the countdown did not reach due by itself', { timeout: 4000 });
  });

  it('puts the most severe incident first and the others behind "2 more notices"', async () => {
    const el = await banner([copy(minorSlow), copy(plannedMaintenance), copy(cardOutage)], { now: '2026-12-04T10:10:00Z' });
    expect(ids(el)).to.deep.equal([cardOutage.id]);
    const more = $<HTMLButtonElement>(el, '[part~="more"]')!;
    expect(textOf(more)).to.equal('2 more notices');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await el.updateComplete;
    expect(ids(el)).to.deep.equal([cardOutage.id, minorSlow.id, plannedMaintenance.id]);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(textOf(more)).to.equal('Show fewer notices');
  });

  it('shows maintenance only within the configured time ahead, with its window in the customer\'s time zone', async () => {
    const el = await banner([copy(plannedMaintenance)], { now: '2026-12-01T10:00:00Z', attrs: { 'maintenance-ahead': '72' } });
    expect(cards(el)).to.have.length(0);
    await tick(el, '2026-12-03T02:00:00Z');
    expect(cards(el)[0]!.dataset['phase']).to.equal('upcoming');
    expect(textOf($(el, '[part~="window"]'))).to.equal('Planned for Sunday, December 6 at 01:00 AM to Sunday, December 6 at 03:00 AM, your time.');
    el.timeZone = 'Asia/Dubai';
    await el.updateComplete;
    expect(textOf($(el, '[part~="window"]'))).to.contain('Sunday, December 6 at 05:00 AM');
    expect(textOf($(el, '[part~="severity"]'))).to.contain('Planned maintenance');
    expect($(el, '[part~="severity"] svg rect')).to.exist;
    await tick(el, '2026-12-06T03:00:01Z');
    expect(cards(el)).to.have.length(0);
  });

  it('shows maintenance in progress with when it ends', async () => {
    const m = { ...copy(plannedMaintenance), status: 'in-progress' as const };
    const el = await banner([m], { now: '2026-12-06T01:30:00Z' });
    expect(cards(el)[0]!.dataset['phase']).to.equal('in-progress');
    expect(textOf($(el, '[part~="window"]'))).to.equal('Under way until Sunday, December 6 at 03:00 AM, your time.');
    expect(textOf($(el, '[part~="status"]'))).to.contain('In progress');
  });

  it('shows a resolved incident with its closing summary for the configured time, then nothing', async () => {
    const el = await banner([copy(resolvedOutage)], { now: '2026-11-02T12:00:00Z', attrs: { 'resolved-for': '24' } });
    expect(cards(el)[0]!.dataset['phase']).to.equal('resolved');
    const summary = textOf($(el, '[part~="summary"]'));
    for (const part of Object.values(resolvedOutage.summary!)) expect(summary).to.contain(part);
    expect(textOf($(el, '[part~="resolved"]'))).to.equal('Resolved 2 hours ago, 9:05 AM.');
    expect($(el, '[part~="next-update"]')).to.equal(null);
    await tick(el, '2026-11-03T09:06:00Z');
    expect(cards(el)).to.have.length(0);
  });

  it('shows the whole timeline on demand, newest first', async () => {
    const el = await banner([copy(cardOutage)]);
    const toggle = $<HTMLButtonElement>(el, '[part~="timeline-toggle"]')!;
    const list = $(el, '[part~="timeline"]')!;
    expect(list.hidden).to.equal(true);
    expect(toggle.getAttribute('aria-controls')).to.equal(list.id);
    expect(textOf(toggle)).to.equal('Show all updates (2)');
    toggle.click();
    await el.updateComplete;
    expect(list.hidden).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect([...list.querySelectorAll('li')].map((li) => [...li.querySelectorAll('p')].map(textOf).join(' '))).to.deep.equal([
      `10:00 AM · Cause identified ${cardOutage.updates[1]!.message}`,
      `9:20 AM · Investigating ${cardOutage.updates[0]!.message}`,
    ]);
  });

  it('refuses invalid incidents with candor-error naming the path, and shows a fallback (never a blank)', async () => {
    const errors: CandorErrorEvent[] = [];
    let el!: Banner;
    const warnings = await warningsDuring(async () => {
      el = document.createElement('candor-incident-banner');
      el.addEventListener('candor-error', (e) => errors.push(e as CandorErrorEvent));
      el.incidents = [{ ...copy(cardOutage), statusPageUrl: 'javascript:alert(1)' }];
      await fixture(html`<div></div>`).then((w) => w.append(el));
      await el.updateComplete;
    });
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.property).to.equal('incidents');
    expect(errors[0]!.detail.issues[0]!.path).to.equal('0.statusPageUrl');
    expect(warnings.join('\n')).to.contain('0.statusPageUrl');
    expect(textOf($(el, '[part~="fallback"]'))).to.equal('Service status is unavailable right now.');
    expect($(el, 'a[href^="javascript"]')).to.equal(null);
  });

  it('renders script and markup payloads in every text field as text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const i = copy(cardOutage);
    i.title = `Title ${payload}`;
    i.updates = i.updates.map((u) => ({ ...u, message: `Msg ${payload}` }));
    i.services = i.services.map((s) => ({ ...s, name: `${s.name} ${payload}` }));
    i.dataImpact = { level: 'confirmed', data: [`Data ${payload}`] };
    i.actions = [{ id: 'a', text: `Act ${payload}` }];
    i.remedies = [{ id: 'r', kind: 'other', title: `Rem ${payload}`, how: `How ${payload}`, eligibility: `Who ${payload}` }];
    const el = await banner([i]);
    $<HTMLButtonElement>(el, '[part~="timeline-toggle"]')!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('img, script:not([type])')).to.have.length(0);
    const all = textOf(root(el) as unknown as Element);
    for (const prefix of ['Title', 'Msg', 'Data', 'Act', 'Rem', 'How', 'Who']) expect(all).to.contain(`${prefix} ${payload}`);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('<candor-incident-banner> announcements', () => {
  it('announces a critical incident with data impact assertively, once, and never the countdown', async () => {
    const el = await banner([copy(cardOutage)]);
    await waitUntil(() => alert(el) !== '');
    expect($(el, '[part~="alert"]')!.getAttribute('role')).to.equal('alert');
    expect(alert(el)).to.equal(`Critical Incident: Card payments are failing. Cause identified. ${cardOutage.updates[1]!.message}`);
    expect(polite(el)).to.equal('');
    const before = alert(el);
    await tick(el, '2026-11-23T10:20:00Z');
    await tick(el, '2026-11-23T10:41:00Z');
    expect(alert(el)).to.equal(before); // the same text: no new announcement
    expect(polite(el)).to.equal('');
  });

  it('announces a minor incident politely; a new update is announced once more', async () => {
    const el = await banner([copy(minorSlow)]);
    expect(polite(el)).to.contain('Minor Incident: Online banking is slow. Investigating.');
    expect(alert(el)).to.equal('');
    const next = copy(minorSlow);
    next.status = 'identified';
    next.updates.push({ id: 's2', at: '2026-11-23T10:05:00Z', status: 'identified', message: 'A faulty server was taken out of service.' });
    el.incidents = [next];
    await el.updateComplete;
    expect(polite(el)).to.equal('Minor Incident: Online banking is slow. Cause identified. A faulty server was taken out of service.');
    el.incidents = [copy(next)]; // same data again: not announced again
    await el.updateComplete;
    expect(polite(el)).to.equal('Minor Incident: Online banking is slow. Cause identified. A faulty server was taken out of service.');
  });

  it('fires candor-incident-update once per incident and update', async () => {
    const el = document.createElement('candor-incident-banner');
    const seen = record<CustomEvent>(el, 'candor-incident-update');
    el.now = clock('2026-11-23T10:10:00Z').now;
    el.storageKey = `test-dismissals-${++storageKey}`;
    el.incidents = [copy(cardOutage), copy(minorSlow)];
    await fixture(html`<div></div>`).then((w) => w.append(el));
    await el.updateComplete;
    expect(seen.map((e) => e.detail)).to.deep.equal([
      { incidentId: cardOutage.id, updateId: 'u2', status: 'identified', severity: 'critical' },
      { incidentId: minorSlow.id, updateId: 's1', status: 'investigating', severity: 'minor' },
    ]);
    el.incidents = [copy(cardOutage), copy(minorSlow)];
    await el.updateComplete;
    expect(seen).to.have.length(2);
  });
});

describe('<candor-incident-banner> dismissal', () => {
  it('hides the current update across reloads until a newer update arrives; the before-event can veto', async () => {
    const key = `test-dismissals-${++storageKey}`;
    const el = await banner([copy(minorSlow)], { key });
    const before = record<CustomEvent>(el, 'candor-before-incident-dismiss');
    const after = record<CustomEvent>(el, 'candor-incident-dismiss');
    el.addEventListener('candor-before-incident-dismiss', (e) => e.preventDefault(), { once: true });
    $<HTMLButtonElement>(el, '[part~="dismiss"]')!.click();
    await el.updateComplete;
    expect(before).to.have.length(1);
    expect(after).to.have.length(0);
    expect(cards(el)).to.have.length(1);

    $<HTMLButtonElement>(el, '[part~="dismiss"]')!.click();
    await el.updateComplete;
    expect(after.map((e) => e.detail)).to.deep.equal([{ incidentId: minorSlow.id, updateId: 's1', action: 'hide' }]);
    expect(cards(el)).to.have.length(0);
    expect(JSON.parse(localStorage.getItem(key)!)[minorSlow.id]).to.include({ update: 's1', severity: 'minor' });

    const reloaded = await banner([copy(minorSlow)], { key });
    expect(cards(reloaded)).to.have.length(0);

    const newer = copy(minorSlow);
    newer.updates.push({ id: 's2', at: '2026-11-23T10:05:00Z', status: 'investigating', message: 'Still slow; we are adding capacity.' });
    const again = await banner([newer], { key });
    expect(ids(again)).to.deep.equal([minorSlow.id]);
  });

  it('shows a dismissed incident again when its severity rises', async () => {
    const key = `test-dismissals-${++storageKey}`;
    const el = await banner([copy(minorSlow)], { key });
    $<HTMLButtonElement>(el, '[part~="dismiss"]')!.click();
    await el.updateComplete;
    expect(cards(el)).to.have.length(0);
    el.incidents = [{ ...copy(minorSlow), severity: 'major' }];
    await el.updateComplete;
    expect(ids(el)).to.deep.equal([minorSlow.id]);
  });

  it('lets a critical incident with data impact be collapsed to its headline, never hidden', async () => {
    const key = `test-dismissals-${++storageKey}`;
    const el = await banner([copy(cardOutage)], { key });
    const button = () => $<HTMLButtonElement>(el, '[part~="dismiss"]')!;
    expect(textOf(button())).to.equal('Show less');
    expect(button().getAttribute('aria-expanded')).to.equal('true');
    expect(textOf($(el, '[part~="locked-note"]'))).to.equal('This notice stays on screen while your data may be affected.');
    const after = record<CustomEvent>(el, 'candor-incident-dismiss');
    button().click();
    await el.updateComplete;
    expect(after[0]!.detail.action).to.equal('collapse');
    expect(ids(el)).to.deep.equal([cardOutage.id]);
    expect(cards(el)[0]!.classList.contains('collapsed')).to.equal(true);
    expect(textOf($(el, '[part~="title"]'))).to.equal(cardOutage.title);
    expect($(el, '[part~="update"]')).to.equal(null);
    expect(button().getAttribute('aria-expanded')).to.equal('false');
    const reloaded = await banner([copy(cardOutage)], { key });
    expect(cards(reloaded)[0]!.classList.contains('collapsed')).to.equal(true);
    $<HTMLButtonElement>(reloaded, '[part~="dismiss"]')!.click();
    await reloaded.updateComplete;
    expect(cards(reloaded)[0]!.classList.contains('collapsed')).to.equal(false);
  });

  it('uses the storage it is given, and survives junk in it', async () => {
    const data = new Map<string, string>([['k', '{"inc-slow-web": {"update": 5}, "x": "junk"']]);
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    const el = document.createElement('candor-incident-banner');
    el.now = clock('2026-11-23T10:10:00Z').now;
    el.dismissalStorage = storage;
    el.storageKey = 'k';
    el.incidents = [copy(minorSlow)];
    await fixture(html`<div></div>`).then((w) => w.append(el));
    await el.updateComplete;
    expect(cards(el)).to.have.length(1);
    $<HTMLButtonElement>(el, '[part~="dismiss"]')!.click();
    await el.updateComplete;
    expect(JSON.parse(data.get('k')!)).to.have.keys(minorSlow.id);
  });
});

describe('<candor-incident-banner> keyboard', () => {
  it('reaches every control with Tab and works them with Enter and Space', async () => {
    const el = await banner([copy(minorSlow), copy(cardOutage)]);
    const focusedPart = () => (root(el).activeElement as HTMLElement | null)?.getAttribute('part');
    const start = document.createElement('button');
    start.textContent = 'before';
    el.before(start);
    start.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedPart()).to.equal('dismiss');
    const parts: string[] = [];
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      parts.push(focusedPart() ?? '');
    }
    expect(parts).to.include.members(['remedy-action', 'status-page', 'faq', 'timeline-toggle', 'more']);
    // Space on "1 more notice" opens it.
    $<HTMLButtonElement>(el, '[part~="more"]')!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(ids(el)).to.deep.equal([cardOutage.id, minorSlow.id]);
    // Dismissing the second notice with Enter keeps focus inside the banner.
    const second = $$<HTMLButtonElement>(el, '[part~="dismiss"]')[1]!;
    second.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => root(el).activeElement !== null);
    expect(ids(el)).to.deep.equal([cardOutage.id]);
  });
});

describe('<candor-incident-banner> language, direction, theme', () => {
  it('shows the version of an incident in the page language when the feed tells it in English and Arabic', async () => {
    const both = () => [copy(cardOutage), copy(cardOutageAr)];
    const ar = await banner(both(), { attrs: { lang: 'ar' } });
    expect(ids(ar), 'one card for the one incident').to.deep.equal([cardOutage.id]);
    expect(textOf($(ar, '[part~="title"]'))).to.equal(cardOutageAr.title);
    expect($(ar, '[part~="title"] bdi')!.getAttribute('lang')).to.equal('ar');
    const en = await banner(both(), { attrs: { lang: 'en' } });
    expect(ids(en)).to.deep.equal([cardOutage.id]);
    expect(textOf($(en, '[part~="title"]'))).to.equal(cardOutage.title);
    // The page switches language: the banner follows with the other version.
    en.setAttribute('lang', 'ar');
    await waitUntil(() => textOf($(en, '[part~="title"]')) === cardOutageAr.title);
  });

  it('speaks Arabic and mirrors: the severity edge on the right, the dismiss button on the left', async () => {
    const el = await banner([copy(cardOutageAr)], { attrs: { lang: 'ar' } });
    const card = cards(el)[0]!;
    expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(textOf($(el, '[part~="severity"]'))).to.contain('حرجة');
    expect(textOf($(el, '[part~="status"]'))).to.contain('تم تحديد السبب');
    const style = getComputedStyle(card);
    expect(style.borderRightWidth).to.equal('6px');
    expect(style.borderLeftWidth).to.equal('1px');
    const dismiss = $(el, '[part~="dismiss"]')!.getBoundingClientRect();
    const title = $(el, '[part~="severity"]')!.getBoundingClientRect();
    expect(dismiss.left).to.be.below(title.left);
    expect(textOf($(el, '[part~="next-update"]'))).to.contain('التحديث التالي');
  });

  it('passes axe in English, Arabic and dark, with several notices and the timeline open', async () => {
    for (const [incidents, attrs] of [
      [[copy(cardOutage), copy(minorSlow), copy(plannedMaintenance)], {}],
      [[copy(cardOutageAr)], { lang: 'ar' }],
      [[copy(cardOutage), copy(resolvedOutage)], { theme: 'dark' }],
    ] as const) {
      const el = await banner([...incidents], { attrs, now: '2026-11-23T10:10:00Z' });
      $<HTMLButtonElement>(el, '[part~="timeline-toggle"]')?.click();
      $<HTMLButtonElement>(el, '[part~="more"]')?.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });
});
