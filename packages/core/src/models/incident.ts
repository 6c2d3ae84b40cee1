/**
 * The incident: one definition shared by the incident banner, the status-page adapters, the
 * channel texts (e-mail, SMS, push, in-app), stories, tests and examples. An incident is an
 * outage or a security event (`kind: 'incident'`) or planned work (`kind: 'maintenance'`); every
 * text is plain text, every link https, every time ISO 8601.
 */
import * as z from 'zod/mini';
import { primaryLanguage } from '../lib/language.js';
import { identifier, isoTime, localeTag, secureUrl, text } from './text.js';

/** How many updates and services one incident holds at most (adapters keep the first ones of a longer list). */
export const INCIDENT_LIMITS = Object.freeze({ updates: 200, services: 50 });

export const INCIDENT_KINDS = ['incident', 'maintenance'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** How bad it is, least to most severe. */
export const INCIDENT_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** The life of an incident, in order; `resolved` ends it. */
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
/** The life of planned maintenance, in order; `completed` ends it. */
export const MAINTENANCE_STATUSES = ['scheduled', 'in-progress', 'verifying', 'completed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number] | (typeof MAINTENANCE_STATUSES)[number];
const ALL_STATUSES = [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES] as const;

/** The state of one service, best to worst (`maintenance` aside). */
export const SERVICE_STATES = ['operational', 'degraded', 'partial-outage', 'major-outage', 'maintenance'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

/** Whether customers' data is affected, from none to confirmed. */
export const DATA_IMPACTS = ['none', 'under-investigation', 'possible', 'confirmed'] as const;
export type DataImpactLevel = (typeof DATA_IMPACTS)[number];

/** What a customer is owed or offered. */
export const REMEDY_KINDS = ['card-reissue', 'fee-refund', 'credit-monitoring', 'password-reset', 'other'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

/** A service customers use (website, app, card payments) and its state now. */
export const ServiceSchema = z.object({
  id: identifier(),
  name: text(120),
  state: z.enum(SERVICE_STATES),
});
export type Service = z.infer<typeof ServiceSchema>;

/** A service named by an update, with its state at that time. */
export const AffectedServiceSchema = z.object({
  id: identifier(),
  state: z.enum(SERVICE_STATES),
});
export type AffectedService = z.infer<typeof AffectedServiceSchema>;

/** One published update: when, the status it moved to, and what we said. */
export const IncidentUpdateSchema = z.object({
  id: identifier(),
  at: isoTime(),
  status: z.enum(ALL_STATUSES),
  /** Plain text: what we know, what we are doing, what the customer should do. */
  message: text(2000),
  affected: z.optional(z.array(AffectedServiceSchema).check(z.maxLength(INCIDENT_LIMITS.services))),
});
export type IncidentUpdate = z.infer<typeof IncidentUpdateSchema>;

/** Whether customers' data is affected and, when it may be, which data. */
export const DataImpactSchema = z.object({
  level: z.enum(DATA_IMPACTS),
  /** Which data, in words ("Card numbers and expiry dates"); expected unless the level is `none`. */
  data: z.optional(z.array(text(120)).check(z.maxLength(20))),
});
export type DataImpact = z.infer<typeof DataImpactSchema>;

/** Something the customer can do now ("Use the app while the website is down"). */
export const CustomerActionSchema = z.object({
  id: identifier(),
  text: text(300),
  url: z.optional(secureUrl()),
});
export type CustomerAction = z.infer<typeof CustomerActionSchema>;

/** A remedy the customer can claim: what, how to get it, who is eligible, by when. */
export const RemedySchema = z.object({
  id: identifier(),
  kind: z.enum(REMEDY_KINDS),
  title: text(120),
  /** How to get it, in words. */
  how: text(500),
  url: z.optional(secureUrl()),
  /** Who is eligible, in words ("Customers who paid by card on 23 November"). */
  eligibility: z.optional(text(300)),
  /** The last day to claim it. */
  deadline: z.optional(isoTime()),
});
export type Remedy = z.infer<typeof RemedySchema>;

/** The closing account once it is over: what happened, what we did, what changes, and the apology. */
export const IncidentSummarySchema = z.object({
  whatHappened: text(2000),
  whatWeDid: text(2000),
  whatWeAreChanging: text(2000),
  apology: text(1000),
});
export type IncidentSummary = z.infer<typeof IncidentSummarySchema>;

const statusFitsKind = (i: { kind: IncidentKind; status: IncidentStatus }) =>
  (i.kind === 'incident' ? (INCIDENT_STATUSES as readonly string[]) : (MAINTENANCE_STATUSES as readonly string[])).includes(i.status);
const isClosed = (status: IncidentStatus) => status === 'resolved' || status === 'completed';
const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
// The order checks below ask "is it wrong?" (a < b), not "is it right?" (a >= b): a time that is not a
// time (NaN) already has its own issue, and must not add a false one ("must not be before startedAt").

/** One incident or maintenance window, with its whole timeline. */
export const IncidentSchema = z
  .object({
    id: identifier(),
    kind: z.enum(INCIDENT_KINDS),
    title: text(200),
    severity: z.enum(INCIDENT_SEVERITIES),
    status: z.enum(ALL_STATUSES),
    startedAt: isoTime(),
    resolvedAt: z.optional(isoTime()),
    /** Maintenance: the planned window. */
    scheduledFor: z.optional(isoTime()),
    scheduledUntil: z.optional(isoTime()),
    /** When the next update was promised. */
    nextUpdateAt: z.optional(isoTime()),
    /** Every published update, oldest first. */
    updates: z.array(IncidentUpdateSchema).check(
      z.maxLength(INCIDENT_LIMITS.updates),
      z.refine((u) => new Set(u.map((x) => x.id)).size === u.length, { message: 'must not repeat an update id' }),
    ),
    services: z.array(ServiceSchema).check(
      z.maxLength(INCIDENT_LIMITS.services),
      z.refine((s) => new Set(s.map((x) => x.id)).size === s.length, { message: 'must not repeat a service id' }),
    ),
    dataImpact: DataImpactSchema,
    actions: z.optional(z.array(CustomerActionSchema).check(z.maxLength(10))),
    remedies: z.optional(z.array(RemedySchema).check(z.maxLength(10))),
    summary: z.optional(IncidentSummarySchema),
    statusPageUrl: z.optional(secureUrl()),
    /** Ids of FAQ entries that answer questions about this incident. */
    faqIds: z.optional(z.array(identifier()).check(z.maxLength(20))),
    locale: localeTag(),
  })
  .check(
    z.refine(statusFitsKind, {
      message: 'must be one of investigating, identified, monitoring, resolved for an incident, or scheduled, in-progress, verifying, completed for maintenance',
      path: ['status'],
    }),
    z.refine((i) => i.updates.every((u) => statusFitsKind({ kind: i.kind, status: u.status })), {
      message: "must each have a status of this incident's kind",
      path: ['updates'],
    }),
    z.refine((i) => i.updates.every((u, n) => n === 0 || !(ms(u.at)! < ms(i.updates[n - 1]!.at)!)), {
      message: 'must be in time order, oldest first',
      path: ['updates'],
    }),
    z.refine((i) => i.resolvedAt === undefined || isClosed(i.status), {
      message: 'is only set once the status is resolved (or completed)',
      path: ['resolvedAt'],
    }),
    z.refine((i) => i.resolvedAt === undefined || !(ms(i.resolvedAt)! < ms(i.startedAt)!), {
      message: 'must not be before startedAt',
      path: ['resolvedAt'],
    }),
    z.refine((i) => i.scheduledFor === undefined || i.scheduledUntil === undefined || !(ms(i.scheduledUntil)! <= ms(i.scheduledFor)!), {
      message: 'must be after scheduledFor',
      path: ['scheduledUntil'],
    }),
    z.refine((i) => i.kind === 'maintenance' || (i.scheduledFor === undefined && i.scheduledUntil === undefined), {
      message: 'is for maintenance only (so is scheduledUntil)',
      path: ['scheduledFor'],
    }),
    z.refine((i) => i.updates.every((u) => (u.affected ?? []).every((a) => i.services.some((s) => s.id === a.id))), {
      message: 'must name only services listed in services',
      path: ['updates'],
    }),
  );
export type Incident = z.infer<typeof IncidentSchema>;

/**
 * A list of incidents (a feed): at most 50, ids unique within each language. The same incident
 * told in English and in Arabic shares its id (one `locale` each), so a dismissal or a FAQ link
 * holds for both; the banner shows the version in the page's language.
 */
export const IncidentsSchema = z.array(IncidentSchema).check(
  z.maxLength(50),
  z.refine((list) => new Set(list.map((i) => `${primaryLanguage(i.locale)} ${i.id}`)).size === list.length, {
    message: 'must not repeat an incident id within one language',
  }),
);
