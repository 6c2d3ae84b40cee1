/** Consent storage in the browser's localStorage: the default of `<candor-consent>`. */
import type { ConsentRecord } from '../models/consent.js';
import { ConsentRecordSchema } from '../models/consent.js';
import { summarizeIssues, toValidationIssues } from '../models/issues.js';
import { CandorError } from '../errors.js';
import { once } from '../lib/lazy-import.js';
import { controllerKey, type ConsentStorage, type ConsentStorageRead } from './storage.js';
import { parseRecord } from './validate.js';

/** Options of {@link LocalStorageConsentStorage}. */
export interface LocalStorageConsentStorageOptions {
  /** The Storage to use; defaults to `globalThis.localStorage` (looked up on first use). */
  storage?: Storage;
  /** Key prefix, so Candor's entries never collide with the page's own; default `candor:consent:v2`. */
  prefix?: string;
  /** Records kept per controller and subject (oldest dropped first); default 50. */
  maxRecords?: number;
  /** Receives a sentence for every stored entry that could not be read; default `console.warn`. */
  onWarning?: (message: string) => void;
}

export { UNREADABLE_KEY_INFIX } from './storage.js';

/** The code for damaged data (salvage.ts), loaded the first time stored data cannot all be read. */
const salvage = once(() => import('./salvage.js'));
/** Why the last attempt to load it failed, if it did. */
let salvageError: unknown;

/** The code that writes (local-storage.write.ts), loaded by the first save. */
const writer = once(() => import('./local-storage.write.js'));

/** What `#read` found, with the failure that kept unreadable data from being set aside. */
interface Found extends ConsentStorageRead {
  asideError?: unknown;
}

/**
 * Stores each controller+subject history as one JSON array under
 * `<prefix>:<controller key>:<subject>` (both URI-encoded; the key is {@link controllerKey}).
 * Whatever is in storage is treated as untrusted and never destroyed: every readable record is
 * kept (also those before or after a cut-off or junk entry); when anything under the key cannot
 * be read (not JSON, not an array, not a valid `ConsentRecord`, or filed under another
 * controller or subject), the original text is first copied to
 * `<key>:unreadable:<ISO time>` (a new key each time, never overwritten), then the key is
 * rewritten with the readable records. {@link read} reports it. If the copy cannot be made (quota
 * full), the original is left in place, and {@link save} refuses to overwrite it.
 *
 * @throws {CandorError} `storage_quota_exceeded` when the browser refuses to store more;
 * `storage_unavailable` when storage cannot be used at all (disabled, sandboxed iframe, private mode).
 * @example
 * const storage = new LocalStorageConsentStorage();
 * await storage.save(record);
 * const { records, unreadable } = await storage.read(controllerKey(record.controller), record.subject);
 * if (unreadable) console.warn(unreadable.message); // the original is kept under unreadable.setAsideKey
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
    let write: typeof import('./local-storage.write.js');
    try {
      write = await writer();
    } catch (e) {
      // The next save imports again, but a browser keeps a failed module download failed until the page is reloaded.
      throw new CandorError('storage_unavailable', `The consent record was not stored: the code that stores it could not be loaded (${String(e)}). Reload the page to try again.`, { cause: e });
    }
    // Read and write in one go: no other save can come between them.
    await this.#withRead(key, owner, valid.subject, (found) => write.writeRecord(() => this.#storage(), key, found, valid, this.#max));
  }

  async latest(controller: string, subject: string): Promise<ConsentRecord | undefined> {
    return (await this.history(controller, subject)).at(-1);
  }

  async history(controller: string, subject: string): Promise<ConsentRecord[]> {
    return (await this.read(controller, subject)).records;
  }

  /** The readable records and, when some stored data could not be read, where it was set aside. */
  async read(controller: string, subject: string): Promise<ConsentStorageRead> {
    return this.#withRead(this.keyFor(controller, subject), controller, subject, ({ records, unreadable }) => (unreadable ? { records, unreadable } : { records }));
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

  /**
   * Calls `use` with what {@link #read} finds, synchronously after the read, so a write in `use`
   * comes right after it. When the data is damaged and the code for that (salvage.ts) is not
   * loaded yet, it is loaded first and the key read again afterwards: anything written
   * meanwhile is read, not overwritten.
   */
  async #withRead<T>(key: string, controller: string, subject: string, use: (found: Found) => T): Promise<T> {
    const found = this.#read(key, controller, subject, !salvage.loaded);
    if (found) return use(found);
    salvageError = undefined; // a download that failed before is tried again
    try {
      await salvage();
    } catch (e) {
      salvageError = e;
    }
    return use(this.#read(key, controller, subject, false)!);
  }

  /**
   * Reads the valid records under `key`; sets anything else found there aside (see the class).
   * Returns undefined, having changed nothing, when the data needs the code for damaged data,
   * that code is not loaded yet and `waitForSalvage` is set.
   */
  #read(key: string, controller: string, subject: string, waitForSalvage: boolean): Found | undefined {
    const storage = this.#storage();
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch (e) {
      throw new CandorError('storage_unavailable', 'localStorage could not be read. Pass another ConsentStorage if storage is disabled here.', { cause: e });
    }
    // undefined too: a Storage double that answers it for a missing key holds nothing there.
    if (raw == null) return { records: [] };
    const problems: string[] = [];
    let entries: unknown[];
    let cut: ReadonlySet<number> = new Set();
    try {
      const parsed: unknown = JSON.parse(raw);
      entries = Array.isArray(parsed) ? parsed : [];
      if (!Array.isArray(parsed)) problems.push('not an array');
    } catch {
      if (waitForSalvage) return undefined;
      problems.push(salvage.loaded ? 'not complete JSON' : `not complete JSON (its readable entries could not be looked for: ${String(salvageError)})`);
      ({ entries, cut } = salvage.loaded?.readableEntries(raw) ?? { entries: [], cut });
    }
    const records: ConsentRecord[] = [];
    entries.forEach((entry, i) => {
      const r = ConsentRecordSchema.safeParse(entry);
      if (cut.has(i)) problems.push(`entry ${i} cut off or not JSON`);
      else if (!r.success) problems.push(`entry ${i} not a record (${summarizeIssues(toValidationIssues(r.error.issues, 2))})`);
      else if (controllerKey(r.data.controller) !== controller || r.data.subject !== subject) problems.push(`entry ${i} of another controller or subject`);
      else records.push(r.data);
    });
    if (!problems.length) return { records };
    if (waitForSalvage) return undefined;

    const found = `"${key}" held data that could not be read (${problems.slice(0, 4).join('; ')}); ${records.length} readable record(s) kept`;
    let setAsideKey: string;
    try {
      if (!salvage.loaded) throw salvageError;
      setAsideKey = salvage.loaded.setAside(storage, key, raw);
    } catch (asideError) {
      const message = `${found}. It could not be set aside, so it was left in place and will not be overwritten.`;
      this.#warn(message);
      return { records, unreadable: { key, readable: records.length, message }, asideError };
    }
    try {
      if (records.length) storage.setItem(key, JSON.stringify(records));
      else storage.removeItem(key);
    } catch {
      // The original is safe under setAsideKey; the next read finds that copy (no second one) and the next save rewrites the key.
    }
    const message = `${found}. The original is kept under "${setAsideKey}".`;
    this.#warn(message);
    return { records, unreadable: { key, setAsideKey, readable: records.length, message } };
  }

}
