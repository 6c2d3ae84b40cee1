/** The consent storage contract: where records are kept, per controller and subject. */
import type { ConsentRecord } from '../models/consent.js';

/**
 * Keeps consent records for a controller (by name) and a subject. Implementations keep every
 * record in order (oldest first) and must reject with a `CandorError` (`storage_unavailable`,
 * `storage_quota_exceeded`) rather than throw anything untyped.
 *
 * @example
 * class ServerConsentStorage implements ConsentStorage {
 *   async save(record) { await fetch('/consent', { method: 'POST', body: JSON.stringify(record) }); }
 *   async latest(controller, subject) { return (await this.history(controller, subject)).at(-1); }
 *   async history(controller, subject) { return (await fetch(`/consent/${subject}`)).json(); }
 * }
 */
export interface ConsentStorage {
  /** Appends a record; resolves once it is stored. */
  save(record: ConsentRecord): Promise<void>;
  /** The most recent valid record for this controller and subject, or `undefined`. */
  latest(controller: string, subject: string): Promise<ConsentRecord | undefined>;
  /** Every valid record for this controller and subject, oldest first. */
  history(controller: string, subject: string): Promise<ConsentRecord[]>;
}
