/** `candor-step-skip`: the customer skipped an optional step; the host records it. */
import type { StepSkipDetail } from './before-step-skip-event.js';
import { CandorEvent } from '../../shared/candor-event.js';

/**
 * Fired after an optional step was marked `skipped` (and nobody vetoed `candor-before-step-skip`).
 *
 * @example
 * stepper.addEventListener('candor-step-skip', (e) => api.skip(e.detail.stepId));
 */
export class StepSkipEvent extends CandorEvent<StepSkipDetail> {
  static readonly type = 'candor-step-skip';

  constructor(detail: StepSkipDetail) {
    super(StepSkipEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-step-skip': StepSkipEvent;
  }
}
