/** verifyConsentRecord: checks a signed consent record and returns the validated record. */
import { compactVerify, type JWK } from 'jose';
import type { ConsentRecord } from '../models/consent.js';
import { CandorError, type CandorErrorCode } from '../errors.js';
import type { CandorKey } from '../keys/key.js';
import type { KeySet } from '../keys/key-set.js';
import { decodeJsonObject, parseJsonObjectBytes } from '../lib/base64url.js';
import { refusalOrBug } from '../lib/jose-errors.js';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from '../lib/jwk.js';
import { keyResolver } from '../lib/key-source.js';
import { CONSENT_RECORD_TYPE, isConsentRecordType } from './consent-type.js';
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

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const FORBIDDEN_HEADERS = ['jku', 'x5u', 'jwk', 'x5c'] as const;

const fail = (code: CandorErrorCode, message: string, field?: string) => new CandorError(code, message, field ? { field } : {});

/**
 * Verifies a signed consent record: size cap, compact form, no `jku`/`x5u`/`jwk`/`x5c`, no `crit`,
 * `typ` must be `candor-consent+jwt` (a verification token is refused as `wrong_type`), `alg` on
 * the allow-list, `kid` among the given keys, signature, then the payload against
 * `ConsentRecordSchema`. Keys are what token verification accepts: a KeySet, a CandorKey, a
 * JWK, a JWKS object, or the https URL of a JWKS.
 *
 * @throws {CandorError} `invalid_input`, `too_large`, `malformed`, `forbidden_header`,
 * `unsupported_critical`, `wrong_type`, `unsupported_algorithm`, `unknown_key`, `bad_signature`,
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
  const resolve = keyResolver(keys);

  if (typeof jws !== 'string' || jws.length === 0) {
    throw fail('invalid_input', 'A signed consent record must be a non-empty string (compact JWS).');
  }
  // Characters outside ASCII make it malformed anyway, so the length bounds its size in bytes.
  if (jws.length > maxBytes) throw fail('too_large', `The signed consent record is ${jws.length} bytes, over the ${maxBytes}-byte limit; it was not parsed.`);
  if (!COMPACT_JWS.test(jws)) {
    throw fail('malformed', 'A signed consent record is a compact JWS: three non-empty base64url segments separated by dots.');
  }
  const header = decodeJsonObject(jws.slice(0, jws.indexOf('.')));
  if (!header) throw fail('malformed', 'The header is not a base64url-encoded JSON object.');
  for (const name of FORBIDDEN_HEADERS) {
    if (name in header) throw fail('forbidden_header', `The header carries "${name}"; keys come only from the keys you pass, never from the JWS.`, name);
  }
  if ('crit' in header) throw fail('unsupported_critical', 'The header marks extensions as critical; none are implemented.', 'crit');
  if (!isConsentRecordType(header.typ)) {
    throw fail('wrong_type', `typ is ${JSON.stringify(header.typ)}, not "${CONSENT_RECORD_TYPE}": this is not a signed Candor consent record.`, 'typ');
  }
  const alg = header.alg;
  if (typeof alg !== 'string' || !(algorithms as string[]).includes(alg)) {
    throw fail('unsupported_algorithm', `Algorithm ${JSON.stringify(alg)} is not accepted; accepted: ${algorithms.join(', ')}.`, 'alg');
  }
  const kid = header.kid;
  if (typeof kid !== 'string' || kid.length === 0 || kid.length > 256) {
    throw fail('unknown_key', 'The header has no usable kid, so no key can be chosen.', 'kid');
  }
  let key: CryptoKey;
  try {
    key = await resolve(alg, kid);
  } catch (e) {
    throw refusalOrBug(e, 'unknown_key');
  }
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(jws, key, { algorithms: [alg] }));
  } catch (e) {
    throw refusalOrBug(e, 'bad_signature', 'Consent record signature check');
  }
  const record = parseJsonObjectBytes(payload);
  if (!record) throw fail('malformed', 'The payload is not a JSON object.');
  return parseRecord(record, 'invalid_claims');
}
