/** `candor-before-incident-dismiss`: cancelable, fired before the customer dismisses (or collapses) a notice. */
import { CandorEvent } from '../../shared/candor-event.js';

/** The notice being dismissed: the incident and the update shown. */
export interface IncidentDismissDetail {
  readonly incidentId: string;
  /** Id of the latest update shown ('' when the incident has none yet). */
  readonly updateId: string;
  /** `hide` for a notice that may be hidden; `collapse` for a critical incident with data impact, which stays as its headline. */
  readonly action: 'hide' | 'collapse';
}

/**
 * Fired when the customer chooses "Dismiss" (or "Show less" on a notice that cannot be hidden).
 * Call `preventDefault()` to keep the notice as it is (no `candor-incident-dismiss` follows and
 * nothing is stored).
 *
 * @example
 * banner.addEventListener('candor-before-incident-dismiss', (e) => { if (mustAcknowledge) e.preventDefault(); });
 */
export class BeforeIncidentDismissEvent extends CandorEvent<IncidentDismissDetail> {
  static readonly type = 'candor-before-incident-dismiss';

  constructor(detail: IncidentDismissDetail) {
    super(BeforeIncidentDismissEvent.type, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-before-incident-dismiss': BeforeIncidentDismissEvent;
  }
}
