/** The one shape of a clock in Candor: core's token and consent code and the components take the same kind. */

/** A clock: returns the current time. Replace it in tests and simulations. */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/** The time `clock` gives, or a sentence saying why it gave none. */
function sample(clock: unknown): Date | string {
  if (typeof clock !== 'function') return 'is not a function; pass a Clock, () => Date';
  let t: unknown;
  try {
    t = (clock as () => unknown)();
  } catch (e) {
    return `threw (${String(e)})`;
  }
  if (!(t instanceof Date)) {
    return typeof t === 'number'
      ? 'returned a number, not a Date; a Clock is () => Date, e.g. () => new Date(epochMs)'
      : `returned ${t === null ? 'null' : typeof t}, not a Date; a Clock is () => Date`;
  }
  return Number.isFinite(t.getTime()) ? t : 'returned an invalid Date';
}

/**
 * The time `clock` gives, or the real time when it is not a function, throws, or returns
 * something other than a valid `Date`: a broken host clock must never break rendering.
 *
 * @example
 * const now = readClock(host.now).getTime();
 */
export function readClock(clock: unknown): Date {
  const t = sample(clock);
  return typeof t === 'string' ? new Date() : t;
}

/**
 * Why `clock` is not a working {@link Clock} (a sentence to follow its name), or `undefined`
 * when it is. Calls it once.
 *
 * @example
 * clockProblem(() => Date.now()); // 'returned a number, not a Date; a Clock is () => Date, e.g. () => new Date(epochMs)'
 */
export function clockProblem(clock: unknown): string | undefined {
  const t = sample(clock);
  return typeof t === 'string' ? t : undefined;
}
