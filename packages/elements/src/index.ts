/**
 * @candor/elements: importing this entry point defines every Candor tag. Import a component's
 * subpath (`@candor/elements/stepper`) to load only that one.
 */
export * from './shared/index.js';
export * from './stepper/candor-stepper.js';
export * from './consent/candor-consent.js';
export * from './incident-banner/candor-incident-banner.js';
export * from './faq/candor-faq.js';
