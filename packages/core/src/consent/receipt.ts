/** The consent receipt: one file a customer can keep, readable by a person and by a machine. */
import type { ConsentNotice, ConsentRecord } from '../models/consent.js';
import { CandorError } from '../errors.js';
import { hashNotice, noticeText } from './notice-text.js';
import { purposeTitle } from './purposes.js';
import { parseNotice, parseRecord } from './validate.js';
import { DEFAULT_RECEIPT_LABELS, type ReceiptLabels } from './receipt-labels.js';

/** The receipt document (serialised as JSON by {@link consentReceipt}). */
export interface ConsentReceipt {
  type: 'candor-consent-receipt';
  receiptVersion: '1';
  /** The same facts as the record, one sentence per line, for a person. */
  summary: string[];
  /** The record itself (machine-readable, ISO/IEC TS 27560 shaped). */
  record: ConsentRecord;
  /** The notice the record was made under. */
  notice: ConsentNotice;
  /** The canonical notice text whose SHA-256 is `record.notice.hash`, so anyone can check it. */
  noticeText: string;
}

/** What {@link consentReceipt} returns: the document, its JSON text and a file name. */
export interface ConsentReceiptFile {
  receipt: ConsentReceipt;
  /** Pretty-printed JSON of `receipt` (UTF-8 when saved). */
  json: string;
  /** e.g. `consent-receipt-2026-11-23-3f5a2c1e.json`. */
  filename: string;
  mediaType: 'application/json';
}

/**
 * Builds the receipt of a record: the record, the notice it was made under, the canonical notice
 * text and a plain summary. Checks that the notice really is the one the record names (version
 * and hash), so a receipt can never pair a record with different wording.
 *
 * @throws {CandorError} `invalid_consent` when the record or notice is invalid or they do not match.
 * @example
 * const { json, filename } = await consentReceipt(record, notice);
 * const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
 */
export async function consentReceipt(
  record: ConsentRecord,
  notice: ConsentNotice,
  labels: Partial<ReceiptLabels> = {},
): Promise<ConsentReceiptFile> {
  const r = parseRecord(record);
  const n = parseNotice(notice);
  if (r.notice.version !== n.version || r.notice.hash !== (await hashNotice(n))) {
    throw new CandorError('invalid_consent', `This notice (version ${n.version}) is not the one record ${r.recordId} was made under (version ${r.notice.version}); pass that notice.`);
  }
  const l = { ...DEFAULT_RECEIPT_LABELS, ...labels };
  const list = (ids: string[]) => (ids.length ? ids.map((id) => purposeTitle(n, id)).join(', ') : l.none);
  const summary = [
    l.title,
    `${l.controller}: ${r.controller.name}${r.controller.contact ? ` (${r.controller.contact})` : ''}`,
    `${l.event}: ${r.event === 'withdrawal' ? l.withdrawal : l.decision}`,
    `${l.recordedAt}: ${r.timestamp}`,
    `${l.noticeVersion}: ${r.notice.version} (${r.notice.hash})`,
    `${l.allowed}: ${list(r.purposesGranted)}`,
    `${l.declined}: ${list(r.purposesDenied)}`,
    `${l.reuse}: ${r.reuseAudiences.length ? r.reuseAudiences.join(', ') : l.none}`,
    `${l.recordId}: ${r.recordId}`,
  ];
  const receipt: ConsentReceipt = {
    type: 'candor-consent-receipt',
    receiptVersion: '1',
    summary,
    record: r,
    notice: n,
    noticeText: noticeText(n),
  };
  return {
    receipt,
    json: JSON.stringify(receipt, null, 2),
    filename: `consent-receipt-${r.timestamp.slice(0, 10)}-${r.recordId.slice(0, 8)}.json`,
    mediaType: 'application/json',
  };
}
