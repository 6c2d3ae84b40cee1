/** Validates component input against the shared core models and reports what was wrong. */
import { clockProblem, summarizeIssues, toValidationIssues, type ValidationIssue } from '@candor/core/models';
import type * as z from 'zod/mini';
import { CandorErrorEvent } from './candor-error-event.js';

/** Anything with zod's `safeParse` (every zod/mini schema). */
export interface Parser<T> {
  safeParse(value: unknown, params?: { reportInput?: boolean }): { success: true; data: T } | { success: false; error: { issues: z.core.$ZodIssue[] } };
}

/** Outcome of {@link validate}. */
export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/**
 * Parses `value` with `schema`, never throwing.
 *
 * @example
 * const r = validate(OnboardingStepsSchema, input);
 * if (!r.ok) reportInvalid(this, 'candor-stepper', 'steps', r.issues);
 */
export function validate<T>(schema: Parser<T>, value: unknown): Validated<T> {
  try {
    // reportInput lets the issue say what was received ("expected number, got string").
    const r = schema.safeParse(value, { reportInput: true });
    return r.success ? { ok: true, value: r.data } : { ok: false, issues: toValidationIssues(r.error.issues) };
  } catch (e) {
    // A getter that throws, a revoked proxy, …: still an input problem, not a crash.
    return { ok: false, issues: [{ path: '(root)', message: `(root) could not be read: ${String(e)}` }] };
  }
}

/** The problems each element has warned about already (per element: another element's warning must not silence this one's). */
const warned = new WeakMap<EventTarget, Set<string>>();

/** What a component does instead when a value is invalid, as the console warning says it. */
export const SHOWS_FALLBACK = 'The component shows a fallback until it gets valid input.';

/**
 * Fires `candor-error` from `host` and warns in the console once per distinct problem of that
 * element, ending with `outcome`: what the component does instead (default {@link SHOWS_FALLBACK}).
 *
 * @example
 * reportInvalid(this, 'candor-stepper', 'steps', issues);
 * reportInvalid(this, 'candor-stepper', 'restoreState', issues, 'Nothing was restored.');
 */
export function reportInvalid(host: EventTarget, component: string, property: string, issues: readonly ValidationIssue[], outcome = SHOWS_FALLBACK): void {
  const message = `<${component}> ${property}: ${summarizeIssues(issues)}`;
  let seen = warned.get(host);
  if (!seen) warned.set(host, (seen = new Set()));
  if (!seen.has(message)) {
    seen.add(message);
    console.warn(`${message}. ${outcome}`);
  }
  host.dispatchEvent(new CandorErrorEvent({ component, property, issues, message }));
}

/**
 * Fires `candor-error` (property `now`) when `clock` is not a usable `Clock`; the component's
 * `ClockController` then uses the real time. Call it when the `now` property changes.
 */
export function reportBadClock(host: EventTarget, component: string, clock: unknown): void {
  const problem = clockProblem(clock);
  if (problem) reportInvalid(host, component, 'now', [{ path: 'now', message: `now ${problem}` }], 'The real time is used.');
}
