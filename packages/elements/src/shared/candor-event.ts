/** The base of every Candor event: one place for how Candor events travel. */

/**
 * A Candor event: bubbles and crosses shadow roots (`composed`), so a listener anywhere above
 * the component hears it, and carries a typed, read-only `detail`. `candor-before-…` events
 * pass `cancelable` so the host can veto with `preventDefault()`.
 *
 * @example
 * export class StepSkipEvent extends CandorEvent<StepSkipDetail> {
 *   static readonly type = 'candor-step-skip';
 *   constructor(detail: StepSkipDetail) {
 *     super(StepSkipEvent.type, detail);
 *   }
 * }
 */
export abstract class CandorEvent<D> extends Event {
  readonly detail: D;

  protected constructor(type: string, detail: D, { cancelable = false }: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}
