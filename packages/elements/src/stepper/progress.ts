/** Progress of a journey weighted by estimated effort, not by step count. */
import type { OnboardingStep, StepStatus } from '@candor/core/models';

/** Statuses where nothing is left for the customer to do on that step. */
const DONE: readonly StepStatus[] = ['complete', 'skipped', 'waiting'];

/** Whether the customer's part of a step is finished. */
export const isDone = (s: OnboardingStep): boolean => DONE.includes(s.status);

/** Fraction of the effort done (0–1) and whole minutes of estimated effort left. */
export function weightedProgress(steps: readonly OnboardingStep[]): { fraction: number; minutesLeft: number } {
  const total = steps.reduce((n, s) => n + s.estimatedMinutes, 0);
  const left = steps.filter((s) => !isDone(s)).reduce((n, s) => n + s.estimatedMinutes, 0);
  // All estimates zero: effort cannot weigh anything, so count steps instead.
  const fraction = total > 0 ? (total - left) / total : steps.length ? steps.filter(isDone).length / steps.length : 0;
  return { fraction, minutesLeft: Math.ceil(left) };
}
