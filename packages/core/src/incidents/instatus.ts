/** `fromInstatus`: an Instatus public `summary.json` mapped onto the incident model. */
import type { DataImpact, IncidentSeverity, IncidentStatus, ServiceState } from '../models/incident.js';
import { INCIDENT_LIMITS } from '../models/incident.js';
import type { ValidationIssue } from '../models/issues.js';
import { asObject, asString, clip, defined, entriesOf, feedTime, firstItems, isId, mapEntries, mapped, mappedIfGiven, ownValue, readFeed, secureLink, shown, type FeedResult, type TimeForm } from './feed.js';

/** Options of {@link fromInstatus}. */
export interface InstatusOptions {
  /** Language of the page's texts (BCP 47); default `en`. */
  locale?: string;
  /**
   * The data impact of a mapped incident. Instatus has no such field: without this option an
   * incident is mapped with `{ level: 'none' }`; pass it when an incident may touch customers' data.
   */
  dataImpact?: (item: Record<string, unknown>) => DataImpact | undefined;
}

const INCIDENT_STATUS: Record<string, IncidentStatus> = {
  INVESTIGATING: 'investigating',
  IDENTIFIED: 'identified',
  MONITORING: 'monitoring',
  RESOLVED: 'resolved',
};
const MAINTENANCE_STATUS: Record<string, IncidentStatus> = {
  NOTSTARTEDYET: 'scheduled',
  INPROGRESS: 'in-progress',
  COMPLETED: 'completed',
};
/** Instatus words an incident's impact and a component's status alike. */
const STATE: Record<string, ServiceState> = {
  OPERATIONAL: 'operational',
  UNDERMAINTENANCE: 'maintenance',
  DEGRADEDPERFORMANCE: 'degraded',
  PARTIALOUTAGE: 'partial-outage',
  MINOROUTAGE: 'partial-outage',
  MAJOROUTAGE: 'major-outage',
};
const SEVERITY: Record<string, IncidentSeverity> = {
  OPERATIONAL: 'minor',
  UNDERMAINTENANCE: 'minor',
  DEGRADEDPERFORMANCE: 'minor',
  PARTIALOUTAGE: 'major',
  MINOROUTAGE: 'major',
  MAJOROUTAGE: 'critical',
};
/** Instatus's own examples write `started` as JavaScript Date text, its API as ISO 8601; some pages show a time with no zone. */
const FORMS: readonly TimeForm[] = ['iso', 'js', 'no-zone'];
/** A maintenance window longer than 30 days is not a window. */
const MAX_DURATION_MINUTES = 30 * 24 * 60;

/**
 * Maps an Instatus public `summary.json` (`activeIncidents`, `activeMaintenances`), given as
 * text or parsed, onto the incident model. Every incident it could map is returned, checked
 * against `IncidentSchema`; every item it could not, and every value it had to replace, is an
 * issue naming its path. Times are read as ISO 8601, as JavaScript Date text
 * (`Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)`) or, with an issue, as UTC
 * when they carry no zone (`2021-09-25 11:00:00`). The summary carries no updates, so each
 * incident gets one update made from its status and name. An unknown status maps to the state
 * that promises least (an incident stays open as `investigating`, maintenance counts as
 * `in-progress`); an unknown impact counts as `major`. Never throws for bad input.
 *
 * @example
 * const { incidents, issues } = fromInstatus(await (await fetch('https://status.bank.example/summary.json')).text());
 * banner.incidents = incidents;
 * for (const i of issues) console.warn(i.message);
 */
export function fromInstatus(input: unknown, options: InstatusOptions = {}): FeedResult {
  const issues: ValidationIssue[] = [];
  const read = readFeed(input, 'Instatus');
  if ('issue' in read) return { incidents: [], issues: [read.issue] };
  const doc = asObject(read.value);
  if (!doc || !(Array.isArray(doc.activeIncidents) || Array.isArray(doc.activeMaintenances))) {
    return { incidents: [], issues: [{ path: '(root)', message: '(root) has neither activeIncidents nor activeMaintenances arrays: is this an Instatus summary.json?' }] };
  }
  const pageUrl = secureLink(asObject(doc.page)?.url);
  const entries = [...entriesOf(doc, 'activeIncidents', issues, 'incident' as const), ...entriesOf(doc, 'activeMaintenances', issues, 'maintenance' as const)];
  const incidents = mapEntries(entries, (item, path, kind) => mapItem(item, kind, path, pageUrl, options, issues), issues);
  return { incidents, issues };
}

