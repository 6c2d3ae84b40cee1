/** `fromStatuspage`: Statuspage public API v2 documents mapped onto the incident model. */
import type { DataImpact, IncidentSeverity, IncidentStatus, ServiceState } from '../models/incident.js';
import { INCIDENT_LIMITS } from '../models/incident.js';
import type { ValidationIssue } from '../models/issues.js';
import { asObject, asString, clip, defined, entriesOf, feedTime, firstItems, isId, isoTimeOf, mapEntries, mapped, mappedIfGiven, ownValue, readFeed, secureLink, shown, type FeedResult } from './feed.js';

/** Options of {@link fromStatuspage}. */
export interface StatuspageOptions {
  /** Language of the page's texts (BCP 47); default `en`. */
  locale?: string;
  /**
   * The data impact of a mapped incident. Statuspage has no such field: without this option an
   * incident is mapped with `{ level: 'none' }`; pass it when an incident may touch customers' data.
   */
  dataImpact?: (item: Record<string, unknown>) => DataImpact | undefined;
}

const INCIDENT_STATUS: Record<string, IncidentStatus> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  postmortem: 'resolved',
};
const MAINTENANCE_STATUS: Record<string, IncidentStatus> = {
  scheduled: 'scheduled',
  in_progress: 'in-progress',
  verifying: 'verifying',
  completed: 'completed',
};
const SEVERITY: Record<string, IncidentSeverity> = { none: 'minor', minor: 'minor', maintenance: 'minor', major: 'major', critical: 'critical' };
const COMPONENT_STATE: Record<string, ServiceState> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'partial-outage',
  major_outage: 'major-outage',
  under_maintenance: 'maintenance',
};
/** A component whose status is given but unknown: not working normally, whatever it was meant to say. */
const UNKNOWN_COMPONENT_STATE: ServiceState = 'partial-outage';

/**
 * Maps Statuspage public API v2 documents (`summary.json`, `incidents.json`,
 * `incidents/unresolved.json`, `scheduled-maintenances/*.json`), given as text or parsed, onto
 * the incident model. Every incident it could map is returned, checked against
 * `IncidentSchema`; every item it could not, and every value it had to replace, is an issue
 * naming its path. An unknown status maps to the state that promises least (an incident stays
 * open as `investigating`, maintenance counts as `in-progress`); an unknown impact counts as
 * `major`. Bodies stay plain text, whatever markup they hold. Never throws for bad input.
 *
 * @example
 * const { incidents, issues } = fromStatuspage(await (await fetch('https://status.bank.example/api/v2/summary.json')).text());
 * banner.incidents = incidents;
 * for (const i of issues) console.warn(i.message);
 */
export function fromStatuspage(input: unknown, options: StatuspageOptions = {}): FeedResult {
  const issues: ValidationIssue[] = [];
  const read = readFeed(input, 'Statuspage');
  if ('issue' in read) return { incidents: [], issues: [read.issue] };
  const doc = asObject(read.value);
  if (!doc) return { incidents: [], issues: [{ path: '(root)', message: '(root) is not a Statuspage document: expected an object with incidents or scheduled_maintenances' }] };

  const page = asObject(doc.page);
  const pageUrl = secureLink(page?.url);
  // Component names for affected components, from the document's own list.
  const names = new Map<string, string>();
  const states = new Map<string, ServiceState>();
  const collect = (list: unknown, path: string) => {
    (Array.isArray(list) ? list : []).forEach((c, n) => {
      const o = asObject(c);
      const id = asString(o?.id);
      const name = asString(o?.name);
      if (id && name) names.set(id, clip(name, 120));
      // An unknown status is not taken for operational: the component counts as partly down, with an issue.
      const state = id ? mappedIfGiven(COMPONENT_STATE, o?.status, `${path}.${n}.status`, 'a Statuspage component status', UNKNOWN_COMPONENT_STATE, issues) : undefined;
      if (id && state) states.set(id, state);
    });
  };
  collect(doc.components, 'components');

  const groups: [string, 'incident' | 'maintenance'][] = [
    ['incidents', 'incident'],
    ['scheduled_maintenances', 'maintenance'],
  ];
  if (!groups.some(([key]) => Array.isArray(doc[key]))) {
    return { incidents: [], issues: [{ path: '(root)', message: '(root) has neither incidents nor scheduled_maintenances arrays: is this a Statuspage v2 document?' }] };
  }
  const entries = groups.flatMap(([key, kind]) => entriesOf(doc, key, issues, kind));
  const incidents = mapEntries(
    entries,
    (item, path, kind) => {
      // The incident's own components, as far as it may list them (mapItem reports the rest).
      collect(Array.isArray(item.components) ? item.components.slice(0, INCIDENT_LIMITS.services) : [], `${path}.components`);
      return mapItem(item, kind, path, { pageUrl, names, states, options, issues });
    },
    issues,
  );
  return { incidents, issues };
}

