/** `candor-consent-withdraw`: the customer withdrew consent; the withdrawal record is already stored. */
import type { ConsentRecord } from '@candor/core/models';

/**
 * Fired after the withdrawal record has been stored. Stop every optional use of the customer's
 * data and revoke partner reuse for the audiences of the previous record.
 *
 * @example
 * consent.addEventListener('candor-consent-withdraw', (e) => fetch('/consent/withdraw', { method: 'POST', body: JSON.stringify(e.detail) }));
 */
export class ConsentWithdrawEvent extends Event {
  static readonly type = 'candor-consent-withdraw';
  /** The stored withdrawal record (`event: 'withdrawal'`, `previousRecordId` set). */
  readonly detail: ConsentRecord;

  constructor(record: ConsentRecord) {
    super(ConsentWithdrawEvent.type, { bubbles: true, composed: true });
    this.detail = record;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-consent-withdraw': ConsentWithdrawEvent;
  }
}
