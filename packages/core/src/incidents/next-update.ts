/** Whether the promised next update of an incident is still to come, due now, or late. */
import type { Incident } from '../models/incident.js';

/** Options of {@link nextUpdateState}. */
export interface NextUpdateOptions {
  /** How long after the promised time an update counts as `due` rather than `overdue`; default 5 minutes. */
  graceMinutes?: number;
}

/**
 * Where the promised next update stands:
 * - `none`: nothing was promised, or the incident is over (resolved or completed);
 * - `on-time`: it is still to come, in `minutesLeft` whole minutes (rounded up);
 * - `due`: the promised time has come, within the grace period;
 * - `overdue`: it is `minutesLate` whole minutes (rounded down) past the promised time and the grace period has run out.
 * `at` is the promised time (ms since the epoch).
 */
export type NextUpdateState =
  | { readonly state: 'none' }
  | { readonly state: 'on-time'; readonly at: number; readonly minutesLeft: number }
  | { readonly state: 'due'; readonly at: number }
  | { readonly state: 'overdue'; readonly at: number; readonly minutesLate: number };

const MINUTE = 60_000;

/**
 * Where `incident`'s promised next update stands at `now`: what the banner's countdown and its
 * honest "our next update is 10 minutes late" say, and what a host can alert on.
 *
 * @throws {RangeError} when `now` is not a valid Date or `graceMinutes` is not a number from 0 to 1440.
 * @example
 * const s = nextUpdateState(incident, new Date());
 * if (s.state === 'overdue') page(`update ${s.minutesLate} min late`);
 */
export function nextUpdateState(
  incident: Pick<Incident, 'status' | 'nextUpdateAt'>,
  now: Date,
  { graceMinutes = 5 }: NextUpdateOptions = {},
): NextUpdateState {
  if (!(now instanceof Date) || !Number.isFinite(now.getTime())) throw new RangeError('nextUpdateState: now must be a valid Date.');
  if (typeof graceMinutes !== 'number' || !(graceMinutes >= 0 && graceMinutes <= 1440)) {
    throw new RangeError(`nextUpdateState: graceMinutes must be a number from 0 to 1440, got ${typeof graceMinutes === 'number' ? graceMinutes : typeof graceMinutes}.`);
  }
  const at = typeof incident.nextUpdateAt === 'string' ? Date.parse(incident.nextUpdateAt) : NaN;
  if (incident.status === 'resolved' || incident.status === 'completed' || !Number.isFinite(at)) return { state: 'none' };
  const t = now.getTime();
  if (t < at) return { state: 'on-time', at, minutesLeft: Math.ceil((at - t) / MINUTE) };
  if (t < at + graceMinutes * MINUTE) return { state: 'due', at };
  return { state: 'overdue', at, minutesLate: Math.floor((t - at) / MINUTE) };
}
