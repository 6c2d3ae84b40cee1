/** Turns the verifier's `keys` option into a function from a token header to a public CryptoKey. */
import { calculateJwkThumbprint, createRemoteJWKSet, customFetch, importJWK, type JWK } from 'jose';
import { CandorError } from '../errors.js';
import { isCandorKey } from '../keys/key.js';
import { isKeySet } from '../keys/key-set.js';
import { algorithmOf, isJwkLike, publicMembers, type SigningAlgorithm } from './jwk.js';
import { toCandorError } from './jose-errors.js';
import { describeValue, wholeNumber } from './options.js';
import { readResponseCapped } from './read-capped.js';
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
    `No ${alg} key with kid ${describeValue(kid)} in ${where}. The token was signed by a key this verifier does not have (or that was retired and pruned); refresh the issuer's JWKS or ask for a new token.`,
    { field: 'kid' },
  );
}

/** Largest remote JWKS body read, in bytes (64 KiB, as for issuer metadata): a key set is a few KiB. */
export const MAX_REMOTE_JWKS_BYTES = 64 * 1024;

/**
 * jose's fetch of a remote JWKS, with the body read up to {@link MAX_REMOTE_JWKS_BYTES} (jose
 * itself reads any size): a larger answer, announced or not, is refused as `jwks_unavailable`
 * without being held in memory. Same request otherwise (no redirects, jose's timeout signal).
 */
async function cappedJwksFetch(url: string, init: RequestInit): Promise<Response> {
  const response = await globalThis.fetch(url, init);
  // jose refuses anything but 200 without reading it.
  if (response.status !== 200 || !response.body) return response;
  const bytes = await readResponseCapped(
    response,
    MAX_REMOTE_JWKS_BYTES,
    (announced) =>
      new CandorError(
        'jwks_unavailable',
        `The JWKS at ${url} is ${announced ?? `more than ${MAX_REMOTE_JWKS_BYTES}`} bytes, over the ${MAX_REMOTE_JWKS_BYTES}-byte limit for a key set, so it was not read. Check the URL: it must serve the issuer's public keys only.`,
      ),
  );
  return new Response(bytes.buffer as ArrayBuffer, { status: 200, headers: response.headers });
}

function ambiguousKid(kid: string, alg: string, where: string): CandorError {
  return new CandorError(
    'unknown_key',
    `${where} has more than one ${alg} key with kid ${describeValue(kid)}, so no one key can be chosen. The issuer must give each key in its JWKS its own kid.`,
    { field: 'kid' },
  );
}

const checkedDuration = (value: unknown, field: string, fallback: number): number =>
  wholeNumber(value, field, { fallback, min: 0, max: 86_400_000, unit: 'milliseconds' });

/**
 * Whether a member of a JWK set is a key Candor verifies with: its `alg` (implied by kty and crv)
 * or, when it is not, why. Like jose does for a remote JWKS, a key that is of another type or
 * curve, marked for another use (`use` other than "sig", `key_ops` without "verify"), made for
 * another `alg`, or with a `kid` that is not a string is not a candidate (RFC 7517 §4.2, §4.3,
 * §4.5, §5: members that cannot be used are ignored, not an error for the whole set).
 *
 * @example
 * ```ts
 * usableJwk({ kty: 'RSA', n: '...', e: 'AQAB' }); // { reason: 'is kty "RSA" crv undefined; ...' }
 * ```
 */
