/**
 * Templates of `<candor-incident-banner>`: pure functions of plain data and callbacks. Text from
 * the incident is only ever bound as text, inside `<bdi>` or a `dir="auto"` element.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { DataImpactLevel, Incident, IncidentSeverity, IncidentStatus, IncidentUpdate, Remedy, ServiceState } from '@candor/core/models';
import { affectedServices, type NextUpdateState } from '@candor/core/incidents';
import type { MessageParams } from '../shared/localize.js';
import type { IncidentBannerMessages } from './incident-banner.messages.js';
import type { Shown } from './incident-banner.logic.js';

type Key = keyof IncidentBannerMessages & string;

/** Formatting the templates need, bound to the component's language, time zone and clock. */
export interface Formatters {
  t(key: Key, params?: MessageParams): string;
  /** A time as the customer reads it: the time alone today, with the date otherwise. */
  when(iso: string): string;
  /** A time with its full date ("Saturday 6 December, 01:00"). */
  day(iso: string): string;
  /** "12 minutes ago". */
  relative(iso: string): string;
  list(items: readonly string[]): string;
}

/** What the customer can do, as callbacks. */
export interface BannerActions {
  dismiss(s: Shown): void;
  toggleTimeline(id: string): void;
  toggleMore(): void;
  remedy(e: Event, incident: Incident, remedy: Remedy): void;
}

/** One notice as the templates draw it. */
export interface CardView {
  readonly shown: Shown;
  readonly next: NextUpdateState;
  readonly timelineOpen: boolean;
  readonly headingLevel: number;
}

export const SEVERITY_KEY: Record<IncidentSeverity, Key> = { minor: 'severityMinor', major: 'severityMajor', critical: 'severityCritical' };
export const STATUS_KEY: Record<IncidentStatus, Key> = {
  investigating: 'statusInvestigating',
  identified: 'statusIdentified',
  monitoring: 'statusMonitoring',
  resolved: 'statusResolved',
  scheduled: 'statusScheduled',
  'in-progress': 'statusInProgress',
  verifying: 'statusVerifying',
  completed: 'statusCompleted',
};
const IMPACT_KEY: Record<DataImpactLevel, Key> = {
  none: 'impactNone',
  'under-investigation': 'impactUnderInvestigation',
  possible: 'impactPossible',
  confirmed: 'impactConfirmed',
};
const IMPACT_NAMED_KEY: Record<Exclude<DataImpactLevel, 'none'>, Key> = {
  'under-investigation': 'impactUnderInvestigationData',
  possible: 'impactPossibleData',
  confirmed: 'impactConfirmedData',
};
const STATE_KEY: Record<ServiceState, Key> = {
  operational: 'stateOperational',
  degraded: 'stateDegraded',
  'partial-outage': 'statePartialOutage',
  'major-outage': 'stateMajorOutage',
  maintenance: 'stateMaintenance',
};

/** Severity drawn as a shape as well as a colour: a circle (minor), a triangle (major), an octagon (critical); a square for maintenance, a tick once resolved. */
function shapeOf(s: Shown): TemplateResult {
  if (s.phase === 'resolved') return svg`<path d="M3 8.5l3.2 3.2L13 5" fill="none" stroke="currentColor" stroke-width="2.2"/>`;
  if (s.incident.kind === 'maintenance') return svg`<rect x="2.5" y="2.5" width="11" height="11" rx="1"/>`;
  switch (s.incident.severity) {
    case 'critical':
      return svg`<path d="M5.2 1h5.6L15 5.2v5.6L10.8 15H5.2L1 10.8V5.2z"/>`;
    case 'major':
      return svg`<path d="M8 1.2l7.2 13.3H.8z"/>`;
    default:
      return svg`<circle cx="8" cy="8" r="6.3"/>`;
  }
}

/** Incident text, isolated and in its own language (`lang` from `incident.locale`, so screen readers pick the right voice). */
const text = (value: string, lang?: string) => html`<bdi lang=${lang ?? nothing}>${value}</bdi>`;

