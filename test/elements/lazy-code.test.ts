// Code a page needs only in some cases is loaded only then: the banner's feed polling (with a
// feed URL) and its status-page adapters (with a non-Candor feed format); the FAQ panel's
// contact channels, incidents check, JSON-LD and reader of declarative entries; consent records
// (until the customer reaches for the controls), receipts and the recovery of damaged consent storage. Checked by the modules the page actually fetched.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@candor/elements/incident-banner';
import '@candor/elements/faq';
import '@candor/elements/consent';
import { cardOutage } from '../../examples/fixtures/incidents.js';
import { contactChannels, faqEntries } from '../../examples/fixtures/faq.js';
import { noticeV1 } from '../../examples/fixtures/consent-notices.js';
import { json, scriptFetch } from './fake-feed.js';

type Banner = HTMLElementTagNameMap['candor-incident-banner'];
performance.setResourceTimingBufferSize(100_000);
const fetched = (name: RegExp) => performance.getEntriesByType('resource').map((e) => e.name).filter((url) => name.test(url));
const FEED_CODE = /elements\/dist\/incident-banner\/feed-controller\.js/;
const ADAPTERS = /core\/dist\/incidents\/adapters\.js/;
const CONTACTS = /elements\/dist\/faq\/faq\.contacts\.js/;
const FAQ_INCIDENTS = /elements\/dist\/faq\/faq\.incidents\.js/;
const JSON_LD = /elements\/dist\/faq\/faq\.json-ld\.js/;
const FAQ_CHILDREN = /elements\/dist\/faq\/faq\.children\.js/;
const RECEIPT = /elements\/dist\/consent\/consent\.receipt\.js/;
const RECORDS = /elements\/dist\/consent\/consent\.records\.js/;
const SALVAGE = /core\/dist\/consent\/salvage\.js/;
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('code loaded only when a page needs it', () => {
  it('a banner given incidents downloads neither the feed polling nor the feed adapters', async () => {
    const el = await fixture<Banner>(html`<candor-incident-banner .incidents=${[cardOutage]} time-zone="UTC"></candor-incident-banner>`);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain(cardOutage.title);
    await new Promise((r) => setTimeout(r, 50));
    expect(fetched(FEED_CODE)).to.deep.equal([]);
    expect(fetched(ADAPTERS)).to.deep.equal([]);
  });

  it('a banner given a feed URL loads the polling code and reads the feed', async () => {
    const feed = scriptFetch([json([cardOutage])]);
    try {
      const el = await fixture<Banner>(html`<candor-incident-banner src="https://status.bank.example/incidents.json" time-zone="UTC"></candor-incident-banner>`);
      await waitUntil(() => el.currentIncidents.length === 1, 'the feed was never read', { timeout: 10_000 });
      expect(feed.calls).to.have.length(1);
      expect(fetched(FEED_CODE)).to.have.length(1);
      expect(fetched(ADAPTERS), 'a Candor-format feed needs no adapter').to.deep.equal([]);
    } finally {
      feed.restore();
    }
  });

  it('a FAQ panel without contacts, incidents or json-ld downloads none of their code', async () => {
    const el = await fixture<HTMLElementTagNameMap['candor-faq']>(html`<candor-faq .entries=${faqEntries}></candor-faq>`);
    await el.updateComplete;
    await settle();
    expect(el.shadowRoot!.querySelectorAll('[part~="entry"]').length).to.be.greaterThan(0);
    expect(fetched(CONTACTS)).to.deep.equal([]);
    expect(fetched(FAQ_INCIDENTS)).to.deep.equal([]);
    expect(fetched(JSON_LD)).to.deep.equal([]);
    expect(fetched(FAQ_CHILDREN), 'entries given as a property need no children reader').to.deep.equal([]);
  });

  it('a FAQ panel with <candor-faq-entry> children loads their reader once and shows them on its first render', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <candor-faq storage-key="lazy-decl">
        <candor-faq-entry entry-id="hours" question="When are you open?" category="Contact" updated-at="2026-11-01T09:00:00Z"><p>Every day.</p></candor-faq-entry>
        <candor-faq-entry entry-id="fees" question="What does it cost?" category="Fees" updated-at="2026-11-01T09:00:00Z"><p>Nothing.</p></candor-faq-entry>
      </candor-faq>
    </div>`);
    const el = wrapper.querySelector('candor-faq')!;
    await el.updateComplete;
    const ids = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="entry"]')].map((d) => d.dataset['id']);
    expect(ids).to.have.members(['hours', 'fees']);
    expect(el.shadowRoot!.querySelector('[part~="fallback"]')).to.equal(null);
    expect(fetched(FAQ_CHILDREN)).to.have.length(1);
  });

  it('a FAQ panel linked to a quiet banner loads no known-issue code until an incident opens', async () => {
    const related = faqEntries.map((e, i) => (i === 0 ? { ...e, relatesTo: { incidents: [cardOutage.id] } } : e));
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <candor-incident-banner id="lazy-banner" storage-key="lazy-banner" .incidents=${[]}></candor-incident-banner>
      <candor-faq incident-banner="lazy-banner" storage-key="lazy-banner-faq" .entries=${related}></candor-faq>
    </div>`);
    const banner = wrapper.querySelector('candor-incident-banner')!;
    const el = wrapper.querySelector('candor-faq')!;
    await el.updateComplete;
    await settle();
    expect(fetched(FAQ_INCIDENTS), 'no incident, no known-issue code').to.deep.equal([]);
    banner.now = () => new Date('2026-11-23T10:10:00Z');
    banner.incidents = [cardOutage];
    await banner.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="known-issue"]') !== null, 'the known issue never showed');
    expect(fetched(FAQ_INCIDENTS)).to.have.length(1);
    wrapper.remove();
  });

  it('a FAQ panel given contacts, incidents and json-ld loads each once, and updateComplete waits for them', async () => {
    const related = faqEntries.map((e, i) => (i === 0 ? { ...e, relatesTo: { incidents: [cardOutage.id] } } : e));
    const el = await fixture<HTMLElementTagNameMap['candor-faq']>(
      html`<candor-faq .entries=${related} .contacts=${contactChannels} .incidents=${[cardOutage]} json-ld></candor-faq>`,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="known-issue"]'), 'the known issue is marked once updateComplete resolves').to.not.equal(null);
    expect(document.head.querySelector('script[type="application/ld+json"][data-candor-faq]'), 'the JSON-LD is in the head').to.not.equal(null);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.value = 'zzzz nothing matches this';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="contact-channel"]').length, 'no results: the contact channels').to.equal(contactChannels.length);
    for (const code of [CONTACTS, FAQ_INCIDENTS, JSON_LD]) expect(fetched(code), String(code)).to.have.length(1);
    el.remove();
  });

  it('consent downloads its receipt code only when a receipt is asked for, and no recovery code while storage is intact', async () => {
    localStorage.clear();
    const el = await fixture<HTMLElementTagNameMap['candor-consent']>(html`<candor-consent subject="cust_lazy" .notice=${noticeV1}></candor-consent>`);
    await waitUntil(() => el.state === 'ask', 'never asked');
    await settle();
    expect(fetched(RECORDS), 'nobody has reached for the controls yet').to.deep.equal([]);
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await waitUntil(() => fetched(RECORDS).length === 1, 'focusing the explainer did not fetch the record code');
    await el.acceptAll();
    await waitUntil(() => el.state === 'saved', 'never saved');
    await settle();
    expect(fetched(RECEIPT)).to.deep.equal([]);
    expect(fetched(SALVAGE), 'intact storage needs no recovery code').to.deep.equal([]);
    const receipt = await el.receipt();
    expect(receipt?.receipt.record.recordId).to.equal(el.record?.recordId);
    expect(fetched(RECEIPT)).to.have.length(1);
    localStorage.clear();
  });
});
