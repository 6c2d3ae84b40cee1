/** `candor-before-consent-withdraw`: cancelable, fired before a withdrawal is stored. */
import type { ConsentRecord } from '@candor/core/models';
import { CandorEvent } from '../../shared/candor-event.js';

/**
 * Fired when the customer withdraws consent, with the withdrawal record about to be stored.
 * Call `preventDefault()` to veto: nothing is stored and no `candor-consent-withdraw` follows.
 *
 * @example
 * consent.addEventListener('candor-before-consent-withdraw', (e) => { if (!confirm('Withdraw?')) e.preventDefault(); });
 */
export class BeforeConsentWithdrawEvent extends CandorEvent<ConsentRecord> {
  static readonly type = 'candor-before-consent-withdraw';

  constructor(record: ConsentRecord) {
    super(BeforeConsentWithdrawEvent.type, record, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-before-consent-withdraw': BeforeConsentWithdrawEvent;
  }
}
