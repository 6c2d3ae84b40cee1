// Code a page needs only in some cases is loaded only then: the banner's feed polling (with a
// feed URL) and its status-page adapters (with a non-Candor feed format). Checked by the
// modules the page actually fetched.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@candor/elements/incident-banner';
import { cardOutage } from '../../examples/fixtures/incidents.js';

type Banner = HTMLElementTagNameMap['candor-incident-banner'];
performance.setResourceTimingBufferSize(100_000);
const fetched = (name: RegExp) => performance.getEntriesByType('resource').map((e) => e.name).filter((url) => name.test(url));
const FEED_CODE = /elements\/dist\/incident-banner\/feed-controller\.js/;
const ADAPTERS = /core\/dist\/incidents\/adapters\.js/;

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
    const real = window.fetch;
    let reads = 0;
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).includes('//status.bank.example/')) return real(input, init);
      reads++;
      return new Response(JSON.stringify([cardOutage]), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    try {
      const el = await fixture<Banner>(html`<candor-incident-banner src="https://status.bank.example/incidents.json" time-zone="UTC"></candor-incident-banner>`);
      await waitUntil(() => el.currentIncidents.length === 1, 'the feed was never read', { timeout: 10_000 });
      expect(reads).to.equal(1);
      expect(fetched(FEED_CODE)).to.have.length(1);
      expect(fetched(ADAPTERS), 'a Candor-format feed needs no adapter').to.deep.equal([]);
    } finally {
      window.fetch = real;
    }
  });
});
