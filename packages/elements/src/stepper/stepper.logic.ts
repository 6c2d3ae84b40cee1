/** What `<candor-stepper>` shows, derived from its steps and settings: pure functions, computed once per update. */
import type { AssistChannel, OnboardingStep, StepStatus } from '@candor/core/models';
import { isDone, weightedProgress } from './progress.js';

/** Why help is shown without being asked for. */
export type Offer = 'failures' | 'overtime' | 'needs-help';

/** Statuses on which the customer is actively working, where help can be offered unasked. */
export const ACTIVE: readonly StepStatus[] = ['current', 'error', 'needs-help'];

/** In `auto`, each step needs this much inline space (px) to sit side by side. */
export const MIN_STEP_WIDTH = 144;

/** The step shown: `current` if it names a step, else the first being worked on, else the first not started, else the last. */
export function currentIndex(steps: readonly OnboardingStep[], current: string | undefined): number {
  const pick = [
    steps.findIndex((s) => s.id === current),
    steps.findIndex((s) => ACTIVE.includes(s.status)),
    steps.findIndex((s) => s.status === 'upcoming'),
  ].find((i) => i >= 0);
  return pick ?? steps.length - 1;
}

/** When (ms since the epoch) an active, started step runs past its estimate; `undefined` when it cannot. */
export function deadline(step: OnboardingStep): number | undefined {
  if (!step.startedAt || step.estimatedMinutes <= 0 || !ACTIVE.includes(step.status)) return undefined;
  return Date.parse(step.startedAt) + step.estimatedMinutes * 60_000;
}

/** Settings that decide when help is offered. */
export interface OfferSettings {
  /** Channels offered; none means no help at all. */
  channels: readonly AssistChannel[];
  /** Failures after which help is offered; 0 turns that off. */
  threshold: number;
  /** The time now, ms since the epoch. */
  now: number;
}

/** Why help should be shown for `step` without being asked, if at all. */
export function offer(step: OnboardingStep, { channels, threshold, now }: OfferSettings): Offer | undefined {
  if (!channels.length || !ACTIVE.includes(step.status)) return undefined;
  if (step.status === 'needs-help') return 'needs-help';
  if (threshold > 0 && (step.failures ?? 0) >= threshold) return 'failures';
  const due = deadline(step);
  return due !== undefined && now >= due ? 'overtime' : undefined;
}

/** The customer can open completed and in-progress steps; not-yet-started ones wait their turn. */
export const reachable = (step: OnboardingStep): boolean => step.status !== 'upcoming';

/** Whether the step shown offers help at all (channels configured and the customer can act on it, or waits on us). */
export const showsHelp = (step: OnboardingStep, channels: readonly AssistChannel[]): boolean =>
  channels.length > 0 && (ACTIVE.includes(step.status) || step.status === 'waiting');

/** The layout `orientation` gives at `width` px for `count` steps (`auto`: side by side when each gets {@link MIN_STEP_WIDTH}). */
export function layoutFor(orientation: 'horizontal' | 'vertical' | 'auto', width: number, count: number): 'horizontal' | 'vertical' {
  if (orientation !== 'auto') return orientation;
  return count > 0 && width >= count * MIN_STEP_WIDTH ? 'horizontal' : 'vertical';
}

/** Everything the journey template needs about the steps, computed once per update. */
export interface Journey {
  steps: readonly OnboardingStep[];
  /** Index of the step shown. */
  index: number;
  /** The step shown. */
  step: OnboardingStep;
  /** Why help is offered unasked on the step shown. */
  offer: Offer | undefined;
  /** When the step shown runs past its estimate (ms since the epoch). */
  deadline: number | undefined;
  /** Effort done, 0–1, and whole minutes left. */
  fraction: number;
  minutesLeft: number;
  allDone: boolean;
}

/**
 * The derived state of a valid, non-empty journey.
 *
 * @example
 * const j = journey(steps, { current: 'identity', channels: ['chat'], threshold: 2, now: Date.now() });
 * j.index; j.offer; j.fraction;
 */
export function journey(steps: readonly OnboardingStep[], settings: OfferSettings & { current: string | undefined }): Journey {
  const index = currentIndex(steps, settings.current);
  const step = steps[index]!;
  return {
    steps,
    index,
    step,
    offer: offer(step, settings),
    deadline: deadline(step),
    ...weightedProgress(steps),
    allDone: steps.every(isDone),
  };
}
