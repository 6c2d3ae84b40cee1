/** `candor-incident-dismiss`: the customer dismissed (or collapsed) a notice; it stays so across reloads until a newer update. */
import type { IncidentDismissDetail } from './before-incident-dismiss-event.js';
import { CandorEvent } from '../../shared/candor-event.js';

/**
 * Fired after a notice was hidden (or collapsed) and the choice stored.
 *
 * @example
 * banner.addEventListener('candor-incident-dismiss', (e) => analytics.track('incident_dismiss', e.detail));
 */
export class IncidentDismissEvent extends CandorEvent<IncidentDismissDetail> {
  static readonly type = 'candor-incident-dismiss';

  constructor(detail: IncidentDismissDetail) {
    super(IncidentDismissEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-incident-dismiss': IncidentDismissEvent;
  }
}