export function usableJwk(jwk: unknown): { alg: SigningAlgorithm } | { reason: string } {
  if (!isJwkLike(jwk)) return { reason: 'is not a JWK (an object with "kty")' };
  const alg = algorithmOf(jwk);
  if (!alg) return { reason: `is kty ${describeValue(jwk.kty)} crv ${describeValue(jwk.crv)}; only EC P-256 (ES256) and OKP Ed25519 (EdDSA) keys are used` };
  if (jwk.use !== undefined && jwk.use !== 'sig') return { reason: `has use ${describeValue(jwk.use)}, so it is not a signature key` };
  const ops: unknown = jwk.key_ops;
  if (ops !== undefined && !(Array.isArray(ops) && ops.includes('verify'))) return { reason: `has key_ops ${describeValue(ops)}, without "verify"` };
  if (jwk.alg !== undefined && jwk.alg !== alg) return { reason: `says alg ${describeValue(jwk.alg)} but is a ${alg} key` };
  if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || jwk.kid.length === 0)) return { reason: 'has a kid that is not a non-empty string' };
  return { alg };
}

/**
 * A resolver over a fixed list of public JWKs, imported once on first use. Members Candor cannot
 * verify with are skipped ({@link usableJwk}); a list with none left is refused.
 */
function fromJwks(jwks: readonly unknown[], where: string): KeyResolver {
  const checked: { jwk: JWK; alg: SigningAlgorithm; field: string }[] = [];
  const skipped: { field: string; reason: string }[] = [];
  jwks.forEach((jwk, i) => {
    const field = `keys.keys.${i}`;
    const usable = usableJwk(jwk);
    if ('reason' in usable) skipped.push({ field, reason: usable.reason });
    else checked.push({ jwk: jwk as JWK, alg: usable.alg, field });
  });
  if (checked.length === 0) {
    const why = skipped.slice(0, 3).map((s) => `${s.field} ${s.reason}`).join('; ');
    throw new CandorError(
      'invalid_key',
      `${where} has no key this verifier can use${why ? ` (${why}${skipped.length > 3 ? '; ...' : ''})` : ''}. Pass the issuer's public ES256 (EC P-256) or EdDSA (OKP Ed25519) signing keys.`,
      skipped[0] ? { field: skipped[0].field } : { field: 'keys' },
    );
  }
  /** By `alg` and `kid` together: RFC 7517 §4.5 lets keys of different types share a kid. */
  type Slot = { key: CryptoKey; thumbprint: string; ambiguous: boolean };
  const slotOf = (alg: string, kid: string) => `${alg} ${kid}`;
  let table: Map<string, Slot> | undefined;
  let loading: Promise<Map<string, Slot>> | undefined;
  const load = async () => {
    const map = new Map<string, Slot>();
    for (const { jwk, alg, field } of checked) {
      const pub = publicMembers(jwk);
      try {
        const thumbprint = await calculateJwkThumbprint(pub, 'sha256');
        const kid = typeof jwk.kid === 'string' ? jwk.kid : thumbprint;
        const slot = map.get(slotOf(alg, kid));
        // The same key listed twice is harmless; two different keys under one kid and alg cannot be told apart.
        if (slot) slot.ambiguous ||= slot.thumbprint !== thumbprint;
        else map.set(slotOf(alg, kid), { key: (await importJWK(pub, alg)) as CryptoKey, thumbprint, ambiguous: false });
      } catch (cause) {
        throw new CandorError('invalid_key', `${field} could not be imported (${String((cause as Error)?.message ?? cause)}); check its members.`, { cause, field });
      }
    }
    return (table = map);
  };
  const pick = (map: Map<string, Slot>, alg: string, kid: string) => {
    const slot = map.get(slotOf(alg, kid));
    if (!slot) throw unknownKey(kid, alg, where);
    if (slot.ambiguous) throw ambiguousKid(kid, alg, where);
    return slot.key;
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
      [customFetch]: cappedJwksFetch,
    });
    const where = `the JWKS at ${url.href}`;
    return async (alg, kid) => {
      try {
        return (await getKey({ alg, kid })) as CryptoKey;
      } catch (e) {
        const code = (e as { code?: unknown })?.code;
        if (code === 'ERR_JWKS_NO_MATCHING_KEY') throw unknownKey(kid, alg, where);
        if (code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw ambiguousKid(kid, alg, where);
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
