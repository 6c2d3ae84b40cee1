/** The words for an incident's facts in English; its own module so a page that shows one language carries only that one. */
import type { IncidentWords } from './words.js';
import { deepFreeze } from '../../lib/freeze.js';

/**
 * The English incident words (also in `INCIDENT_WORDS.en`).
 *
 * @example
 * INCIDENT_WORDS_EN.status.investigating; // 'Investigating'
 */
export const INCIDENT_WORDS_EN: IncidentWords = /* @__PURE__ */ deepFreeze({
  status: {
    investigating: 'Investigating',
    identified: 'Cause identified',
    monitoring: 'Monitoring a fix',
    resolved: 'Resolved',
    scheduled: 'Scheduled',
    'in-progress': 'In progress',
    verifying: 'Verifying',
    completed: 'Completed',
  },
  severity: { minor: 'Minor', major: 'Major', critical: 'Critical' },
  serviceState: {
    operational: 'working normally',
    degraded: 'slow',
    'partial-outage': 'partly down',
    'major-outage': 'down',
    maintenance: 'under maintenance',
  },
  service: '{name} ({state})',
  noServices: 'no service',
  dataImpact: {
    none: 'No customer data is affected.',
    'under-investigation': 'We are checking whether customer data is affected.',
    possible: 'Customer data may be affected.',
    confirmed: 'Customer data is affected.',
  },
  dataImpactNamed: {
    'under-investigation': 'We are checking whether this data is affected: {data}.',
    possible: 'This data may be affected: {data}.',
    confirmed: 'This data is affected: {data}.',
  },
  nextUpdate: {
    promised: 'Next update by {time}.',
    overdue: 'Our next update, promised for {time}, is late. We are still working on it.',
    unpromised: 'We will post an update as soon as we know more.',
    resolved: 'This is resolved; no further updates are planned.',
    completed: 'This work is complete; no further updates are planned.',
  },
  when: { started: 'Started {time}.', planned: 'Planned for {window}.' },
  headings: {
    actions: 'What you can do now',
    remedies: 'What we offer',
    whatHappened: 'What happened',
    whatWeDid: 'What we did',
    whatWeAreChanging: 'What we are changing',
  },
  remedy: { eligibility: 'Who is eligible: {eligibility}', deadline: 'Claim by {deadline}', link: 'Details: {url}' },
});
