/** `<candor-step>`: one onboarding step declared in markup, read by its parent `<candor-stepper>`. */
import { ServerSafeHTMLElement } from '../shared/server-safe-element.js';

/**
 * One step of a `<candor-stepper>` written as markup. It renders nothing itself: the stepper
 * reads its attributes and text, validates them like the `steps` property, and re-reads them
 * whenever they change. The stepper never writes to it: progress the customer makes in the
 * stepper (a skip, a failure, a restored state) is kept inside the stepper (`saveState()`). Its text (outside any list) is the "why we ask"; `<li>` items inside
 * are the requirements.
 *
 * @summary One onboarding step declared as a child of `<candor-stepper>`.
 * @attr step-id - Stable id of the step (letters, digits, `.`, `_`, `:`, `-`).
 * @attr title - Short title, e.g. "Verify your identity".
 * @attr minutes - Estimated effort in minutes; progress is weighted by it.
 * @attr status - upcoming | current | complete | error | waiting | needs-help | skipped (default upcoming).
 * @attr optional - Present when the customer may skip the step.
 * @attr failures - Failed attempts so far.
 * @attr started-at - ISO 8601 time the current attempt started.
 * @attr purpose - "Why we ask", if you prefer an attribute to the element's text.
 * @example
 * <candor-step step-id="identity" title="Verify your identity" minutes="3" status="current">
 *   We are required by law to confirm who you are.
 *   <ul><li>A passport or national ID card</li></ul>
 * </candor-step>
 */
export class CandorStep extends ServerSafeHTMLElement {}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** A number attribute as a number; anything else is passed through for the schema to reject by name. */
function numberAttr(el: Element, name: string): number | string | undefined {
  const raw = el.getAttribute(name);
  if (raw === null) return undefined;
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
}

/**
 * The unvalidated step a `<candor-step>` element declares, in the shape of the shared
 * `OnboardingStep` model (works whether or not the `candor-step` tag is defined).
 */
export function readStepElement(el: Element): Record<string, unknown> {
  const lists = [...el.children].filter((c) => c.localName === 'ul' || c.localName === 'ol');
  const text = clean(
    [...el.childNodes]
      .filter((n) => !lists.includes(n as Element))
      .map((n) => n.textContent)
      .join(' '),
  );
  const requirements = lists.flatMap((l) => [...l.querySelectorAll('li')].map((li) => clean(li.textContent)));
  const step: Record<string, unknown> = {
    id: el.getAttribute('step-id') ?? undefined,
    title: el.getAttribute('title') ?? undefined,
    purpose: el.getAttribute('purpose') ?? (text || undefined),
    requirements: requirements.length ? requirements : undefined,
    estimatedMinutes: numberAttr(el, 'minutes'),
    status: el.getAttribute('status') ?? 'upcoming',
    optional: el.hasAttribute('optional') || undefined,
    failures: numberAttr(el, 'failures'),
    startedAt: el.getAttribute('started-at') ?? undefined,
  };
  for (const k of Object.keys(step)) if (step[k] === undefined) delete step[k];
  return step;
}