function mapItem(
  item: Record<string, unknown>,
  kind: 'incident' | 'maintenance',
  path: string,
  pageUrl: string | undefined,
  options: InstatusOptions,
  issues: ValidationIssue[],
): Record<string, unknown> {
  const url = secureLink(item.url);
  if (item.url !== undefined && item.url !== null && !url) {
    issues.push({ path: `${path}.url`, message: `${path}.url is not an https link; ${pageUrl ? 'the page URL was used instead' : 'it was left out'}` });
  }
  // The documented summary carries no id; the incident's own page ends with it.
  const id = asString(item.id) ?? (url ? new URL(url).pathname.split('/').filter(Boolean).pop() : undefined);
  const status =
    kind === 'incident'
      ? mapped(INCIDENT_STATUS, item.status, `${path}.status`, 'an Instatus incident status', 'investigating', issues)
      : mapped(MAINTENANCE_STATUS, item.status, `${path}.status`, 'an Instatus maintenance status', 'in-progress', issues);
  // Maintenance has no impact in the summary: planned work counts as minor unless it says otherwise.
  const impactGiven = item.impact !== undefined && item.impact !== null;
  const severity =
    kind === 'maintenance' && !impactGiven ? 'minor' : mapped(SEVERITY, item.impact, `${path}.impact`, 'an Instatus impact', 'major', issues);
  const impactState: ServiceState = kind === 'maintenance' ? 'maintenance' : (ownValue(STATE, item.impact) ?? 'partial-outage');

  const time = (key: string) => feedTime(item[key], `${path}.${key}`, issues, FORMS);
  const startKey = kind === 'incident' ? 'started' : 'start';
  const start = time(startKey);
  const updatedAt = time('updatedAt');
  const closed = status === 'resolved' || status === 'completed';
  let scheduledUntil: string | undefined;
  if (kind === 'maintenance' && start && item.duration !== undefined && item.duration !== null) {
    const minutes = typeof item.duration === 'number' ? item.duration : typeof item.duration === 'string' && /^\d{1,6}$/.test(item.duration.trim()) ? Number(item.duration) : NaN;
    if (Number.isInteger(minutes) && minutes > 0 && minutes <= MAX_DURATION_MINUTES) scheduledUntil = new Date(Date.parse(start) + minutes * 60_000).toISOString();
    else issues.push({ path: `${path}.duration`, message: `${path}.duration ${shown(item.duration)} is not a whole number of minutes from 1 to ${MAX_DURATION_MINUTES}; the window has no end` });
  }

  // Components, when the summary lists them with the incident.
  const seen = new Set<string>();
  const services = firstItems(item.components, `${path}.components`, INCIDENT_LIMITS.services, 'components', issues).flatMap((raw, n) => {
    const at = `${path}.components.${n}`;
    const c = asObject(raw);
    const cid = asString(c?.id);
    const name = asString(c?.name);
    if (!c || !cid || !name?.trim()) {
      issues.push({ path: at, message: `${at} has no id or name; it was left out` });
      return [];
    }
    // One component with a bad id costs that component, not the whole incident.
    if (!isId(cid)) {
      issues.push({ path: `${at}.id`, message: `${at}.id ${shown(cid)} is not an id (letters, digits, -, _, ., :; 1 to 64 characters); the component was left out` });
      return [];
    }
    if (seen.has(cid)) return [];
    seen.add(cid);
    const state = mappedIfGiven(STATE, c.status, `${at}.status`, 'an Instatus component status', impactState, issues) ?? impactState;
    return [{ id: cid, name: clip(name, 120), state }];
  });

  const at = updatedAt ?? start;
  const title = clip(asString(item.name) ?? '', 200);
  const updates = at && title ? [{ id: status, at, status, message: title, ...(services.length ? { affected: services.map((s) => ({ id: s.id, state: s.state })) } : {}) }] : [];

  return defined({
    id,
    kind,
    title,
    severity,
    status,
    startedAt: start ?? updatedAt,
    // The summary has no resolution time; the last update of a closed item is the nearest to it.
    resolvedAt: closed && updatedAt && (!start || updatedAt >= start) ? updatedAt : undefined,
    scheduledFor: kind === 'maintenance' ? start : undefined,
    scheduledUntil,
    updates,
    services,
    dataImpact: options.dataImpact?.(item) ?? { level: 'none' },
    statusPageUrl: url ?? pageUrl,
    locale: options.locale ?? 'en',
  });
}
