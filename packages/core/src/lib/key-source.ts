/** Turns the verifier's `keys` option into a function from a token header to a public CryptoKey. */
import { calculateJwkThumbprint, createRemoteJWKSet, importJWK, type JWK } from 'jose';
import { CandorError } from '../errors.js';
import { isCandorKey } from '../keys/key.js';
import { isKeySet } from '../keys/key-set.js';
import { algorithmOf, isJwkLike, publicMembers, type SigningAlgorithm } from './jwk.js';
import { toCandorError } from './jose-errors.js';
import { wholeNumber } from './options.js';
import { LOOPBACK_HOSTS_TEXT, parseSecureUrl } from './urls.js';

/** Returns the key for a header, synchronously when it is already known (the fast path). */
export type KeyResolver = (alg: string, kid: string) => CryptoKey | Promise<CryptoKey>;

/** Remote JWKS tuning, passed to jose's createRemoteJWKSet. @example `createVerifier({ ...options, keys: jwksUrl, jwks: { timeoutMs: 2000 } })` */
export interface RemoteJwksOptions {
  /** How long a fetched JWKS is used before it is fetched again. Default 10 minutes. */
  cacheMaxAgeMs?: number;
  /** Minimum time between refetches triggered by an unknown kid. Default 30 s. */
  cooldownMs?: number;
  /** Fetch timeout. Default 5 s. */
  timeoutMs?: number;
}

function unknownKey(kid: string, alg: string, where: string): CandorError {
  return new CandorError(
    'unknown_key',
    `No ${alg} key with kid ${JSON.stringify(kid)} in ${where}. The token was signed by a key this verifier does not have (or that was retired and pruned); refresh the issuer's JWKS or ask for a new token.`,
    { field: 'kid' },
  );
}

const checkedDuration = (value: unknown, field: string, fallback: number): number =>
  wholeNumber(value, field, { fallback, min: 0, max: 86_400_000, unit: 'milliseconds' });

/** A resolver over a fixed list of public JWKs, imported once on first use. */
function fromJwks(jwks: readonly unknown[], where: string): KeyResolver {
  const checked = jwks.map((jwk, i) => {
    const field = `keys.keys.${i}`;
    if (!isJwkLike(jwk)) throw new CandorError('invalid_key', `${field} is not a JWK (an object with "kty").`, { field });
    const alg = algorithmOf(jwk);
    if (!alg) {
      throw new CandorError('invalid_key', `${field} is kty ${JSON.stringify(jwk.kty)} crv ${JSON.stringify(jwk.crv)}; only EC P-256 (ES256) and OKP Ed25519 (EdDSA) keys are used.`, { field });
    }
    if (jwk.alg !== undefined && jwk.alg !== alg) {
      throw new CandorError('invalid_key', `${field} says alg ${JSON.stringify(jwk.alg)} but is a ${alg} key.`, { field });
    }
    if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || jwk.kid.length === 0)) {
      throw new CandorError('invalid_key', `${field}.kid must be a non-empty string.`, { field: `${field}.kid` });
    }
    return { jwk, alg, field };
  });
  let table: Map<string, { alg: SigningAlgorithm; key: CryptoKey }> | undefined;
  let loading: Promise<Map<string, { alg: SigningAlgorithm; key: CryptoKey }>> | undefined;
  const load = async () => {
    const map = new Map<string, { alg: SigningAlgorithm; key: CryptoKey }>();
    for (const { jwk, alg, field } of checked) {
      const pub = publicMembers(jwk);
      try {
        const kid = typeof jwk.kid === 'string' ? jwk.kid : await calculateJwkThumbprint(pub, 'sha256');
        map.set(kid, { alg, key: (await importJWK(pub, alg)) as CryptoKey });
      } catch (cause) {
        throw new CandorError('invalid_key', `${field} could not be imported (${String((cause as Error)?.message ?? cause)}); check its members.`, { cause, field });
      }
    }
    return (table = map);
  };
  const pick = (map: Map<string, { alg: SigningAlgorithm; key: CryptoKey }>, alg: string, kid: string) => {
    const entry = map.get(kid);
    if (!entry || entry.alg !== alg) throw unknownKey(kid, alg, where);
    return entry.key;
  };
  return (alg, kid) => {
    if (table) return pick(table, alg, kid);
    loading ??= load();
    // A failed import is remembered as failed: the option is wrong and will not get better.
    return loading.then((map) => pick(map, alg, kid));
  };
}

/**
 * Builds the resolver for the verifier's `keys` option: a JWKS object, a single JWK, a
 * CandorKey, a KeySet (live: rotation and pruning take effect at once) or a JWKS URL.
 */
export function keyResolver(keys: unknown, remote: RemoteJwksOptions = {}): KeyResolver {
  if (isKeySet(keys)) {
    return (alg, kid) => {
      const key = keys.get(kid);
      if (!key || key.alg !== alg) throw unknownKey(kid, alg, 'the key set');
      return key.publicKey;
    };
  }
  if (isCandorKey(keys)) {
    return (alg, kid) => {
      if (kid !== keys.kid || alg !== keys.alg) throw unknownKey(kid, alg, 'the configured key');
      return keys.publicKey;
    };
  }
  if (typeof keys === 'string' || keys instanceof URL) {
    const url = parseSecureUrl(keys);
    if (!url) {
      throw new CandorError(
        'invalid_options',
        `keys: the JWKS URL ${JSON.stringify(String(keys))} must be https (plain http only on this machine: ${LOOPBACK_HOSTS_TEXT}).`,
        { field: 'keys' },
      );
    }
    const o = remote ?? {};
    const getKey = createRemoteJWKSet(url, {
      cacheMaxAge: checkedDuration(o.cacheMaxAgeMs, 'jwks.cacheMaxAgeMs', 600_000),
      cooldownDuration: checkedDuration(o.cooldownMs, 'jwks.cooldownMs', 30_000),
      timeoutDuration: checkedDuration(o.timeoutMs, 'jwks.timeoutMs', 5_000),
    });
    const where = `the JWKS at ${url.href}`;
    return async (alg, kid) => {
      try {
        return (await getKey({ alg, kid })) as CryptoKey;
      } catch (e) {
        const code = (e as { code?: unknown })?.code;
        if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw unknownKey(kid, alg, where);
        // Everything else (network error, timeout, non-200, non-JSON, not a JWKS) means the key set is unavailable.
        const err = toCandorError(e, 'jwks_unavailable', `Fetching ${where}`);
        throw err.code === 'jwks_unavailable'
          ? err
          : new CandorError('jwks_unavailable', `${where} is not usable: ${err.message}`, { cause: e });
      }
    };
  }
  if (isJwkLike(keys)) return fromJwks([keys], 'the configured JWK');
  if (keys !== null && typeof keys === 'object' && Array.isArray((keys as { keys?: unknown }).keys)) {
    return fromJwks((keys as { keys: JWK[] }).keys, 'the configured JWKS');
  }
  throw new CandorError(
    'invalid_options',
    'keys must be a JWKS ({ keys: [...] }), a JWK, a CandorKey, a KeySet, or the https URL of a JWKS.',
    { field: 'keys' },
  );
}
