/** `fromCState`: a cState status site's `index.json` (or its `issues/index.json`) mapped onto the incident model. */
import type { DataImpact, IncidentSeverity, ServiceState } from '../models/incident.js';
import { INCIDENT_LIMITS } from '../models/incident.js';
import type { ValidationIssue } from '../models/issues.js';
import { localeTag } from '../models/text.js';
import { asObject, asString, clip, defined, entriesOf, feedTime, firstItems, mapEntries, mapped, ownValue, readFeed, secureLink, shown, type FeedResult, type TimeForm } from './feed.js';

/** Options of {@link fromCState}. */
export interface CStateOptions {
  /** Language of the site's texts (BCP 47); default the document's `languageCode`, else `en`. */
  locale?: string;
  /**
   * The data impact of a mapped incident. cState has no such field: without this option an
   * incident is mapped with `{ level: 'none' }`; pass it when an incident may touch customers' data.
   */
  dataImpact?: (item: Record<string, unknown>) => DataImpact | undefined;
}

const SEVERITY: Record<string, IncidentSeverity> = { notice: 'minor', disrupted: 'major', down: 'critical' };
/** What an open issue of each severity says about the systems it affects. */
const SEVERITY_STATE: Record<string, ServiceState> = { notice: 'degraded', disrupted: 'partial-outage', down: 'major-outage' };
const SYSTEM_STATE: Record<string, ServiceState> = { ok: 'operational', ...SEVERITY_STATE };
/** Hugo prints a page's date as Go time text; front matter such as `resolvedWhen` comes through as written. */
const FORMS: readonly TimeForm[] = ['iso', 'go', 'no-zone'];
/** What Go templates print for a front-matter field that is not set. */
const UNSET = new Set(['', '<no value>']);

/** FNV-1a (32 bits) of `text`, in base 36: a short, stable tag for a name too long to keep whole. */
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * A name (a system, a content file) as an id: lower-case Latin letters, digits and dashes; a name
 * with none of those (an Arabic system name) becomes its code points in base 36, so it stays stable.
 * An id that would be over 64 characters is cut to 55 and ends with a tag of the whole name, so two
 * long names that begin alike ("الخدمات المصرفية عبر الإنترنت", "… عبر الهاتف") stay two ids.
 */
function idOf(name: string): string {
  const latin = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .replace(/-+$/, '');
  const id = latin || [...name.trim()].map((c) => c.codePointAt(0)!.toString(36)).join('-');
  return id.length <= 64 ? id : `${id.slice(0, 55).replace(/-+$/, '')}-${tag(name)}`;
}

/**
 * Maps a cState site's `index.json` (open issues under `systems[].unresolvedIssues`) or its
 * `issues/index.json` (every issue under `pages`), given as text or parsed, onto the incident
 * model. Every incident it could map is returned, checked against `IncidentSchema`; every item it
 * could not, and every value it had to replace, is an issue naming its path. cState has only open
 * and resolved: an open issue is `investigating`, a resolved one `resolved`. Severity `down` is
 * critical, `disrupted` major, `notice` minor; an unknown one counts as major. The documents carry
 * no body, so each incident gets one update made from its title. Never throws for bad input.
 *
 * @example
 * const { incidents, issues } = fromCState(await (await fetch('https://status.bank.example/index.json')).text());
 * banner.incidents = incidents;
 * for (const i of issues) console.warn(i.message);
 */
export function fromCState(input: unknown, options: CStateOptions = {}): FeedResult {
  const issues: ValidationIssue[] = [];
  const read = readFeed(input, 'cState');
  if ('issue' in read) return { incidents: [], issues: [read.issue] };
  const doc = asObject(read.value);
  if (!doc || !(Array.isArray(doc.systems) || Array.isArray(doc.pages))) {
    return { incidents: [], issues: [{ path: '(root)', message: '(root) has neither systems nor pages arrays: is this a cState index.json or issues/index.json?' }] };
  }

  const systems = new Map<string, ServiceState>();
  const entries: [string, unknown, undefined][] = [];
  const listed = new Set<string>();
  for (const [path, raw] of entriesOf(doc, 'systems', issues)) {
    const system = asObject(raw);
    const name = asString(system?.name);
    if (!system || !name) {
      issues.push({ path, message: `${path} has no name; it was skipped` });
      continue;
    }
    const state = mapped(SYSTEM_STATE, system.status, `${path}.status`, 'a cState system status', 'partial-outage', issues);
    systems.set(name, state);
    const open = system.unresolvedIssues ?? [];
    if (!Array.isArray(open)) {
      issues.push({ path: `${path}.unresolvedIssues`, message: `${path}.unresolvedIssues is not an array; it was skipped` });
      continue;
    }
    // An issue that affects two systems is listed under both: map it once.
    open.forEach((raw, n) => {
      const key = asString(asObject(raw)?.permalink) ?? asString(asObject(raw)?.filename);
      if (key !== undefined && listed.has(key)) return;
      if (key !== undefined) listed.add(key);
      entries.push([`${path}.unresolvedIssues.${n}`, raw, undefined]);
    });
  }
  entries.push(...entriesOf(doc, 'pages', issues, undefined));

  let locale = options.locale;
  if (locale === undefined && doc.languageCode !== undefined) {
    if (localeTag().safeParse(doc.languageCode).success) locale = doc.languageCode as string;
    else issues.push({ path: 'languageCode', message: `languageCode ${shown(doc.languageCode)} is not a BCP 47 language tag; en was used` });
  }
  const ctx: Context = { systems, baseUrl: secureLink(doc.baseURL), locale: locale ?? 'en', options, issues };
  const incidents = mapEntries(entries, (item, path) => mapItem(item, path, ctx), issues);
  return { incidents, issues };
}

