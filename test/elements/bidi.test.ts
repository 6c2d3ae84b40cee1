// Host data in another language than the interface: an English notice or English steps on an
// Arabic (right-to-left) page. Each piece of host text must keep its own direction, so that a
// sentence's full stop ends up after its last word (on the right of English text), not on the
// far side of the line as plain right-to-left layout would put it.
import { expect, fixture, html } from '@open-wc/testing';
import type { OnboardingStep } from '@candor/core/models';
import { MemoryConsentStorage } from '@candor/core/consent';
import '@candor/elements/stepper';
import '@candor/elements/consent';
import { noticeV1 } from '../support/consent-notice.js';

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** The on-screen box of the character at `index` in the first text node under `el` holding `text`. */
function charBox(el: Element, text: string, index: number): DOMRect {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at + index);
    range.setEnd(node, at + index + 1);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${text}" is not rendered under ${el.tagName}`);
}

/** True when the full stop ending `sentence` is drawn right of its first letter (left-to-right order). */
function readsLeftToRight(el: Element, sentence: string): boolean {
  return charBox(el, sentence, sentence.length - 1).left > charBox(el, sentence, 0).left;
}

describe('English host text on an Arabic page', () => {
  it('<candor-stepper> keeps an English purpose in reading order', async () => {
    const purpose = 'The law requires us to confirm who you are.';
    const steps: OnboardingStep[] = [
      { id: 'identity', title: 'Verify your identity.', purpose, estimatedMinutes: 3, status: 'current' },
    ];
    const page = await fixture(html`<div lang="ar" dir="rtl"><candor-stepper .steps=${steps}></candor-stepper></div>`);
    const el = page.querySelector('candor-stepper')!;
    await frame();
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).direction).to.equal('rtl');
    const details = el.shadowRoot!.querySelector('[part~="purpose"]')!;
    expect(readsLeftToRight(details, purpose)).to.equal(true);
    expect(readsLeftToRight(el.shadowRoot!.querySelector('[part~="details-title"]')!, 'Verify your identity.')).to.equal(true);
  });

  it('<candor-consent> keeps the English summary and purpose reasons in reading order', async () => {
    const page = await fixture(
      html`<div lang="ar" dir="rtl">
        <candor-consent subject="cust_1" .notice=${noticeV1} .storage=${new MemoryConsentStorage()}></candor-consent>
      </div>`,
    );
    const el = page.querySelector('candor-consent')!;
    await frame();
    const root = el.shadowRoot!;
    expect(readsLeftToRight(root.querySelector('[part~="summary"]')!, noticeV1.summary)).to.equal(true);
    const why = noticeV1.purposes[0]!.why;
    expect(readsLeftToRight(root.querySelector('[part~="why"]')!, why)).to.equal(true);
  });
});
