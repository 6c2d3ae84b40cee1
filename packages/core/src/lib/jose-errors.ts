/** Maps jose's errors (which carry `.code` such as ERR_JWT_EXPIRED) to Candor error codes. */
import { errors } from 'jose';
import { CandorError, isCandorError, type CandorErrorCode } from '../errors.js';

interface JoseLike {
  code?: unknown;
  claim?: unknown;
  reason?: unknown;
  message?: unknown;
}

const BY_JOSE_CODE: Record<string, CandorErrorCode> = {
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'bad_signature',
  ERR_JWS_INVALID: 'malformed',
  ERR_JWT_INVALID: 'malformed',
  ERR_JOSE_ALG_NOT_ALLOWED: 'unsupported_algorithm',
  ERR_JOSE_NOT_SUPPORTED: 'unsupported_algorithm',
  ERR_JWT_EXPIRED: 'expired',
  ERR_JWKS_NO_MATCHING_KEY: 'unknown_key',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'unknown_key',
  ERR_JWKS_TIMEOUT: 'jwks_unavailable',
  ERR_JWKS_INVALID: 'jwks_unavailable',
  ERR_JWK_INVALID: 'invalid_key',
};

const ADVICE: Partial<Record<CandorErrorCode, string>> = {
  bad_signature: 'The signature does not match: the token was altered or signed by another key. Ask the issuer for a new token.',
  malformed: 'The token is not a well-formed compact JWS. Pass the token string exactly as issued.',
  unsupported_algorithm: 'The token uses an algorithm this verifier does not accept.',
  expired: 'The token has expired. Ask the customer to present a fresh token.',
  unknown_key: "No published key matches the token's kid. Check the issuer's JWKS, or the key was retired and pruned.",
  jwks_unavailable: "The issuer's JWKS could not be fetched or is not a valid key set. Check the URL and the network, then retry.",
  invalid_key: 'The key cannot be used for this token.',
};

/** True for an error jose threw on purpose (a refused key, JWKS or token), as opposed to a bug. */
export function isJoseError(error: unknown): boolean {
  return error instanceof errors.JOSEError;
}

/**
 * Wraps any error in a CandorError. CandorErrors pass through; jose errors map by `.code`;
 * anything else becomes `fallback` so no untyped error ever escapes.
 */
export function toCandorError(error: unknown, fallback: CandorErrorCode, context?: string): CandorError {
  if (isCandorError(error)) return error;
  const e = (error ?? {}) as JoseLike;
  const joseCode = typeof e.code === 'string' ? e.code : undefined;
  let code: CandorErrorCode = (joseCode && BY_JOSE_CODE[joseCode]) || fallback;
  let field: string | undefined;
  if (joseCode === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = typeof e.claim === 'string' ? e.claim : undefined;
    field = claim;
    code =
      e.reason === 'missing'
        ? 'missing_claim'
        : claim === 'iss'
          ? 'wrong_issuer'
          : claim === 'aud'
            ? 'wrong_audience'
            : claim === 'nbf' || claim === 'iat'
              ? 'not_yet_valid'
              : 'invalid_claims';
  }
  const detail = typeof e.message === 'string' && e.message ? ` (${e.message})` : '';
  const advice = ADVICE[code] ?? 'The operation failed.';
  return new CandorError(code, `${context ? `${context}: ` : ''}${advice}${detail}`, {
    cause: error,
    ...(field ? { field } : {}),
  });
}

/**
 * For errors caught around a step of verification: a refusal (a CandorError, or an error jose
 * threw on purpose) becomes a CandorError about the input, mapped as {@link toCandorError} does;
 * anything else is a bug, not a bad token, and is thrown unchanged.
 *
 * @example
 * try { key = await resolve(alg, kid); } catch (e) { throw refusalOrBug(e, 'unknown_key'); }
 */
export function refusalOrBug(error: unknown, fallback: CandorErrorCode, context?: string): CandorError {
  if (isCandorError(error) || isJoseError(error)) return toCandorError(error, fallback, context);
  throw error;
}
