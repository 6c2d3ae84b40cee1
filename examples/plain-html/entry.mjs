// What the plain-HTML page loads, as ONE browser module (built to dist/candor-elements.js by
// build.mjs): importing the registering modules defines <candor-stepper>, <candor-step>,
// <candor-consent>, <candor-incident-banner>, <candor-faq> and <candor-faq-entry>; the named exports are what the page's own
// script uses.
import '@candor/elements/stepper';
import '@candor/elements/consent';
import '@candor/elements/incident-banner';
import '@candor/elements/faq';

// The page shows how many consent records this device holds (the component stores them here).
export { LocalStorageConsentStorage, controllerKey } from '@candor/core/consent';
