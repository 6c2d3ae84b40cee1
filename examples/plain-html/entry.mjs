// What the plain-HTML page loads, as ONE browser module (built to dist/candor-elements.js by
// build.mjs): importing the registering modules defines <candor-stepper>, <candor-step>,
// <candor-consent> and <candor-incident-banner>; the named exports are what the page's own
// script uses.
import '@candor/elements/stepper';
import '@candor/elements/consent';
import '@candor/elements/incident-banner';

// The page shows how many consent records this device holds (the component stores them here).
export { LocalStorageConsentStorage, controllerKey } from '@candor/core/consent';