interface Context {
  pageUrl: string | undefined;
  names: Map<string, string>;
  states: Map<string, ServiceState>;
  options: StatuspageOptions;
  issues: ValidationIssue[];
}

function mapItem(item: Record<string, unknown>, kind: 'incident' | 'maintenance', path: string, ctx: Context): Record<string, unknown> {
  const { issues } = ctx;
  const statuses = kind === 'incident' ? INCIDENT_STATUS : MAINTENANCE_STATUS;
  const fallback: IncidentStatus = kind === 'incident' ? 'investigating' : 'in-progress';
  const statusOf = (raw: unknown, at: string) => mapped(statuses, raw, at, `a Statuspage ${kind} status`, fallback, issues);
  const id = asString(item.id);
  const status = statusOf(item.status, `${path}.status`);
  const severity = mapped(SEVERITY, item.impact, `${path}.impact`, 'a Statuspage impact', 'major', issues);
  const time = (key: string) => feedTime(item[key], `${path}.${key}`, issues);
  const closed = status === 'resolved' || status === 'completed';

  // Statuspage lists updates newest first: past the model's limit, the oldest are the ones left out.
  const updateIds = new Set<string>();
  const updates = firstItems(item.incident_updates, `${path}.incident_updates`, INCIDENT_LIMITS.updates, 'updates', issues)
    .map((raw, n) => {
      const at = `${path}.incident_updates.${n}`;
      const u = asObject(raw);
      const when = isoTimeOf(u?.display_at) ?? isoTimeOf(u?.created_at);
      const body = asString(u?.body);
      if (!u || !when || !body || !body.trim()) {
        issues.push({ path: at, message: `${at} has no usable time (display_at or created_at) or body; it was skipped` });
        return undefined;
      }
      // A bad update id is replaced and a repeated one skipped: either costs that update at most, never the whole incident.
      let uid = asString(u.id) ?? `${id}-${n}`;
      if (!isId(uid)) {
        issues.push({ path: `${at}.id`, message: `${at}.id ${shown(u.id)} is not an id (letters, digits, -, _, ., :; 1 to 64 characters); ${id}-${n} was used` });
        uid = `${id}-${n}`;
      }
      if (updateIds.has(uid)) {
        issues.push({ path: `${at}.id`, message: `${at}.id ${shown(uid)} repeats an earlier update's id; the update was skipped` });
        return undefined;
      }
      updateIds.add(uid);
      const affected = firstItems(u.affected_components, `${at}.affected_components`, INCIDENT_LIMITS.services, 'components', issues).flatMap((c, k) => {
        const o = asObject(c);
        const code = asString(o?.code);
        const state = code ? mappedIfGiven(COMPONENT_STATE, o?.new_status, `${at}.affected_components.${k}.new_status`, 'a Statuspage component status', UNKNOWN_COMPONENT_STATE, issues) : undefined;
        if (code && !ctx.names.has(code) && asString(o?.name)) ctx.names.set(code, clip(asString(o!.name)!, 120));
        return code && state ? [{ id: code, state }] : [];
      });
      return {
        id: uid,
        at: when,
        status: statusOf(u.status, `${at}.status`),
        message: clip(body, 2000),
        ...(affected.length ? { affected } : {}),
      };
    })
    .filter((u) => u !== undefined)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  // The incident's own components, then any component an update names.
  const serviceIds = new Set<string>();
  for (const c of firstItems(item.components, `${path}.components`, INCIDENT_LIMITS.services, 'components', issues)) {
    const cid = asString(asObject(c)?.id);
    if (cid) serviceIds.add(cid);
  }
  for (const u of updates) for (const a of u.affected ?? []) serviceIds.add(a.id);
  const services = [...serviceIds].flatMap((sid) => {
    const name = ctx.names.get(sid);
    if (!name || !isId(sid)) {
      issues.push({ path: `${path}.components`, message: `${path}: component ${shown(sid)} ${name ? 'is not an id (letters, digits, -, _, ., :; 1 to 64 characters)' : 'has no name in the document'}; it was left out` });
      return [];
    }
    const latest = [...updates].reverse().flatMap((u) => u.affected ?? []).find((a) => a.id === sid)?.state;
    return [{ id: sid, name, state: ctx.states.get(sid) ?? latest ?? 'operational' }];
  });
  if (services.length > INCIDENT_LIMITS.services) {
    issues.push({ path: `${path}.components`, message: `${path} names ${services.length} components, over the limit of ${INCIDENT_LIMITS.services}; the first ${INCIDENT_LIMITS.services} were mapped` });
    services.length = INCIDENT_LIMITS.services;
  }
  const listed = new Set(services.map((s) => s.id));
  for (const u of updates) if (u.affected) u.affected = u.affected.filter((a) => listed.has(a.id));

  const shortlink = secureLink(item.shortlink);
  const statusPageUrl = shortlink ?? (ctx.pageUrl && id ? `${ctx.pageUrl.replace(/\/+$/, '')}/incidents/${encodeURIComponent(id)}` : undefined);
  if (item.shortlink !== undefined && item.shortlink !== null && !shortlink) {
    issues.push({ path: `${path}.shortlink`, message: `${path}.shortlink is not an https link; ${statusPageUrl ? 'the page URL was used instead' : 'it was left out'}` });
  }
  const dataImpact = ctx.options.dataImpact?.(item) ?? { level: 'none' };
  const scheduledFor = kind === 'maintenance' ? time('scheduled_for') : undefined;
  let scheduledUntil = kind === 'maintenance' ? time('scheduled_until') : undefined;
  let resolvedAt = closed ? time('resolved_at') : undefined;
  const startedAt = time('started_at') ?? time('created_at') ?? updates[0]?.at;
  // started_at is edited by hand: a window or a resolution that ends before it began is a typo, not a reason to drop the incident.
  if (scheduledFor && scheduledUntil && scheduledUntil <= scheduledFor) {
    issues.push({ path: `${path}.scheduled_until`, message: `${path}.scheduled_until ${shown(item.scheduled_until)} is not after scheduled_for; it was left out` });
    scheduledUntil = undefined;
  }
  if (resolvedAt && startedAt && resolvedAt < startedAt) {
    issues.push({ path: `${path}.resolved_at`, message: `${path}.resolved_at ${shown(item.resolved_at)} is before the incident started (${startedAt}); it was left out` });
    resolvedAt = undefined;
  }

  return defined({
    id,
    kind,
    title: clip(asString(item.name) ?? '', 200),
    severity,
    status,
    startedAt,
    resolvedAt,
    scheduledFor,
    scheduledUntil,
    updates,
    services,
    dataImpact,
    statusPageUrl,
    locale: ctx.options.locale ?? 'en',
  });
}
