/** `candor-before-step-change`: cancelable, fired before the user moves to another step. */
import { CandorEvent } from '../../shared/candor-event.js';

/** Which step the user leaves and which one they asked for (step ids). */
export interface StepChangeDetail {
  readonly from: string | undefined;
  readonly to: string;
}

/**
 * Fired when the user activates another reachable step. Call `preventDefault()` to keep the
 * current step (no `candor-step-change` follows).
 *
 * @example
 * stepper.addEventListener('candor-before-step-change', (e) => { if (hasUnsavedInput) e.preventDefault(); });
 */
export class BeforeStepChangeEvent extends CandorEvent<StepChangeDetail> {
  static readonly type = 'candor-before-step-change';

  constructor(detail: StepChangeDetail) {
    super(BeforeStepChangeEvent.type, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-before-step-change': BeforeStepChangeEvent;
  }
}
