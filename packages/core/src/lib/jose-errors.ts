/**
 * Maps the jose errors that can still reach Candor (fetching a remote JWKS, signing) to Candor
 * error codes. Verification does not need it: the JWS pipeline (jws.ts) makes every check itself
 * before jose runs, so only a signature mismatch is left to come from jose.
 */
import { CandorError, isCandorError, type CandorErrorCode } from '../errors.js';

interface JoseLike {
  code?: unknown;
  message?: unknown;
}

const BY_JOSE_CODE: Record<string, CandorErrorCode> = {
  ERR_JOSE_NOT_SUPPORTED: 'unsupported_algorithm',
  ERR_JWKS_TIMEOUT: 'jwks_unavailable',
  ERR_JWKS_INVALID: 'jwks_unavailable',
  ERR_JWK_INVALID: 'invalid_key',
};

const ADVICE: Partial<Record<CandorErrorCode, string>> = {
  unsupported_algorithm: 'The token uses an algorithm this verifier does not accept.',
  jwks_unavailable: "The issuer's JWKS could not be fetched or is not a valid key set. Check the URL and the network, then retry.",
  invalid_key: 'The key cannot be used for this token.',
};

/**
 * Wraps any error in a CandorError. CandorErrors pass through; jose errors map by `.code`;
 * anything else becomes `fallback` so no untyped error ever escapes.
 */
export function toCandorError(error: unknown, fallback: CandorErrorCode, context?: string): CandorError {
  if (isCandorError(error)) return error;
  const e = (error ?? {}) as JoseLike;
  const joseCode = typeof e.code === 'string' ? e.code : undefined;
  const code: CandorErrorCode = (joseCode && BY_JOSE_CODE[joseCode]) || fallback;
  const detail = typeof e.message === 'string' && e.message ? ` (${e.message})` : '';
  const advice = ADVICE[code] ?? 'The operation failed.';
  return new CandorError(code, `${context ? `${context}: ` : ''}${advice}${detail}`, { cause: error });
}
