/** What every status-feed adapter shares: limits checked before mapping, issues, and the final check against the model. */
import { IncidentSchema, type Incident } from '../models/incident.js';
import { toValidationIssues, type ValidationIssue } from '../models/issues.js';
import { identifier, secureUrl } from '../models/text.js';

/** What an adapter returns: every incident it could map, and an issue for every item it could not. */
export interface FeedResult {
  readonly incidents: Incident[];
  readonly issues: ValidationIssue[];
}

/** Limits on a feed, checked before anything is mapped. */
export const FEED_LIMITS = {
  /** Characters of a feed given as text. */
  maxChars: 2 * 1024 * 1024,
  /** Nesting of objects and arrays. */
  maxDepth: 32,
  /** Objects, arrays and values in all. */
  maxNodes: 200_000,
  /** Incidents (and maintenances) mapped from one feed, counting the items skipped; the rest are reported. */
  maxIncidents: 50,
} as const;

/**
 * The feed as plain data, or an issue saying why it cannot be read: text over
 * {@link FEED_LIMITS.maxChars} or not JSON (a byte order mark before it is ignored, as RFC 8259
 * allows), nesting deeper than `maxDepth`, or more than `maxNodes` values (an array counts its
 * length, holes and all, before any item is looked at), or a value that throws when it is read
 * (a getter, a Proxy, a revoked Proxy). A value is copied as it is read: objects and arrays
 * become plain ones holding the same values, read once, so the mapping never meets a getter or a
 * Proxy.
 */
export function readFeed(input: unknown, what: string): { value: unknown } | { issue: ValidationIssue } {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > FEED_LIMITS.maxChars) {
      return { issue: { path: '(root)', message: `(root) is ${input.length} characters, over the ${FEED_LIMITS.maxChars}-character limit for a ${what} feed; it was not parsed` } };
    }
    try {
      // A file saved with a byte order mark (and read without stripping it) is still the document.
      value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch {
      return { issue: { path: '(root)', message: `(root) is not JSON; pass the ${what} document as text or as the parsed object` } };
    }
  }
  const tooMany = { issue: { path: '(root)', message: `(root) holds more than ${FEED_LIMITS.maxNodes} values; it was not mapped` } };
  // Iterative walk: a hostile depth must not overflow the stack before it is refused.
  const root: Record<string, unknown> = {};
  const stack: [unknown, number, Record<string, unknown>, string][] = [[value, 0, root, 'value']];
  let nodes = 0;
  try {
    while (stack.length) {
      const [v, depth, parent, key] = stack.pop()!;
      if (++nodes > FEED_LIMITS.maxNodes) return tooMany;
      let copy = v;
      if (v !== null && typeof v === 'object') {
        if (depth >= FEED_LIMITS.maxDepth) return { issue: { path: '(root)', message: `(root) nests deeper than ${FEED_LIMITS.maxDepth} levels; it was not mapped` } };
        // Counted before they are listed: a sparse array of 2³² - 1 holes must not be walked (or fill memory) first.
        const list = Array.isArray(v);
        const length = list ? v.length : 0;
        const children: [string, unknown][] | undefined = list ? undefined : Object.entries(v);
        if (nodes + stack.length + (children?.length ?? length) > FEED_LIMITS.maxNodes) return tooMany;
        copy = list ? [] : {};
        // Last first, so that they are copied in their order.
        if (children) for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]![1], depth + 1, copy as Record<string, unknown>, children[i]![0]]);
        else for (let i = length - 1; i >= 0; i--) stack.push([(v as unknown[])[i], depth + 1, copy as Record<string, unknown>, String(i)]);
      }
      // An own key named __proto__ (JSON.parse makes one) stays a key: assigning it would set the prototype.
      if (key === '__proto__') Object.defineProperty(parent, key, { value: copy, enumerable: true, writable: true, configurable: true });
      else parent[key] = copy;
    }
  } catch {
    // What was thrown is the caller's own object, as hostile as the rest: it is not looked at.
    return { issue: { path: '(root)', message: `(root) could not be read: a getter or Proxy in it threw; pass the ${what} document as text or as plain parsed JSON` } };
  }
  return { value: root.value };
}

