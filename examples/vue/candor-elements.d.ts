// Types for the Candor tags in Vue templates (Volar / vue-tsc): each tag's properties, and its
// `candor-*` events with their event classes, so `@candor-step-change="(e) => e.detail.to"` is
// typed. Copy this file into your app (any .d.ts file your tsconfig includes).
import type { EmitFn, PublicProps } from 'vue';
import type { CandorConsent, CandorFaq, CandorIncidentBanner, CandorStepper } from '@candor/elements';

/** Every `candor-*` event the components declare, by name (from the elements' own event map). */
type CandorEvents = {
  [K in keyof HTMLElementEventMap as K extends `candor-${string}` ? K : never]: HTMLElementEventMap[K];
};

/** A custom element as Vue's template type checker sees a component: its properties and events. */
type CandorElement<E extends HTMLElement> = new () => E & {
  $props: Partial<Omit<E, keyof HTMLElement>> & PublicProps;
  $emit: EmitFn<{ [K in keyof CandorEvents]: (event: CandorEvents[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'candor-stepper': CandorElement<CandorStepper>;
    'candor-consent': CandorElement<CandorConsent>;
    'candor-incident-banner': CandorElement<CandorIncidentBanner>;
    'candor-faq': CandorElement<CandorFaq>;
  }
}

export {};
