/** `RovingTabindexController`: one Tab stop for a list of items, arrow keys to move between them. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The item a key moves to from `index` among `count` items, or `undefined` when the key is not
 * a navigation key. ArrowRight/ArrowDown go forward, ArrowLeft/ArrowUp back (in `rtl`
 * ArrowLeft goes forward and ArrowRight back), Home/End to the first/last; never past either end.
 *
 * @example
 * rovingTarget('ArrowLeft', 2, 5, 'rtl'); // 3
 */
export function rovingTarget(key: string, index: number, count: number, dir: 'ltr' | 'rtl'): number | undefined {
  const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  const next =
    key === forward || key === 'ArrowDown' ? index + 1 : key === back || key === 'ArrowUp' ? index - 1 : key === 'Home' ? 0 : key === 'End' ? count - 1 : undefined;
  return next === undefined ? undefined : Math.max(0, Math.min(count - 1, next));
}

/** Options of {@link RovingTabindexController}. */
export interface RovingTabindexOptions {
  /** The items, in order, as rendered now. */
  items: () => readonly HTMLElement[];
  /** The direction arrows follow (`ltr` or `rtl`). */
  dir: () => 'ltr' | 'rtl';
}

/**
 * Roving tabindex (WAI-ARIA APG): the item at `index` has `tabindex="0"`, the others `-1`, so
 * the list is one Tab stop; arrow keys, Home and End move focus and the Tab stop. Render
 * `tabindex=${roving.tabindex(i)}`, listen with `@keydown=${roving.onKeyDown}` on the list and
 * `@focus=${() => roving.focus(i, false)}` on each item so a click moves the Tab stop too.
 *
 * @example
 * readonly #roving = new RovingTabindexController(this, {
 *   items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="step-button"]')],
 *   dir: () => this.localize.dir,
 * });
 */
export class RovingTabindexController implements ReactiveController {
  /** Index of the item that takes the Tab stop. */
  index = 0;
  readonly #host: ReactiveControllerHost;
  readonly #options: RovingTabindexOptions;
  /** Bumped on every focus request and on disconnect: only the latest pending focus runs. */
  #pending = 0;

  constructor(host: ReactiveControllerHost, options: RovingTabindexOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The tabindex item `i` renders with. */
  tabindex(i: number): 0 | -1 {
    return i === this.index ? 0 : -1;
  }

  /** Moves the Tab stop to item `i` and, unless `move` is false, focuses it once the host has rendered. */
  focus(i: number, move = true): void {
    if (i !== this.index) {
      this.index = i;
      this.#host.requestUpdate();
    }
    if (!move) return;
    const request = ++this.#pending;
    void this.#host.updateComplete.then(() => request === this.#pending && this.#options.items()[this.index]?.focus());
  }

  /** Keydown listener for the list (an arrow function, so it can be passed as is). */
  readonly onKeyDown = (e: KeyboardEvent): void => {
    const next = rovingTarget(e.key, this.index, this.#options.items().length, this.#options.dir());
    if (next === undefined) return;
    e.preventDefault();
    this.focus(next);
  };

  /** A focus still waiting for the host's render is dropped: the host has left the page. */
  hostDisconnected(): void {
    this.#pending++;
  }
}