/** A plain object, or undefined. */
export const asObject = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** A string, or undefined. */
export const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `text` cut at a word boundary to at most `max` characters, ending with "…" when cut; never between the halves of a surrogate pair. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const high = t.charCodeAt(max - 2);
  const cut = t.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 2 : max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The ways status pages write a time:
 * - `iso`: ISO 8601 with an offset, `2026-11-23T10:00:00Z`, `2026-11-23T10:00:00.000-06:00`;
 * - `go`: Go's time text (what Hugo prints for a page date), `2026-11-23 10:00:00.482 +0000 UTC`, `… -0600 -06`;
 * - `js`: JavaScript's `Date.prototype.toString()`, `Mon Nov 23 2026 10:00:00 GMT+0000 (Coordinated Universal Time)`;
 * - `no-zone`: `2026-11-23 10:00:00` or `2026-11-23T10:00`, no offset at all: read as UTC, with an issue saying so.
 */
export type TimeForm = 'iso' | 'go' | 'js' | 'no-zone';

const TIME_FORM_TEXT: Record<TimeForm, string> = {
  iso: 'ISO 8601 with an offset',
  go: 'Go time text with an offset',
  js: 'JavaScript Date text with a GMT offset',
  'no-zone': 'YYYY-MM-DD HH:mm:ss',
};
/** Times outside these years are refused: no status page reports an incident from 1970 or 9999. */
const YEARS = [2000, 2100] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const CLOCK = String.raw`(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?`;
const OFFSET = String.raw`(Z|[+-]\d{2}:?\d{2})`;
const PATTERNS: Record<TimeForm, RegExp> = {
  iso: new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})T${CLOCK}${OFFSET}$`),
  go: new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2}) ${CLOCK} ([+-]\d{4})(?: [A-Za-z+-][A-Za-z0-9+-]{0,5})?$`),
  js: new RegExp(String.raw`^(?:${WEEKDAYS.join('|')}) (${MONTHS.join('|')}) (\d{2}) (\d{4}) ${CLOCK} GMT([+-]\d{4})(?: \([^()]{1,64}\))?$`),
  'no-zone': new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})[ T]${CLOCK}$`),
};

type TimeRead = { at: string; noZone: boolean } | { wrong: 'form' | 'date' | 'range' };

/** Reads `text` in the first of `forms` it matches; the calendar and the weekday must agree. */
function readTime(text: string, forms: readonly TimeForm[]): TimeRead {
  for (const form of forms) {
    const m = PATTERNS[form].exec(text);
    if (!m) continue;
    // Normalise every form to year, month, day, clock and offset.
    const [y, mo, d, h, mi, s, frac, off] =
      form === 'js' ? [m[3], String(MONTHS.indexOf(m[1]!) + 1), m[2], m[4], m[5], m[6], m[7], m[8]] : [m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]];
    const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s ?? '0'].map(Number) as [number, number, number, number, number, number];
    const ms = Number((frac ?? '').padEnd(3, '0').slice(0, 3));
    // setUTCFullYear, not Date.UTC, which reads years 0 to 99 as 1900 to 1999.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, second, ms);
    const utc = date.getTime();
    // Dates roll 30 February over into March; a time that does not round-trip is not a date.
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
      return { wrong: 'date' };
    }
    let offsetMinutes = 0;
    if (off && off !== 'Z') {
      const digits = off.replace(':', '');
      offsetMinutes = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
      if (Math.abs(offsetMinutes) > 18 * 60 || Number(digits.slice(3, 5)) > 59) return { wrong: 'date' };
    }
    // The weekday of a JavaScript Date text is redundant; one that disagrees means the text was made up.
    if (form === 'js' && !text.startsWith(WEEKDAYS[date.getUTCDay()]!)) return { wrong: 'date' };
    const t = utc - offsetMinutes * 60_000;
    const inUtc = new Date(t);
    if (inUtc.getUTCFullYear() < YEARS[0] || inUtc.getUTCFullYear() > YEARS[1]) return { wrong: 'range' };
    return { at: inUtc.toISOString(), noZone: form === 'no-zone' };
  }
  return { wrong: 'form' };
}

/** An ISO 8601 time with an offset (a real date, in the years 2000 to 2100), normalised to UTC (`…Z`); undefined when `v` is not one. */
export function isoTimeOf(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const r = readTime(v, ['iso']);
  return 'at' in r ? r.at : undefined;
}

/**
 * The time `raw` at `path`, in UTC (`…Z`), read in one of `forms`; undefined when it is absent
 * (`undefined`, `null` or `""`) or cannot be read, which adds an issue: not one of the forms, not
 * a real date (30 February, a weekday that disagrees), or outside the years 2000 to 2100. A
 * `no-zone` time is read as UTC and says so in an issue.
 */
export function feedTime(raw: unknown, path: string, issues: ValidationIssue[], forms: readonly TimeForm[] = ['iso']): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const r = typeof raw === 'string' ? readTime(raw, forms) : ({ wrong: 'form' } as const);
  if ('at' in r) {
    if (r.noZone) issues.push({ path, message: `${path} ${shown(raw)} has no time zone; it was read as UTC (${r.at})` });
    return r.at;
  }
  const why =
    r.wrong === 'range'
      ? `is outside the years ${YEARS[0]} to ${YEARS[1]}`
      : r.wrong === 'date'
        ? 'is not a real date and time'
        : forms.length === 1 && forms[0] === 'iso'
          ? 'is not an ISO 8601 time'
          : `is not a time in a form this feed uses (${forms.map((f) => TIME_FORM_TEXT[f]).join('; ')})`;
  issues.push({ path, message: `${path} ${shown(raw)} ${why}; it was left out` });
  return undefined;
}

/** `raw` as it appears in an issue: JSON, cut to 80 characters so a hostile value cannot flood the message. */
export function shown(raw: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(raw) ?? String(raw);
  } catch {
    // BigInt has no JSON (its digits are shown); an object that has none (a BigInt inside, a toJSON that throws) is named, not shown.
    try {
      json = typeof raw === 'object' && raw !== null ? '(an object)' : String(raw);
    } catch {
      json = `(${typeof raw})`;
    }
  }
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

/**
 * `table[raw]` when `raw` is one of the table's own keys (never an inherited one such as
 * `constructor` or `__proto__`); otherwise `fallback`, with an issue at `path` saying `raw` is not
 * `what` and what it was mapped to. Feeds use this to map an unknown status to the safe side.
 */
export function mapped<T extends string>(table: Readonly<Record<string, T>>, raw: unknown, path: string, what: string, fallback: NoInfer<T>, issues: ValidationIssue[]): T {
  if (typeof raw === 'string' && Object.hasOwn(table, raw)) return table[raw]!;
  issues.push({ path, message: `${path} ${shown(raw)} is not ${what}; mapped to ${fallback}` });
  return fallback;
}

/** {@link mapped} for a field a feed may leave out: undefined when `raw` is absent (undefined or null), with no issue. */
export const mappedIfGiven = <T extends string>(table: Readonly<Record<string, T>>, raw: unknown, path: string, what: string, fallback: NoInfer<T>, issues: ValidationIssue[]): T | undefined =>
  raw === undefined || raw === null ? undefined : mapped(table, raw, path, what, fallback, issues);

/** `table[raw]` when `raw` is one of the table's own keys, else undefined (no inherited keys). */
export const ownValue = <T>(table: Readonly<Record<string, T>>, raw: unknown): T | undefined =>
  typeof raw === 'string' && Object.hasOwn(table, raw) ? table[raw] : undefined;

/** The items of `doc[key]` as `[path, item, kind]`; an issue when it is there but not an array. */
export function entriesOf<K>(doc: Record<string, unknown>, key: string, issues: ValidationIssue[], kind?: K): [string, unknown, K][] {
  const list = doc[key];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    issues.push({ path: key, message: `${key} is not an array; it was skipped` });
    return [];
  }
  return list.map((item, n) => [`${key}.${n}`, item, kind as K]);
}

/**
 * Maps feed items one by one: at most {@link FEED_LIMITS.maxIncidents} (one issue for the rest),
 * an item that is not an object or whose id repeats an earlier one is skipped with an issue, and
 * what `map` makes of each item is {@link checked} against the model. `map` returns undefined to
 * skip an item, having said why in an issue.
 */
export function mapEntries<K = undefined>(
  entries: Iterable<readonly [path: string, raw: unknown, kind?: K]>,
  map: (item: Record<string, unknown>, path: string, kind: K) => unknown,
  issues: ValidationIssue[],
): Incident[] {
  const incidents: Incident[] = [];
  const seen = new Set<string>();
  let looked = 0;
  for (const [path, raw, kind] of entries) {
    // Items skipped count too: 100,000 items that are not incidents must not be mapped (and reported) one by one.
    if (looked++ >= FEED_LIMITS.maxIncidents) {
      issues.push({ path, message: `${path}: more than ${FEED_LIMITS.maxIncidents} incidents; this one and the rest were not mapped` });
      break;
    }
    const item = asObject(raw);
    if (!item) {
      issues.push({ path, message: `${path} is not an object; it was skipped` });
      continue;
    }
    const candidate = map(item, path, kind as K);
    if (candidate === undefined) continue;
    const result = checked(candidate, path);
    if ('issues' in result) issues.push(...result.issues);
    else if (seen.has(result.incident.id)) issues.push({ path: `${path}.id`, message: `${path}.id ${shown(result.incident.id)} repeats an earlier incident's id; it was skipped` });
    else {
      seen.add(result.incident.id);
      incidents.push(result.incident);
    }
  }
  return incidents;
}

