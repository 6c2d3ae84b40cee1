/** `candor-faq-feedback`: the customer said whether an answer helped. */
import { CandorEvent } from '../../shared/candor-event.js';

/** Why an answer did not help. */
export const FEEDBACK_REASONS = ['unclear', 'out-of-date', 'did-not-solve', 'other'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** What the customer said about one answer. */
export interface FaqFeedbackDetail {
  readonly entryId: string;
  /** The entry's `updatedAt`: which version of the answer was judged. */
  readonly updatedAt: string;
  /** The customer's answer to "Was this helpful?". */
  readonly helpful: boolean;
  /** Why not, when they said so. */
  readonly reason?: FeedbackReason;
  /** What they had typed in the search box ('' when nothing). */
  readonly query: string;
}

/**
 * Fired once per answer and version: on "Yes" at once, on "No" when the customer sends it (with
 * or without a reason). The customer is not asked again about the same version of the answer.
 *
 * @example
 * faq.addEventListener('candor-faq-feedback', (e) => analytics.track('faq_feedback', e.detail));
 */
export class FaqFeedbackEvent extends CandorEvent<FaqFeedbackDetail> {
  static readonly type = 'candor-faq-feedback';

  constructor(detail: FaqFeedbackDetail) {
    super(FaqFeedbackEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-faq-feedback': FaqFeedbackEvent;
  }
}
