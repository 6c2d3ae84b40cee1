/** Builds the consent record of one decision: what the customer allowed and declined, under which notice. */
import type { ConsentNotice, ConsentRecord } from '../models/consent.js';
import { text, uuid } from '../models/text.js';
import { CandorError } from '../errors.js';
import { hashNotice } from './notice-text.js';
import { reuseAudiences } from './purposes.js';
import { parseLocale, parseNotice, parseRecord } from './validate.js';

/** Input of {@link createConsentRecord}. */
export interface ConsentDecisionInput {
  /** The notice exactly as shown to the customer. */
  notice: ConsentNotice;
  /** Pseudonymous reference to the customer (never an e-mail address or name). */
  subject: string;
  /**
   * The customer's choice per purpose id. A required purpose may be omitted (it is granted) but
   * never `false`; an optional purpose that is omitted is declined (nothing is assumed).
   */
  choices: Readonly<Record<string, boolean>>;
  /** BCP 47 tag of the language the notice was shown in, e.g. `en` or `ar`. */
  locale: string;
  /** The record this decision supersedes (the customer's previous record), if any. */
  previousRecordId?: string;
  /** How consent was collected; defaults to `candor-consent web component`. */
  collectionMethod?: string;
  /** Clock, for tests and replays; defaults to now. */
  now?: Date;
}

/** Default `collectionMethod` of records made by Candor. */
export const DEFAULT_COLLECTION_METHOD = 'candor-consent web component';

/** Internal: the parts shared by decisions and withdrawals, once the granted set is known. */
export async function buildRecord(
  notice: ConsentNotice,
  event: ConsentRecord['event'],
  granted: ReadonlySet<string>,
  input: Pick<ConsentDecisionInput, 'subject' | 'locale' | 'previousRecordId' | 'collectionMethod' | 'now'>,
): Promise<ConsentRecord> {
  const when = input.now ?? new Date();
  if (!(when instanceof Date) || Number.isNaN(when.getTime())) {
    throw new CandorError('invalid_consent', '`now` must be a valid Date.');
  }
  if (!text(256).safeParse(input.subject).success) {
    throw new CandorError('invalid_consent', '`subject` must be a pseudonymous reference of 1 to 256 characters.');
  }
  parseLocale(input.locale);
  const grantedPurposes = notice.purposes.filter((p) => granted.has(p.id));
  const record: ConsentRecord = {
    schemaVersion: '1',
    recordId: crypto.randomUUID(),
    ...(input.previousRecordId !== undefined ? { previousRecordId: input.previousRecordId } : {}),
    event,
    timestamp: when.toISOString(),
    subject: input.subject,
    controller: { ...notice.controller },
    notice: {
      version: notice.version,
      hash: await hashNotice(notice),
      ...(notice.policyUrl ? { policyUrl: notice.policyUrl } : {}),
    },
    locale: input.locale,
    purposesGranted: grantedPurposes.map((p) => p.id),
    purposesDenied: notice.purposes.filter((p) => !granted.has(p.id)).map((p) => p.id),
    reuseAudiences: reuseAudiences(grantedPurposes),
    collectionMethod: input.collectionMethod ?? DEFAULT_COLLECTION_METHOD,
  };
  // Belt and braces: whatever the caller passed, only a record that matches the model leaves here.
  return parseRecord(record);
}

/**
 * Creates the record of one consent decision. Validates the notice, subject, locale and choices;
 * required purposes are always granted and can never be declined.
 *
 * @throws {CandorError} `invalid_consent` when the notice is invalid, a choice names an unknown
 * purpose, a required purpose is declined, or subject/locale/previousRecordId are invalid.
 * @example
 * const record = await createConsentRecord({
 *   notice, subject: 'cust_7f3a', locale: 'en',
 *   choices: { identity: true, 'partner-reuse': true, marketing: false },
 * });
 * record.purposesGranted; // ['identity', 'partner-reuse']
 * record.reuseAudiences;  // ['https://partner.example']
 */
export async function createConsentRecord(input: ConsentDecisionInput): Promise<ConsentRecord> {
  if (typeof input !== 'object' || input === null) {
    throw new CandorError('invalid_consent', 'createConsentRecord expects an object { notice, subject, choices, locale }.');
  }
  const notice = parseNotice(input.notice);
  const choices: unknown = input.choices;
  // A Map, Set or Date has no entries to read: it would record every optional purpose as declined.
  if (Object.prototype.toString.call(choices) !== '[object Object]') {
    throw new CandorError('invalid_consent', '`choices` must be an object mapping purpose ids to true (allow) or false (decline).');
  }
  const byId = new Map(notice.purposes.map((p) => [p.id, p]));
  const granted = new Set<string>();
  for (const [id, value] of Object.entries(choices as object)) {
    const purpose = byId.get(id);
    if (!purpose) {
      throw new CandorError('invalid_consent', `Choice for unknown purpose "${id.slice(0, 64)}": the notice (version ${notice.version}) has ${[...byId.keys()].join(', ')}.`);
    }
    if (typeof value !== 'boolean') {
      throw new CandorError('invalid_consent', `The choice for purpose "${id}" must be true or false.`);
    }
    if (purpose.required && !value) {
      throw new CandorError('invalid_consent', `Purpose "${id}" (${purpose.title}) is required and cannot be declined; only optional purposes can be.`);
    }
    if (value) granted.add(id);
  }
  for (const p of notice.purposes) if (p.required) granted.add(p.id);
  checkPrevious(input.previousRecordId);
  return buildRecord(notice, 'decision', granted, input);
}

/** Internal: `previousRecordId`, when given, must be a record id (UUID). */
export function checkPrevious(previousRecordId: unknown): void {
  if (previousRecordId === undefined) return;
  if (!uuid().safeParse(previousRecordId).success) {
    throw new CandorError('invalid_consent', '`previousRecordId` must be the recordId (a UUID) of an earlier consent record.');
  }
}
