/** Whether a contact channel is open now, when it opens or closes, computed in the channel's own time zone. */
import { ContactChannelSchema, WEEKDAYS, type ContactChannel } from '../models/contact.js';
import { optionError, wholeNumber } from '../lib/options.js';
import { parseFaqInput } from './validate.js';

/** Options of {@link channelAvailability}. */
export interface ChannelAvailabilityOptions {
  /** How many days ahead to look for the next opening or closing; default 14 (1 to 366). */
  horizonDays?: number;
}

/** Today is a closure day of the channel (a public holiday): its reason, when the channel gives one. */
export interface ChannelClosureNote {
  readonly reason?: string;
}

/**
 * Where a channel stands at a moment:
 * - `always`: it has no opening hours and no closure within the horizon;
 * - `open`: open now; `closesAt` is when it next closes, undefined if it stays open past the horizon;
 * - `opens`: closed now and opens at `opensAt`, within the horizon;
 * - `closed`: closed now and no opening within the horizon.
 * `closure` is there when today, in the channel's time zone, is one of its closure days.
 */
export type ChannelAvailability =
  | { readonly state: 'always' }
  | { readonly state: 'open'; readonly closesAt?: Date; readonly closure?: ChannelClosureNote }
  | { readonly state: 'opens'; readonly opensAt: Date; readonly closure?: ChannelClosureNote }
  | { readonly state: 'closed'; readonly closure?: ChannelClosureNote };

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The latest time a Date can hold, and minus it the earliest (ECMA-262 §21.4.1.1). */
const MAX_TIME = 8.64e15;
const ALL_DAY = [{ opens: '00:00', closes: '24:00' }] as const;

/** One formatter per zone: building an `Intl.DateTimeFormat` costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading in `timeZone` at instant `t` (whole seconds), as ms on a UTC scale. */
function wallClock(timeZone: string, t: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const { type, value } of f.formatToParts(t)) p[type] = Number(value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
}

/** The zone's offset from UTC at instant `t`, in ms. */
const offsetAt = (timeZone: string, t: number): number => {
  const s = Math.floor(t / 1000) * 1000;
  return wallClock(timeZone, s) - s;
};

/** `[from, offset]` pairs: the offset at the start, then each change and the offset after it. */
type Offsets = Array<[number, number]>;

const readRanges = new Map<string, { from: number; to: number; changes: Offsets }>();

/**
 * The zone's offsets over `[from, to]`, read once a day and each change found to the second, so
 * the rest of the work needs no more `Intl` calls. Zones change offset a few times a year at
 * most, in practice never twice within one day.
 */
function offsetsBetween(timeZone: string, from: number, to: number): Offsets {
  // A page asks again every minute or so for the same few zones: keep what was read per zone, a
  // week further than asked, so asking a minute later needs no Intl call.
  const known = readRanges.get(timeZone);
  if (known && known.from <= from && to <= known.to) return known.changes;
  const end = to + 7 * DAY;
  const changes: Offsets = [[-Infinity, offsetAt(timeZone, from)]];
  for (let lo = from; lo < end; lo += DAY) {
    const before = changes[changes.length - 1]![1];
    const after = offsetAt(timeZone, lo + DAY);
    if (after === before) continue;
    let a = lo;
    let b = lo + DAY;
    while (b - a > 1000) {
      const mid = Math.floor((a + b) / 2000) * 1000;
      if (offsetAt(timeZone, mid) === before) a = mid;
      else b = mid;
    }
    changes.push([b, after]);
  }
  if (readRanges.size > 20) readRanges.clear();
  readRanges.set(timeZone, { from, to: end, changes });
  return changes;
}

const offsetIn = (changes: Offsets, t: number): number => {
  let offset = changes[0]![1];
  for (const [from, o] of changes) if (t >= from) offset = o;
  return offset;
};

/**
 * The first instant at which the local clock reaches or passes `wall` (a wall-clock reading as
 * ms on a UTC scale). A reading that happens twice (the hour repeated when clocks go back) is
 * its first occurrence; a reading that never happens (the hour skipped when clocks go forward) is
 * the moment of the change, when the clock jumps past it ("01:30" on the night London skips
 * 01:00–02:00 is 02:00 BST).
 */
