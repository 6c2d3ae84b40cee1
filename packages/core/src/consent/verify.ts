/** verifyConsentRecord: checks a signed consent record and returns the validated record. */
import type { JWK } from 'jose';
import type { ConsentRecord } from '../models/consent.js';
import { CandorError, type CandorErrorCode } from '../errors.js';
import type { CandorKey } from '../keys/key.js';
import type { KeySet } from '../keys/key-set.js';
import { parseJsonObjectBytes } from '../lib/base64url.js';
import { verifyCompactJws } from '../lib/jws.js';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from '../lib/jwk.js';
import { keyResolver } from '../lib/key-source.js';
import { parseRecord } from './validate.js';

/** Options of {@link verifyConsentRecord}. */
export interface VerifyConsentRecordOptions {
  /** Accepted algorithms; default ES256 and EdDSA. Never `none` or HMAC. */
  algorithms?: SigningAlgorithm[];
  /** Size cap in bytes, checked before any parsing; default 16384 (a record is about 1–2 KB). */
  maxBytes?: number;
}

/** Default {@link VerifyConsentRecordOptions.maxBytes}. */
export const DEFAULT_MAX_CONSENT_JWS_BYTES = 16 * 1024;

const fail = (code: CandorErrorCode, message: string, field?: string) => new CandorError(code, message, field ? { field } : {});

/**
 * Verifies a signed consent record through the JWS pipeline every signed object goes through
 * (size cap, compact form, canonical base64url, `alg` on the allow-list, no `jku`/`x5u`/`jwk`/`x5c`,
 * no `crit`, `typ` must be `candor-consent+jwt` so a verification token is refused as
 * `wrong_type`, `kid` among the given keys, signature), then checks the payload against
 * `ConsentRecordSchema`. Keys are what token verification accepts: a KeySet, a CandorKey, a
 * JWK, a JWKS object, or the https URL of a JWKS.
 *
 * @throws {CandorError} `invalid_input`, `too_large`, `malformed`, `forbidden_header`,
 * `unsupported_critical`, `wrong_type`, `unsupported_algorithm`, `unknown_key`, `invalid_key`,
 * `jwks_unavailable`, `bad_signature`,
 * `invalid_claims` (payload is not a valid consent record), `invalid_options`.
 * @example
 * try {
 *   const record = await verifyConsentRecord(jws, 'https://bank.example/.well-known/jwks.json');
 *   if (record.reuseAudiences.includes(myAudience)) { ... }
 * } catch (e) {
 *   if (isCandorError(e)) console.warn(e.code, e.message);
 * }
 */
export async function verifyConsentRecord(
  jws: unknown,
  keys: KeySet | CandorKey | JWK | { keys: JWK[] } | URL | string,
  options: VerifyConsentRecordOptions = {},
): Promise<ConsentRecord> {
  const algorithms = options.algorithms ?? [...SIGNING_ALGORITHMS];
  if (!Array.isArray(algorithms) || algorithms.length === 0 || algorithms.some((a) => !(SIGNING_ALGORITHMS as readonly string[]).includes(a))) {
    throw fail('invalid_options', `algorithms must be a non-empty list of ${SIGNING_ALGORITHMS.join(', ')}.`, 'algorithms');
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_CONSENT_JWS_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < 256 || maxBytes > 1024 * 1024) {
    throw fail('invalid_options', 'maxBytes must be a whole number between 256 and 1048576.', 'maxBytes');
  }
  const { payload } = await verifyCompactJws(jws, { kind: 'consent-record', algorithms, maxBytes, keys: keyResolver(keys) });
  const record = parseJsonObjectBytes(payload);
  if (!record) throw fail('malformed', 'The payload is not a JSON object with each member name once.');
  return parseRecord(record, 'invalid_claims');
}
