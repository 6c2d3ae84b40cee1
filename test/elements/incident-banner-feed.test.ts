// <candor-incident-banner src=…> in real Chromium, against a scripted fetch: If-None-Match and
// 304s, failures that keep the last good data with its age, back-off, Retry-After, no polling
// while the page is hidden or the element is gone, the adapters loaded for each format, and
// feeds or URLs refused with candor-error.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CandorErrorEvent } from '@candor/elements/shared';
import '@candor/elements/incident-banner';
import { cardOutage } from '../../examples/fixtures/incidents.js';
import { warningsDuring } from '../support/console.js';
import { json, scriptFetch } from './fake-feed.js';

type Banner = HTMLElementTagNameMap['candor-incident-banner'];

const root = (el: Banner) => el.shadowRoot!;
const $ = (el: Banner, sel: string) => root(el).querySelector<HTMLElement>(sel);
const textOf = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const titles = (el: Banner) => [...root(el).querySelectorAll('[part~="title"]')].map(textOf);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const status = (code: number, headers: Record<string, string> = {}) => () => new Response(code === 304 ? null : 'nope', { status: code, headers });

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

async function polled(o: { src?: string; format?: string; refresh?: number; now?: () => Date } = {}): Promise<{ el: Banner; errors: CandorErrorEvent[] }> {
  const el = document.createElement('candor-incident-banner');
  const errors: CandorErrorEvent[] = [];
  el.addEventListener('candor-error', (e) => errors.push(e as CandorErrorEvent));
  el.storageKey = `feed-test-${Math.random()}`;
  el.timeZone = 'UTC';
  el.now = o.now ?? (() => new Date('2026-11-23T10:10:00Z'));
  el.refresh = o.refresh ?? 1;
  if (o.format) el.format = o.format as Banner['format'];
  el.src = o.src ?? 'https://status.bank.example/incidents.json';
  await fixture(html`<div></div>`).then((w) => w.append(el));
  await el.updateComplete;
  return { el, errors };
}

