/** `candor-faq-search`: what customers look for, and whether they found it. */
import { CandorEvent } from '../../shared/candor-event.js';

/** A search, once typing paused. */
export interface FaqSearchDetail {
  readonly query: string;
  /** How many answers were found. */
  readonly results: number;
  /** The category filter, if one was chosen. */
  readonly category?: string;
}

/**
 * Fired once typing pauses (never on every key), with the query and the number of answers, so
 * teams can see what customers look for and do not find. Nothing leaves the page unless you send it.
 *
 * @example
 * faq.addEventListener('candor-faq-search', (e) => { if (e.detail.results === 0) analytics.track('faq_miss', e.detail); });
 */
export class FaqSearchEvent extends CandorEvent<FaqSearchDetail> {
  static readonly type = 'candor-faq-search';

  constructor(detail: FaqSearchDetail) {
    super(FaqSearchEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-faq-search': FaqSearchEvent;
  }
}
