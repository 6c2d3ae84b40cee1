/** `<CandorIncidentBanner>`: a React component for `<candor-incident-banner>`. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import type { Incident } from '@candor/core/models';
import { CandorErrorEvent } from '@candor/elements/shared';
import {
  BeforeIncidentDismissEvent,
  CandorIncidentBanner as CandorIncidentBannerElement,
  IncidentDismissEvent,
  IncidentUpdateEvent,
  RemedySelectEvent,
} from '@candor/elements/incident-banner';
import type { CandorComponent } from './component.js';
import { eventProps } from './events.js';

export type { CandorIncidentBanner as CandorIncidentBannerElement } from '@candor/elements/incident-banner';

/** Event props of `<CandorIncidentBanner>`: `onCandorIncidentUpdate`, `onCandorRemedySelect`, … */
export const incidentBannerEvents = eventProps(
  BeforeIncidentDismissEvent,
  IncidentDismissEvent,
  IncidentUpdateEvent,
  RemedySelectEvent,
  CandorErrorEvent,
);

/** Props typed more precisely than the element's (which validates whatever it is given). */
export interface CandorIncidentBannerTypedProps {
  /** The incidents to show when `src` is not set; set as a property. */
  incidents?: readonly Incident[];
}

/**
 * The incident banner (`<candor-incident-banner>`). `incidents`, `now` and `dismissalStorage`
 * are set as properties; `onCandorIncidentUpdate` and the other event props receive the typed event.
 */
export const CandorIncidentBanner: CandorComponent<
  CandorIncidentBannerElement,
  typeof incidentBannerEvents,
  CandorIncidentBannerTypedProps
> = createComponent({
  react: React,
  tagName: 'candor-incident-banner',
  elementClass: CandorIncidentBannerElement,
  events: incidentBannerEvents,
  displayName: 'CandorIncidentBanner',
});
