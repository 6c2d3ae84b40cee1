/** `ResizeController`: the inline size of an element the host renders, kept current with a ResizeObserver. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Observes the element `target()` returns (looked up after every update, so it may be
 * re-rendered) and updates the host when its width changes. Observe something whose width does
 * not depend on the layout the width selects (e.g. an empty zero-height sizer), or the layout
 * switch feeds back into the observation (a ResizeObserver loop).
 *
 * @example
 * readonly #size = new ResizeController(this, () => this.renderRoot.querySelector('.sizer'));
 * // in willUpdate: this.layout = this.#size.width >= 600 ? 'wide' : 'narrow';
 */
export class ResizeController implements ReactiveController {
  /** The target's content-box width in px (0 until first observed). */
  width = 0;
  readonly #host: ReactiveControllerHost;
  readonly #target: () => Element | null | undefined;
  #observer?: ResizeObserver;
  #observed?: Element;

  constructor(host: ReactiveControllerHost, target: () => Element | null | undefined) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? 0;
      if (width === this.width) return;
      this.width = width;
      this.#host.requestUpdate();
    });
    this.#observed = undefined;
    // Reconnected after a first render: the target exists already.
    this.hostUpdated();
  }

  hostUpdated(): void {
    const target = this.#target();
    if (!this.#observer || !target || target === this.#observed) return;
    this.#observer.disconnect();
    this.#observer.observe(target);
    this.#observed = target;
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