/** `message` with the `{name}` placeholder filled by `value` as isolated text (`<bdi>`), the rest as written. */
function around(message: string, name: string, value: string, lang?: string): TemplateResult {
  const at = message.indexOf(`{${name}}`);
  if (at < 0) return html`${message}`;
  return html`${message.slice(0, at)}${text(value, lang)}${message.slice(at + name.length + 2)}`;
}

/** The heading line: shape, kind and severity in words, status. */
function headerTemplate(v: CardView, f: Formatters): TemplateResult {
  const { incident } = v.shown;
  const severity = f.t(SEVERITY_KEY[incident.severity]);
  const label = incident.kind === 'maintenance' ? f.t('kindMaintenance') : `${f.t('kindIncident')}, ${f.t('severityLabel', { severity })}`;
  return html`<p part="severity" class="severity">
      <svg class="shape" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${shapeOf(v.shown)}</svg>
      <span class="visually-hidden">${label}</span>
      <span aria-hidden="true">${incident.kind === 'maintenance' ? f.t('kindMaintenance') : severity}</span>
    </p>
    <p part="status" class="status"><span class="visually-hidden">${f.t('statusLabel', { status: '' })}</span>${f.t(STATUS_KEY[incident.status])}</p>`;
}

function updateTemplate(u: IncidentUpdate, lang: string, f: Formatters): TemplateResult {
  return html`<p part="update-message" class="message" dir="auto" lang=${lang}>${u.message}</p>
    <p part="update-time" class="meta"><time datetime=${u.at}>${f.t('posted', { relative: f.relative(u.at), time: f.when(u.at) })}</time></p>`;
}

/** The promised next update: when, or how late, honestly. */
function nextTemplate(next: NextUpdateState, f: Formatters): TemplateResult | typeof nothing {
  if (next.state === 'none') return nothing;
  const time = f.when(new Date(next.at).toISOString());
  const message =
    next.state === 'on-time'
      ? f.t('nextUpdateIn', { count: next.minutesLeft, time })
      : next.state === 'due'
        ? f.t('nextUpdateDue', { time })
        : f.t('nextUpdateLate', { count: next.minutesLate });
  return html`<p part="next-update" class="next ${next.state}" data-state=${next.state}>${message}</p>`;
}

/** The window of maintenance, or when it ends. */
function windowTemplate(s: Shown, f: Formatters): TemplateResult | typeof nothing {
  const { scheduledFor: from, scheduledUntil: until } = s.incident;
  if (s.phase === 'upcoming' && from) {
    return html`<p part="window" class="window">${until ? f.t('upcomingWindow', { start: f.day(from), end: f.day(until) }) : f.t('upcomingStart', { start: f.day(from) })}</p>`;
  }
  if (s.phase === 'in-progress' && until) return html`<p part="window" class="window">${f.t('inProgressUntil', { end: f.day(until) })}</p>`;
  return nothing;
}

function impactTemplate(incident: Incident, f: Formatters): TemplateResult | typeof nothing {
  const { level, data = [] } = incident.dataImpact;
  if (incident.kind === 'maintenance' && level === 'none') return nothing;
  const line =
    level !== 'none' && data.length
      ? around(f.t(IMPACT_NAMED_KEY[level], { data: '{data}' }), 'data', f.list(data), incident.locale)
      : html`${f.t(IMPACT_KEY[level])}`;
  return html`<div part="data-impact" class="impact ${level}" data-level=${level}>
    <p class="label">${f.t('impactHeading')}</p>
    <p>${line}</p>
  </div>`;
}

function servicesTemplate(incident: Incident, f: Formatters): TemplateResult | typeof nothing {
  const affected = affectedServices(incident);
  if (!affected.length) return nothing;
  return html`<div part="services" class="services">
    <p class="label" id="services-${incident.id}">${f.t('affected')}</p>
    <ul aria-labelledby="services-${incident.id}">
      ${affected.map((s) => html`<li data-state=${s.state}>${around(f.t('serviceState', { name: '{name}', state: f.t(STATE_KEY[s.state]) }), 'name', s.name, incident.locale)}</li>`)}
    </ul>
  </div>`;
}

