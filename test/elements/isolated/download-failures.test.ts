// Code loaded on first use can fail to download (a flaky network, a deploy that removed the old
// chunks). Each component then says so (`candor-error`), stores nothing it cannot stand behind,
// and tries again when the page next needs that code. The test server fails one download for
// this page (test/support/fail-download-middleware.mjs, keyed by a cookie of this page's context).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '@candor/elements/incident-banner';
import '@candor/elements/faq';
import '@candor/elements/consent';
import { controllerKey, createConsentRecord, LocalStorageConsentStorage, MemoryConsentStorage } from '@candor/core/consent';
import type { CandorErrorEvent } from '@candor/elements/shared';
import { cardOutage } from '../../../examples/fixtures/incidents.js';
import { faqEntries } from '../../../examples/fixtures/faq.js';
import { noticeV1 } from '../../../examples/fixtures/consent-notices.js';
import { json, scriptFetch } from '../fake-feed.js';

type Banner = HTMLElementTagNameMap['candor-incident-banner'];

/** Makes the next download of `file` (a file name such as `faq.incidents.js`) from this page fail once. */
function failOnce(file: string): void {
  document.cookie = `candor-fail-once=${encodeURIComponent(`${crypto.randomUUID()}:${file}`)}; path=/`;
}

const errorsOf = (el: EventTarget) => {
  const seen: CandorErrorEvent['detail'][] = [];
  el.addEventListener('candor-error', (e) => seen.push((e as CandorErrorEvent).detail));
  return seen;
};

