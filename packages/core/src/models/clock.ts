/** The one shape of a clock in Candor: core's token and consent code and the components take the same kind. */

/** A clock: returns the current time. Replace it in tests and simulations. */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/**
 * The time `clock` gives, or the real time when it is not a function, throws, or returns
 * something other than a valid `Date`: a broken host clock must never break rendering.
 *
 * @example
 * const now = readClock(host.now).getTime();
 */
export function readClock(clock: unknown): Date {
  try {
    const t = typeof clock === 'function' ? (clock as () => unknown)() : undefined;
    if (t instanceof Date && Number.isFinite(t.getTime())) return t;
  } catch {
    // fall through to the real clock
  }
  return new Date();
}
