/** One signing key pair (or public key only) with its RFC 7638 thumbprint as `kid`. */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { CandorError } from '../errors.js';
import { algorithmOf, isJwkLike, publicMembers, SIGNING_ALGORITHMS, type SigningAlgorithm } from '../lib/jwk.js';
import { describeValue } from '../lib/options.js';

export { SIGNING_ALGORITHMS, type SigningAlgorithm };
export type { JWK };

/**
 * One key: a key pair for signing, or a public key only for verifying.
 * `kid` is the RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key, so the same key
 * always has the same id wherever it is imported.
 *
 * @example
 * ```ts
 * const key: CandorKey = await generateKey();
 * console.log(key.kid, key.publicJwk);
 * ```
 */
export interface CandorKey {
  /** RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key. */
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly publicKey: CryptoKey;
  /** Present only for keys that can sign. */
  readonly privateKey?: CryptoKey;
  /** The public JWK with `kid`, `alg` and `use: "sig"`; never has private members. */
  readonly publicJwk: Readonly<JWK>;
}

function checkAlg(alg: unknown, option = 'alg'): SigningAlgorithm {
  if (alg === undefined) return 'ES256';
  if (!(SIGNING_ALGORITHMS as readonly unknown[]).includes(alg)) {
    throw new CandorError(
      'invalid_options',
      `${option} must be one of ${SIGNING_ALGORITHMS.join(', ')}; got ${describeValue(alg)}.`,
      { field: option },
    );
  }
  return alg as SigningAlgorithm;
}

async function fromParts(alg: SigningAlgorithm, publicJwkIn: JWK, publicKey: CryptoKey, privateKey?: CryptoKey): Promise<CandorKey> {
  const pub = publicMembers(publicJwkIn);
  const kid = await calculateJwkThumbprint(pub, 'sha256');
  const publicJwk = Object.freeze({ ...pub, kid, alg, use: 'sig' });
  return Object.freeze({ kid, alg, publicKey, ...(privateKey ? { privateKey } : {}), publicJwk });
}

/**
 * Generates a new signing key pair. ES256 (P-256) by default; EdDSA uses Ed25519.
 * The private key is extractable so it can be stored with {@link exportPrivateJwk} or `KeySet.toJSON()`.
 *
 * @example
 * ```ts
 * const key = await generateKey();          // ES256
 * const ed = await generateKey('EdDSA');
 * console.log(key.kid, key.publicJwk);
 * ```
 */
export async function generateKey(alg: SigningAlgorithm = 'ES256'): Promise<CandorKey> {
  const a = checkAlg(alg);
  try {
    const pair = await generateKeyPair(a, { extractable: true, ...(a === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
    return await fromParts(a, await exportJWK(pair.publicKey), pair.publicKey, pair.privateKey);
  } catch (cause) {
    throw new CandorError('invalid_key', `This runtime cannot generate ${a} keys: ${String((cause as Error)?.message ?? cause)}.`, { cause });
  }
}

/**
 * Imports a JWK: a private JWK gives a key that can sign, a public JWK a key that can only verify.
 * Accepts EC P-256 (ES256) and OKP Ed25519 (EdDSA). A `kid` in the JWK must equal the RFC 7638
 * thumbprint, since Candor uses thumbprints as key ids.
 *
 * @example
 * ```ts
 * const key = await importKey(JSON.parse(await readFile('key.json', 'utf8')));
 * const verifyOnly = await importKey(key.publicJwk);
 * ```
 */
export async function importKey(jwk: JWK, alg?: SigningAlgorithm): Promise<CandorKey> {
  if (!isJwkLike(jwk)) throw new CandorError('invalid_key', 'importKey expects a JWK object with a "kty" member.');
  const implied = algorithmOf(jwk);
  if (!implied) {
    throw new CandorError(
      'invalid_key',
      `Unsupported key: kty ${describeValue(jwk.kty)} crv ${describeValue(jwk.crv)}. Use an EC P-256 (ES256) or OKP Ed25519 (EdDSA) key.`,
    );
  }
  const wanted = alg === undefined ? implied : checkAlg(alg);
  if (wanted !== implied || (jwk.alg !== undefined && jwk.alg !== implied)) {
    throw new CandorError('invalid_key', `The JWK is a ${implied} key but ${alg ?? jwk.alg} was asked for.`);
  }
  const pub = publicMembers(jwk);
  let publicKey: CryptoKey;
  let privateKey: CryptoKey | undefined;
  try {
    publicKey = (await importJWK(pub, implied, { extractable: true })) as CryptoKey;
    if (typeof jwk.d === 'string') {
      privateKey = (await importJWK({ ...pub, d: jwk.d }, implied, { extractable: true })) as CryptoKey;
    }
  } catch (cause) {
    throw new CandorError('invalid_key', `The JWK could not be imported (${String((cause as Error)?.message ?? cause)}); check its members.`, { cause });
  }
  const key = await fromParts(implied, pub, publicKey, privateKey);
  if (jwk.kid !== undefined && jwk.kid !== key.kid) {
    throw new CandorError(
      'invalid_key',
      `The JWK's kid ${describeValue(jwk.kid)} is not its RFC 7638 thumbprint (${key.kid}). Remove the kid or correct it.`,
    );
  }
  return key;
}

/**
 * Exports the private JWK of a key (with `kid` and `alg`) for storage. Keep it secret.
 *
 * @example
 * ```ts
 * await writeFile('key.json', JSON.stringify(await exportPrivateJwk(key)), { mode: 0o600 });
 * ```
 */
export async function exportPrivateJwk(key: CandorKey): Promise<JWK> {
  if (!key?.privateKey) throw new CandorError('invalid_key', `Key ${key?.kid ?? '(unknown)'} has no private key to export.`);
  try {
    const jwk = await exportJWK(key.privateKey);
    return { ...jwk, kid: key.kid, alg: key.alg, use: 'sig' };
  } catch (cause) {
    throw new CandorError('invalid_key', `Key ${key.kid}'s private key is not extractable; it cannot be exported.`, { cause });
  }
}

/**
 * True when `value` has the shape of a {@link CandorKey}.
 *
 * @example
 * ```ts
 * const kid = isCandorKey(keys) ? keys.kid : keys.active.kid;
 * ```
 */
export function isCandorKey(value: unknown): value is CandorKey {
  const k = value as CandorKey | null;
  return (
    k !== null &&
    typeof k === 'object' &&
    typeof k.kid === 'string' &&
    typeof k.alg === 'string' &&
    typeof k.publicKey === 'object' &&
    k.publicKey !== null &&
    typeof k.publicJwk === 'object'
  );
}
