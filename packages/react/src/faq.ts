/** `<CandorFaq>` and `<CandorFaqEntry>`: React components for `<candor-faq>` and `<candor-faq-entry>`. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import type { ContactChannel, FaqEntry, Incident } from '@candor/core/models';
import { CandorErrorEvent } from '@candor/elements/shared';
import {
  BeforeContactRequestEvent,
  CandorFaq as CandorFaqElement,
  ContactRequestEvent,
  FaqFeedbackEvent,
  FaqSearchEvent,
} from '@candor/elements/faq';
import type { CandorComponent } from './component.js';
import { eventProps } from './events.js';
import { markupChild, type MarkupChildComponent } from './markup-child.js';

import type { CandorFaqEntry as CandorFaqEntryElement } from '@candor/elements/faq';
export type { CandorFaq as CandorFaqElement, CandorFaqEntry as CandorFaqEntryElement } from '@candor/elements/faq';

/** Event props of `<CandorFaq>`: `onCandorFaqSearch`, `onCandorFaqFeedback`, … */
export const faqEvents = eventProps(FaqSearchEvent, FaqFeedbackEvent, BeforeContactRequestEvent, ContactRequestEvent, CandorErrorEvent);

/** Props typed more precisely than the element's (which validates whatever it is given). */
export interface CandorFaqTypedProps {
  /** The entries; when unset, `<CandorFaqEntry>` children are read. Set as a property. */
  entries?: readonly FaqEntry[];
  /** Ways to reach a person; set as a property. */
  contacts?: readonly ContactChannel[];
  /** Incidents whose entries come first as known issues; set as a property. */
  incidents?: readonly Incident[];
}

/**
 * The FAQ panel (`<candor-faq>`). `entries`, `contacts` and `incidents` are set as properties;
 * `onCandorFaqSearch` and the other event props receive the typed event.
 */
export const CandorFaq: CandorComponent<CandorFaqElement, typeof faqEvents, CandorFaqTypedProps> = createComponent({
  react: React,
  tagName: 'candor-faq',
  elementClass: CandorFaqElement,
  events: faqEvents,
  displayName: 'CandorFaq',
});

/** The attributes of `<candor-faq-entry>` (one question and answer written as markup inside `<CandorFaq>`). */
export interface CandorFaqEntryAttributes {
  'entry-id'?: string;
  question?: string;
  category?: string;
  keywords?: string;
  'updated-at'?: string;
  incidents?: string;
  services?: string;
  priority?: number | string;
  lang?: string;
}

/** One entry declared as a child of `<CandorFaq>` (`<candor-faq-entry>`): `<p>` children are the answer. */
export const CandorFaqEntry: MarkupChildComponent<CandorFaqEntryElement, CandorFaqEntryAttributes> = markupChild('candor-faq-entry', 'CandorFaqEntry');
