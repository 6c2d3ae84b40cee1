/** Registers `<candor-stepper>` and `<candor-step>`; import this file (or `@candor/elements/stepper`) to use them. */
import { CandorStep } from './step.component.js';
import { CandorStepper } from './stepper.component.js';

export * from './stepper.component.js';
export * from './step.component.js';

if (!customElements.get('candor-stepper')) customElements.define('candor-stepper', CandorStepper);
if (!customElements.get('candor-step')) customElements.define('candor-step', CandorStep);

declare global {
  interface HTMLElementTagNameMap {
    'candor-stepper': CandorStepper;
    'candor-step': CandorStep;
  }
}
