/** `candor-before-step-skip`: cancelable, fired before the customer skips an optional step. */
import { CandorEvent } from '../../shared/candor-event.js';

/** The optional step being skipped. */
export interface StepSkipDetail {
  readonly stepId: string;
}

/**
 * Fired when the customer chooses "Skip this step" on an optional step. Call `preventDefault()`
 * to keep the step (no `candor-step-skip` follows, the status does not change).
 *
 * @example
 * stepper.addEventListener('candor-before-step-skip', (e) => { if (!confirm('Skip?')) e.preventDefault(); });
 */
export class BeforeStepSkipEvent extends CandorEvent<StepSkipDetail> {
  static readonly type = 'candor-before-step-skip';

  constructor(detail: StepSkipDetail) {
    super(BeforeStepSkipEvent.type, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-before-step-skip': BeforeStepSkipEvent;
  }
}
