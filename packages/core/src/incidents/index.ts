/**
 * @candor/core/incidents: helpers over the incident model (`IncidentSchema` in
 * `@candor/core/models`): where the promised next update stands, and adapters from the status
 * pages teams already run, and the texts of an incident for every channel. Adapters and channel
 * texts are pure functions, never part of a component bundle.
 */
export { affectedServices } from './affected.js';
export { incidentsInLanguage } from './language.js';
export { nextUpdateState, type NextUpdateState, type NextUpdateOptions } from './next-update.js';
export { fromStatuspage, type StatuspageOptions } from './statuspage.js';
export { fromInstatus, type InstatusOptions } from './instatus.js';
export { fromCState, type CStateOptions } from './cstate.js';
export { FEED_LIMITS, type FeedResult } from './feed.js';

// Channel texts: one incident told the same way by e-mail, SMS, push and in-app.
export {
  incidentMessages,
  INCIDENT_TEMPLATES,
  type IncidentMessage,
  type IncidentMessageOptions,
  type IncidentFacts,
} from './channels/messages.js';
export {
  loadIncidentTemplates,
  MESSAGE_CHANNELS,
  TEMPLATE_KEYS,
  TEMPLATE_PLACEHOLDERS,
  REQUIRED_PLACEHOLDERS,
  type IncidentTemplates,
  type IncidentTemplateSet,
  type MessageChannel,
  type TemplatePlaceholder,
} from './channels/templates.js';
export { smsSegments, SMS_LIMITS, type SmsEncoding, type SmsSegments } from './channels/sms.js';
export { INCIDENT_WORDS, type IncidentWords, type IncidentWordsLanguage } from './channels/words.js';
export { INCIDENT_WORDS_EN } from './channels/words.en.js';
export { INCIDENT_WORDS_AR } from './channels/words.ar.js';