describe('<candor-incident-banner> feed polling', () => {
  it('sends If-None-Match after an ETag, keeps the data on 304, and says how old it is', async () => {
    const f = scriptFetch([json([cardOutage], { ETag: '"v1"' }), status(304)]);
    restore = f.restore;
    let t = Date.parse('2026-11-23T10:10:00Z');
    const { el } = await polled({ now: () => new Date(t) });
    await waitUntil(() => titles(el).length === 1, 'the feed was not shown');
    expect(titles(el)).to.deep.equal([cardOutage.title]);
    expect(f.calls[0]!.headers.get('Accept')).to.equal('application/json');
    expect(f.calls[0]!.headers.has('If-None-Match')).to.equal(false);
    expect(f.calls[0]!.init.credentials).to.equal('omit');
    await waitUntil(() => f.calls.length >= 2, 'no second poll', { timeout: 3000 });
    expect(f.calls[1]!.headers.get('If-None-Match')).to.equal('"v1"');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([cardOutage.title]);
    t += 5 * 60_000;
    el.requestUpdate();
    await el.updateComplete;
    // The 304 confirmed the data at 10:10; five minutes later it says so.
    expect(textOf($(el, '[part~="updated"]'))).to.equal('Updated 5 minutes ago.');
  });

  it('keeps the last good data through failures, marked stale, and backs off', async () => {
    const f = scriptFetch([json([cardOutage]), status(500), status(500), json([cardOutage])]);
    restore = f.restore;
    let t = Date.parse('2026-11-23T10:10:00Z');
    const { el, errors } = await polled({ now: () => new Date(t) });
    await waitUntil(() => f.calls.length >= 2, 'no second poll', { timeout: 3000 });
    await waitUntil(() => $(el, '[part~="updated"]')?.dataset['stale'] === 'true', 'no stale note');
    t += 7 * 60_000;
    el.requestUpdate();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([cardOutage.title]); // never a blank, never a false all-clear
    expect(textOf($(el, '[part~="updated"]'))).to.equal("We couldn't refresh this information. Updated 7 minutes ago.");
    expect(errors.at(-1)!.detail.property).to.equal('src');
    expect(errors.at(-1)!.detail.message).to.contain('HTTP 500');
    await waitUntil(() => f.calls.length >= 3, 'no third poll', { timeout: 4000 });
    // One failure: twice the refresh interval before the next try.
    expect(f.calls[2]!.at - f.calls[1]!.at).to.be.at.least(1900);
    await waitUntil(() => f.calls.length >= 4, 'no fourth poll', { timeout: 6000 });
    // Two failures in a row: four times.
    expect(f.calls[3]!.at - f.calls[2]!.at).to.be.at.least(3900);
    await waitUntil(() => $(el, '[part~="updated"]')?.dataset['stale'] === 'false', 'the note did not clear after a success');
  });

  it('waits as long as Retry-After asks', async () => {
    const f = scriptFetch([status(503, { 'Retry-After': '3' }), json([cardOutage])]);
    restore = f.restore;
    const { el } = await polled();
    await waitUntil(() => f.calls.length >= 1);
    await waitUntil(() => textOf($(el, '[part~="updated"]')) !== '', 'no note after the failure');
    expect(textOf($(el, '[part~="updated"]'))).to.equal("We couldn't load the service status. Please try again later.");
    await waitUntil(() => f.calls.length >= 2, 'no retry', { timeout: 5000 });
    expect(f.calls[1]!.at - f.calls[0]!.at).to.be.at.least(2900);
    await waitUntil(() => titles(el).length === 1);
  });

  it('does not poll while the page is hidden, and polls on return', async () => {
    const f = scriptFetch([json([cardOutage])]);
    restore = f.restore;
    await polled();
    await waitUntil(() => f.calls.length >= 1);
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      const before = f.calls.length;
      await sleep(2500);
      expect(f.calls.length).to.equal(before);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      expect(Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')).to.deep.equal(hidden);
    }
    const back = f.calls.length;
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => f.calls.length > back, 'no poll on return', { timeout: 500 });
  });

  it('stops when removed from the page', async () => {
    const f = scriptFetch([json([cardOutage])]);
    restore = f.restore;
    const { el } = await polled();
    await waitUntil(() => f.calls.length >= 1);
    el.remove();
    const before = f.calls.length;
    await sleep(2200);
    expect(f.calls.length).to.equal(before);
  });

  it('reads Statuspage, Instatus and cState feeds through their adapters', async () => {
    const statuspage = {
      page: { id: 'p', name: 'Acme', url: 'https://status.bank.example' },
      components: [{ id: 'cards', name: 'Card payments', status: 'major_outage' }],
      incidents: [
        {
          id: 'sp1',
          name: 'Card payments <b>failing</b>',
          status: 'investigating',
          impact: 'critical',
          created_at: '2026-11-23T10:00:00Z',
          shortlink: 'https://stspg.io/sp1',
          incident_updates: [{ id: 'u1', status: 'investigating', body: 'Declines <script>x()</script>', display_at: '2026-11-23T10:00:00Z', affected_components: [{ code: 'cards', name: 'Card payments', new_status: 'major_outage' }] }],
          components: [{ id: 'cards', name: 'Card payments', status: 'major_outage' }],
        },
      ],
      scheduled_maintenances: [],
    };
    const f = scriptFetch([json(statuspage)]);
    restore = f.restore;
    const { el } = await polled({ format: 'statuspage', refresh: 0 });
    await waitUntil(() => titles(el).length === 1, 'the Statuspage incident was not shown');
    expect(titles(el)).to.deep.equal(['Card payments <b>failing</b>']);
    expect(textOf($(el, '[part~="update-message"]'))).to.equal('Declines <script>x()</script>');
    expect(root(el).querySelector('b, script')).to.equal(null);
    expect(f.calls).to.have.length(1); // refresh 0: once

    const instatus = {
      page: { name: 'Acme', url: 'https://status.bank.example', status: 'HASISSUES' },
      activeIncidents: [{ id: 'in1', name: 'Transfers delayed', started: '2026-11-23T09:50:00.000Z', status: 'INVESTIGATING', impact: 'PARTIALOUTAGE', url: 'https://status.bank.example/in1' }],
      activeMaintenances: [],
    };
    f.restore();
    const g = scriptFetch([json(instatus)]);
    restore = g.restore;
    const second = await polled({ format: 'instatus', refresh: 0 });
    await waitUntil(() => titles(second.el).length === 1, 'the Instatus incident was not shown');
    expect(titles(second.el)).to.deep.equal(['Transfers delayed']);
  });

  it('refuses a feed that is not an incident list, with candor-error naming the problem', async () => {
    const f = scriptFetch([json({ incidents: [{ id: 'x' }] })]);
    restore = f.restore;
    let result!: { el: Banner; errors: CandorErrorEvent[] };
    await warningsDuring(async () => {
      result = await polled({ refresh: 0 });
      await waitUntil(() => result.errors.length > 0, 'no candor-error');
    });
    expect(result.errors[0]!.detail.message).to.contain('was refused');
    expect(result.errors[0]!.detail.message).to.contain('0.kind');
    await result.el.updateComplete;
    expect(textOf($(result.el, '[part~="updated"]'))).to.equal("We couldn't load the service status. Please try again later.");
  });

  it('refuses a plain-http feed URL on another host without fetching it', async () => {
    const f = scriptFetch([json([cardOutage])]);
    restore = f.restore;
    let result!: { el: Banner; errors: CandorErrorEvent[] };
    const warnings = await warningsDuring(async () => {
      result = await polled({ src: 'http://status.bank.example/incidents.json' });
    });
    expect(result.errors[0]!.detail.property).to.equal('src');
    expect(warnings.join('\n')).to.contain('https');
    await sleep(300);
    expect(f.calls).to.have.length(0);
    expect(textOf($(result.el, '[part~="fallback"]'))).to.equal('Service status is unavailable right now.');
  });
});
