/** JWK helpers: which algorithm a key is for, and what of a JWK may be published (an allow-list, copied, never filtered). */
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

/**
 * The JWK to publish in a JWKS: the key material of {@link publicMembers} plus the string
 * members `kid`, `alg` and `use`. The one rule for "public JWK" in Candor: the verifier imports
 * only this, and the CLI and its JWKS server publish only this.
 *
 * @example
 * ```ts
 * const jwks = { keys: keySet.publicJwks().keys.map(toPublicJwk) };
 * ```
 */
export function toPublicJwk(jwk: JWK): JWK {
  const out = publicMembers(jwk);
  for (const name of ['kid', 'alg', 'use'] as const) if (typeof jwk[name] === 'string') out[name] = jwk[name];
  return out;
}

/**
 * Members that hold private key material in some JWK type (RFC 7518 §6). Only for spotting a
 * private key given where a public one belongs, to say so; what is published is decided by
 * {@link toPublicJwk}'s allow-list, never by removing these.
 *
 * @example
 * ```ts
 * const leaked = Object.keys(jwk).filter((m) => PRIVATE_JWK_MEMBERS.includes(m));
 * ```
 */
export const PRIVATE_JWK_MEMBERS: readonly string[] = Object.freeze(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']);

/** Whether a value looks like a JWK object at all (a plain object with a string `kty`). */
export function isJwkLike(value: unknown): value is JWK {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as JWK).kty === 'string';
}
