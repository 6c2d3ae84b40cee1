/** Checks a JWS signature with WebCrypto, the same primitive jose uses, without re-parsing the token. */
import { CandorError } from '../errors.js';
import type { SigningAlgorithm } from './jwk.js';

const ECDSA_P256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const ED25519 = { name: 'Ed25519' } as const;
const ascii = new TextEncoder();

/** True when `key` is a public key for `alg` (ECDSA P-256 for ES256, Ed25519 for EdDSA). */
function keyFits(alg: SigningAlgorithm, key: CryptoKey): boolean {
  const a = key.algorithm as EcKeyAlgorithm;
  return alg === 'ES256' ? a.name === 'ECDSA' && a.namedCurve === 'P-256' : a.name === 'Ed25519';
}

/**
 * Verifies `signature` over the JWS signing input (`header.payload`, ASCII). Both algorithms
 * have 64-byte signatures (ES256: raw r||s as RFC 7518 §3.4 requires, not DER).
 */
export async function verifySignature(alg: SigningAlgorithm, key: CryptoKey, signingInput: string, signature: Uint8Array): Promise<boolean> {
  if (key.type !== 'public' || !keyFits(alg, key)) {
    throw new CandorError('invalid_key', `The key found for this token is not a ${alg} public key; check the configured keys.`);
  }
  if (signature.length !== 64) return false;
  try {
    return await crypto.subtle.verify(alg === 'ES256' ? ECDSA_P256 : ED25519, key, signature as Uint8Array<ArrayBuffer>, ascii.encode(signingInput));
  } catch (cause) {
    throw new CandorError('invalid_key', `The key cannot verify ${alg} signatures (${String((cause as Error)?.message ?? cause)}).`, { cause });
  }
}
