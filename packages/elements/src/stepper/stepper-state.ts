/** The saved progress of a journey (what `saveState()` returns and `restoreState()` accepts) and the pure functions that save, restore and apply it. */
import * as z from 'zod/mini';
import { identifier, OnboardingStepSchema, type OnboardingStep, type ValidationIssue } from '@candor/core/models';

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

/** The fields of a step that make up the customer's progress (what is saved and restored). */
export type StepProgress = Partial<Pick<OnboardingStep, 'status' | 'failures' | 'startedAt'>>;

/**
 * Progress the stepper recorded itself (a skip, a failure, a restored state), by step id:
 * `set` is what it recorded, `was` what the host's step said for those fields at the time.
 * It lives inside the stepper, never on the host's `steps` or `<candor-step>` attributes.
 */
export type ProgressOverlay = ReadonlyMap<string, { readonly set: StepProgress; readonly was: StepProgress }>;

const FIELDS = ['status', 'failures', 'startedAt'] as const;

/**
 * `overlay` with `change` recorded for the step `step` (as the host gave it).
 *
 * @example
 * overlay = recordProgress(overlay, hostStep, { failures: (shown.failures ?? 0) + 1 });
 */
export function recordProgress(overlay: ProgressOverlay, step: OnboardingStep, change: StepProgress): ProgressOverlay {
  const entry = overlay.get(step.id);
  const set: StepProgress = { ...entry?.set };
  const was: StepProgress = { ...entry?.was };
  for (const k of FIELDS) {
    if (!(k in change)) continue;
    (set as Record<string, unknown>)[k] = change[k];
    (was as Record<string, unknown>)[k] = step[k];
  }
  return new Map(overlay).set(step.id, { set, was });
}

/**
 * The host's steps with the recorded progress applied. A field the host has changed since it was
 * recorded is the host's again: the host's newer word wins (its entry is dropped from `overlay`).
 *
 * @example
 * ({ steps, overlay } = applyProgress(hostSteps, overlay));
 */
export function applyProgress(source: readonly OnboardingStep[], overlay: ProgressOverlay): { steps: OnboardingStep[]; overlay: ProgressOverlay } {
  const kept = new Map<string, { set: StepProgress; was: StepProgress }>();
  const steps = source.map((s) => {
    const entry = overlay.get(s.id);
    if (!entry) return s;
    const set: StepProgress = {};
    const was: StepProgress = {};
    const next: Record<string, unknown> = { ...s };
    for (const k of FIELDS) {
      if (!(k in entry.set) || s[k] !== entry.was[k]) continue;
      (set as Record<string, unknown>)[k] = next[k] = entry.set[k];
      (was as Record<string, unknown>)[k] = entry.was[k];
      if (next[k] === undefined) delete next[k];
    }
    if (Object.keys(set).length) kept.set(s.id, { set, was });
    return next as OnboardingStep;
  });
  return { steps, overlay: kept };
}

/**
 * The saved form of a journey's progress, with `current` the id of the step shown.
 *
 * @example
 * saveState(steps, 'identity'); // { version: 1, current: 'identity', steps: [{ id, status, failures, startedAt? }, …] }
 */
export function saveState(steps: readonly OnboardingStep[], current: string): StepperState {
  return {
    version: STEPPER_STATE_VERSION,
    current,
    steps: steps.map((s) => ({ id: s.id, status: s.status, failures: s.failures ?? 0, ...(s.startedAt ? { startedAt: s.startedAt } : {}) })),
  };
}

/**
 * The progress a validated saved state gives each step, and the issues that stop it from
 * applying to `steps` (it names a step this journey does not have): apply it only without issues.
 *
 * @example
 * const r = applyState(steps, saved);
 * if (r.issues.length) report(r.issues); else for (const [id, p] of r.progress) …
 */
export function applyState(steps: readonly OnboardingStep[], saved: StepperState): { issues: ValidationIssue[]; progress: Map<string, StepProgress> } {
  const known = new Set(steps.map((s) => s.id));
  const issues: ValidationIssue[] = saved.steps.flatMap((s, i) =>
    known.has(s.id) ? [] : [{ path: `steps.${i}.id`, message: `steps.${i}.id "${s.id}" is not a step of this journey` }],
  );
  if (saved.current !== undefined && !known.has(saved.current))
    issues.push({ path: 'current', message: `current "${saved.current}" is not a step of this journey` });
  // Apply only when `issues` is empty.
  const progress = new Map<string, StepProgress>(saved.steps.map((s) => [s.id, { status: s.status, failures: s.failures, startedAt: s.startedAt }]));
  return { issues, progress };
}
