/** `candor-remedy-select`: the customer chose a remedy ("How to get it"). */
import type { RemedyKind } from '@candor/core/models';
import { CandorEvent } from '../../shared/candor-event.js';

/** The remedy chosen. */
export interface RemedySelectDetail {
  readonly incidentId: string;
  readonly remedyId: string;
  readonly kind: RemedyKind;
  /** The remedy's link, when it has one (the browser follows it unless the event is cancelled). */
  readonly url?: string;
}

/**
 * Fired when the customer activates a remedy. With a `url`, call `preventDefault()` to handle it
 * in the app (open a claim form) instead of following the link; without one, the host acts on it.
 *
 * @example
 * banner.addEventListener('candor-remedy-select', (e) => {
 *   if (e.detail.kind === 'card-reissue') { e.preventDefault(); router.go('/cards/replace'); }
 * });
 */
export class RemedySelectEvent extends CandorEvent<RemedySelectDetail> {
  static readonly type = 'candor-remedy-select';

  constructor(detail: RemedySelectDetail) {
    super(RemedySelectEvent.type, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-remedy-select': RemedySelectEvent;
  }
}
