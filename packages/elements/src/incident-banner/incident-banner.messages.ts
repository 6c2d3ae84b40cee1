/** Every string `<candor-incident-banner>` shows or announces, ARIA labels included, in English (other languages: `../locales/`). */
import { INCIDENT_WORDS_EN, type IncidentWords } from '@candor/core/incidents';
import type { MessagesOf } from '../shared/localize.js';

/**
 * The facts of an incident (status, severity, service states, data impact, headings) in the
 * words the channel texts use (`INCIDENT_WORDS` in `@candor/core/incidents`), so the banner says
 * what the e-mail and the SMS say. Hosts may still override any key with `registerMessages`.
 */
export const facts = (w: IncidentWords) => ({
  severityMinor: w.severity.minor,
  severityMajor: w.severity.major,
  severityCritical: w.severity.critical,
  statusInvestigating: w.status.investigating,
  statusIdentified: w.status.identified,
  statusMonitoring: w.status.monitoring,
  statusResolved: w.status.resolved,
  statusScheduled: w.status.scheduled,
  statusInProgress: w.status['in-progress'],
  statusVerifying: w.status.verifying,
  statusCompleted: w.status.completed,
  stateOperational: w.serviceState.operational,
  stateDegraded: w.serviceState.degraded,
  statePartialOutage: w.serviceState['partial-outage'],
  stateMajorOutage: w.serviceState['major-outage'],
  stateMaintenance: w.serviceState.maintenance,
  serviceState: w.service,
  impactNone: w.dataImpact.none,
  impactUnderInvestigation: w.dataImpact['under-investigation'],
  impactPossible: w.dataImpact.possible,
  impactConfirmed: w.dataImpact.confirmed,
  impactUnderInvestigationData: w.dataImpactNamed['under-investigation'],
  impactPossibleData: w.dataImpactNamed.possible,
  impactConfirmedData: w.dataImpactNamed.confirmed,
  actions: w.headings.actions,
  remedies: w.headings.remedies,
  summaryWhatHappened: w.headings.whatHappened,
  summaryWhatWeDid: w.headings.whatWeDid,
  summaryWhatWeAreChanging: w.headings.whatWeAreChanging,
  remedyEligibility: w.remedy.eligibility,
  remedyDeadline: w.remedy.deadline,
});

const en = {
  ...facts(INCIDENT_WORDS_EN),
  regionLabel: 'Service status',
  kindIncident: 'Incident',
  kindMaintenance: 'Planned maintenance',
  severityLabel: 'Severity: {severity}',
  statusLabel: 'Status: {status}',
  affected: 'Affected services',
  impactHeading: 'Your data',
  latestUpdate: 'Latest update',
  posted: 'Posted {relative}, {time}',
  nextUpdateIn: { one: 'Next update in {count} minute, by {time}.', other: 'Next update in {count} minutes, by {time}.' },
  nextUpdateDue: 'Our next update is due now, at {time}.',
  nextUpdateLate: {
    one: 'Our next update is {count} minute late. We are still working on it.',
    other: 'Our next update is {count} minutes late. We are still working on it.',
  },
  upcomingWindow: 'Planned for {start} to {end}, your time.',
  upcomingStart: 'Planned from {start}, your time.',
  inProgressUntil: 'Under way until {end}, your time.',
  resolvedAt: 'Resolved {relative}, {time}.',
  remedyGet: 'How to get it',
  remedyGetLabel: 'How to get it: {title}',
  statusPage: 'Status page',
  faqLink: 'Questions and answers',
  showTimeline: { one: 'Show the update ({count})', other: 'Show all updates ({count})' },
  hideTimeline: 'Hide the updates',
  timelineLabel: 'All updates, newest first',
  moreIncidents: { one: '{count} more notice', other: '{count} more notices' },
  fewerIncidents: 'Show fewer notices',
  dismiss: 'Dismiss',
  dismissLabel: 'Dismiss this notice: {title}',
  collapse: 'Show less',
  expand: 'Show more',
  collapseLabel: 'Show less of this notice: {title}',
  expandLabel: 'Show more of this notice: {title}',
  lockedNote: 'This notice stays on screen while your data may be affected.',
  updated: 'Updated {relative}.',
  stale: "We couldn't refresh this information. Updated {relative}.",
  unavailable: "We couldn't load the service status. Please try again later.",
  invalid: 'Service status is unavailable right now.',
  announce: '{severity} {kind}: {title}. {status}. {message}',
  announceMaintenance: '{kind}: {title}. {status}. {message}',
} as const;

/** The catalogue shape of `<candor-incident-banner>`. */
export type IncidentBannerMessages = MessagesOf<typeof en>;


export const incidentBannerMessages = { en };

declare global {
  interface CandorMessageCatalogues {
    'candor-incident-banner': IncidentBannerMessages;
  }
}
