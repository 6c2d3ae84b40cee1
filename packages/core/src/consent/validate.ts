/** Internal: validates consent inputs against the shared models and turns failures into typed errors. */
import { ConsentNoticeSchema, ConsentRecordSchema, type ConsentNotice, type ConsentRecord } from '../models/consent.js';
import { checkValue, kindOf, summarizeIssues } from '../models/issues.js';
import { localeTag } from '../models/text.js';
import { CandorError } from '../errors.js';

/** Returns the notice if it matches `ConsentNoticeSchema`, else throws `invalid_consent` naming the fields. */
export function parseNotice(notice: unknown): ConsentNotice {
  const r = checkValue(ConsentNoticeSchema, notice);
  if (!r.ok) throw new CandorError('invalid_consent', `The consent notice is not valid: ${summarizeIssues(r.issues.slice(0, 5))}.`);
  return r.value;
}

/** Returns the record if it matches `ConsentRecordSchema`, else throws with `code` naming the fields. */
export function parseRecord(record: unknown, code: 'invalid_consent' | 'invalid_claims' = 'invalid_consent'): ConsentRecord {
  const r = checkValue(ConsentRecordSchema, record);
  if (!r.ok) throw new CandorError(code, `The consent record is not valid: ${summarizeIssues(r.issues.slice(0, 5))}.`);
  return r.value;
}

/** Returns `locale` if it is a BCP 47 language tag, else throws `invalid_consent` quoting (the start of) it. */
export function parseLocale(locale: unknown): string {
  if (!localeTag().safeParse(locale).success) {
    throw new CandorError(
      'invalid_consent',
      `\`locale\` must be a BCP 47 language tag such as "en" or "ar-EG", got ${typeof locale === 'string' ? JSON.stringify(locale.slice(0, 40)) : kindOf(locale)}.`,
    );
  }
  return locale as string;
}
