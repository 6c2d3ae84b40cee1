/** The onboarding step: one definition shared by `<candor-stepper>`, servers and partners. */
import * as z from 'zod/mini';
import { identifier, isoTime, numberIn, text } from './text.js';

/** Where a step stands. `waiting` means the customer is waiting on us (for example a document under review). */
export const STEP_STATUSES = ['upcoming', 'current', 'complete', 'error', 'waiting', 'needs-help', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** The ways a customer can get help with a step; the host chooses which to offer. */
export const ASSIST_CHANNELS = ['call', 'chat', 'appointment'] as const;
export type AssistChannel = (typeof ASSIST_CHANNELS)[number];

/** One step of an onboarding journey. */
export const OnboardingStepSchema = z.object({
  /** Stable id, used to save and restore progress. */
  id: identifier(),
  /** Short title, e.g. "Verify your identity". */
  title: text(120),
  /** Plain-language "why we ask". */
  purpose: z.optional(text(500)),
  /** What the customer needs to hand (e.g. "A passport or national ID card"). */
  requirements: z.optional(z.array(text(200)).check(z.maxLength(20))),
  /** Estimated effort in minutes; progress is weighted by it. */
  estimatedMinutes: numberIn(0, 600),
  status: z.enum(STEP_STATUSES),
  /** The customer may skip this step. */
  optional: z.optional(z.boolean()),
  /** Failed attempts so far; assisted help is offered after a configurable number. */
  failures: z.optional(numberIn(0, 1000, true)),
  /** When the customer started the current attempt (ISO 8601), to offer help when it runs past its estimate. */
  startedAt: z.optional(isoTime()),
});
export type OnboardingStep = z.infer<typeof OnboardingStepSchema>;

/** A whole journey's steps: 1–50, ids unique. */
export const OnboardingStepsSchema = z.array(OnboardingStepSchema).check(
  z.minLength(1),
  z.maxLength(50),
  z.refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, {
    message: 'step ids must be unique',
  }),
);
