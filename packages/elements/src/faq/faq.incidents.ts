/**
 * What `<candor-faq>` loads when a page first sets `incidents`: the incident model's validation.
 * A panel linked to an `<candor-incident-banner>` reads incidents the banner already validated.
 */
export { IncidentsSchema } from '@candor/core/models';
