/** `candor-assist-request`: the customer asked for help with a step; the host connects them. */
import type { AssistRequestDetail } from './before-assist-request-event.js';
import { CandorEvent } from '../../shared/candor-event.js';

/**
 * Fired when the customer asked for help through a channel (after an uncancelled
 * `candor-before-assist-request`). The host opens the chat, shows the phone number, or books.
 *
 * @example
 * stepper.addEventListener('candor-assist-request', (e) => openHelp(e.detail.channel, e.detail.stepId));
 */
export class AssistRequestEvent extends CandorEvent<AssistRequestDetail> {
  static readonly type = 'candor-assist-request';

  constructor(detail: AssistRequestDetail) {
    super(AssistRequestEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-assist-request': AssistRequestEvent;
  }
}
