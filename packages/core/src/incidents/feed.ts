/** What every status-feed adapter shares: limits checked before mapping, issues, and the final check against the model. */
import { IncidentSchema, type Incident } from '../models/incident.js';
import { toValidationIssues, type ValidationIssue } from '../models/issues.js';
import { parseSecureUrl } from '../lib/urls.js';

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
  /** Incidents (and maintenances) mapped from one feed; the rest are reported. */
  maxIncidents: 50,
} as const;

/**
 * The feed as a parsed value, or an issue saying why it cannot be read: text over
 * {@link FEED_LIMITS.maxChars} or not JSON, nesting deeper than `maxDepth`, or more than
 * `maxNodes` values.
 */
export function readFeed(input: unknown, what: string): { value: unknown } | { issue: ValidationIssue } {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > FEED_LIMITS.maxChars) {
      return { issue: { path: '(root)', message: `(root) is ${input.length} characters, over the ${FEED_LIMITS.maxChars}-character limit for a ${what} feed; it was not parsed` } };
    }
    try {
      value = JSON.parse(input);
    } catch {
      return { issue: { path: '(root)', message: `(root) is not JSON; pass the ${what} document as text or as the parsed object` } };
    }
  }
  // Iterative walk: a hostile depth must not overflow the stack before it is refused.
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++nodes > FEED_LIMITS.maxNodes) return { issue: { path: '(root)', message: `(root) holds more than ${FEED_LIMITS.maxNodes} values; it was not mapped` } };
    if (v === null || typeof v !== 'object') continue;
    if (depth >= FEED_LIMITS.maxDepth) return { issue: { path: '(root)', message: `(root) nests deeper than ${FEED_LIMITS.maxDepth} levels; it was not mapped` } };
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return { value };
}

/** A plain object, or undefined. */
export const asObject = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** A string, or undefined. */
export const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `text` cut at a word boundary to at most `max` characters, ending with "…" when cut. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** An ISO 8601 time with an offset, normalised to UTC (`…Z`); undefined when `v` is not one. */
export function isoTimeOf(v: unknown): string | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) return undefined;
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/** `v` when it is a link a customer may follow (https, http only on the loopback). */
export const secureLink = (v: unknown): string | undefined => (typeof v === 'string' && parseSecureUrl(v) ? v : undefined);

/** Checks a mapped incident against the model: the incident, or issues under `path`. */
export function checked(candidate: unknown, path: string): { incident: Incident } | { issues: ValidationIssue[] } {
  const r = IncidentSchema.safeParse(candidate);
  if (r.success) return { incident: r.data };
  return { issues: toValidationIssues(r.error.issues).map((i) => ({ path: `${path}.${i.path}`, message: `${path}: ${i.message}` })) };
}
