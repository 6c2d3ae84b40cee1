/** Compares a stored record with the notice shown now: has the customer already answered this notice? */
import type { ConsentNotice, ConsentRecord } from '../models/consent.js';
import { hashNotice } from './notice-text.js';
import { reuseAudiences } from './purposes.js';
import { parseLocale, parseRecord } from './validate.js';

/** Options of {@link compareWithNotice}. */
export interface CompareWithNoticeOptions {
  /**
   * BCP 47 tag of the language the notice is about to be shown in. When it differs from the
   * record's `locale`, the notice is taken as a translation of the one the customer answered: the
   * wording is expected to differ, so only the version and the structure are compared. Without it,
   * the notice is taken to be in the record's language and any change of wording asks again.
   */
  locale?: string;
}

/** What differs between the notice a record was made under and the current notice. */
export interface NoticeComparison {
  /**
   * The customer must be asked again: another version, another purpose set, a purpose that became
   * required after being declined, a new partner that would reuse the verification, or (in the
   * same language) different wording.
   */
  askAgain: boolean;
  /** The record was made under this same notice version. */
  sameVersion: boolean;
  /** The notice is shown in the language the record was made in (case-insensitive tag match). */
  sameLocale: boolean;
  /** The notice text hashes the same as the one the record was made under. */
  sameText: boolean;
  /** Purpose ids in the current notice that the record never answered (new purposes). */
  addedPurposes: string[];
  /** Purpose ids the record answered that the current notice no longer has. */
  removedPurposes: string[];
  /** Purpose ids the record declined that the current notice marks required. */
  nowRequired: string[];
  /**
   * Audiences that would reuse the verification under the purposes the record granted, by the
   * current notice, but that the record's `reuseAudiences` does not list.
   */
  addedAudiences: string[];
}

/**
 * Compares a stored record with the current notice.
 *
 * In the record's own language, a different version, or the same version with different wording
 * (a notice edited without bumping its version), asks again. Shown in another language (pass
 * `options.locale`), the same version is a translation and the text is bound to differ, so the
 * customer is not asked again for that alone; a translation that changes what was agreed still
 * asks: another purpose set, a declined purpose now required, or a partner audience the customer
 * never allowed to reuse their verification.
 *
 * @throws {CandorError} `invalid_consent` when `options.locale` is not a BCP 47 tag, or the record or notice is invalid.
 * @example
 * const diff = await compareWithNotice(stored, notice, { locale: 'ar' });
 * if (diff.askAgain) showChanges(notice.changes, diff.addedPurposes, diff.removedPurposes);
 */
export async function compareWithNotice(
  stored: ConsentRecord,
  notice: ConsentNotice,
  options: CompareWithNoticeOptions = {},
): Promise<NoticeComparison> {
  const { locale } = options ?? {}; // null, as a caller passing "no options" may, is no options
  const record = parseRecord(stored);
  if (locale !== undefined) parseLocale(locale);
  const hash = await hashNotice(notice);
  const granted = new Set(record.purposesGranted);
  const answered = new Set([...record.purposesGranted, ...record.purposesDenied]);
  const current = new Set(notice.purposes.map((p) => p.id));
  const allowed = new Set(record.reuseAudiences);

  const sameVersion = record.notice.version === notice.version;
  const sameLocale = locale === undefined || locale.toLowerCase() === record.locale.toLowerCase();
  const sameText = record.notice.hash === hash;
  const addedPurposes = notice.purposes.map((p) => p.id).filter((id) => !answered.has(id));
  const removedPurposes = [...answered].filter((id) => !current.has(id));
  const nowRequired = notice.purposes.filter((p) => p.required && !granted.has(p.id) && answered.has(p.id)).map((p) => p.id);
  const addedAudiences = reuseAudiences(notice.purposes.filter((p) => granted.has(p.id))).filter((a) => !allowed.has(a));
  const changedTerms = addedPurposes.length + removedPurposes.length + nowRequired.length + addedAudiences.length > 0;
  return {
    askAgain: !sameVersion || changedTerms || (sameLocale && !sameText),
    sameVersion,
    sameLocale,
    sameText,
    addedPurposes,
    removedPurposes,
    nowRequired,
    addedAudiences,
  };
}
