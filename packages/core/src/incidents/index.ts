/**
 * @candor/core/incidents: helpers over the incident model (`IncidentSchema` in
 * `@candor/core/models`): where the promised next update stands.
 */
export { nextUpdateState, type NextUpdateState, type NextUpdateOptions } from './next-update.js';
