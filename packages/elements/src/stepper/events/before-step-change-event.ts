/** `candor-before-step-change`: cancelable, fired before the user moves to another step. */

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
export class BeforeStepChangeEvent extends Event {
  static readonly type = 'candor-before-step-change';
  readonly detail: StepChangeDetail;

  constructor(detail: StepChangeDetail) {
    super(BeforeStepChangeEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-before-step-change': BeforeStepChangeEvent;
  }
}
