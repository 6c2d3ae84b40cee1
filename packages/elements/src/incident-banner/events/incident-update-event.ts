/** `candor-incident-update`: a new update was shown to the customer (for analytics and message-accuracy checks). */
import type { IncidentSeverity, IncidentStatus } from '@candor/core/models';
import { CandorEvent } from '../../shared/candor-event.js';

/** The update shown. */
export interface IncidentUpdateDetail {
  readonly incidentId: string;
  /** Id of the update shown ('' when the incident has none yet). */
  readonly updateId: string;
  readonly status: IncidentStatus;
  readonly severity: IncidentSeverity;
}

/**
 * Fired once per incident and update when the banner first shows it (on first render, after a
 * feed refresh or a new `incidents` value); not for dismissed notices.
 *
 * @example
 * banner.addEventListener('candor-incident-update', (e) => analytics.track('incident_seen', e.detail));
 */
export class IncidentUpdateEvent extends CandorEvent<IncidentUpdateDetail> {
  static readonly type = 'candor-incident-update';

  constructor(detail: IncidentUpdateDetail) {
    super(IncidentUpdateEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-incident-update': IncidentUpdateEvent;
  }
}