function actionsTemplate(incident: Incident, f: Formatters): TemplateResult | typeof nothing {
  const actions = incident.actions ?? [];
  if (!actions.length) return nothing;
  return html`<div part="actions" class="actions">
    <p class="label" id="actions-${incident.id}">${f.t('actions')}</p>
    <ul aria-labelledby="actions-${incident.id}">
      ${actions.map((a) => html`<li>${a.url ? html`<a href=${a.url}>${text(a.text, incident.locale)}</a>` : text(a.text, incident.locale)}</li>`)}
    </ul>
  </div>`;
}

function remediesTemplate(incident: Incident, f: Formatters, on: BannerActions): TemplateResult | typeof nothing {
  const remedies = incident.remedies ?? [];
  if (!remedies.length) return nothing;
  return html`<div part="remedies" class="remedies">
    <p class="label" id="remedies-${incident.id}">${f.t('remedies')}</p>
    <ul aria-labelledby="remedies-${incident.id}">
      ${remedies.map(
        (r) => html`<li part="remedy" data-kind=${r.kind}>
          <p class="remedy-title">${text(r.title, incident.locale)}</p>
          <p dir="auto" lang=${incident.locale}>${r.how}</p>
          ${r.eligibility ? html`<p>${around(f.t('remedyEligibility', { eligibility: '{eligibility}' }), 'eligibility', r.eligibility, incident.locale)}</p>` : nothing}
          ${r.deadline ? html`<p><time datetime=${r.deadline}>${f.t('remedyDeadline', { deadline: f.day(r.deadline) })}</time></p>` : nothing}
          ${r.url
            ? html`<a part="remedy-action" href=${r.url} aria-label=${f.t('remedyGetLabel', { title: r.title })} @click=${(e: Event) => on.remedy(e, incident, r)}>${f.t('remedyGet')}</a>`
            : html`<button part="remedy-action" type="button" aria-label=${f.t('remedyGetLabel', { title: r.title })} @click=${(e: Event) => on.remedy(e, incident, r)}>${f.t('remedyGet')}</button>`}
        </li>`,
      )}
    </ul>
  </div>`;
}

function summaryTemplate(incident: Incident, f: Formatters): TemplateResult | typeof nothing {
  const s = incident.summary;
  if (!s) return nothing;
  const section = (key: Key, body: string) => html`<p class="label">${f.t(key)}</p><p dir="auto" lang=${incident.locale}>${body}</p>`;
  return html`<div part="summary" class="summary">
    <p class="apology" dir="auto" lang=${incident.locale}>${s.apology}</p>
    ${section('summaryWhatHappened', s.whatHappened)} ${section('summaryWhatWeDid', s.whatWeDid)}
    ${section('summaryWhatWeAreChanging', s.whatWeAreChanging)}
  </div>`;
}

function linksTemplate(incident: Incident, f: Formatters): TemplateResult | typeof nothing {
  const faq = incident.faqIds?.[0];
  if (!incident.statusPageUrl && !faq) return nothing;
  return html`<p part="links" class="links">
    ${incident.statusPageUrl ? html`<a part="status-page" href=${incident.statusPageUrl} target="_blank" rel="noopener noreferrer">${f.t('statusPage')}</a>` : nothing}
    ${faq ? html`<a part="faq" href="#faq-${faq}">${f.t('faqLink')}</a>` : nothing}
  </p>`;
}

