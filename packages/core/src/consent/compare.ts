/** Compares a stored record with the notice shown now: has the customer already answered this notice? */
import type { ConsentNotice, ConsentRecord } from '../models/consent.js';
import { hashNotice } from './notice-text.js';

/** What differs between the notice a record was made under and the current notice. */
export interface NoticeComparison {
  /** The customer must be asked again: the version or the wording differs from what they answered. */
  askAgain: boolean;
  /** The record was made under this same notice version. */
  sameVersion: boolean;
  /** The notice text hashes the same as the one the record was made under. */
  sameText: boolean;
  /** Purpose ids in the current notice that the record never answered (new purposes). */
  addedPurposes: string[];
  /** Purpose ids the record answered that the current notice no longer has. */
  removedPurposes: string[];
}

/**
 * Compares a stored record with the current notice. A different version, or the same version with
 * different wording (a notice edited without bumping its version), means the customer must be asked
 * again; `addedPurposes` and `removedPurposes` say which purposes appeared or disappeared.
 *
 * @example
 * const diff = await compareWithNotice(stored, notice);
 * if (diff.askAgain) showChanges(notice.changes, diff.addedPurposes, diff.removedPurposes);
 */
export async function compareWithNotice(record: ConsentRecord, notice: ConsentNotice): Promise<NoticeComparison> {
  const answered = new Set([...record.purposesGranted, ...record.purposesDenied]);
  const current = new Set(notice.purposes.map((p) => p.id));
  const sameVersion = record.notice.version === notice.version;
  const sameText = record.notice.hash === (await hashNotice(notice));
  return {
    askAgain: !sameVersion || !sameText,
    sameVersion,
    sameText,
    addedPurposes: notice.purposes.map((p) => p.id).filter((id) => !answered.has(id)),
    removedPurposes: [...answered].filter((id) => !current.has(id)),
  };
}
