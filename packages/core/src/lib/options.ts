/** The checks every factory of @candor/core applies to its options, written once: one wording, one `invalid_options`. */
import { CandorError } from '../errors.js';
import type { Clock } from '../models/clock.js';

/**
 * An `invalid_options` error whose message starts with the option's name, so a caller that
 * exposes the option under another name (a CLI flag) can say which input was wrong.
 *
 * @example
 * throw optionError('clockToleranceSeconds', 'must be a whole number between 0 and 300; got 301.');
 */
export function optionError(field: string, message: string): CandorError {
  return new CandorError('invalid_options', `${field} ${message}`, { field });
}

/**
 * A whole-number option within [min, max]: `fallback` when undefined, `invalid_options` naming
 * `field` otherwise. `unit` ("seconds", "milliseconds") goes into the message.
 *
 * @example
 * const tolerance = wholeNumber(options.clockToleranceSeconds, 'clockToleranceSeconds', { fallback: 30, min: 0, max: 300, unit: 'seconds' });
 */
export function wholeNumber(value: unknown, field: string, range: { min: number; max?: number; fallback?: number; unit?: string }): number {
  if (value === undefined && range.fallback !== undefined) return range.fallback;
  const { min, max = Number.MAX_SAFE_INTEGER } = range;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const what = `a whole number${range.unit ? ` of ${range.unit}` : ''}`;
    const bounds = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `between ${min} and ${max}`;
    throw optionError(field, `must be ${what} ${bounds}; got ${describeValue(value)}.`);
  }
  return value;
}

/**
 * A `now` option: undefined (use the real clock) or a function, else `invalid_options`.
 *
 * @example
 * const now = clockOption(options.now) ?? systemClock;
 */
export function clockOption(value: unknown): Clock | undefined {
  if (value !== undefined && typeof value !== 'function') throw optionError('now', 'must be a function returning a Date.');
  return value as Clock | undefined;
}

const isPlain = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * A value as an error message shows it: a string quoted and cut to 40 characters, a number,
 * boolean or null as written, an array of at most 4 of those as a list (`["b64"]`), anything
 * else by its kind. Never walks the value or calls its methods (a Proxy's traps that throw are
 * caught), so a hostile one (a BigInt, a throwing toJSON, a 3 MB string, 20,000 nested arrays)
 * cannot break or flood the message.
 *
 * @example
 * throw optionError('channel', `must be one of email, sms; got ${describeValue(channel)}.`);
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value); // NaN stays NaN, not null
  if (value === undefined) return 'nothing';
  try {
    if (!Array.isArray(value)) return typeof value;
    // A short list of plain values is shown, else the kind is named; a revoked Proxy or a throwing trap is an object.
    const list = value.length > 4 ? [] : Array.from(value as unknown[]);
    return list.length && list.every(isPlain) ? `[${list.map(describeValue).join(', ')}]` : 'an array';
  } catch {
    return 'object';
  }
}
