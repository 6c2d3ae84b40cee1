/** Builds the record of a withdrawal: its own event, declining every optional purpose. */
import type { ConsentNotice, ConsentRecord } from '../models/consent.js';
import { CandorError } from '../errors.js';
import { buildRecord, checkPrevious, type ConsentDecisionInput } from './create-record.js';
import { parseNotice } from './validate.js';

/** Input of {@link createWithdrawalRecord}. */
export interface ConsentWithdrawalInput
  extends Pick<ConsentDecisionInput, 'subject' | 'locale' | 'collectionMethod' | 'now'> {
  /** The notice in force when consent is withdrawn. */
  notice: ConsentNotice;
  /** The record being withdrawn (required: a withdrawal always refers to an earlier decision). */
  previousRecordId: string;
}

/**
 * Creates a withdrawal record (`event: 'withdrawal'`): every optional purpose is declined and no
 * partner may reuse the verification for them any more. Required purposes stay granted because
 * they do not rest on consent (the service cannot run without them), and the record says so.
 *
 * @throws {CandorError} `invalid_consent` when the notice, subject, locale or previousRecordId is invalid.
 * @example
 * const withdrawal = await createWithdrawalRecord({
 *   notice, subject: 'cust_7f3a', locale: 'en', previousRecordId: record.recordId,
 * });
 * withdrawal.event;          // 'withdrawal'
 * withdrawal.purposesDenied; // every optional purpose
 */
export async function createWithdrawalRecord(input: ConsentWithdrawalInput): Promise<ConsentRecord> {
  if (typeof input !== 'object' || input === null) {
    throw new CandorError('invalid_consent', 'createWithdrawalRecord expects an object { notice, subject, locale, previousRecordId }.');
  }
  const notice = parseNotice(input.notice);
  if (input.previousRecordId === undefined) {
    throw new CandorError('invalid_consent', 'A withdrawal needs `previousRecordId`: the recordId of the decision being withdrawn.');
  }
  checkPrevious(input.previousRecordId);
  const required = new Set(notice.purposes.filter((p) => p.required).map((p) => p.id));
  return buildRecord(notice, 'withdrawal', required, input);
}
