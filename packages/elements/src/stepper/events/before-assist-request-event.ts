/** `candor-before-assist-request`: cancelable, fired before a request for assisted help. */
import type { AssistChannel } from '@candor/core/models';
import { CandorEvent } from '../../shared/candor-event.js';

/** Why help was asked for: the customer chose it, or it was offered after failures or overtime. */
export type AssistReason = 'user' | 'failures' | 'overtime';

/** The step the customer needs help with, the channel picked, and why help was shown. */
export interface AssistRequestDetail {
  readonly stepId: string;
  readonly channel: AssistChannel;
  readonly reason: AssistReason;
}

/**
 * Fired when the customer picks a help channel. Call `preventDefault()` to stop the request
 * (no `candor-assist-request` follows), e.g. when the channel is closed right now.
 *
 * @example
 * stepper.addEventListener('candor-before-assist-request', (e) => { if (!chatOpen) e.preventDefault(); });
 */
export class BeforeAssistRequestEvent extends CandorEvent<AssistRequestDetail> {
  static readonly type = 'candor-before-assist-request';

  constructor(detail: AssistRequestDetail) {
    super(BeforeAssistRequestEvent.type, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-before-assist-request': BeforeAssistRequestEvent;
  }
}
