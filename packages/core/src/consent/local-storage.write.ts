/**
 * How `LocalStorageConsentStorage` writes: its own module, loaded by the first `save()`, so a
 * page that only shows the choices already made (a returning visitor) never downloads it.
 */
import type { ConsentRecord } from '../models/consent.js';
import { CandorError } from '../errors.js';
import type { ConsentStorageRead } from './storage.js';

const isQuotaError = (e: unknown): boolean =>
  e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);

function writeError(e: unknown, what: string): CandorError {
  if (e instanceof CandorError) return e;
  return isQuotaError(e)
    ? new CandorError('storage_quota_exceeded', `${what} The storage quota is full: free some site storage or pass another ConsentStorage.`, { cause: e })
    : new CandorError('storage_unavailable', `${what} localStorage refused it: pass another ConsentStorage if storage is disabled here.`, { cause: e });
}

/**
 * Appends `record` to what was just read under `key`, keeping the newest `max`, in the same
 * synchronous step as the read. Refuses to overwrite unreadable data that could not be set aside.
 *
 * @throws {CandorError} `storage_quota_exceeded` or `storage_unavailable`.
 */
export function writeRecord(storage: () => Storage, key: string, found: ConsentStorageRead & { asideError?: unknown }, record: ConsentRecord, max: number): void {
  if (found.unreadable && found.unreadable.setAsideKey === undefined) {
    throw writeError(found.asideError, `The consent record was not stored: "${key}" holds unreadable data that could not be set aside, and it is never overwritten.`);
  }
  try {
    storage().setItem(key, JSON.stringify([...found.records, record].slice(-max)));
  } catch (e) {
    throw writeError(e, 'The consent record could not be stored.');
  }
}
