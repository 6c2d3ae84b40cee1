// <candor-consent> with notice text in another direction than the interface: an English notice
// on an Arabic page and an Arabic notice on an English page. Text keeps its own direction and
// stays next to its bullet, label or switch (measured), instead of drifting to the far edge.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryConsentStorage } from '@candor/core/consent';
import '@candor/elements/consent';
import { noticeArV1, noticeV1, noticeV2 } from '../support/consent-notice.js';
// An Arabic page imports its catalogue up front (test/elements/locales.test.ts covers loading it on first need).
import '@candor/elements/locales/ar.js';

type CandorConsent = HTMLElementTagNameMap['candor-consent'];

async function consent(lang: string, notice: unknown, storage = new MemoryConsentStorage()): Promise<CandorConsent> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 480px">
    <candor-consent subject="cust_7f3a" .notice=${notice} .storage=${storage}></candor-consent>
  </div>`);
  const el = wrapper.querySelector('candor-consent')!;
  await waitUntil(() => el.state !== 'loading', 'still loading');
  await el.updateComplete;
  for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
  await el.updateComplete;
  return el;
}

/** The box of an element's text, without its list marker or padding. */
function textBox(el: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(el);
  return range.getBoundingClientRect();
}

/** The content box of an element (inside padding and borders): where a bullet's text begins. */
function contentBox(el: Element): { left: number; right: number } {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return {
    left: r.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft),
    right: r.right - parseFloat(s.borderRightWidth) - parseFloat(s.paddingRight),
  };
}

const items = (el: CandorConsent, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

describe('<candor-consent> mixed-direction text', () => {
  it('English notice on an Arabic page: list items start at the right, next to their bullets, and read left to right', async () => {
    const el = await consent('ar', noticeV1);
    const lis = items(el, '.data-categories li, .recipients li, dd > ul > li');
    expect(lis.length).to.be.greaterThan(3);
    for (const li of lis) {
      expect(getComputedStyle(li).direction, li.textContent!).to.equal('rtl');
      expect(Math.abs(textBox(li).right - contentBox(li).right), `"${li.textContent!.trim()}" beside its bullet`).to.be.lessThan(2);
    }
    const bdi = el.shadowRoot!.querySelector('.data-categories bdi')!;
    expect(bdi.matches(':dir(ltr)')).to.equal(true);
  });

  it('Arabic notice on an English page: list items start at the left, next to their bullets, and read right to left', async () => {
    const el = await consent('en', noticeArV1);
    const lis = items(el, '.data-categories li, dd > ul > li');
    expect(lis.length).to.be.greaterThan(3);
    for (const li of lis) {
      expect(getComputedStyle(li).direction).to.equal('ltr');
      expect(Math.abs(textBox(li).left - contentBox(li).left), `"${li.textContent!.trim()}" beside its bullet`).to.be.lessThan(2);
    }
    expect(el.shadowRoot!.querySelector('.data-categories bdi')!.matches(':dir(rtl)')).to.equal(true);
  });

  for (const [page, notice, side] of [
    ['Arabic', noticeV1, 'right'],
    ['English', noticeArV1, 'left'],
  ] as const) {
    it(`${page} page, notice in the other direction: each title sits beside its switch and each answer beside its heading`, async () => {
      const el = await consent(page === 'Arabic' ? 'ar' : 'en', notice);
      for (const head of items(el, '.head')) {
        const sw = head.querySelector('.toggle')!.getBoundingClientRect();
        const title = textBox(head.querySelector('.purpose-title')!);
        const gap = side === 'right' ? sw.left - title.right : title.left - sw.right;
        expect(gap, `${head.textContent!.trim()}: distance between switch and title`).to.be.within(0, 16);
      }
      for (const dd of items(el, 'dd.retention')) {
        const dt = dd.previousElementSibling!;
        const [answer, heading] = [textBox(dd), textBox(dt)];
        const indent = side === 'right' ? heading.right - answer.right : answer.left - heading.left;
        expect(indent, 'retention beside its heading').to.be.within(0, 24);
      }
    });
  }

  it('lists English changes on an Arabic page beside their bullets', async () => {
    const storage = new MemoryConsentStorage();
    await consent('ar', noticeV1, storage).then((el) => el.acceptAll());
    const el = await consent('ar', noticeV2, storage);
    const lis = items(el, '[part~="changes"] li');
    expect(lis.length).to.be.greaterThan(0);
    for (const li of lis) expect(Math.abs(textBox(li).right - contentBox(li).right), li.textContent!).to.be.lessThan(2);
  });
});
