/** `candor-consent-withdraw`: the customer withdrew consent; the withdrawal record is already stored. */
import type { ConsentRecord } from '@candor/core/models';
import { CandorEvent } from '../../shared/candor-event.js';

/**
 * Fired after the withdrawal record has been stored. Stop every optional use of the customer's
 * data and revoke partner reuse for the audiences of the previous record.
 *
 * @example
 * consent.addEventListener('candor-consent-withdraw', (e) => fetch('/consent/withdraw', { method: 'POST', body: JSON.stringify(e.detail) }));
 */
export class ConsentWithdrawEvent extends CandorEvent<ConsentRecord> {
  static readonly type = 'candor-consent-withdraw';

  constructor(record: ConsentRecord) {
    super(ConsentWithdrawEvent.type, record);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-consent-withdraw': ConsentWithdrawEvent;
  }
}
