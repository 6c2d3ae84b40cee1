/** The holder's key-binding key: a non-extractable WebCrypto ES256 key pair, kept in IndexedDB in the browser or in memory. */
import { calculateJwkThumbprint, exportJWK, importJWK, type JWK } from 'jose';
import { CandorError } from '../errors.js';
import { isJwkLike, publicMembers } from '../lib/jwk.js';
import { optionError } from '../lib/options.js';

/**
 * A holder key: its private key signs key-binding JWTs and cannot be exported (the browser
 * refuses `exportKey` on it), so a copied credential is useless without this device.
 *
 * @example
 * ```ts
 * const key: HolderKey = await createHolderKey();
 * key.privateKey.extractable; // false
 * ```
 */
export interface HolderKey {
  readonly alg: 'ES256';
  /** The RFC 7638 thumbprint of the public key. */
  readonly kid: string;
  /** Non-extractable; usable only to sign. */
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** The public JWK to give the issuer (`holderKey` of issueSdJwt); never has private members. */
  readonly publicJwk: Readonly<JWK>;
}

async function fromPair(privateKey: CryptoKey, publicKey: CryptoKey): Promise<HolderKey> {
  const publicJwk = Object.freeze(publicMembers(await exportJWK(publicKey)));
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  return Object.freeze({ alg: 'ES256' as const, kid, privateKey, publicKey, publicJwk });
}

/**
 * Generates a holder key: ECDSA P-256 (ES256) with a non-extractable private key.
 *
 * @example
 * ```ts
 * const holder = await createHolderKey();
 * const sdJwt = await issueSdJwt({ ...issuance, holderKey: holder.publicJwk });
 * ```
 */
export async function createHolderKey(): Promise<HolderKey> {
  let pair: CryptoKeyPair;
  try {
    pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  } catch (cause) {
    throw new CandorError('invalid_key', `This runtime cannot generate ES256 keys: ${String((cause as Error)?.message ?? cause)}.`, { cause });
  }
  return fromPair(pair.privateKey, pair.publicKey);
}

/**
 * Imports a holder key from a private EC P-256 JWK (a CLI key file, a test fixture). The private
 * key is imported non-extractable.
 *
 * @example
 * ```ts
 * const holder = await importHolderKey(JSON.parse(await readFile('holder.json', 'utf8')));
 * ```
 */
export async function importHolderKey(jwk: JWK): Promise<HolderKey> {
  if (!isJwkLike(jwk) || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') {
    throw new CandorError('invalid_key', 'A holder key is a private EC P-256 JWK (kty "EC", crv "P-256", with "d"); create one with createHolderKey or `candor keys holder`.');
  }
  try {
    const pub = publicMembers(jwk);
    const privateKey = (await importJWK({ ...pub, d: jwk.d }, 'ES256', { extractable: false })) as CryptoKey;
    const publicKey = (await importJWK(pub, 'ES256', { extractable: true })) as CryptoKey;
    return await fromPair(privateKey, publicKey);
  } catch (cause) {
    throw new CandorError('invalid_key', `The holder key could not be imported (${String((cause as Error)?.message ?? cause)}); check its members.`, { cause });
  }
}

/**
 * Where a holder keeps its keys, by name (one per credential, or one per wallet).
 *
 * @example
 * ```ts
 * const store: HolderKeyStore = createMemoryHolderKeyStore();
 * const key = await store.getOrCreate('age-credential');
 * ```
 */
export interface HolderKeyStore {
  /** The key stored under `name`, or undefined. */
  get(name: string): Promise<HolderKey | undefined>;
  /** The key stored under `name`, generating and storing one first when there is none. */
  getOrCreate(name: string): Promise<HolderKey>;
  /** Forgets the key: credentials bound to it can no longer be presented with key binding. */
  delete(name: string): Promise<void>;
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 256) throw optionError('name', 'must be a non-empty string of at most 256 characters.');
  return name;
}

