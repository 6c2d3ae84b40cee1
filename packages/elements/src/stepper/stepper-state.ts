/** The saved progress of a journey: what `saveState()` returns and `restoreState()` accepts. */
import * as z from 'zod/mini';
import { identifier, OnboardingStepSchema } from '@candor/core/models';

/** Version of the saved-state shape; bumped when it changes incompatibly. */
export const STEPPER_STATE_VERSION = 1;

/**
 * Per-step progress, a subset of the shared onboarding step model: the model's own field
 * schemas in a new object. Same as `z.pick(OnboardingStepSchema, …)`, without pulling zod's
 * schema-cloning helpers into the component (about 0.3 KB gzipped).
 */
const step = OnboardingStepSchema.shape;
const SavedStepSchema = z.object({ id: step.id, status: step.status, failures: step.failures, startedAt: step.startedAt });

/** JSON-safe saved progress, validated before it is applied. */
export const StepperStateSchema = z.object({
  version: z.literal(STEPPER_STATE_VERSION),
  /** Id of the step the customer was on. */
  current: z.optional(identifier()),
  steps: z.array(SavedStepSchema).check(
    z.minLength(1),
    z.maxLength(50),
    z.refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, { message: 'step ids must be unique' }),
  ),
});
export type StepperState = z.infer<typeof StepperStateSchema>;
