/** `<CandorConsent>`: a React component for `<candor-consent>`. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import type { ConsentNotice } from '@candor/core/models';
import { CandorErrorEvent } from '@candor/elements/shared';
import {
  BeforeConsentChangeEvent,
  BeforeConsentWithdrawEvent,
  CandorConsent as CandorConsentElement,
  ConsentChangeEvent,
  ConsentWithdrawEvent,
} from '@candor/elements/consent';
import type { CandorComponent } from './component.js';
import { eventProps } from './events.js';

export type { CandorConsent as CandorConsentElement } from '@candor/elements/consent';

/** Event props of `<CandorConsent>`: `onCandorConsentChange`, `onCandorBeforeConsentChange`, … */
export const consentEvents = eventProps(
  BeforeConsentChangeEvent,
  ConsentChangeEvent,
  BeforeConsentWithdrawEvent,
  ConsentWithdrawEvent,
  CandorErrorEvent,
);

/** Props typed more precisely than the element's (which validates whatever it is given). */
export interface CandorConsentTypedProps {
  /** The notice to explain; set as a property. */
  notice?: ConsentNotice;
}

/**
 * The consent explainer (`<candor-consent>`). `notice` and `storage` are set as properties;
 * `onCandorConsentChange` and the other event props receive the typed event.
 */
export const CandorConsent: CandorComponent<CandorConsentElement, typeof consentEvents, CandorConsentTypedProps> = createComponent({
  react: React,
  tagName: 'candor-consent',
  elementClass: CandorConsentElement,
  events: consentEvents,
  displayName: 'CandorConsent',
});