/**
 * A holder key store in memory (Node, tests): keys are gone when the process ends.
 *
 * @example
 * ```ts
 * const store = createMemoryHolderKeyStore();
 * const key = await store.getOrCreate('default');
 * ```
 */
export function createMemoryHolderKeyStore(): HolderKeyStore {
  const keys = new Map<string, Promise<HolderKey>>();
  return {
    async get(name) {
      return keys.get(checkName(name));
    },
    getOrCreate(name) {
      const n = checkName(name);
      let key = keys.get(n);
      if (!key) {
        key = createHolderKey();
        keys.set(n, key);
        key.catch(() => keys.delete(n));
      }
      return key;
    },
    async delete(name) {
      keys.delete(checkName(name));
    },
  };
}

/** Options of {@link createIndexedDbHolderKeyStore}. @example `{ databaseName: 'wallet-keys' }` */
export interface IndexedDbHolderKeyStoreOptions {
  /** Database name. Default `candor-holder-keys`. */
  databaseName?: string;
  /** The IndexedDB factory. Default `globalThis.indexedDB`. */
  indexedDB?: IDBFactory;
}

const STORE = 'keys';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * A holder key store in IndexedDB. The CryptoKey objects themselves are stored (structured
 * clone keeps them non-extractable), so the private key's bytes are never visible to script,
 * not even to this library.
 *
 * @throws {CandorError} `storage_unavailable` when IndexedDB cannot be opened or used.
 * @example
 * ```ts
 * const store = createIndexedDbHolderKeyStore();
 * const holder = await store.getOrCreate('age-credential');
 * const presentation = await present(sdJwt, { disclose: ['age_over_18'], keyBinding: { audience, nonce, key: holder } });
 * ```
 */
export function createIndexedDbHolderKeyStore(options: IndexedDbHolderKeyStoreOptions = {}): HolderKeyStore {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  const databaseName = options.databaseName ?? 'candor-holder-keys';
  if (typeof databaseName !== 'string' || databaseName.length === 0) throw optionError('databaseName', 'must be a non-empty string.');
  let db: Promise<IDBDatabase> | undefined;
  const unavailable = (cause: unknown) =>
    new CandorError('storage_unavailable', `The holder key store (IndexedDB "${databaseName}") cannot be used (${String((cause as Error)?.message ?? cause)}); the browser may block storage for this site.`, { cause });
  const open = () => {
    if (!factory) return Promise.reject(unavailable('this runtime has no IndexedDB'));
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(databaseName, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('the database is blocked by another tab'));
    }).catch((e: unknown) => {
      db = undefined;
      throw unavailable(e);
    });
    return db;
  };
  async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const database = await open();
    try {
      return await request(fn(database.transaction(STORE, mode).objectStore(STORE)));
    } catch (e) {
      throw unavailable(e);
    }
  }
  const read = async (name: string): Promise<HolderKey | undefined> => {
    const stored = (await run('readonly', (s) => s.get(name))) as { privateKey?: unknown; publicKey?: unknown } | undefined;
    if (!stored || !(stored.privateKey instanceof CryptoKey) || !(stored.publicKey instanceof CryptoKey)) return undefined;
    return fromPair(stored.privateKey, stored.publicKey);
  };
  return {
    get: (name) => read(checkName(name)),
    async getOrCreate(name) {
      const n = checkName(name);
      const found = await read(n);
      if (found) return found;
      const key = await createHolderKey();
      // add, not put: if another tab stored a key meanwhile, keep that one (credentials may already be bound to it).
      try {
        await run('readwrite', (s) => s.add({ privateKey: key.privateKey, publicKey: key.publicKey }, n));
      } catch (e) {
        const other = await read(n);
        if (other) return other;
        throw e;
      }
      return key;
    },
    async delete(name) {
      await run('readwrite', (s) => s.delete(checkName(name)));
    },
  };
}
