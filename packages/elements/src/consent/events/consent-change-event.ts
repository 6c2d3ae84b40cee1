/** `candor-consent-change`: a consent decision was made and is already stored. */
import type { ConsentRecord } from '@candor/core/models';

/**
 * Fired after a decision's record has been stored (the storage already returns it when this
 * fires). Send `detail` to your server as the customer's current consent.
 *
 * @example
 * consent.addEventListener('candor-consent-change', (e) => fetch('/consent', { method: 'POST', body: JSON.stringify(e.detail) }));
 */
export class ConsentChangeEvent extends Event {
  static readonly type = 'candor-consent-change';
  /** The stored record. */
  readonly detail: ConsentRecord;

  constructor(record: ConsentRecord) {
    super(ConsentChangeEvent.type, { bubbles: true, composed: true });
    this.detail = record;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-consent-change': ConsentChangeEvent;
  }
}