function instantOf(changes: Offsets, wall: number): number {
  const a = wall - offsetIn(changes, wall - DAY);
  const b = wall - offsetIn(changes, wall + DAY);
  const hits = [a, b].filter((t) => t + offsetIn(changes, t) === wall);
  if (hits.length) return Math.min(...hits);
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return changes.find(([from]) => from > lo && from <= hi)?.[0] ?? hi;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;

/**
 * Whether `channel` is open at `now`, and when that changes, computed with `Intl` in the
 * channel's time zone:
 * - hours are wall-clock times, so they follow daylight-saving changes (a channel open 08:00–20:00
 *   opens at 08:00 local time on both sides of the change);
 * - `closes` at or before `opens` runs past midnight: Friday `22:00`–`02:00` is open on Saturday
 *   at 01:00; `24:00` closes at midnight; intervals that touch or overlap are one opening;
 * - a closure day cancels the hours that start on it. Hours that start the day before and run
 *   past midnight into a closure day are kept to their end;
 * - every time is the first moment the local clock reaches or passes it: a time that happens
 *   twice (when clocks go back) is its first occurrence, and a time that never happens (skipped
 *   when clocks go forward) is the moment of the change, so hours that lie wholly in the skipped
 *   hour do not open that night;
 * - without `hours` the channel is open all day every day: `always` unless a closure falls within
 *   the horizon, when it is `open` (closing at the closure) or `opens`.
 *
 * @throws {CandorError} `invalid_faq` when `channel` fails `ContactChannelSchema` (`issues` name
 * the paths), `invalid_options` when `now` is not a valid Date or `horizonDays` is not a whole
 * number from 1 to 366.
 * @example
 * const a = channelAvailability(chat, new Date());
 * if (a.state === 'opens') show(`Opens at ${time.format(a.opensAt)}`);
 */
export function channelAvailability(channel: ContactChannel, now: Date, options: ChannelAvailabilityOptions = {}): ChannelAvailability {
  const c = parseFaqInput(ContactChannelSchema, channel, 'The contact channel is not valid');
  // The horizon (up to 366 days, and a few more for the zone's offsets) must stay within what a Date can hold.
  if (!(now instanceof Date) || !(Math.abs(now.getTime()) <= MAX_TIME - 400 * DAY)) {
    throw optionError('now', 'must be a valid Date, more than 400 days inside the range a Date can hold (years -271820 to 275759).');
  }
  const horizon = wholeNumber(options?.horizonDays, 'horizonDays', { fallback: 14, min: 1, max: 366, unit: 'days' });
  const t = now.getTime();
  const limit = t + horizon * DAY;
  // Wide enough for every probe instantOf makes, from yesterday's hours to the day after the horizon.
  const changes = offsetsBetween(c.timeZone, t - 4 * DAY, t + (horizon + 5) * DAY);
  const today = Math.floor((t + offsetIn(changes, t)) / DAY);
  const closures = (c.closures ?? []).map((x) => ({ from: dayOf(x.from), to: dayOf(x.to ?? x.from), reason: x.reason }));
  const closureOn = (day: number) => closures.find((x) => x.from <= day && day <= x.to);

  // Openings that start from yesterday (overnight hours reach into today) to the day after the
  // horizon (its first opening may still start before the horizon ends), as instants, merged.
  const runs: Array<[number, number]> = [];
  const spans: Array<[number, number]> = [];
  for (let day = today - 1; day <= today + horizon + 1; day++) {
    if (closureOn(day)) continue;
    const hours = c.hours ? (c.hours[WEEKDAYS[(((day + 3) % 7) + 7) % 7]!] ?? []) : ALL_DAY;
    for (const h of hours) {
      const opens = minutesOf(h.opens);
      const closes = minutesOf(h.closes);
      const start = instantOf(changes, day * DAY + opens * MINUTE);
      const end = instantOf(changes, (closes <= opens ? day + 1 : day) * DAY + closes * MINUTE);
      if (end > start) spans.push([start, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (const s of spans) {
    const last = runs[runs.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else runs.push([s[0], s[1]]);
  }

  const closed = closureOn(today);
  const note = closed ? { closure: closed.reason === undefined ? {} : { reason: closed.reason } } : {};
  const current = runs.find(([start, end]) => start <= t && t < end);
  if (current) {
    if (current[1] > limit) return c.hours ? { state: 'open', ...note } : { state: 'always' };
    return { state: 'open', closesAt: new Date(current[1]), ...note };
  }
  const next = runs.find(([start]) => start > t && start <= limit);
  return next ? { state: 'opens', opensAt: new Date(next[0]), ...note } : { state: 'closed', ...note };
}
