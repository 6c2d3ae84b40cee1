/**
 * The consent notice a customer is shown and the consent record each decision produces.
 * The record's shape follows ISO/IEC TS 27560 (consent record information structure) and the
 * Kantara Consent Receipt: record id, time, notice version and the SHA-256 of the exact notice
 * text shown, purposes granted and denied, locale and a subject reference.
 */
import * as z from 'zod/mini';
import { absoluteUrl, identifier, isoTime, localeTag, secureUrl, text, uuid } from './text.js';

/** GDPR Art. 6 lawful bases; only `consent` purposes can be toggled by the customer. */
export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal-obligation',
  'vital-interests',
  'public-task',
  'legitimate-interests',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** No text may hold a lone surrogate: notices are hashed and records signed as UTF-8, which has no form for one. */
const wellFormed = (v: unknown): boolean => (typeof v == 'object' && v ? Object.values(v).every(wellFormed) : !/\p{Cs}/u.test(String(v)));
const unicode = z.refine(wellFormed, { message: 'has a lone surrogate' });

/**
 * Who is asking for consent. Give an `id` when the notice is translated: records are filed under
 * the controller (see `controllerKey`), and the `id` stays the same in every language while the
 * name may not ("Acme Bank", "بنك أكمي").
 */
export const ControllerSchema = z.object({
  /** Stable id of the controller, the same in every translation of the notice (e.g. `acme-bank`). */
  id: z.optional(identifier()),
  name: text(120),
  contact: z.optional(text(300)),
});
export type Controller = z.infer<typeof ControllerSchema>;

/** Who receives the data. A partner that reuses the verification names the token `audience` it verifies as. */
export const RecipientSchema = z.object({
  name: text(120),
  role: z.enum(['controller', 'processor', 'partner']),
  /** The partner reuses the customer's verification result (a reusable-verification token). */
  reusesVerification: z.optional(z.boolean()),
  /**
   * The `aud` value under which this partner verifies tokens; ties consent to token issuance. No
   * spaces, parentheses or hidden characters: the notice's canonical text ends a recipient's line
   * with `as <audience>)`, and such a character could make two different notices read the same.
   */
  audience: z.optional(
    text(2048).check(z.regex(/^[^\s()\p{C}]+$/u, { message: 'must be an audience with no spaces, parentheses or hidden characters' })),
  ),
});
export type Recipient = z.infer<typeof RecipientSchema>;

/** One purpose the customer is asked about. */
export const ConsentPurposeSchema = z.object({
  id: identifier(),
  title: text(120),
  /** Plain-language reason, in one or two sentences. */
  why: text(1000),
  /** Categories of data used, e.g. "Name", "ID document image". */
  dataCategories: z.array(text(120)).check(z.minLength(1), z.maxLength(30)),
  /** How long the data is kept, in words (e.g. "5 years after the account closes"). */
  retention: text(200),
  recipients: z.array(RecipientSchema).check(z.maxLength(30)),
  legalBasis: z.enum(LEGAL_BASES),
  /** Required purposes cannot be declined (the service cannot run without them). */
  required: z.boolean(),
});
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;

/** The notice shown to the customer. Its version changes whenever the wording or purposes change. */
export const ConsentNoticeSchema = z.object({
  /** Notice version, e.g. "2026-11-01" or "3". A new version asks the customer again. */
  version: identifier(),
  /** The controller: who is asking. */
  controller: ControllerSchema,
  /** One sentence shown first, before any detail. */
  summary: text(400),
  purposes: z.array(ConsentPurposeSchema).check(
    z.minLength(1),
    z.maxLength(30),
    z.refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, { message: 'purpose ids must be unique' }),
  ),
  /** Link to the full privacy policy. */
  policyUrl: z.optional(secureUrl()),
  /** What changed since the previous version, shown when the customer is asked again. */
  changes: z.optional(z.array(text(300)).check(z.maxLength(20))),
}).check(unicode);
export type ConsentNotice = z.infer<typeof ConsentNoticeSchema>;

/** What happened: a decision (grant/deny per purpose) or a withdrawal of everything optional. */
export const CONSENT_EVENTS = ['decision', 'withdrawal'] as const;
export type ConsentEvent = (typeof CONSENT_EVENTS)[number];

/** The record of one consent event; stored, downloadable as a receipt, and signable. */
export const ConsentRecordSchema = z.object({
  /** Schema version of this record shape. */
  schemaVersion: z.literal('1'),
  /** Unique id of this record (UUID). */
  recordId: uuid(),
  /** The record this one supersedes, if any. */
  previousRecordId: z.optional(uuid()),
  event: z.enum(CONSENT_EVENTS),
  /** When the event happened (ISO 8601, UTC). */
  timestamp: isoTime(false),
  /** Pseudonymous reference to the customer (never an e-mail or name). */
  subject: text(256),
  controller: ControllerSchema,
  notice: z.object({
    version: identifier(),
    /** `sha256:` + lowercase hex of the UTF-8 bytes of the exact notice text shown. */
    hash: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/)),
    policyUrl: z.optional(absoluteUrl()),
  }),
  /** Locale the notice was shown in. */
  locale: localeTag(),
  purposesGranted: z.array(identifier()).check(z.maxLength(30)),
  purposesDenied: z.array(identifier()).check(z.maxLength(30)),
  /** Audiences of partners allowed to reuse the verification under the granted purposes. */
  reuseAudiences: z.array(text(2048)).check(z.maxLength(30)),
  /** How consent was collected. */
  collectionMethod: text(120),
}).check(
  unicode,
  z.refine((r) => (r.event != 'withdrawal' || r.previousRecordId !== undefined) && r.previousRecordId != r.recordId, {
    message: 'must name an earlier record: a withdrawal needs one, and a record cannot follow itself',
    path: ['previousRecordId'],
  }),
  // A purpose is granted or denied, once: a record saying both could be read either way.
  z.refine((r) => new Set([...r.purposesGranted, ...r.purposesDenied]).size == r.purposesGranted.length + r.purposesDenied.length, {
    message: 'must list each purpose once, in purposesGranted or purposesDenied',
    path: ['purposesDenied'],
  }),
);
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;
