/**
 * The status-feed adapters alone, for loading on demand: `<candor-incident-banner format="…">`
 * imports this module only when a feed needs it, so the adapters never weigh on its bundle.
 */
export { fromStatuspage, type StatuspageOptions } from './statuspage.js';
export { fromInstatus, type InstatusOptions } from './instatus.js';
export { fromCState, type CStateOptions } from './cstate.js';
export { FEED_LIMITS, type FeedResult } from './feed.js';
