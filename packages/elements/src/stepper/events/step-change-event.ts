/** `candor-step-change`: the step shown changed because the user moved to it. */
import type { StepChangeDetail } from './before-step-change-event.js';
import { CandorEvent } from '../../shared/candor-event.js';

/**
 * Fired after the user moved to another step (and nobody vetoed `candor-before-step-change`).
 *
 * @example
 * stepper.addEventListener('candor-step-change', (e) => router.go(e.detail.to));
 */
export class StepChangeEvent extends CandorEvent<StepChangeDetail> {
  static readonly type = 'candor-step-change';

  constructor(detail: StepChangeDetail) {
    super(StepChangeEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-step-change': StepChangeEvent;
  }
}