// A browser keeps a failed module download failed for the life of the page, so each test fails a
// file no other test of this page needs. This file runs on its own (test/run.mjs): the failures
// it causes must not reach other test pages.
describe('when code loaded on first use fails to download', () => {
  afterEach(() => {
    document.cookie = 'candor-fail-once=; path=/; max-age=0';
  });

  it('the consent explainer says so when a receipt cannot be made, and reports property receipt', async () => {
    // A decision stored earlier (the page's own record code is not downloaded here).
    const storage = new MemoryConsentStorage();
    await storage.save(await createConsentRecord({ notice: noticeV1, subject: 'cust_receipt', locale: 'en', choices: { marketing: true } }));
    const el = await fixture<HTMLElementTagNameMap['candor-consent']>(html`<candor-consent subject="cust_receipt" .notice=${noticeV1} .storage=${storage}></candor-consent>`);
    await waitUntil(() => el.state === 'saved', 'the stored decision was not shown');
    const errors = errorsOf(el);
    failOnce('consent.receipt.js');
    expect(await el.downloadReceipt()).to.equal(undefined);
    expect(errors.map((e) => e.property)).to.deep.equal(['receipt']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="problem"]')?.textContent).to.match(/receipt/i);
    expect(el.record, 'the stored decision is untouched').to.not.equal(undefined);
  });

  it('the consent explainer stores nothing, fires no change, and tells the customer to reload', async () => {
    failOnce('consent.records.js');
    const storage = new MemoryConsentStorage();
    const el = await fixture<HTMLElementTagNameMap['candor-consent']>(html`<candor-consent subject="cust_flaky" .notice=${noticeV1} .storage=${storage}></candor-consent>`);
    const errors = errorsOf(el);
    await waitUntil(() => el.state === 'ask', 'never asked');
    let events = 0;
    for (const type of ['candor-before-consent-change', 'candor-consent-change']) el.addEventListener(type, () => events++);
    expect(await el.acceptAll(), 'no record without the code that builds it').to.equal(undefined);
    expect(await storage.history(controllerKey(noticeV1.controller), 'cust_flaky')).to.deep.equal([]);
    expect(events, 'no change event for a decision that was not stored').to.equal(0);
    expect(el.state, 'the customer is still asked').to.equal('ask');
    expect(errors.map((e) => e.property)).to.deep.equal(['storage']);
    expect(errors[0]!.message).to.match(/code that builds consent records could not be loaded/);
    await el.updateComplete;
    const problem = el.shadowRoot!.querySelector('[part~="problem"]');
    expect(problem?.getAttribute('role')).to.equal('alert');
    expect(problem?.textContent, 'the customer is told what to do: a retry without a reload would fail the same way').to.match(/reload the page/);
    expect(el.shadowRoot!.querySelectorAll('input[role="switch"]').length, 'the choices are still there').to.equal(noticeV1.purposes.length);
  });

  it('the default consent storage keeps the stored history when the code that writes fails to download', async () => {
    localStorage.clear();
    const storage = new LocalStorageConsentStorage();
    const earlier = await createConsentRecord({ notice: noticeV1, subject: 'cust_write', locale: 'en', choices: { marketing: false } });
    const key = storage.keyFor(controllerKey(noticeV1.controller), 'cust_write');
    localStorage.setItem(key, JSON.stringify([earlier]));
    const next = await createConsentRecord({ notice: noticeV1, subject: 'cust_write', locale: 'en', choices: { marketing: true }, previousRecordId: earlier.recordId });
    failOnce('local-storage.write.js');
    let error: unknown;
    await storage.save(next).catch((e: unknown) => (error = e));
    expect((error as { code?: string })?.code, 'a failure the explainer reports as a failed save').to.equal('storage_unavailable');
    expect(String((error as Error).message)).to.match(/code that stores it could not be loaded.*Reload the page/);
    expect(JSON.parse(localStorage.getItem(key)!), 'the stored history is untouched').to.deep.equal([earlier]);
    expect((await storage.history(controllerKey(noticeV1.controller), 'cust_write')).map((r) => r.recordId)).to.deep.equal([earlier.recordId]);
    localStorage.clear();
  });

  it('the banner shows that the status is unavailable, never an all-clear', async () => {
    failOnce('feed-controller.js');
    const feed = scriptFetch([json([cardOutage])]);
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('candor-incident-banner') as Banner;
      const errors = errorsOf(el);
      el.setAttribute('time-zone', 'UTC');
      el.src = 'https://status.bank.example/flaky.json';
      wrapper.append(el);
      await el.updateComplete;
      const note = el.shadowRoot!.querySelector('[part~="updated"]');
      expect(note?.classList.contains('problem'), 'the footer says the status cannot be read').to.equal(true);
      expect(note?.getAttribute('role')).to.equal('status');
      expect(el.shadowRoot!.querySelector('[part~="incident"]')).to.equal(null);
      expect(feed.calls, 'nothing fetched without the polling code').to.have.length(0);
      expect(errors.map((e) => e.property)).to.deep.equal(['src']);
      expect(errors[0]!.message).to.match(/feed code could not be loaded/);
      wrapper.remove();
    } finally {
      feed.restore();
    }
  });

  it('a FAQ panel linked to a banner reports the known-issue code failing once and keeps its answers', async () => {
    failOnce('faq.incidents.js');
    const related = faqEntries.map((e, i) => (i === 0 ? { ...e, relatesTo: { incidents: [cardOutage.id] } } : e));
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <candor-incident-banner id="flaky-banner" storage-key="flaky-banner" .incidents=${[]}></candor-incident-banner>
      <candor-faq incident-banner="flaky-banner" storage-key="flaky-banner-faq" .entries=${related}></candor-faq>
    </div>`);
    const banner = wrapper.querySelector('candor-incident-banner')!;
    const el = wrapper.querySelector('candor-faq')!;
    const errors = errorsOf(el);
    banner.now = () => new Date('2026-11-23T10:10:00Z');
    const reported = oneEvent(el, 'candor-error');
    banner.incidents = [cardOutage];
    await reported;
    await el.updateComplete;
    expect(errors.map((e) => e.property)).to.deep.equal(['incidentBanner']);
    expect(errors[0]!.message).to.match(/could not be loaded/);
    expect(el.shadowRoot!.querySelector('[part~="known-issue"]'), 'nothing can be marked without the code').to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part~="entry"]').length, 'the answers are still there').to.be.greaterThan(0);
    // The banner's next update does not bring a report on every render.
    const update = { id: 'u3', at: '2026-11-23T10:05:00Z', status: 'identified' as const, message: 'Payments are being rerouted.' };
    banner.incidents = [{ ...cardOutage, updates: [...cardOutage.updates, update] }];
    await banner.updateComplete;
    await el.updateComplete;
    expect(errors, 'one report for one failure').to.have.length(1);
    wrapper.remove();
  });
});
