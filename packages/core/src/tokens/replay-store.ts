/** One-time use: remembers each token id (`jti`) until its token expires. */
import { clockOption } from '../lib/options.js';
import type { Clock } from '../models/clock.js';

/**
 * Where a verifier records used token ids. Implement it over a shared store (for example Redis
 * `SET jti 1 NX PXAT expiresAt`) when several servers verify tokens.
 *
 * @example
 * ```ts
 * const store: ReplayStore = {
 *   async markUsed(jti, expiresAt) {
 *     return (await redis.set(`jti:${jti}`, '1', { NX: true, PXAT: expiresAt.getTime() })) === 'OK';
 *   },
 * };
 * const verifier = createVerifier({ ...options, oneTimeUse: store });
 * ```
 */
export interface ReplayStore {
  /**
   * Records `jti` as used until `expiresAt`. Returns true the first time, false when it was
   * already used. Must be atomic: two concurrent calls for one jti must not both return true.
   */
  markUsed(jti: string, expiresAt: Date): Promise<boolean> | boolean;
}

/**
 * An in-memory {@link ReplayStore} for one process. Expired entries are purged as new ones
 * arrive (amortised: a sweep at most every time the store has doubled since the last one).
 *
 * @example
 * ```ts
 * const verifier = createVerifier({ ...options, oneTimeUse: new MemoryReplayStore() });
 * ```
 */
export class MemoryReplayStore implements ReplayStore {
  readonly #used = new Map<string, number>();
  readonly #now: () => number;
  #sweepAt = 1024;

  /** @param options.now the clock (the same `Clock` shape as the verifier's; tests pass a fixed one). */
  constructor(options: { now?: Clock } = {}) {
    const clock = clockOption(options.now);
    this.#now = clock ? () => clock().getTime() : Date.now;
  }

  /** Number of ids currently remembered (expired ones may linger until the next sweep). @example `metrics.gauge('jti', store.size)` */
  get size(): number {
    return this.#used.size;
  }

  markUsed(jti: string, expiresAt: Date): boolean {
    const now = this.#now();
    const seen = this.#used.get(jti);
    if (seen !== undefined && seen > now) return false;
    this.#used.set(jti, expiresAt.getTime());
    if (this.#used.size >= this.#sweepAt) this.purge();
    return true;
  }

  /** Drops every expired entry now; returns how many were dropped. @example `setInterval(() => store.purge(), 60_000)` */
  purge(): number {
    const now = this.#now();
    let dropped = 0;
    for (const [jti, until] of this.#used) {
      if (until <= now) {
        this.#used.delete(jti);
        dropped++;
      }
    }
    this.#sweepAt = Math.max(1024, this.#used.size * 2);
    return dropped;
  }
}
