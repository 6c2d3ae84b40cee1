/** A key set: one active signing key plus retired keys still published until their tokens expire. */
import type { JWK } from 'jose';
import { CandorError } from '../errors.js';
import { toPublicJwk } from '../lib/jwk.js';
import { wholeNumber } from '../lib/options.js';
import { exportPrivateJwk, generateKey, importKey, isCandorKey, type CandorKey, type SigningAlgorithm } from './key.js';

/**
 * Default and ceiling for the longest token a key set's keys may sign: 24 hours.
 *
 * @example
 * ```ts
 * (await KeySet.generate()).maxTokenTtlSeconds === DEFAULT_MAX_TOKEN_TTL_SECONDS; // true
 * ```
 */
export const DEFAULT_MAX_TOKEN_TTL_SECONDS = 24 * 60 * 60;

/**
 * Extra time a retired key stays published after its last possible token expires (10 minutes).
 * @example `retired.removableAt = retiredAt + maxTokenTtlSeconds + RETIREMENT_GRACE_SECONDS`
 * Covers
 * verifiers whose clocks run behind (the default verifier tolerance is 30 s) and JWKS caches.
 */
export const RETIREMENT_GRACE_SECONDS = 10 * 60;

/** A retired key and when it may be removed. @example `keys.retired[0]?.removableAt` */
export interface RetiredKey {
  readonly key: CandorKey;
  /** When the key stopped signing. */
  readonly retiredAt: Date;
  /** The longest lifetime a token it signed could have. */
  readonly maxTokenTtlSeconds: number;
  /** `retiredAt + maxTokenTtlSeconds + RETIREMENT_GRACE_SECONDS`: after this, `prune()` drops it. */
  readonly removableAt: Date;
}

/** The stored form of a key set (private keys included: keep it secret). @example `const json: KeySetJSON = await keys.toJSON()` */
export interface KeySetJSON {
  version: 1;
  maxTokenTtlSeconds: number;
  active: JWK;
  retired: { jwk: JWK; retiredAt: string; maxTokenTtlSeconds: number }[];
}

/** Options of {@link KeySet.generate} and the constructor. @example `KeySet.generate('ES256', { maxTokenTtlSeconds: 3600 })` */
export interface KeySetOptions {
  /** Longest lifetime of a token signed by this set's keys; issuers refuse longer TTLs. Default 24 h. */
  maxTokenTtlSeconds?: number;
}

/**
 * The longest `maxTokenTtlSeconds` a key set accepts: 366 days.
 *
 * @example
 * ```ts
 * await KeySet.generate('ES256', { maxTokenTtlSeconds: MAX_TOKEN_TTL_CEILING_SECONDS });
 * ```
 */
export const MAX_TOKEN_TTL_CEILING_SECONDS = 366 * 24 * 60 * 60;

const checkTtl = (value: unknown, field: string): number => wholeNumber(value, field, { min: 1, max: MAX_TOKEN_TTL_CEILING_SECONDS, unit: 'seconds' });

function retired(key: CandorKey, retiredAt: Date, maxTokenTtlSeconds: number): RetiredKey {
  return Object.freeze({
    key,
    retiredAt,
    maxTokenTtlSeconds,
    removableAt: new Date(retiredAt.getTime() + (maxTokenTtlSeconds + RETIREMENT_GRACE_SECONDS) * 1000),
  });
}

/**
 * One active signing key and the retired keys that must stay published until the last token
 * they signed has expired (rotation with overlap).
 *
 * @example
 * ```ts
 * const keys = await KeySet.generate();           // ES256, tokens up to 24 h
 * await keys.rotate();                            // new active key; the old one is retired
 * serveJson('/.well-known/jwks.json', keys.publicJwks());
 * keys.prune();                                   // later: drops retired keys no token can still use
 * await writeFile('keys.json', JSON.stringify(await keys.toJSON()), { mode: 0o600 });
 * ```
 */
export class KeySet {
  #active: CandorKey;
  #retired: RetiredKey[];
  /** Longest lifetime of a token signed by this set's keys. */
  readonly maxTokenTtlSeconds: number;

  constructor(active: CandorKey, options: KeySetOptions = {}, retiredKeys: readonly RetiredKey[] = []) {
    if (!isCandorKey(active) || !active.privateKey) {
      throw new CandorError('invalid_key', 'A KeySet needs an active key with a private key (use generateKey() or importKey(privateJwk)).');
    }
    this.maxTokenTtlSeconds = checkTtl(options.maxTokenTtlSeconds ?? DEFAULT_MAX_TOKEN_TTL_SECONDS, 'maxTokenTtlSeconds');
    this.#active = active;
    this.#retired = [...retiredKeys];
  }

  /**
   * A new key set with one freshly generated active key.
   *
   * @example
   * ```ts
   * const keys = await KeySet.generate('EdDSA', { maxTokenTtlSeconds: 3600 });
   * ```
   */
  static async generate(alg: SigningAlgorithm = 'ES256', options: KeySetOptions = {}): Promise<KeySet> {
    return new KeySet(await generateKey(alg), options);
  }

