/** JWK helpers: which algorithm a key is for, and its public members only (copied, never filtered). */
import type { JWK } from 'jose';

/**
 * The signing algorithms Candor issues and, by default, accepts.
 *
 * @example
 * ```ts
 * const alg: SigningAlgorithm = SIGNING_ALGORITHMS[0]; // 'ES256'
 * ```
 */
export const SIGNING_ALGORITHMS = ['ES256', 'EdDSA'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** The algorithm a JWK's key type and curve imply, or undefined for a key Candor cannot use. */
export function algorithmOf(jwk: JWK): SigningAlgorithm | undefined {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  return undefined;
}

/**
 * The public members of a JWK. Built by copying an allow-list rather than deleting private
 * members, so a private member nobody thought of (`d`, `p`, `q`, `dp`, `dq`, `qi`, `oth`, `k`, or
 * a vendor extension) can never leak into a published JWKS.
 */
export function publicMembers(jwk: JWK): JWK {
  const out: JWK = { kty: jwk.kty };
  if (typeof jwk.crv === 'string') out.crv = jwk.crv;
  if (typeof jwk.x === 'string') out.x = jwk.x;
  if (jwk.kty === 'EC' && typeof jwk.y === 'string') out.y = jwk.y;
  return out;
}

/** Whether a value looks like a JWK object at all (a plain object with a string `kty`). */
export function isJwkLike(value: unknown): value is JWK {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as JWK).kty === 'string';
}
