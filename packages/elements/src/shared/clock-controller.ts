/** `ClockController`: the one clock of a component, for timers and relative times. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readClock } from '@candor/core/models';

/** setTimeout's longest delay (about 24.8 days); a later deadline is re-armed when it fires. */
export const MAX_TIMEOUT = 2 ** 31 - 1;

/** Options of {@link ClockController}. */
export interface ClockOptions {
  /** Also update the host every this many ms while it is connected (a countdown); unset: never. */
  tick?: number;
}

/**
 * Reads the host's `Clock` (`() => Date`; a clock that is missing, throws or returns no valid
 * date falls back to the real time) and updates the host when a deadline arrives. Timers stop
 * when the host leaves the page and resume when it comes back.
 *
 * @example
 * readonly #clock = new ClockController(this, () => this.now);
 * protected override updated() {
 *   this.#clock.updateAt(this.#deadline); // ms since the epoch; undefined: no timer
 * }
 * // elsewhere: this.#clock.now().getTime() >= deadline
 */
export class ClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly isConnected: boolean };
  readonly #clock: () => unknown;
  readonly #tick: number | undefined;
  #deadline?: number;
  #timer?: ReturnType<typeof setTimeout>;
  #interval?: ReturnType<typeof setInterval>;

  /** `clock` returns the host's current `Clock` (read on every call, so the host may replace it). */
  constructor(host: ReactiveControllerHost & { readonly isConnected: boolean }, clock: () => unknown, { tick }: ClockOptions = {}) {
    this.#host = host;
    this.#clock = clock;
    // Not a positive number below setTimeout's limit (which browsers would run every 1 ms): no ticking.
    this.#tick = tick! > 0 && tick! < MAX_TIMEOUT ? tick : undefined;
    host.addController(this);
  }

  /** The host clock's current time (the real time when the host clock is broken). */
  now(): Date {
    return readClock(this.#clock());
  }

  /** Updates the host once at `deadline` (ms since the epoch, by this clock); replaces the previous deadline. `undefined` cancels. */
  updateAt(deadline: number | undefined): void {
    this.#deadline = deadline;
    this.#arm();
  }

  hostConnected(): void {
    this.#arm();
    if (this.#tick) this.#interval = setInterval(() => this.#host.requestUpdate(), this.#tick);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    clearInterval(this.#interval);
  }

  #arm(): void {
    clearTimeout(this.#timer);
    const wait = (this.#deadline ?? NaN) - this.now().getTime();
    // Already due (the host's last render saw it) or no deadline: nothing to wait for. +1: fire
    // just after the deadline, not a millisecond before it.
    if (this.#host.isConnected && wait > 0)
      this.#timer = setTimeout(() => (wait >= MAX_TIMEOUT ? this.#arm() : this.#host.requestUpdate()), Math.min(wait + 1, MAX_TIMEOUT));
  }
}
