/** The consent storage contract: where records are kept, per controller and subject. */
import type { Controller, ConsentRecord } from '../models/consent.js';

/**
 * The key a controller's records are filed under: `id:<id>` when the controller has an `id`,
 * otherwise `name:<name>`. The two forms cannot collide. Give the controller an `id` when the
 * notice is translated: its name may differ per language, its `id` does not, so a customer who
 * switches language keeps one history.
 *
 * @example
 * controllerKey({ id: 'acme-bank', name: 'بنك أكمي' }) // 'id:acme-bank'
 * controllerKey({ name: 'Acme Bank' })                 // 'name:Acme Bank'
 */
export function controllerKey(controller: Pick<Controller, 'id' | 'name'>): string {
  return controller.id !== undefined ? `id:${controller.id}` : `name:${controller.name}`;
}

/** The part of a set-aside key after the history key: `<history key>:unreadable:<ISO time>[~n]`. */
export const UNREADABLE_KEY_INFIX = ':unreadable:';

/**
 * Stored data that could not all be read as consent records (cut off, not an array, not a
 * record, or filed under another controller or subject). The readable records are still used;
 * the original text is set aside, never deleted.
 */
export interface UnreadableConsentData {
  /** Where the data was found (for localStorage, the storage key). */
  key: string;
  /** Where the original text was set aside, or `undefined` when that failed and it was left in place under `key`. */
  setAsideKey?: string;
  /** How many records could be read (and are kept). */
  readable: number;
  /** A sentence for the developer: what was found and where it is kept. */
  message: string;
}

/** What {@link ConsentStorage.read} returns: the readable history and, if any, what could not be read. */
export interface ConsentStorageRead {
  /** Every readable record, oldest first. */
  records: ConsentRecord[];
  /** Present when some stored data could not be read. */
  unreadable?: UnreadableConsentData;
}

/**
 * Keeps consent records per controller and subject. `controller` is always a
 * {@link controllerKey} (`id:…` or `name:…`), so records of one controller stay together across
 * translations of its notice. Implementations keep every record in order (oldest first), never
 * destroy stored data they cannot read, and must reject with a `CandorError`
 * (`storage_unavailable`, `storage_quota_exceeded`) rather than throw anything untyped.
 *
 * @example
 * class ServerConsentStorage implements ConsentStorage {
 *   async save(record) { await fetch('/consent', { method: 'POST', body: JSON.stringify(record) }); }
 *   async latest(controller, subject) { return (await this.history(controller, subject)).at(-1); }
 *   async history(controller, subject) {
 *     const q = new URLSearchParams({ controller, subject });
 *     return (await fetch(`/consent?${q}`)).json();
 *   }
 * }
 */
export interface ConsentStorage {
  /** Appends a record under `controllerKey(record.controller)` and its subject; resolves once it is stored. */
  save(record: ConsentRecord): Promise<void>;
  /** The most recent valid record for this controller key and subject, or `undefined`. */
  latest(controller: string, subject: string): Promise<ConsentRecord | undefined>;
  /** Every valid record for this controller key and subject, oldest first. */
  history(controller: string, subject: string): Promise<ConsentRecord[]>;
  /**
   * Optional: the history plus a report of stored data that could not be read.
   * `<candor-consent>` uses it when present to tell the customer and fire `candor-error`.
   */
  read?(controller: string, subject: string): Promise<ConsentStorageRead>;
}
