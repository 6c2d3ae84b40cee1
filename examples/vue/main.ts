// A small Vue 3 app with Candor's web components: objects bound as properties (`.prop`), events
// heard with `@candor-…`, and every `candor-*` tag left to the browser as a custom element.
import { createApp, ref } from 'vue';
import '@candor/elements';
import { MemoryConsentStorage } from '@candor/core/consent';
import type { ConsentRecord } from '@candor/core/models';
import type { ConsentChangeEvent } from '@candor/elements/consent';
import type { StepChangeEvent } from '@candor/elements/stepper';
import { onboardingJourney } from '../fixtures/onboarding-journey.js';
import { noticeV1 } from '../fixtures/consent-notices.js';
import { cardOutage } from '../fixtures/incidents.js';
import { contactChannels, faqEntries } from '../fixtures/faq.js';

const app = createApp({
  setup() {
    const current = ref<string | undefined>();
    const saved = ref<ConsentRecord | undefined>();
    return {
      steps: [...onboardingJourney],
      notice: noticeV1,
      storage: new MemoryConsentStorage(),
      incidents: [cardOutage],
      entries: faqEntries,
      contacts: contactChannels,
      current,
      saved,
      onStepChange: (e: StepChangeEvent) => (current.value = e.detail.to),
      onConsentChange: (e: ConsentChangeEvent) => (saved.value = e.detail),
    };
  },
  template: `
    <main>
      <candor-incident-banner :incidents.prop="incidents" time-zone="UTC"></candor-incident-banner>
      <candor-stepper :steps.prop="steps" :current="current" @candor-step-change="onStepChange"></candor-stepper>
      <candor-consent :notice.prop="notice" :storage.prop="storage" subject="cust_7f3a" @candor-consent-change="onConsentChange"></candor-consent>
      <p aria-live="polite">{{ saved ? 'Saved: ' + (saved.purposesGranted.join(', ') || 'nothing granted') : '' }}</p>
      <candor-faq :entries.prop="entries" :contacts.prop="contacts"></candor-faq>
    </main>`,
});
// Candor's tags are custom elements: Vue must not try to resolve them as Vue components.
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('candor-');
app.mount('#app');
