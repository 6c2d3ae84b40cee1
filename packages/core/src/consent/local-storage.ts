/** Consent storage in the browser's localStorage: the default of `<candor-consent>`. */
import type { ConsentRecord } from '../models/consent.js';
import { ConsentRecordSchema } from '../models/consent.js';
import { summarizeIssues, toValidationIssues } from '../models/issues.js';
import { CandorError } from '../errors.js';
import { controllerKey, type ConsentStorage } from './storage.js';
import { parseRecord } from './validate.js';

/** Options of {@link LocalStorageConsentStorage}. */
export interface LocalStorageConsentStorageOptions {
  /** The Storage to use; defaults to `globalThis.localStorage` (looked up on first use). */
  storage?: Storage;
  /** Key prefix, so Candor's entries never collide with the page's own; default `candor:consent:v2`. */
  prefix?: string;
  /** Records kept per controller and subject (oldest dropped first); default 50. */
  maxRecords?: number;
  /** Receives a sentence for every stored entry that is ignored; default `console.warn`. */
  onWarning?: (message: string) => void;
}

const isQuotaError = (e: unknown): boolean =>
  e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);

/**
 * Stores each controller+subject history as one JSON array under
 * `<prefix>:<controller key>:<subject>` (both URI-encoded; the key is {@link controllerKey}). Whatever else is in storage is treated as
 * untrusted: entries that are not valid JSON, not an array, not a valid `ConsentRecord` or filed
 * under another controller/subject are ignored with a warning, never thrown into the page.
 *
 * @throws {CandorError} `storage_quota_exceeded` when the browser refuses to store more;
 * `storage_unavailable` when storage cannot be used at all (disabled, sandboxed iframe, private mode).
 * @example
 * const storage = new LocalStorageConsentStorage();
 * await storage.save(record);
 * const latest = await storage.latest(controllerKey(record.controller), record.subject);
 */
export class LocalStorageConsentStorage implements ConsentStorage {
  readonly #options: LocalStorageConsentStorageOptions;
  readonly #prefix: string;
  readonly #max: number;

  constructor(options: LocalStorageConsentStorageOptions = {}) {
    this.#options = options;
    this.#prefix = options.prefix ?? 'candor:consent:v2';
    const max = options.maxRecords ?? 50;
    if (!Number.isInteger(max) || max < 1) {
      throw new CandorError('invalid_options', '`maxRecords` must be a positive integer.');
    }
    this.#max = max;
  }

  /** The localStorage key of a controller key ({@link controllerKey}) and subject. */
  keyFor(controller: string, subject: string): string {
    return `${this.#prefix}:${encodeURIComponent(controller)}:${encodeURIComponent(subject)}`;
  }

  async save(record: ConsentRecord): Promise<void> {
    const valid = parseRecord(record);
    const owner = controllerKey(valid.controller);
    const key = this.keyFor(owner, valid.subject);
    const next = [...this.#read(key, owner, valid.subject), valid].slice(-this.#max);
    const storage = this.#storage();
    try {
      storage.setItem(key, JSON.stringify(next));
    } catch (e) {
      if (isQuotaError(e)) {
        throw new CandorError('storage_quota_exceeded', 'The browser refused to store the consent record: its storage quota is full. Free some site storage or pass another ConsentStorage.', { cause: e });
      }
      throw new CandorError('storage_unavailable', 'The consent record could not be written to localStorage. Pass another ConsentStorage if storage is disabled here.', { cause: e });
    }
  }

  async latest(controller: string, subject: string): Promise<ConsentRecord | undefined> {
    return (await this.history(controller, subject)).at(-1);
  }

  async history(controller: string, subject: string): Promise<ConsentRecord[]> {
    return this.#read(this.keyFor(controller, subject), controller, subject);
  }

  #storage(): Storage {
    try {
      const storage = this.#options.storage ?? globalThis.localStorage;
      if (!storage) throw new TypeError('localStorage is not defined');
      return storage;
    } catch (e) {
      // Reading `localStorage` itself throws a SecurityError in sandboxed iframes and when disabled.
      throw new CandorError('storage_unavailable', 'localStorage is not available here. Pass a ConsentStorage (for example MemoryConsentStorage).', { cause: e });
    }
  }

  #warn(message: string): void {
    (this.#options.onWarning ?? ((m: string) => console.warn(m)))(`[candor consent storage] ${message}`);
  }

  /** Reads the valid records under `key`, skipping (with a warning) anything else found there. */
  #read(key: string, controller: string, subject: string): ConsentRecord[] {
    let raw: string | null;
    try {
      raw = this.#storage().getItem(key);
    } catch (e) {
      if (e instanceof CandorError) throw e;
      throw new CandorError('storage_unavailable', 'localStorage could not be read. Pass another ConsentStorage if storage is disabled here.', { cause: e });
    }
    if (raw === null) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      this.#warn(`ignored "${key}": it is not JSON (it will be replaced on the next save).`);
      return [];
    }
    if (!Array.isArray(parsed)) {
      this.#warn(`ignored "${key}": expected an array of consent records.`);
      return [];
    }
    const records: ConsentRecord[] = [];
    parsed.forEach((entry, i) => {
      const r = ConsentRecordSchema.safeParse(entry);
      if (!r.success) {
        this.#warn(`ignored entry ${i} of "${key}": ${summarizeIssues(toValidationIssues(r.error.issues, 3))}.`);
      } else if (controllerKey(r.data.controller) !== controller || r.data.subject !== subject) {
        this.#warn(`ignored entry ${i} of "${key}": it belongs to another controller or subject.`);
      } else {
        records.push(r.data);
      }
    });
    return records;
  }
}
