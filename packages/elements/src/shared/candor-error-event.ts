/** The `candor-error` event every Candor component fires when it is given input it cannot use. */
import type { ValidationIssue } from '@candor/core/models';
import { CandorEvent } from './candor-event.js';

/** What was wrong: which component, which property (or attribute/children), and the issues found. */
export interface CandorErrorDetail {
  /** Tag name of the component, e.g. `candor-stepper`. */
  readonly component: string;
  /** The property, method argument or source that was invalid, e.g. `steps`, `restoreState`, `children`. */
  readonly property: string;
  /** Each problem with its path and a sentence saying what is expected. */
  readonly issues: readonly ValidationIssue[];
  /** All issues in one line, for logs. */
  readonly message: string;
}

/**
 * Fired (bubbling, composed) when a component rejects its input. The component keeps rendering
 * a safe fallback or its previous state; it never throws into the page.
 *
 * @example
 * document.addEventListener('candor-error', (e) => report(e.detail.component, e.detail.issues));
 */
export class CandorErrorEvent extends CandorEvent<CandorErrorDetail> {
  static readonly type = 'candor-error';

  constructor(detail: CandorErrorDetail) {
    super(CandorErrorEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-error': CandorErrorEvent;
  }
}
