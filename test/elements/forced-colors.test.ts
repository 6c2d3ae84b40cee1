// Windows High Contrast (forced colours): the browser repaints with a few system colours and
// drops backgrounds, so anything drawn with a background (progress fill, switch, primary
// button) must still be visible, and text must never end up the colour of what is behind it.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '@candor/elements/stepper';
import '@candor/elements/consent';
import '@candor/elements/incident-banner';
import '@candor/elements/faq';
import { cardOutage } from '../../examples/fixtures/incidents.js';
import { MemoryConsentStorage } from '@candor/core/consent';
import { noticeV1 } from '../support/consent-notice.js';
import { onboardingJourney } from '../../examples/fixtures/onboarding-journey.js';
import { contactChannels, faqEntries } from '../../examples/fixtures/faq.js';

/** The shared journey: some steps done, one current, some not started (a partly filled bar). */
const steps = structuredClone([...onboardingJourney]);

/** The colour actually painted behind `el`: its own background or the nearest opaque ancestor's. */
function paintedBackground(el: Element): string {
  for (let node: Element | null = el; node; ) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return getComputedStyle(document.documentElement).backgroundColor;
}

const part = (host: Element, name: string) => host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('forced colours (high contrast)', () => {
  before(async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulation is on').to.equal(true);
  });
  after(async () => {
    await executeServerCommand('emulate-forced-colors', { active: false });
  });

  it('<candor-stepper> keeps the progress fill visible against its track', async () => {
    const el = await fixture<HTMLElementTagNameMap['candor-stepper']>(html`<candor-stepper .steps=${steps}></candor-stepper>`);
    await frame();
    const fill = part(el, 'progress-indicator');
    const track = part(el, 'progress');
    expect(fill.getBoundingClientRect().width).to.be.greaterThan(0);
    expect(paintedBackground(fill)).to.not.equal(paintedBackground(track));
  });

  it('<candor-stepper> marks the current step with a visible border and readable text', async () => {
    const el = await fixture<HTMLElementTagNameMap['candor-stepper']>(html`<candor-stepper .steps=${steps}></candor-stepper>`);
    await frame();
    const current = el.shadowRoot!.querySelector<HTMLElement>('[aria-current="step"]')!;
    const style = getComputedStyle(current);
    expect(style.borderTopStyle).to.not.equal('none');
    expect(style.borderTopColor).to.not.equal(paintedBackground(current));
    expect(style.color).to.not.equal(paintedBackground(current));
  });

  it('<candor-consent> keeps the primary button label and the switches readable', async () => {
    const el = await fixture<HTMLElementTagNameMap['candor-consent']>(
      html`<candor-consent subject="cust_1" .notice=${noticeV1} .storage=${new MemoryConsentStorage()}></candor-consent>`,
    );
    await frame();
    const primary = part(el, 'button-primary');
    expect(getComputedStyle(primary).color).to.not.equal(paintedBackground(primary));
    const toggle = part(el, 'toggle');
    const toggleStyle = getComputedStyle(toggle);
    expect(toggleStyle.borderTopColor).to.not.equal(paintedBackground(toggle.parentElement!));
  });

  it('both components stay free of axe violations', async () => {
    const stepper = await fixture(html`<candor-stepper .steps=${steps}></candor-stepper>`);
    await expect(stepper).to.be.accessible();
    const consent = await fixture(
      html`<candor-consent subject="cust_1" .notice=${noticeV1} .storage=${new MemoryConsentStorage()}></candor-consent>`,
    );
    await frame();
    await expect(consent).to.be.accessible();
  });
  it('<candor-incident-banner> keeps the severity shape, the edge and the overdue note visible, text readable', async () => {
    const el = await fixture<HTMLElementTagNameMap['candor-incident-banner']>(
      html`<candor-incident-banner storage-key="forced-colors" .now=${() => new Date('2026-11-23T10:45:00Z')} .incidents=${[cardOutage]}></candor-incident-banner>`,
    );
    await frame();
    const card = part(el, 'incident');
    const bg = paintedBackground(card);
    const style = getComputedStyle(card);
    expect(style.borderLeftStyle).to.equal('solid');
    expect(style.borderLeftColor).to.not.equal(bg);
    expect(style.color).to.not.equal(bg);
    const shape = el.shadowRoot!.querySelector('.shape')!;
    expect(getComputedStyle(shape).fill).to.not.equal(bg);
    expect(shape.getBoundingClientRect().width).to.be.greaterThan(8);
    const next = part(el, 'next-update');
    expect(next.dataset['state']).to.equal('overdue');
    expect(getComputedStyle(next).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(next).borderTopColor).to.not.equal(paintedBackground(next));
    const impact = part(el, 'data-impact');
    expect(getComputedStyle(impact).borderTopColor).to.not.equal(paintedBackground(impact));
  });

  it('<candor-faq> keeps search matches marked, the chosen category distinguishable and every text readable', async () => {
    const memory = new Map<string, string>();
    const el = await fixture<HTMLElementTagNameMap['candor-faq']>(
      html`<candor-faq
        lang="en"
        .entries=${faqEntries}
        .contacts=${contactChannels}
        .incidents=${[cardOutage]}
        .now=${() => new Date('2026-11-23T11:05:00Z')}
        .feedbackStorage=${{ getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) }}
      ></candor-faq>`,
    );
    const root = el.shadowRoot!;
    const readable = (node: HTMLElement, what: string) => expect(getComputedStyle(node).color, what).to.not.equal(paintedBackground(node));

    // The chosen category: its own background and text, unlike the others, and a thicker border.
    root.querySelector<HTMLButtonElement>('[part~="category"][data-category="Cards"]')!.click();
    await el.updateComplete;
    await frame();
    const chosen = root.querySelector<HTMLElement>('[part~="category"][aria-pressed="true"]')!;
    const other = root.querySelector<HTMLElement>('[part~="category"][aria-pressed="false"]')!;
    expect(chosen.dataset['category']).to.equal('Cards');
    expect(paintedBackground(chosen), 'chosen vs other category').to.not.equal(paintedBackground(other));
    expect(parseFloat(getComputedStyle(chosen).borderTopWidth)).to.be.greaterThan(parseFloat(getComputedStyle(other).borderTopWidth));
    readable(chosen, 'chosen category');
    readable(other, 'other category');

    // A search: the match keeps a background of its own, and its text stays readable on it.
    const input = part(el, 'search-input') as HTMLInputElement;
    input.value = 'pin';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    await frame();
    const mark = root.querySelector<HTMLElement>('[data-id="forgot-pin"] summary mark[part~="highlight"]')!;
    expect(mark.textContent).to.equal('PIN');
    const summary = mark.closest('summary')!;
    expect(paintedBackground(mark), 'match vs question').to.not.equal(paintedBackground(summary));
    readable(mark, 'match');
    readable(summary, 'question');

    // Known issue badge, answer and contacts: text never the colour of what is behind it.
    input.value = 'declined';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    root.querySelector<HTMLDetailsElement>('[data-id="card-declined"]')!.open = true;
    await frame();
    const badge = part(el, 'known-issue');
    readable(badge, 'known issue');
    expect(getComputedStyle(badge).borderTopStyle).to.not.equal('none');
    expect(getComputedStyle(badge).borderTopColor).to.not.equal(paintedBackground(badge));
    readable(root.querySelector<HTMLElement>('[data-id="card-declined"] [part~="answer"] p')!, 'answer');
    readable(part(el, 'feedback-no'), 'No button');
    await expect(el).to.be.accessible();
  });
});
