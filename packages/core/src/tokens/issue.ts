/** createIssuer: signs verification tokens (compact JWS with explicit `typ`). */
import { CompactSign, base64url } from 'jose';
import { CandorError } from '../errors.js';
import { isCandorKey, type CandorKey } from '../keys/key.js';
import { DEFAULT_MAX_TOKEN_TTL_SECONDS, isKeySet, type KeySet } from '../keys/key-set.js';
import { isoOfSeconds } from '../lib/dates.js';
import { clockOption, describeValue, optionError, wholeNumber } from '../lib/options.js';
import { LOOPBACK_HOSTS_TEXT, parseSecureUrl } from '../lib/urls.js';
import { systemClock, type Clock } from '../models/clock.js';
import { ConsentRecordSchema, type ConsentRecord } from '../models/consent.js';
import { checkValue, summarizeIssues } from '../models/issues.js';
import { assignStatus, checkStatusListAssignment, type StatusListAssignment } from '../status-list/assign.js';
import { claimsError } from './claims-error.js';
import {
  TOKEN_TYPE,
  VerificationClaimsSchema,
  type AssuranceLevel,
  type RiskTier,
  type VerificationClaims,
  type VerificationMethod,
} from './claims.js';

/** Options of {@link createIssuer}. @example `createIssuer({ issuer: 'https://id.example.com', keys: await KeySet.generate() })` */
export interface IssuerOptions {
  /** Issuer identifier, an https URL (http only on the loopback: localhost, *.localhost, 127.0.0.0/8, [::1]). Keep it stable: partners trust it by value. */
  issuer: string;
  /** The signing key, or a key set whose active key signs (rotation takes effect at once). */
  keys: KeySet | CandorKey;
  /** Token lifetime when the input gives none. Default 1 hour (capped at `maxTtlSeconds`). */
  defaultTtlSeconds?: number;
  /** Longest lifetime an input may ask for. Default: the key set's `maxTokenTtlSeconds` (24 h). */
  maxTtlSeconds?: number;
  /** Secret (at least 32 bytes) for pairwise subjects; when set, subjects are pairwise by default. */
  pairwiseSecret?: string | Uint8Array;
  /** Refuse to issue unless `input.consent` shows the customer agreed to reuse for that audience. */
  requireConsentForAudiences?: boolean;
  /**
   * Revocation through a status list: each token gets a random unused index in the list at `uri`
   * (kept in `store` under its `jti`) and carries `status: { status_list: { idx, uri } }`.
   * Publish the list with `createStatusListToken`; revoke with `revokeToken(store, jti)`.
   */
  status?: StatusListAssignment;
  /** Clock, for tests. */
  now?: Clock;
}

/** What to put in one token. @example `{ subject: 'cust_1', audience: 'https://partner.example', verification: { level: 'high', methods: ['document'], verifiedAt: new Date(), riskTier: 'low' } }` */
export interface IssueInput {
  /** Your stable customer reference (pseudonymous; never an e-mail address or name). */
  subject: string;
  /** The partner that will verify the token (its `aud`). */
  audience: string;
  verification: {
    level: AssuranceLevel;
    methods: VerificationMethod[];
    /** When the identity was verified: a Date, or epoch milliseconds (as `Date.now()`); not after now. */
    verifiedAt: Date | number;
    riskTier: RiskTier;
  };
  /** Only the derived facts the partner needs, e.g. `{ age_over_18: true }`. */
  attributes?: Record<string, string | number | boolean>;
  /** Lifetime of this token; default `defaultTtlSeconds`, at most `maxTtlSeconds`. */
  ttlSeconds?: number;
  /** `pairwise` (default when a pairwiseSecret is set) gives each audience a different `sub`. */
  subjectType?: 'public' | 'pairwise';
  /** The customer's consent record; required with `requireConsentForAudiences`. */
  consent?: ConsentRecord;
}

/** An issuer made by {@link createIssuer}. @example `const token = await issuer.issue(input)` */
export interface Issuer {
  /** Signs a token for `input`; refuses bad input with `invalid_options` / `invalid_claims` / `verified_in_future` / `consent_required`. */
  issue(input: IssueInput): Promise<string>;
}

const DEFAULT_TTL_SECONDS = 60 * 60;
const encoder = new TextEncoder();

