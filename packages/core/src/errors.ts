/** The one error type of @candor/core: a stable `code` to switch on and a message a person can act on. */
import type { ValidationIssue } from './models/issues.js';

/**
 * Every reason an operation of @candor/core can fail, for exhaustive checks in tests and in
 * callers that log by code. Codes are stable; messages may improve.
 *
 * @example
 * ```ts
 * for (const code of CANDOR_ERROR_CODES) metrics.declare(`candor.${code}`);
 * ```
 */
export const CANDOR_ERROR_CODES = Object.freeze([
  /** The token is not a string, or is empty. */
  'invalid_input',
  /** The token is longer than `maxTokenBytes` (checked before any parsing), or a status list response or its inflated list is over its cap. */
  'too_large',
  /** Not three base64url segments, bad base64url, or a header/payload that is not a JSON object (or has a member name twice). */
  'malformed',
  /** `alg` is not in the verifier's allow-list (this includes `none` and every HMAC algorithm). */
  'unsupported_algorithm',
  /** `typ` is missing or is not the one of the kind expected (`candor-verification+jwt` for a token, `candor-consent+jwt` for a consent record; see `JWS_KINDS`). */
  'wrong_type',
  /** The header carries `jku`, `x5u`, `jwk` or `x5c`; these are never fetched or trusted. */
  'forbidden_header',
  /** `crit` names an extension this verifier does not implement. */
  'unsupported_critical',
  /** No key with the token's `kid` (or the header has no `kid`). */
  'unknown_key',
  /** The signature does not match the header and payload. */
  'bad_signature',
  /** `exp` has passed (beyond the clock tolerance). */
  'expired',
  /** `nbf` or `iat` is in the future (beyond the clock tolerance). */
  'not_yet_valid',
  /** `verification.verifiedAt` is later than `iat` (beyond the clock tolerance): a verification cannot happen after the token saying it did. */
  'verified_in_future',
  /** `exp - iat` is above the verifier's `maxLifetimeSeconds`. */
  'lifetime_too_long',
  /** A required claim (`iss`, `sub`, `aud`, `exp`, `iat`, `jti`, `verification`) is absent. */
  'missing_claim',
  /** `iss` is not one of the accepted issuers. */
  'wrong_issuer',
  /** `aud` is not one of the accepted audiences. */
  'wrong_audience',
  /** The claims (or an issuer's input) fail the verification-claims schema. */
  'invalid_claims',
  /** The assurance level is below the verifier's `minimumLevel`. */
  'insufficient_level',
  /** The verification is older than the policy allows; thrown only with `rejectReverificationDue: true`. */
  'reverification_due',
  /** The token's `jti` was already used under one-time use (or the replay store could not confirm it was not). */
  'replayed',
  /** The remote JWKS could not be fetched, timed out, or is not a valid JWKS. */
  'jwks_unavailable',
  /** A key or JWK that cannot be used (wrong type, curve, missing members, no private key to sign with). */
  'invalid_key',
  /** A programming error in options; the message names the option. */
  'invalid_options',
  /** Issuing for an audience the customer did not consent to reuse their verification with. */
  'consent_required',
  /** A consent notice, choice or record is not valid (e.g. a required purpose declined); the message names it. */
  'invalid_consent',
  /** Storage cannot be used at all: consent storage disabled, sandboxed or unreadable; a status list store file unreadable or corrupt. */
  'storage_unavailable',
  /** Consent storage refused to store more (browser quota full). */
  'storage_quota_exceeded',
  /** An incident given to the channel texts fails `IncidentSchema` (or lacks a status-page link); `issues` name the paths. */
  'invalid_incident',
  /** A template set refused when it is loaded: unknown placeholder, missing key, not a string, unbalanced braces. */
  'invalid_template',
  /** An SMS whose fixed parts (the facts and the link) do not fit in `maxSmsSegments`, even with every free text cut. */
  'message_too_long',
  /** FAQ entries or a contact channel given to a FAQ helper (`createFaqIndex`, `channelAvailability`, `faqJsonLd`) fail their schema; `issues` name the paths. */
  'invalid_faq',
  /** SD-JWT: a disclosure that is not base64url JSON, not an array of 2 (array element) or 3 (object property) members, has a non-string salt or claim name, or has the wrong shape for where its digest is. */
  'invalid_disclosure',
  /** SD-JWT: a disclosure or plaintext member named `_sd` or `...`, the names RFC 9901 reserves. */
  'reserved_claim_name',
  /** SD-JWT: one digest appears more than once in the issuer-signed JWT, directly or through disclosures (including a disclosure that refers to itself). */
  'duplicate_digest',
  /** SD-JWT: the same disclosure is given twice in one presentation. */
  'duplicate_disclosure',
  /** SD-JWT: a disclosure whose digest the issuer-signed JWT does not contain (it was not issued with this credential). */
  'unreferenced_disclosure',
  /** SD-JWT: a disclosed claim whose name is already present in the same object (as plaintext or from another disclosure). */
  'claim_clash',
  /** SD-JWT: `_sd_alg` names a hash algorithm other than `sha-256`. */
  'unsupported_sd_alg',
  /** SD-JWT issuance: a claim that must stay in the issuer-signed JWT (`iss`, `nbf`, `exp`, `iat`, `cnf`, `vct`, `status`, `_sd`, `_sd_alg`, `...`) was named as disclosable, or a credential makes one of the first six disclosable. */
  'not_disclosable',
  /** SD-JWT: the verifier requires key binding and the presentation has no key-binding JWT, or the credential has no `cnf` key to bind to. */
  'key_binding_required',
  /** SD-JWT: the credential's `cnf` is not `{ "jwk": <public EC P-256 or Ed25519 JWK> }`. */
  'invalid_cnf',
  /** Key-binding JWT: `nonce` is not the one the verifier gave the holder (replayed or made for another request). */
  'wrong_nonce',
  /** Key-binding JWT: `sd_hash` does not match the presentation it came with (disclosures were added, removed or changed). */
  'sd_hash_mismatch',
  /** Key-binding JWT: `iat` is older than the verifier's `maxIatAgeSeconds`. */
  'stale_key_binding',
  /** Token Status List: the issuer revoked the token (status 0x01); final. */
  'revoked',
  /** Token Status List: the issuer suspended the token (status 0x02); it may be unsuspended later. */
  'suspended',
  /** Token Status List: no usable status list (fetch failed, timed out, or the list expired) and no cached one within `maxStalenessSeconds`; the token is refused (fail closed). */
  'status_unavailable',
  /** Token Status List: the status list token is not a valid list for this token (wrong `sub`, bad `bits` or `lst`, index out of range, unknown status value). */
  'invalid_status_list',
  /** Token Status List: every index of the list is taken; issue into a new list (another URI). */
  'status_list_full',
] as const);

