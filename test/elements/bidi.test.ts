// Host data in another language than the interface: an English notice or English steps on an
// Arabic (right-to-left) page, or Arabic steps on an English page. Each piece of host text must
// keep its own direction, so that a sentence's full stop ends up after its last word (on the
// right of English text, on the left of Arabic text), not on the far side of the line as plain
// right-to-left layout would put it; and it must stay next to its bullet, marker or label, on the
// interface's side, not drift to the far edge.
import { expect, fixture, html } from '@open-wc/testing';
import type { OnboardingStep } from '@candor/core/models';
import { MemoryConsentStorage } from '@candor/core/consent';
import '@candor/elements/stepper';
import '@candor/elements/consent';
import { noticeV1 } from '../support/consent-notice.js';
// An Arabic page imports its catalogue up front (test/elements/locales.test.ts covers loading it on first need).
import '@candor/elements/locales/ar.js';

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

/** The on-screen box of all of `text` (one line) in the first text node under `el` holding it. */
function textBox(el: Element, text: string): DOMRect {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${text}" is not rendered under ${el.tagName}`);
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

/** Host text in one language, the interface in the other. */
const cases = [
  {
    name: 'English steps in an Arabic interface',
    page: { lang: 'ar', dir: 'rtl' },
    // A short title beside a longer Arabic status ("قيد المراجعة لدينا"): room to drift.
    title: 'Phone.',
    detailsTitle: 'Verify your identity.',
    purpose: 'The law requires us to confirm who you are.',
    requirement: 'A passport or national ID card.',
    textRtl: false,
  },
  {
    name: 'Arabic steps in an English interface',
    page: { lang: 'en', dir: 'ltr' },
    title: 'الهاتف.',
    detailsTitle: 'التحقق من هويتك.',
    purpose: 'يُلزمنا القانون بالتأكد من هويتك.',
    requirement: 'جواز سفر أو بطاقة هوية.',
    textRtl: true,
  },
] as const;

for (const c of cases) {
  describe(`<candor-stepper>: ${c.name}`, () => {
    const uiRtl = c.page.dir === 'rtl';
    /** Distance from the interface's start edge of `edge` to the same side of `text`. */
    const gapToStart = (edge: DOMRect, text: DOMRect) => (uiRtl ? edge.right - text.right : text.left - edge.left);

    async function render() {
      const steps: OnboardingStep[] = [
        { id: 'phone', title: c.title, estimatedMinutes: 1, status: 'waiting' },
        { id: 'identity', title: c.detailsTitle, purpose: c.purpose, requirements: [c.requirement], estimatedMinutes: 3, status: 'current' },
      ];
      const page = await fixture(
        html`<div lang=${c.page.lang} dir=${c.page.dir} style="inline-size: 600px"><candor-stepper orientation="vertical" .steps=${steps}></candor-stepper></div>`,
      );
      const el = page.querySelector('candor-stepper')!;
      await frame();
      const root = el.shadowRoot!;
      expect(getComputedStyle(root.querySelector('[part~="base"]')!).direction).to.equal(c.page.dir);
      return root;
    }

    /** Whether the sentence's full stop is on the side its own language puts it. */
    const ownOrder = (el: Element, sentence: string) => readsLeftToRight(el, sentence) === !c.textRtl;

    it('keeps each requirement next to its bullet, in its own reading order', async () => {
      const root = await render();
      const li = root.querySelector('[part~="requirements"] li')!;
      expect(getComputedStyle(li).direction, 'the bullet stays on the interface side').to.equal(c.page.dir);
      expect(gapToStart(li.getBoundingClientRect(), textBox(li, c.requirement))).to.be.within(-1, 2);
      expect(ownOrder(li, c.requirement)).to.equal(true);
    });

    it('keeps a step title next to its marker, in its own reading order', async () => {
      const root = await render();
      const button = root.querySelector('[data-step-id="phone"]')!;
      const marker = button.querySelector('[part~="marker"]')!.getBoundingClientRect();
      const title = textBox(button.querySelector('[part~="step-title"]')!, c.title);
      // The text sits just past the marker (the button's gap), not across the button from it.
      const gap = uiRtl ? marker.left - title.right : title.left - marker.right;
      expect(gap).to.be.within(0, 16);
      expect(ownOrder(button, c.title)).to.equal(true);
    });

    it('keeps the details title and the purpose at the start edge, under their label, in their own reading order', async () => {
      const root = await render();
      const details = root.querySelector('[part~="details"]')!.getBoundingClientRect();
      const titleEl = root.querySelector('[part~="details-title"]')!;
      expect(gapToStart(details, textBox(titleEl, c.detailsTitle))).to.be.within(-1, 2);
      expect(ownOrder(titleEl, c.detailsTitle)).to.equal(true);
      const purpose = root.querySelector('[part~="purpose"]')!;
      const label = textBox(purpose.querySelector('.label')!, purpose.querySelector('.label')!.textContent!);
      const text = textBox(purpose, c.purpose);
      expect(Math.abs(uiRtl ? label.right - text.right : text.left - label.left)).to.be.below(2);
      expect(ownOrder(purpose, c.purpose)).to.equal(true);
    });
  });
}