const checkSeconds = (value: unknown, field: string, max: number): number => wholeNumber(value, field, { min: 1, max, unit: 'seconds' });


function randomJti(): string {
  // 128 random bits: unguessable and, in practice, unique.
  return base64url.encode(crypto.getRandomValues(new Uint8Array(16)));
}

function toEpochSeconds(value: unknown): number {
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new CandorError('invalid_claims', 'verification.verifiedAt must be a Date or epoch milliseconds (Date.now()).', {
      field: 'verification.verifiedAt',
    });
  }
  if (ms < 1e11) {
    throw new CandorError(
      'invalid_claims',
      `verification.verifiedAt ${ms} is before 1973: it looks like seconds. Pass a Date or epoch milliseconds.`,
      { field: 'verification.verifiedAt' },
    );
  }
  return Math.floor(ms / 1000);
}

/**
 * Creates an issuer of Candor verification tokens: compact JWS signed with the active key,
 * protected header `{ alg, kid, typ: "candor-verification+jwt" }`.
 *
 * @example
 * ```ts
 * const keys = await KeySet.generate();
 * const issuer = createIssuer({ issuer: 'https://id.example.com', keys, pairwiseSecret: process.env.PAIRWISE_SECRET });
 * const token = await issuer.issue({
 *   subject: 'cust_8f2a',
 *   audience: 'https://partner.example',
 *   verification: { level: 'substantial', methods: ['document', 'liveness'], verifiedAt: new Date(), riskTier: 'low' },
 *   attributes: { age_over_18: true },
 * });
 * ```
 */
