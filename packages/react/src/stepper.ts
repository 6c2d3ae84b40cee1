/** `<CandorStepper>` and `<CandorStep>`: React components for `<candor-stepper>` and `<candor-step>`. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { CandorErrorEvent } from '@candor/elements/shared';
import {
  AssistRequestEvent,
  BeforeAssistRequestEvent,
  BeforeStepChangeEvent,
  BeforeStepSkipEvent,
  CandorStepper as CandorStepperElement,
  StepChangeEvent,
  StepSkipEvent,
} from '@candor/elements/stepper';
import type { CandorComponent } from './component.js';
import { eventProps } from './events.js';
import { markupChild, type MarkupChildComponent } from './markup-child.js';

import type { CandorStep as CandorStepElement } from '@candor/elements/stepper';
export type { CandorStep as CandorStepElement, CandorStepper as CandorStepperElement } from '@candor/elements/stepper';

/** Event props of `<CandorStepper>`: `onCandorStepChange`, `onCandorBeforeStepChange`, … */
export const stepperEvents = eventProps(
  BeforeStepChangeEvent,
  StepChangeEvent,
  BeforeStepSkipEvent,
  StepSkipEvent,
  BeforeAssistRequestEvent,
  AssistRequestEvent,
  CandorErrorEvent,
);

/**
 * Onboarding progress (`<candor-stepper>`). Objects such as `steps` and `now` are set as
 * properties; `onCandorStepChange` and the other event props receive the typed event.
 */
export const CandorStepper: CandorComponent<CandorStepperElement, typeof stepperEvents> = createComponent({
  react: React,
  tagName: 'candor-stepper',
  elementClass: CandorStepperElement,
  events: stepperEvents,
  displayName: 'CandorStepper',
});

/** The attributes of `<candor-step>` (one step written as markup inside `<CandorStepper>`). */
export interface CandorStepAttributes {
  'step-id'?: string;
  title?: string;
  minutes?: number | string;
  status?: 'upcoming' | 'current' | 'complete' | 'error' | 'waiting' | 'needs-help' | 'skipped';
  optional?: boolean;
  failures?: number | string;
  'started-at'?: string;
  purpose?: string;
}

/** One step declared as a child of `<CandorStepper>` (`<candor-step>`); its text is the "why we ask". */
export const CandorStep: MarkupChildComponent<CandorStepElement, CandorStepAttributes> = markupChild('candor-step', 'CandorStep');
