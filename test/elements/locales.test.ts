// Languages other than English are their own modules. This file never imports
// '@candor/elements/locales/ar.js' itself: it checks what a page downloads and what the
// components do when a language arrives on first need.
import { expect, fixture, html } from '@open-wc/testing';
import { registerCatalogue, registerMessages, setLocaleLoader, type LocaleLoader } from '@candor/elements/shared';
import { stepperMessages, type CandorStepper } from '@candor/elements/stepper';
import { consentMessages } from '@candor/elements/consent';
import { incidentBannerMessages } from '@candor/elements/incident-banner';
import { faqMessages } from '@candor/elements/faq';
import type { OnboardingStep } from '@candor/core/models';
import { warningsDuring } from '../support/console.js';

const steps: OnboardingStep[] = [
  { id: 'phone', title: 'Phone', estimatedMinutes: 1, status: 'complete' },
  { id: 'identity', title: 'Identity', estimatedMinutes: 3, status: 'current' },
];
// The test page loads hundreds of modules; make room so no later request goes unrecorded.
performance.setResourceTimingBufferSize(100_000);
/** Every module the page has fetched so far whose URL names a Candor locale file. */
const localeRequests = () =>
  performance.getEntriesByType('resource').map((e) => e.name).filter((url) => /elements\/dist\/locales\/[a-z-]+\.js/.test(url));

describe('language catalogues', () => {
  // setLocaleLoader returns the loader it replaced: put the built-in one back after each test.
  let builtIn: LocaleLoader | undefined | null = null;
  const useLoader = (loader: LocaleLoader | undefined) => {
    const previous = setLocaleLoader(loader);
    if (builtIn === null) builtIn = previous;
  };
  afterEach(() => {
    if (builtIn !== null) setLocaleLoader(builtIn);
  });

  it('an English page downloads no Arabic strings', async () => {
    const page = await fixture(html`<div lang="en">
      <candor-stepper .steps=${steps}></candor-stepper>
      <candor-consent></candor-consent>
      <candor-incident-banner .incidents=${[]}></candor-incident-banner>
      <candor-faq .entries=${[]}></candor-faq>
    </div>`);
    for (const el of page.children) await (el as CandorStepper).updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(localeRequests()).to.deep.equal([]);
    const text = [...page.children].map((el) => el.shadowRoot!.textContent).join(' ');
    expect(text).to.not.match(/[\u0600-\u06FF]/);
  });

  it('loads Arabic the first time a component renders in Arabic, and renders Arabic from the start', async () => {
    const el = await fixture<CandorStepper>(html`<candor-stepper lang="ar" .steps=${steps}></candor-stepper>`);
    await el.updateComplete;
    // The first render already waited for the catalogue: no English text was ever shown.
    expect(el.shadowRoot!.textContent).to.contain('الخطوة 2 من 2');
    expect(el.shadowRoot!.textContent).to.not.contain('Step 2 of 2');
    expect(localeRequests().filter((u) => u.endsWith('/locales/ar.js'))).to.have.length(1);
  });

  it('switches a rendered English component to Arabic when the page language changes', async () => {
    const wrapper = await fixture(html`<div lang="en"><candor-stepper .steps=${steps}></candor-stepper></div>`);
    const el = wrapper.querySelector('candor-stepper')!;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Step 2 of 2');
    wrapper.setAttribute('lang', 'ar-EG');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('الخطوة');
  });

  it("registers an organisation's own language through a loader, fetched once for every component", async () => {
    let calls = 0;
    useLoader(async (language) => {
      if (language !== 'fr') return undefined;
      calls++;
      await new Promise((r) => setTimeout(r, 20)); // like a fetch
      registerCatalogue('fr', { 'candor-stepper': { stepOf: 'Étape {current} sur {total}' } });
    });
    const page = await fixture(html`<div lang="fr-CA">
      <candor-stepper .steps=${steps}></candor-stepper><candor-stepper .steps=${steps}></candor-stepper>
    </div>`);
    const [a, b] = [...page.querySelectorAll('candor-stepper')];
    await a!.updateComplete;
    await b!.updateComplete;
    expect(calls).to.equal(1);
    for (const el of [a!, b!]) {
      expect(el.shadowRoot!.textContent).to.contain('Étape 2 sur 2');
      // Keys the organisation left out fall back to English.
      expect(el.shadowRoot!.textContent).to.contain('In progress');
    }
  });

  it('shows English and says why when a language cannot be loaded', async () => {
    useLoader((language) => (language === 'de' ? Promise.reject(new Error('offline')) : undefined));
    let el!: CandorStepper;
    const warnings = await warningsDuring(async () => {
      el = await fixture<CandorStepper>(html`<candor-stepper lang="de" .steps=${steps}></candor-stepper>`);
      await el.updateComplete;
    });
    expect(el.shadowRoot!.textContent).to.contain('Step 2 of 2');
    expect(warnings.join('\n')).to.match(/"de" catalogue.*English/);
  });

  it('loads nothing once the loader is switched off, and keeps English', async () => {
    useLoader(undefined);
    const el = await fixture<CandorStepper>(html`<candor-stepper lang="es" .steps=${steps}></candor-stepper>`);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Step 2 of 2');
  });

  it("lets a host's own wording win over the shipped Arabic", async () => {
    registerMessages('candor-stepper', 'ar', { allDone: 'انتهيت من كل شيء' });
    const done = steps.map((s) => ({ ...s, status: 'complete' as const }));
    const el = await fixture<CandorStepper>(html`<candor-stepper lang="ar" .steps=${done}></candor-stepper>`);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('انتهيت من كل شيء');
  });
});

describe('the Arabic catalogue (@candor/elements/locales/ar.js)', () => {
  const catalogues = {
    'candor-stepper': stepperMessages.en,
    'candor-consent': consentMessages.en,
    'candor-incident-banner': incidentBannerMessages.en,
    'candor-faq': faqMessages.en,
  };
  it('translates every English key of every component, with all six Arabic plural forms', async () => {
    const ar = await import('@candor/elements/locales/ar.js');
    const shipped = {
      'candor-stepper': ar.stepperAr,
      'candor-consent': ar.consentAr,
      'candor-incident-banner': ar.incidentBannerAr,
      'candor-faq': ar.faqAr,
    };
    for (const [tag, en] of Object.entries(catalogues)) {
      const arabic = shipped[tag as keyof typeof shipped] as Record<string, unknown>;
      expect(Object.keys(arabic).sort(), tag).to.deep.equal(Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        const translated = arabic[key];
        expect(typeof translated, `${tag} ${key}`).to.equal(typeof english);
        if (typeof translated === 'object') {
          expect(Object.keys(translated!).sort(), `${tag} ${key}`).to.include.members(['few', 'many', 'one', 'other', 'two']);
        }
      }
    }
  });
});
