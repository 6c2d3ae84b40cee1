// Candor's elements in a Vue 3 app in real Chromium (templates compiled in the browser, as in
// examples/vue): with compilerOptions.isCustomElement the tags stay custom elements, `.prop`
// bindings hand objects over as properties, and `@candor-…` listeners receive the typed events.
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, nextTick, ref, type App } from 'vue/dist/vue.esm-browser.js';
import type { OnboardingStep } from '@candor/core/models';
import { MemoryConsentStorage } from '@candor/core/consent';
import '@candor/elements';
import { StepChangeEvent } from '@candor/elements/stepper';
import { FaqSearchEvent } from '@candor/elements/faq';
import { onboardingJourney } from '../../examples/fixtures/onboarding-journey.js';
import { noticeV1 } from '../../examples/fixtures/consent-notices.js';
import { faqEntries } from '../../examples/fixtures/faq.js';
import { warningsDuring } from '../support/console.js';

/** A loaded machine may take a while; the default second is too short to mean failure. */
const settle = { timeout: 5000 };
const copy = <T>(v: T): T => structuredClone(v);
const journey = (): OnboardingStep[] => copy([...onboardingJourney]);

let app: App | undefined;
let container: HTMLDivElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  app?.unmount();
  app = undefined;
  container.remove();
});

function mount(template: string, setup: () => Record<string, unknown>): void {
  app = createApp({ template, setup });
  app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('candor-');
  app.mount(container);
}

describe('Candor elements in Vue 3', () => {
  it('leaves candor-* tags to the browser and sets .prop bindings as the same objects', async () => {
    const steps = journey();
    const notice = copy(noticeV1);
    const storage = new MemoryConsentStorage();
    const warnings = await warningsDuring(async () => {
      mount(
        `<candor-stepper :steps.prop="steps" current="details"></candor-stepper>
         <candor-consent :notice.prop="notice" :storage.prop="storage" subject="cust_7f3a"></candor-consent>`,
        () => ({ steps, notice, storage }),
      );
      await nextTick();
    });
    expect(warnings.filter((w) => /Failed to resolve component/.test(w))).to.deep.equal([]);
    const stepper = container.querySelector('candor-stepper')!;
    const consent = container.querySelector('candor-consent')!;
    expect(stepper).to.be.instanceOf(customElements.get('candor-stepper')!);
    expect(stepper.steps).to.equal(steps);
    expect(stepper.hasAttribute('steps')).to.equal(false);
    expect(consent.notice).to.equal(notice);
    expect(consent.storage).to.equal(storage);
    await stepper.updateComplete;
    expect(stepper.current).to.equal('details');
    expect(stepper.shadowRoot!.querySelectorAll('[part~="step-button"]')).to.have.length(steps.length);
  });

  it('re-sets a .prop binding when the reactive value changes', async () => {
    const steps = ref(journey());
    mount(`<candor-stepper :steps.prop="steps"></candor-stepper>`, () => ({ steps }));
    await nextTick();
    const stepper = container.querySelector('candor-stepper')!;
    steps.value = journey().slice(0, 2);
    await nextTick();
    await stepper.updateComplete;
    expect(stepper.shadowRoot!.querySelectorAll('[part~="step-button"]')).to.have.length(2);
  });

  it('calls @candor-step-change with the StepChangeEvent and its detail', async () => {
    const seen: StepChangeEvent[] = [];
    const current = ref<string | undefined>();
    mount(`<candor-stepper :steps.prop="steps" @candor-step-change="onChange"></candor-stepper><output>{{ current }}</output>`, () => ({
      steps: journey(),
      current,
      onChange: (e: StepChangeEvent) => {
        seen.push(e);
        current.value = e.detail.to;
      },
    }));
    await nextTick();
    const stepper = container.querySelector('candor-stepper')!;
    await stepper.updateComplete;
    stepper.shadowRoot!.querySelector<HTMLElement>('[part~="step-button"]')!.click();
    await nextTick();
    expect(seen).to.have.length(1);
    expect(seen[0]).to.be.instanceOf(StepChangeEvent);
    expect(seen[0]!.detail).to.deep.equal({ from: 'identity', to: 'details' });
    expect(container.querySelector('output')!.textContent).to.equal('details');
  });

  it('calls @candor-faq-search once the customer stops typing', async () => {
    const searches: FaqSearchEvent[] = [];
    mount(`<candor-faq :entries.prop="entries" @candor-faq-search="(e) => searches.push(e)"></candor-faq>`, () => ({ entries: copy(faqEntries), searches }));
    await nextTick();
    const faq = container.querySelector('candor-faq')!;
    await faq.updateComplete;
    const input = faq.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.value = 'card';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => searches.length > 0, 'no candor-faq-search', settle);
    expect(searches[0]).to.be.instanceOf(FaqSearchEvent);
    expect(searches[0]!.detail.query).to.equal('card');
  });
});
