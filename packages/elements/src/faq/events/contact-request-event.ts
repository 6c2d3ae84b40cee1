/** `candor-contact-request`: the customer is on their way to a person. */
import type { ContactRequestDetail } from './before-contact-request-event.js';
import { CandorEvent } from '../../shared/candor-event.js';

/**
 * Fired after `candor-before-contact-request` was not cancelled: the link is being followed
 * (or, for a channel without a link such as a callback, the host acts on it).
 *
 * @example
 * faq.addEventListener('candor-contact-request', (e) => crm.prefill(e.detail));
 */
export class ContactRequestEvent extends CandorEvent<ContactRequestDetail> {
  static readonly type = 'candor-contact-request';

  constructor(detail: ContactRequestDetail) {
    super(ContactRequestEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-contact-request': ContactRequestEvent;
  }
}
