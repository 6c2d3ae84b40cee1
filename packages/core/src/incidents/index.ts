/**
 * @candor/core/incidents: helpers over the incident model (`IncidentSchema` in
 * `@candor/core/models`): where the promised next update stands, and adapters from the status
 * pages teams already run. Adapters are pure functions, never part of a component bundle.
 */
export { nextUpdateState, type NextUpdateState, type NextUpdateOptions } from './next-update.js';
export { fromStatuspage, type StatuspageOptions } from './statuspage.js';
export { fromInstatus, type InstatusOptions } from './instatus.js';
export { fromCState, type CStateOptions } from './cstate.js';
export { FEED_LIMITS, type FeedResult } from './feed.js';
