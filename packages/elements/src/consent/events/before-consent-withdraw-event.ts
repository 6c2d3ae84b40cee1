/** `candor-before-consent-withdraw`: cancelable, fired before a withdrawal is stored. */
import type { ConsentRecord } from '@candor/core/models';

/**
 * Fired when the customer withdraws consent, with the withdrawal record about to be stored.
 * Call `preventDefault()` to veto: nothing is stored and no `candor-consent-withdraw` follows.
 *
 * @example
 * consent.addEventListener('candor-before-consent-withdraw', (e) => { if (!confirm('Withdraw?')) e.preventDefault(); });
 */
export class BeforeConsentWithdrawEvent extends Event {
  static readonly type = 'candor-before-consent-withdraw';
  /** The withdrawal record (`event: 'withdrawal'`) that will be stored unless the event is canceled. */
  readonly detail: ConsentRecord;

  constructor(record: ConsentRecord) {
    super(BeforeConsentWithdrawEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = record;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-before-consent-withdraw': BeforeConsentWithdrawEvent;
  }
}
