/** `candor-before-consent-change`: cancelable, fired before a consent decision is stored. */
import type { ConsentRecord } from '@candor/core/models';
import { CandorEvent } from '../../shared/candor-event.js';

/**
 * Fired when the customer accepts all, rejects optional purposes or saves their choices, with
 * the record about to be stored. Call `preventDefault()` to veto: nothing is stored and no
 * `candor-consent-change` follows.
 *
 * @example
 * consent.addEventListener('candor-before-consent-change', (e) => { if (!sessionIsValid()) e.preventDefault(); });
 */
export class BeforeConsentChangeEvent extends CandorEvent<ConsentRecord> {
  static readonly type = 'candor-before-consent-change';

  constructor(record: ConsentRecord) {
    super(BeforeConsentChangeEvent.type, record, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-before-consent-change': BeforeConsentChangeEvent;
  }
}
