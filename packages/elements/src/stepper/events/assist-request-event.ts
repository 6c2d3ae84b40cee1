/** `candor-assist-request`: the customer asked for help with a step; the host connects them. */
import type { AssistRequestDetail } from './before-assist-request-event.js';

/**
 * Fired when the customer asked for help through a channel (after an uncancelled
 * `candor-before-assist-request`). The host opens the chat, shows the phone number, or books.
 *
 * @example
 * stepper.addEventListener('candor-assist-request', (e) => openHelp(e.detail.channel, e.detail.stepId));
 */
export class AssistRequestEvent extends Event {
  static readonly type = 'candor-assist-request';
  readonly detail: AssistRequestDetail;

  constructor(detail: AssistRequestDetail) {
    super(AssistRequestEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-assist-request': AssistRequestEvent;
  }
}
