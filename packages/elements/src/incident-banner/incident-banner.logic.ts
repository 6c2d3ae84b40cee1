/**
 * What `<candor-incident-banner>` shows, as pure functions of the incidents, the time and what
 * the customer dismissed: which incidents, in which order, which are new, and which may be hidden.
 */
import { DATA_IMPACTS, INCIDENT_SEVERITIES, type Incident, type IncidentSeverity, type IncidentUpdate } from '@candor/core/models';

/**
 * Where an incident stands for the banner: `active` (an open incident), `in-progress`
 * (maintenance under way), `upcoming` (maintenance ahead), `resolved` (over, its summary shown
 * for a while).
 */
export type Phase = 'active' | 'in-progress' | 'upcoming' | 'resolved';

/** What the customer dismissed for one incident: the update shown then and the severity it had. */
export interface Dismissal {
  /** Id of the latest update when dismissed ('' when it had none). */
  readonly update: string;
  readonly severity: IncidentSeverity;
  /** When dismissed (ms since the epoch), so old entries can be dropped. */
  readonly at: number;
}

/** One incident as the banner shows it. */
export interface Shown {
  readonly incident: Incident;
  readonly phase: Phase;
  /** The latest update, if any. */
  readonly latest?: IncidentUpdate;
  /** `incident id` + latest update id: what a dismissal and an announcement are about. */
  readonly key: string;
  /** A critical incident with data impact: it can be collapsed, never hidden. */
  readonly locked: boolean;
  /** Locked and dismissed: shown as its headline only. */
  readonly collapsed: boolean;
  /** Whether it interrupts (`role="alert"`): critical, or customers' data may be affected. */
  readonly urgent: boolean;
}

/** Options of {@link shownIncidents}, all resolved by the component. */
export interface ShowOptions {
  /** ms since the epoch. */
  readonly now: number;
  /** How long ahead scheduled maintenance appears, in ms. */
  readonly maintenanceAhead: number;
  /** How long a resolved incident's summary stays, in ms. */
  readonly resolvedFor: number;
  /** What the customer dismissed, by incident id. */
  readonly dismissed: ReadonlyMap<string, Dismissal>;
}

const PHASE_ORDER: Record<Phase, number> = { active: 0, 'in-progress': 1, upcoming: 2, resolved: 3 };
const severityRank = (s: IncidentSeverity): number => INCIDENT_SEVERITIES.indexOf(s);
const impactRank = (i: Incident): number => DATA_IMPACTS.indexOf(i.dataImpact.level);
const time = (iso: string | undefined): number => (iso === undefined ? NaN : Date.parse(iso));

/** The latest update of `incident` (updates are oldest first). */
export const latestUpdate = (incident: Incident): IncidentUpdate | undefined => incident.updates[incident.updates.length - 1];

/** Critical and with (possible) data impact: may be collapsed, never hidden. */
export const isLocked = (i: Incident): boolean => i.severity === 'critical' && i.dataImpact.level !== 'none';

/** Where `incident` stands at `now`, or undefined when the banner has nothing to say about it. */
export function phaseOf(incident: Incident, { now, maintenanceAhead, resolvedFor }: Omit<ShowOptions, 'dismissed'>): Phase | undefined {
  const { status } = incident;
  if (status === 'resolved' || status === 'completed') {
    const ended = time(incident.resolvedAt ?? latestUpdate(incident)?.at ?? incident.startedAt);
    return now - ended <= resolvedFor ? 'resolved' : undefined;
  }
  if (incident.kind === 'incident') return 'active';
  if (status !== 'scheduled') return 'in-progress';
  const from = time(incident.scheduledFor);
  const until = time(incident.scheduledUntil);
  if (now >= until) return undefined; // the window is over and nobody said it started
  return !Number.isFinite(from) || from - now <= maintenanceAhead ? 'upcoming' : undefined;
}

/** Whether a stored dismissal still holds: same latest update, and no higher severity since. */
export function stillDismissed(d: Dismissal | undefined, incident: Incident): boolean {
  return d !== undefined && d.update === (latestUpdate(incident)?.id ?? '') && severityRank(incident.severity) <= severityRank(d.severity);
}

/**
 * The incidents to show, most pressing first: open incidents (most severe, then the widest
 * data impact, then the most recently updated), maintenance under way, maintenance ahead, then
 * resolved summaries. Dismissed ones are left out unless locked (then `collapsed`).
 */
export function shownIncidents(incidents: readonly Incident[], options: ShowOptions): Shown[] {
  const out: Shown[] = [];
  for (const incident of incidents) {
    const phase = phaseOf(incident, options);
    if (!phase) continue;
    const latest = latestUpdate(incident);
    const locked = isLocked(incident) && phase === 'active';
    const dismissed = stillDismissed(options.dismissed.get(incident.id), incident);
    if (dismissed && !locked) continue;
    out.push({
      incident,
      phase,
      latest,
      key: `${incident.id}\n${latest?.id ?? ''}`,
      locked,
      collapsed: dismissed && locked,
      urgent: phase === 'active' && (incident.severity === 'critical' || incident.dataImpact.level !== 'none'),
    });
  }
  return out.sort(
    (a, b) =>
      PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] ||
      severityRank(b.incident.severity) - severityRank(a.incident.severity) ||
      impactRank(b.incident) - impactRank(a.incident) ||
      (time(b.latest?.at ?? b.incident.startedAt) || 0) - (time(a.latest?.at ?? a.incident.startedAt) || 0) ||
      a.incident.id.localeCompare(b.incident.id),
  );
}

/** The next time (ms since the epoch) the shown set changes by itself: maintenance coming into view or ending, a summary expiring. */
export function nextChange(incidents: readonly Incident[], { now, maintenanceAhead, resolvedFor }: Omit<ShowOptions, 'dismissed'>): number | undefined {
  const times: number[] = [];
  for (const i of incidents) {
    if (i.status === 'resolved' || i.status === 'completed') times.push(time(i.resolvedAt ?? latestUpdate(i)?.at ?? i.startedAt) + resolvedFor + 1);
    else if (i.kind === 'maintenance' && i.status === 'scheduled') times.push(time(i.scheduledFor) - maintenanceAhead, time(i.scheduledUntil));
  }
  const future = times.filter((t) => Number.isFinite(t) && t > now);
  return future.length ? Math.min(...future) : undefined;
}

/** A stored dismissal, or undefined when it is not one (storage is not trusted either). */
export function acceptDismissal(v: unknown): Dismissal | undefined {
  const d = v as Partial<Dismissal> | null;
  return d && typeof d.update === 'string' && (INCIDENT_SEVERITIES as readonly unknown[]).includes(d.severity) && typeof d.at === 'number'
    ? { update: d.update, severity: d.severity!, at: d.at }
    : undefined;
}

/** Backoff of the feed after `failures` failed fetches in a row: the refresh interval doubled each time, at most `max` ms; `retryAfter` (ms) when the server asks for longer. */
export function pollDelay(refresh: number, failures: number, retryAfter: number | undefined, max = 15 * 60_000): number {
  const backoff = failures === 0 ? refresh : Math.min(max, refresh * 2 ** failures);
  return Math.max(backoff, retryAfter ?? 0);
}

/** A `Retry-After` header (seconds, or an HTTP date) as ms from `now`; undefined when absent or unreadable. At most a day. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const v = header.trim();
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 86_400_000) : undefined;
}
