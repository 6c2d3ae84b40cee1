/** Consent storage in memory: for tests, server-side rendering and pages that must not persist anything. */
import type { ConsentRecord } from '../models/consent.js';
import { controllerKey, type ConsentStorage } from './storage.js';
import { parseRecord } from './validate.js';

/**
 * Keeps records in memory (lost on reload). Stores copies, so later changes to a record object
 * do not alter what was recorded.
 *
 * @example
 * const storage = new MemoryConsentStorage();
 * await storage.save(record);
 * await storage.latest(controllerKey(record.controller), 'cust_7f3a'); // a copy of record
 */
export class MemoryConsentStorage implements ConsentStorage {
  readonly #records = new Map<string, ConsentRecord[]>();

  async save(record: ConsentRecord): Promise<void> {
    const valid = parseRecord(record);
    const key = JSON.stringify([controllerKey(valid.controller), valid.subject]);
    this.#records.set(key, [...(this.#records.get(key) ?? []), structuredClone(valid)]);
  }

  async latest(controller: string, subject: string): Promise<ConsentRecord | undefined> {
    return (await this.history(controller, subject)).at(-1);
  }

  async history(controller: string, subject: string): Promise<ConsentRecord[]> {
    return (this.#records.get(JSON.stringify([controller, subject])) ?? []).map((r) => structuredClone(r));
  }
}
