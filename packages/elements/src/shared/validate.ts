/** Validates component input against the shared core models and reports what was wrong. */
import { clockProblem, summarizeIssues, type ValidationIssue } from '@candor/core/models';
import { CandorErrorEvent } from './candor-error-event.js';

/** Parses a value with a schema, never throwing (the core's {@link checkValue}, under the name the components use). */
export { checkValue as validate, type Checked as Validated, type Parser } from '@candor/core/models';

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
