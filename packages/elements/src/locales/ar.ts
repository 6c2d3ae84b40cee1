/**
 * Arabic for every Candor component. Import it once, anywhere, before or after the components:
 * `import '@candor/elements/locales/ar.js'`. Without it, components load it themselves the first
 * time they render in Arabic (see `setLocaleLoader`).
 */
import { consentAr } from '../consent/consent.messages.ar.js';
import { faqAr } from '../faq/faq.messages.ar.js';
import { incidentBannerAr } from '../incident-banner/incident-banner.messages.ar.js';
import { registerCatalogue } from '../shared/localize.js';
import { stepperAr } from '../stepper/stepper.messages.ar.js';

registerCatalogue('ar', {
  'candor-stepper': stepperAr,
  'candor-consent': consentAr,
  'candor-incident-banner': incidentBannerAr,
  'candor-faq': faqAr,
});

export { consentAr, faqAr, incidentBannerAr, stepperAr };