export function createIssuer(options: IssuerOptions): Issuer {
  if (options === null || typeof options !== 'object') throw optionError('options', 'must be an object.');
  // The claims schema owns the length limit of `iss`; the URL rule is the one the verifier applies to JWKS URLs.
  const iss = typeof options.issuer === 'string' && VerificationClaimsSchema.shape.iss.safeParse(options.issuer).success ? parseSecureUrl(options.issuer) : undefined;
  if (!iss) {
    throw optionError('issuer', `must be an https URL (http only on this machine: ${LOOPBACK_HOSTS_TEXT}); got ${describeValue(options.issuer)}.`);
  }
  const issuer = options.issuer;
  const keys = options.keys;
  let keyCeiling = DEFAULT_MAX_TOKEN_TTL_SECONDS;
  if (isKeySet(keys)) keyCeiling = keys.maxTokenTtlSeconds;
  else if (!isCandorKey(keys)) throw optionError('keys', 'must be a KeySet or a CandorKey (see generateKey / KeySet.generate).');
  else if (!keys.privateKey) throw new CandorError('invalid_key', `keys: key ${keys.kid} has no private key, so it cannot sign.`, { field: 'keys' });

  const maxTtl = options.maxTtlSeconds === undefined ? keyCeiling : checkSeconds(options.maxTtlSeconds, 'maxTtlSeconds', keyCeiling);
  const defaultTtl =
    options.defaultTtlSeconds === undefined ? Math.min(DEFAULT_TTL_SECONDS, maxTtl) : checkSeconds(options.defaultTtlSeconds, 'defaultTtlSeconds', maxTtl);

  let pairwiseKey: Promise<CryptoKey> | undefined;
  if (options.pairwiseSecret !== undefined) {
    const secret = typeof options.pairwiseSecret === 'string' ? encoder.encode(options.pairwiseSecret) : options.pairwiseSecret;
    if (!(secret instanceof Uint8Array) || secret.byteLength < 32) {
      throw optionError('pairwiseSecret', 'must be a string or Uint8Array of at least 32 bytes (generate 32 random bytes and keep them secret).');
    }
    pairwiseKey = crypto.subtle.importKey('raw', secret.slice(), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  }
  const requireConsent = options.requireConsentForAudiences === true;
  const now: Clock = clockOption(options.now) ?? systemClock;
  const status = options.status === undefined ? undefined : checkStatusListAssignment('status', options.status);

  async function subjectFor(input: IssueInput): Promise<string> {
    const type = input.subjectType ?? (pairwiseKey ? 'pairwise' : 'public');
    if (type === 'public') return input.subject;
    if (type !== 'pairwise') throw optionError('subjectType', `must be "public" or "pairwise"; got ${describeValue(type)}.`);
    if (!pairwiseKey) throw optionError('subjectType', '"pairwise" needs the issuer option pairwiseSecret.');
    // JSON encoding of [audience, subject] is unambiguous (no separator an input could contain).
    const mac = await crypto.subtle.sign('HMAC', await pairwiseKey, encoder.encode(JSON.stringify([input.audience, input.subject])));
    return base64url.encode(new Uint8Array(mac));
  }

  function checkConsent(input: IssueInput): void {
    const consent = input.consent;
    const refuse = (why: string) =>
      new CandorError(
        'consent_required',
        `Not issuing for audience ${JSON.stringify(input.audience)}: ${why}. Ask the customer to consent to reuse their verification with this partner, then pass the consent record.`,
        { field: 'consent' },
      );
    if (consent === undefined) throw refuse('no consent record was passed');
    const parsed = checkValue(ConsentRecordSchema, consent);
    if (!parsed.ok) throw refuse(`the consent record is not valid (${summarizeIssues(parsed.issues.slice(0, 3))})`);
    const record = parsed.value;
    if (record.event !== 'decision') throw refuse(`the consent record is a ${record.event}, not a decision`);
    if (record.subject !== input.subject) throw refuse('the consent record is for another subject');
    if (!record.reuseAudiences.includes(input.audience)) throw refuse('the consent record does not list this audience in reuseAudiences');
  }

  return {
    async issue(input: IssueInput): Promise<string> {
      if (input === null || typeof input !== 'object') throw optionError('input', 'must be an object with subject, audience and verification.');
      // A pairwise subject is a hash, so the schema's limits on `sub` are applied to the input itself.
      const subject = VerificationClaimsSchema.shape.sub.safeParse(input.subject);
      if (!subject.success) throw claimsError('Cannot issue (subject is a pseudonymous customer reference)', subject.error.issues, 'subject');
      // Checked under the input's name (`audience`, not the claim `aud`) so the caller knows which input is wrong.
      const audience = VerificationClaimsSchema.shape.aud.safeParse(input.audience);
      if (!audience.success) throw claimsError("Cannot issue (audience is the partner's audience id)", audience.error.issues, 'audience');
      const v = input.verification;
      if (v === null || typeof v !== 'object') {
        throw new CandorError('invalid_claims', 'verification must be an object { level, methods, verifiedAt, riskTier }.', { field: 'verification' });
      }
      const ttl = input.ttlSeconds === undefined ? defaultTtl : checkSeconds(input.ttlSeconds, 'ttlSeconds', maxTtl);
      if (requireConsent) checkConsent(input);
      const nowMs = now().getTime();
      const iat = Math.floor(nowMs / 1000);
      const verifiedAt = toEpochSeconds(v.verifiedAt);
      // Verifiers refuse a verification dated after the token (verified_in_future); so does the issuer.
      if (verifiedAt > iat) {
        throw new CandorError(
          'verified_in_future',
          `verification.verifiedAt (${isoOfSeconds(verifiedAt)}) is after now (${isoOfSeconds(iat)}); pass when the verification actually happened.`,
          { field: 'verification.verifiedAt' },
        );
      }
      const claims: VerificationClaims = {
        iss: issuer,
        sub: await subjectFor(input),
        aud: input.audience,
        iat,
        exp: iat + ttl,
        jti: randomJti(),
        verification: { level: v.level, methods: v.methods, verifiedAt, riskTier: v.riskTier },
        ...(input.attributes !== undefined ? { attributes: input.attributes } : {}),
      };
      const parsed = VerificationClaimsSchema.safeParse(claims, { reportInput: true });
      if (!parsed.success) throw claimsError('Cannot issue', parsed.error.issues);
      const key = isKeySet(keys) ? keys.active : keys;
      if (!key.privateKey) throw new CandorError('invalid_key', `Key ${key.kid} has no private key, so it cannot sign.`);
      // Last, so that a refused input takes no index.
      if (status) parsed.data.status = await assignStatus(status, claims.jti);
      try {
        return await new CompactSign(encoder.encode(JSON.stringify(parsed.data)))
          .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: TOKEN_TYPE })
          .sign(key.privateKey);
      } catch (cause) {
        throw new CandorError('invalid_key', `Signing with key ${key.kid} failed: ${String((cause as Error)?.message ?? cause)}.`, { cause });
      }
    },
  };
}
