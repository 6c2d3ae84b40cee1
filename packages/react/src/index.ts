/**
 * @candor/react: React 19 components for every Candor web component. Importing a component
 * registers its custom element; `@candor/react/stepper` (and the other subpaths) load one only.
 */
export * from './stepper.js';
export * from './consent.js';
export * from './incident-banner.js';
export * from './faq.js';
export { eventPropName, eventProps, type EventPropName, type EventProps, type NamedEventClass, type PascalCase } from './events.js';
export type { CandorComponent } from './component.js';
export type { MarkupChildComponent } from './markup-child.js';
