// Options with a default go back to it, silently, when a page unsets them: a removed attribute
// (Lit gives null) or a prop a framework stops passing (React sets undefined). An invalid value
// still fires candor-error and falls back to the default.
import { expect, fixture, html } from '@open-wc/testing';
import '@candor/elements/consent';
import '@candor/elements/faq';
import '@candor/elements/incident-banner';
import '@candor/elements/stepper';
import type { CandorErrorEvent } from '@candor/elements/shared';
import { noticeV1 } from '../../examples/fixtures/consent-notices.js';
import { faqEntries } from '../../examples/fixtures/faq.js';
import { cardOutage } from '../../examples/fixtures/incidents.js';
import { onboardingJourney } from '../../examples/fixtures/onboarding-journey.js';

type Host = HTMLElement & { updateComplete: Promise<boolean> } & Record<string, unknown>;

/** The errors `el` fires from now on. */
function errorsOf(el: HTMLElement): CandorErrorEvent[] {
  const seen: CandorErrorEvent[] = [];
  el.addEventListener('candor-error', (e) => seen.push(e as CandorErrorEvent));
  return seen;
}

const level = (el: Host) => el.shadowRoot!.querySelector('[part~="title"][role="heading"]')?.getAttribute('aria-level');

async function settle(el: Host) {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
}

const cases: { tag: string; make: () => Promise<Host> }[] = [
  {
    tag: 'candor-consent',
    make: () => fixture<Host>(html`<candor-consent subject="cust_options" heading-level="3" .notice=${noticeV1}></candor-consent>`),
  },
  { tag: 'candor-faq', make: () => fixture<Host>(html`<candor-faq heading-level="3" .entries=${faqEntries}></candor-faq>`) },
  { tag: 'candor-incident-banner', make: () => fixture<Host>(html`<candor-incident-banner heading-level="3" time-zone="UTC" .incidents=${[cardOutage]}></candor-incident-banner>`) },
];

describe('options go back to their default when unset', () => {
  for (const { tag, make } of cases) {
    it(`<${tag}> heading-level: removed attribute or undefined gives level 2 without an error; an invalid level reports and gives 2`, async () => {
      const el = await make();
      await settle(el);
      expect(level(el)).to.equal('3');
      const errors = errorsOf(el);
      el.removeAttribute('heading-level');
      await settle(el);
      expect(level(el), 'attribute removed').to.equal('2');
      el['headingLevel'] = 4;
      await settle(el);
      expect(level(el)).to.equal('4');
      el['headingLevel'] = undefined;
      await settle(el);
      expect(level(el), 'prop unset').to.equal('2');
      expect(errors, 'unsetting is not an error').to.deep.equal([]);
      el['headingLevel'] = 9;
      await settle(el);
      expect(level(el)).to.equal('2');
      expect(errors.map((e) => e.detail.property)).to.deep.equal(['headingLevel']);
    });
  }

  it('<candor-faq> top: unset shows the default five entries, without an error', async () => {
    const el = await fixture<Host>(html`<candor-faq top="1" .entries=${faqEntries}></candor-faq>`);
    await settle(el);
    const shown = () => el.shadowRoot!.querySelectorAll('[part~="entry"]').length;
    expect(shown()).to.equal(1);
    const errors = errorsOf(el);
    el.removeAttribute('top');
    await settle(el);
    expect(shown()).to.equal(Math.min(5, faqEntries.length));
    el['top'] = undefined;
    await settle(el);
    expect(shown()).to.equal(Math.min(5, faqEntries.length));
    expect(errors).to.deep.equal([]);
  });

  it('<candor-stepper> orientation, assist channels and threshold: unset gives the defaults, without an error', async () => {
    const el = await fixture<Host>(html`<candor-stepper orientation="vertical" assist-channels="call" assist-after-failures="1" .steps=${onboardingJourney}></candor-stepper>`);
    await settle(el);
    const errors = errorsOf(el);
    for (const prop of ['orientation', 'assistChannels', 'assistAfterFailures']) el[prop] = undefined;
    await settle(el);
    expect(errors).to.deep.equal([]);
    el['orientation'] = 'diagonal';
    await settle(el);
    expect(errors.map((e) => e.detail.property)).to.deep.equal(['orientation']);
  });
});
