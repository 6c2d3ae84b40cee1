/** `candor-consent-change`: a consent decision was made and is already stored. */
import type { ConsentRecord } from '@candor/core/models';
import { CandorEvent } from '../../shared/candor-event.js';

/**
 * Fired after a decision's record has been stored (the storage already returns it when this
 * fires). Send `detail` to your server as the customer's current consent.
 *
 * @example
 * consent.addEventListener('candor-consent-change', (e) => fetch('/consent', { method: 'POST', body: JSON.stringify(e.detail) }));
 */
export class ConsentChangeEvent extends CandorEvent<ConsentRecord> {
  static readonly type = 'candor-consent-change';

  constructor(record: ConsentRecord) {
    super(ConsentChangeEvent.type, record);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-consent-change': ConsentChangeEvent;
  }
}