interface Context {
  systems: Map<string, ServiceState>;
  baseUrl: string | undefined;
  locale: string;
  options: CStateOptions;
  issues: ValidationIssue[];
}

function mapItem(item: Record<string, unknown>, path: string, ctx: Context): Record<string, unknown> | undefined {
  const { issues } = ctx;
  if (item.is !== undefined && item.is !== 'issue') {
    issues.push({ path: `${path}.is`, message: `${path}.is ${shown(item.is)} is not "issue"; it was skipped` });
    return undefined;
  }
  const permalink = secureLink(item.permalink);
  if (item.permalink !== undefined && !permalink) {
    issues.push({ path: `${path}.permalink`, message: `${path}.permalink is not an https link; ${ctx.baseUrl ? 'the site URL was used instead' : 'it was left out'}` });
  }
  // cState issues have no id: the content file's name (without .md) is stable, else the page's last path segment.
  const file = asString(item.filename)?.replace(/\.[A-Za-z]+$/, '');
  const fromLink = permalink ? new URL(permalink).pathname.split('/').filter(Boolean).pop() : undefined;
  const id = idOf(file ?? fromLink ?? '') || undefined;

  let resolved = false;
  if (typeof item.resolved === 'boolean') resolved = item.resolved;
  else issues.push({ path: `${path}.resolved`, message: `${path}.resolved ${shown(item.resolved)} is not true or false; the issue was kept open` });
  const status = resolved ? 'resolved' : 'investigating';
  const informational = item.informational === true;
  const severityKey = asString(item.severity);
  const severity =
    informational && (severityKey === undefined || severityKey === '') ? 'minor' : mapped(SEVERITY, item.severity, `${path}.severity`, 'a cState severity', 'major', issues);

  const time = (key: string) => {
    const raw = item[key];
    return typeof raw === 'string' && UNSET.has(raw.trim()) ? undefined : feedTime(raw, `${path}.${key}`, issues, FORMS);
  };
  const createdAt = time('createdAt');
  const lastMod = time('lastMod');
  let resolvedAt = resolved ? time('resolvedAt') : undefined;
  const startedAt = createdAt ?? lastMod;
  // resolvedWhen is typed by hand into front matter: one before the issue began is a typo, not a reason to drop the issue.
  if (resolvedAt && startedAt && resolvedAt < startedAt) {
    issues.push({ path: `${path}.resolvedAt`, message: `${path}.resolvedAt ${shown(item.resolvedAt)} is before createdAt; it was left out` });
    resolvedAt = undefined;
  }

  // Systems by name, in the state the document gives them now; one it does not list takes the issue's own state.
  const own: ServiceState = resolved ? 'operational' : (ownValue(SEVERITY_STATE, item.severity) ?? 'partial-outage');
  const ids = new Set<string>();
  const services = firstItems(item.affected, `${path}.affected`, INCIDENT_LIMITS.services, 'systems', issues).flatMap((raw, n) => {
    const name = asString(raw)?.trim();
    const sid = name ? idOf(name) : '';
    if (!name || !sid) {
      issues.push({ path: `${path}.affected.${n}`, message: `${path}.affected.${n} ${shown(raw)} is not a system name; it was left out` });
      return [];
    }
    if (ids.has(sid)) return [];
    ids.add(sid);
    return [{ id: sid, name: clip(name, 120), state: ctx.systems.get(name) ?? own }];
  });

  const title = clip(asString(item.title) ?? '', 200);
  const at = (resolved ? resolvedAt : undefined) ?? lastMod ?? createdAt;
  const updates = at && title ? [{ id: status, at, status, message: title, ...(services.length ? { affected: services.map((s) => ({ id: s.id, state: s.state })) } : {}) }] : [];

  return defined({
    id,
    kind: 'incident',
    title,
    severity,
    status,
    startedAt,
    resolvedAt,
    updates,
    services,
    dataImpact: ctx.options.dataImpact?.(item) ?? { level: 'none' },
    statusPageUrl: permalink ?? ctx.baseUrl,
    locale: ctx.locale,
  });
}