  /**
   * Restores a key set stored with {@link KeySet.toJSON}.
   *
   * @example
   * ```ts
   * const keys = await KeySet.fromJSON(JSON.parse(await readFile('keys.json', 'utf8')));
   * ```
   */
  static async fromJSON(json: KeySetJSON): Promise<KeySet> {
    if (json === null || typeof json !== 'object' || json.version !== 1 || !Array.isArray(json.retired)) {
      throw new CandorError('invalid_key', 'Not a stored Candor key set: expected { version: 1, maxTokenTtlSeconds, active, retired: [] }.');
    }
    const active = await importKey(json.active);
    const retiredKeys: RetiredKey[] = [];
    for (const [i, r] of json.retired.entries()) {
      const at = new Date(r?.retiredAt);
      if (Number.isNaN(at.getTime())) {
        throw new CandorError('invalid_key', `retired.${i}.retiredAt is not a valid date.`, { field: `retired.${i}.retiredAt` });
      }
      retiredKeys.push(retired(await importKey(r.jwk), at, checkTtl(r.maxTokenTtlSeconds, `retired.${i}.maxTokenTtlSeconds`)));
    }
    return new KeySet(active, { maxTokenTtlSeconds: json.maxTokenTtlSeconds }, retiredKeys);
  }

  /**
   * Serialises the set, private keys included, for storage (retired keys: public half only).
   *
   * @example
   * ```ts
   * await writeFile('keys.json', JSON.stringify(await keys.toJSON()), { mode: 0o600 });
   * ```
   */
  async toJSON(): Promise<KeySetJSON> {
    return {
      version: 1,
      maxTokenTtlSeconds: this.maxTokenTtlSeconds,
      active: await exportPrivateJwk(this.#active),
      retired: await Promise.all(
        this.#retired.map(async (r) => ({
          // Retired keys never sign again; their public part is all a later verifier needs.
          jwk: { ...r.key.publicJwk },
          retiredAt: r.retiredAt.toISOString(),
          maxTokenTtlSeconds: r.maxTokenTtlSeconds,
        })),
      ),
    };
  }

  /** The key that signs new tokens. @example `keys.active.kid` */
  get active(): CandorKey {
    return this.#active;
  }

  /** Retired keys still published for verification, oldest first. @example `keys.retired.map((r) => r.removableAt)` */
  get retired(): readonly RetiredKey[] {
    return [...this.#retired];
  }

  /** The active or retired key with this `kid`, if any. @example `keys.get(header.kid)?.publicKey` */
  get(kid: string): CandorKey | undefined {
    if (this.#active.kid === kid) return this.#active;
    for (const r of this.#retired) if (r.key.kid === kid) return r.key;
    return undefined;
  }

  /**
   * Makes `next` (or a new key of the same algorithm) the active key; the previous active key is
   * retired now and stays published until `now + maxTokenTtlSeconds + RETIREMENT_GRACE_SECONDS`.
   *
   * @example
   * ```ts
   * const next = await keys.rotate();
   * ```
   */
  async rotate(next?: CandorKey, now: Date = new Date()): Promise<CandorKey> {
    const key = next ?? (await generateKey(this.#active.alg));
    if (!isCandorKey(key) || !key.privateKey) {
      throw new CandorError('invalid_key', 'rotate(next) needs a key with a private key.');
    }
    if (key.kid === this.#active.kid) return key;
    this.#retired = this.#retired.filter((r) => r.key.kid !== key.kid);
    // The retired copy keeps only the public key: it must never sign again.
    const { privateKey: _drop, ...publicOnly } = this.#active;
    this.#retired.push(retired(Object.freeze(publicOnly), now, this.maxTokenTtlSeconds));
    this.#active = key;
    return key;
  }

  /**
   * Removes retired keys whose tokens have all expired (past `removableAt`); returns their kids.
   *
   * @example
   * ```ts
   * const removed = keys.prune();
   * ```
   */
  prune(now: Date = new Date()): string[] {
    const t = now.getTime();
    const gone = this.#retired.filter((r) => r.removableAt.getTime() <= t);
    this.#retired = this.#retired.filter((r) => r.removableAt.getTime() > t);
    return gone.map((r) => r.key.kid);
  }

  /**
   * The public JWKS to publish: the active key and every retired key, public members only.
   *
   * @example
   * ```ts
   * res.setHeader('content-type', 'application/jwk-set+json');
   * res.end(JSON.stringify(keys.publicJwks()));
   * ```
   */
  publicJwks(): { keys: JWK[] } {
    return { keys: [this.#active, ...this.#retired.map((r) => r.key)].map((k) => toPublicJwk(k.publicJwk)) };
  }
}

/**
 * True when `value` is a {@link KeySet} (checks the shape, so it works across bundle copies).
 *
 * @example
 * ```ts
 * const signer = isKeySet(keys) ? keys.active : keys;
 * ```
 */
export function isKeySet(value: unknown): value is KeySet {
  return value instanceof KeySet || (value !== null && typeof value === 'object' && typeof (value as KeySet).publicJwks === 'function' && typeof (value as KeySet).get === 'function' && 'active' in (value as object));
}