/**
 * One of {@link CANDOR_ERROR_CODES}: the stable reason a `CandorError` carries.
 *
 * @example
 * ```ts
 * const retryable = (code: CandorErrorCode) => code === 'jwks_unavailable';
 * ```
 */
export type CandorErrorCode = (typeof CANDOR_ERROR_CODES)[number];

/** Extra context attached to a {@link CandorError}. @example `new CandorError('invalid_options', 'ttlSeconds must be ...', { field: 'ttlSeconds' })` */
export interface CandorErrorOptions {
  /** The underlying error (for example a jose error), kept for logs. */
  cause?: unknown;
  /** The option, claim or field at fault, e.g. `clockToleranceSeconds` or `verification.level`. */
  field?: string;
  /** For schema failures (`invalid_claims`, ...): every problem found, each with its path (the first is `field`). */
  issues?: readonly ValidationIssue[];
}

/**
 * The error every @candor/core operation throws. Switch on `code`; show or log `message`.
 *
 * @example
 * ```ts
 * try {
 *   await verifier.verify(token);
 * } catch (e) {
 *   if (isCandorError(e) && e.code === 'expired') askForAFreshToken();
 *   else throw e;
 * }
 * ```
 */
export class CandorError extends Error {
  /** Stable machine-readable reason. */
  readonly code: CandorErrorCode;
  /** The option, claim or field at fault, when there is one. */
  readonly field?: string;
  /** For schema failures: the problems found, so a caller can point at each input it owns. */
  readonly issues?: readonly ValidationIssue[];

  constructor(code: CandorErrorCode, message: string, options: CandorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CandorError';
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
    if (options.issues !== undefined) this.issues = Object.freeze([...options.issues]);
  }
}

/**
 * True when `e` is a {@link CandorError} (works across bundles: checks the shape, not only the class).
 *
 * @example
 * ```ts
 * if (isCandorError(e)) console.warn(e.code, e.message);
 * ```
 */
export function isCandorError(e: unknown): e is CandorError {
  return (
    e instanceof CandorError ||
    (e instanceof Error &&
      e.name === 'CandorError' &&
      typeof (e as { code?: unknown }).code === 'string' &&
      (CANDOR_ERROR_CODES as readonly string[]).includes((e as unknown as { code: string }).code))
  );
}
