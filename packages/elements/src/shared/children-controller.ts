/** `ChildrenController`: data the host reads from its light-DOM children, re-read when they change. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `read()` when the host connects and whenever its children, their attributes or text
 * change (one MutationObserver, disconnected when the host leaves the page), and updates the
 * host when the result differs (compared as JSON). `value` is a new object only when it changed,
 * so the host can re-validate on identity.
 *
 * @example
 * readonly #children = new ChildrenController(this, () =>
 *   [...this.children].filter((c) => c.localName === 'candor-step').map(readStepElement));
 * // in willUpdate: const input = this.steps ?? this.#children.value;
 */
export class ChildrenController<T> implements ReactiveController {
  /** What `read()` returned last time it changed. */
  value: T;
  readonly #host: ReactiveControllerHost & Node;
  readonly #read: () => T;
  /** JSON of `value` once read (`initial` is replaced on the first read, whatever it holds). */
  #json = '';
  #observer?: MutationObserver;

  constructor(host: ReactiveControllerHost & Node, read: () => T, initial: T) {
    this.#host = host;
    this.#read = read;
    this.value = initial;
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
    this.#observer = new MutationObserver(() => this.refresh());
    this.#observer.observe(this.#host, { childList: true, subtree: true, attributes: true, characterData: true });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  /** Reads the children again (when they change, and when asked: after what `read()` needs has arrived, say). */
  refresh(): void {
    const next = this.#read();
    const json = JSON.stringify(next);
    if (json === this.#json) return;
    this.#json = json;
    this.value = next;
    this.#host.requestUpdate();
  }
}
