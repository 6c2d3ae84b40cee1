/** `candor-before-contact-request`: cancelable, fired before the customer is taken to a person. */
import type { ContactKind } from '@candor/core/models';
import { CandorEvent } from '../../shared/candor-event.js';

/** The channel chosen and what the customer was looking for, so they never repeat themselves. */
export interface ContactRequestDetail {
  readonly channelId: string;
  readonly kind: ContactKind;
  /** The channel's link, when it has one (the browser follows it unless cancelled). */
  readonly href?: string;
  /** What the customer typed in the search box ('' when nothing). */
  readonly query: string;
  /** The entry they were reading, when they came from an answer. */
  readonly entryId?: string;
  /** That entry's question. */
  readonly question?: string;
}

/**
 * Fired when the customer chooses a contact channel. Call `preventDefault()` to handle it in the
 * page (open your chat widget with the question filled in) instead of following the link; no
 * `candor-contact-request` follows.
 *
 * @example
 * faq.addEventListener('candor-before-contact-request', (e) => {
 *   if (e.detail.kind === 'chat') { e.preventDefault(); chat.open({ message: e.detail.question ?? e.detail.query }); }
 * });
 */
export class BeforeContactRequestEvent extends CandorEvent<ContactRequestDetail> {
  static readonly type = 'candor-before-contact-request';

  constructor(detail: ContactRequestDetail) {
    super(BeforeContactRequestEvent.type, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-before-contact-request': BeforeContactRequestEvent;
  }
}