function timelineTemplate(v: CardView, f: Formatters, on: BannerActions): TemplateResult | typeof nothing {
  const { incident } = v.shown;
  if (incident.updates.length < 2) return nothing;
  const id = `timeline-${incident.id}`;
  return html`<button part="timeline-toggle" class="link" type="button" aria-expanded=${v.timelineOpen ? 'true' : 'false'} aria-controls=${id}
      @click=${() => on.toggleTimeline(incident.id)}>${v.timelineOpen ? f.t('hideTimeline') : f.t('showTimeline', { count: incident.updates.length })}</button>
    <ol part="timeline" id=${id} class="timeline" aria-label=${f.t('timelineLabel')} ?hidden=${!v.timelineOpen}>
      ${[...incident.updates].reverse().map(
        (u) => html`<li><p class="meta"><time datetime=${u.at}>${f.when(u.at)}</time> · ${f.t(STATUS_KEY[u.status])}</p><p dir="auto" lang=${incident.locale}>${u.message}</p></li>`,
      )}
    </ol>`;
}

/** One notice: headline always; the rest unless collapsed. */
export function cardTemplate(v: CardView, f: Formatters, on: BannerActions): TemplateResult {
  const { shown } = v;
  const { incident, latest, phase, locked, collapsed } = shown;
  const headingId = `title-${incident.id}`;
  const dismissLabel = locked
    ? f.t(collapsed ? 'expandLabel' : 'collapseLabel', { title: incident.title })
    : f.t('dismissLabel', { title: incident.title });
  return html`<article part="incident" class="incident ${incident.severity} ${incident.kind} ${phase}${collapsed ? ' collapsed' : ''}"
    aria-labelledby=${headingId} data-id=${incident.id} data-phase=${phase}>
    <div class="head">
      ${headerTemplate(v, f)}
      <button part="dismiss" class="dismiss" type="button" aria-label=${dismissLabel} aria-expanded=${locked ? (collapsed ? 'false' : 'true') : nothing}
        @click=${() => on.dismiss(shown)}>${locked ? f.t(collapsed ? 'expand' : 'collapse') : f.t('dismiss')}</button>
    </div>
    <div part="title" class="title" id=${headingId} role="heading" aria-level=${v.headingLevel}>${text(incident.title, incident.locale)}</div>
    ${collapsed
      ? html`<p part="locked-note" class="meta">${f.t('lockedNote')}</p>`
      : html`${windowTemplate(shown, f)}
          ${phase === 'resolved' && incident.resolvedAt
            ? html`<p part="resolved" class="meta"><time datetime=${incident.resolvedAt}>${f.t('resolvedAt', { relative: f.relative(incident.resolvedAt), time: f.when(incident.resolvedAt) })}</time></p>`
            : nothing}
          ${latest ? html`<div part="update" class="update">${updateTemplate(latest, incident.locale, f)}</div>` : nothing}
          ${nextTemplate(v.next, f)} ${impactTemplate(incident, f)} ${servicesTemplate(incident, f)}
          ${phase === 'resolved' ? summaryTemplate(incident, f) : nothing} ${actionsTemplate(incident, f)}
          ${remediesTemplate(incident, f, on)} ${linksTemplate(incident, f)} ${timelineTemplate(v, f, on)}
          ${locked ? html`<p part="locked-note" class="meta">${f.t('lockedNote')}</p>` : nothing}`}
  </article>`;
}

/** The first notice, then "2 more notices" (expandable) for the rest. */
export function bannerTemplate(
  cards: readonly CardView[],
  o: { moreOpen: boolean; footer: TemplateResult | typeof nothing; live: TemplateResult },
  f: Formatters,
  on: BannerActions,
): TemplateResult {
  const [first, ...rest] = cards;
  return html`<section part="banner" class="banner" aria-label=${f.t('regionLabel')}>
    ${first ? cardTemplate(first, f, on) : nothing}
    ${rest.length
      ? html`<button part="more" class="link more" type="button" aria-expanded=${o.moreOpen ? 'true' : 'false'} aria-controls="more"
            @click=${on.toggleMore}>${o.moreOpen ? f.t('fewerIncidents') : f.t('moreIncidents', { count: rest.length })}</button>
          <div id="more" class="more-list" ?hidden=${!o.moreOpen}>${o.moreOpen ? rest.map((c) => cardTemplate(c, f, on)) : nothing}</div>`
      : nothing}
    ${o.footer} ${o.live}
  </section>`;
}