/** `out` without its undefined fields, so optional fields of the model are left out rather than set to undefined. */
export function defined(out: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

const LINK = secureUrl();
/**
 * `v` when the model accepts it as a link ({@link secureUrl}: https, http only on the loopback,
 * at most 2048 characters, printable into a text as it is); undefined, with no issue, when not.
 */
export const secureLink = (v: unknown): string | undefined => (LINK.safeParse(v).success ? (v as string) : undefined);

/**
 * The first `max` items of `v` when it is an array (none when it is not), with an issue at
 * `path` when there were more: a long list costs one issue, and the incident keeps `max` of them.
 */
export function firstItems(v: unknown, path: string, max: number, what: string, issues: ValidationIssue[]): unknown[] {
  if (!Array.isArray(v)) return [];
  if (v.length > max) issues.push({ path, message: `${path} has ${v.length} ${what}, over the limit of ${max}; the first ${max} were mapped` });
  return v.slice(0, max);
}

const ID = identifier();
/** Whether `v` is an id the model accepts (letters, digits, `-`, `_`, `.`, `:`; 1–64 characters). */
export const isId = (v: unknown): v is string => ID.safeParse(v).success;

/** Checks a mapped incident against the model: the incident, or issues under `path`. */
export function checked(candidate: unknown, path: string): { incident: Incident } | { issues: ValidationIssue[] } {
  const r = IncidentSchema.safeParse(candidate, { reportInput: true });
  if (r.success) return { incident: r.data };
  return { issues: toValidationIssues(r.error.issues).map((i) => ({ path: `${path}.${i.path}`, message: `${path}: ${i.message}` })) };
}
