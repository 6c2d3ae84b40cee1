/** Where an issuer keeps which token (`jti`) sits at which index of which list, with its status: the interface, the in-memory store and the random index rule. */
import { CandorError } from '../errors.js';
import { describeValue, optionError, wholeNumber } from '../lib/options.js';
import { LOOPBACK_HOSTS_TEXT, parseSecureUrl } from '../lib/urls.js';
import { MAX_STATUS_INDEX } from './claim.js';
import { STATUS, STATUS_BITS, type StatusBits } from './encoding.js';

/** One token's entry. @example `{ jti: 'k3J…', uri: 'https://id.example.com/status/1', idx: 40213, status: 0 }` */
export interface StatusRecord {
  jti: string;
  /** The list the token is in (its `status.status_list.uri`). */
  uri: string;
  /** The token's index in that list. */
  idx: number;
  /** 0 valid, 1 revoked, 2 suspended. */
  status: number;
}

/** A list as a store holds it: its shape and the tokens in it. @example `const { bits, size, records } = await store.list(uri)` */
export interface StoredStatusList {
  uri: string;
  bits: StatusBits;
  /** How many indices the list has (taken or not). */
  size: number;
  records: StatusRecord[];
}

/**
 * Storage behind an issuer's status lists. Implementations must make each call atomic (an
 * `allocate` that resolved is never lost) and never hand out one index twice in a list. The
 * rules about statuses (revocation is final, suspension needs 2 bits) are applied by
 * {@link revokeToken} and its siblings; a store's `set` must also refuse, in the same atomic step,
 * to change a revoked entry ({@link checkRevokedIsFinal}): otherwise an unsuspend racing a revoke
 * (both read "suspended", the revoke writes first) would undo the revocation.
 *
 * @example
 * ```ts
 * const store: StatusListStore = new MemoryStatusListStore({ bits: 2, size: 1024 });
 * const idx = await store.allocate('k3JqW9sLm2PzX8vB1nC4dA', 'https://id.example.com/status/1');
 * ```
 */
export interface StatusListStore {
  /** Puts `jti` at a random unused index of the list at `uri` (creating the list if new) with status 0, and returns the index. `status_list_full` when none is left. */
  allocate(jti: string, uri: string): Promise<number>;
  /** The entry of `jti`, or undefined. */
  get(jti: string): Promise<StatusRecord | undefined>;
  /** Sets the status of `jti` (which must exist). */
  set(jti: string, status: number): Promise<void>;
  /** The list at `uri` with its records, or undefined when no token was put in it. */
  list(uri: string): Promise<StoredStatusList | undefined>;
}

/** Shape of the lists a store creates. @example `new MemoryStatusListStore({ bits: 2, size: 65536 })` */
export interface StatusListShape {
  /** Bits per status: 2 (default) allows suspension; 1 allows only revocation. */
  bits?: StatusBits;
  /** Indices per list. Default 131072 (2^17): a large list hides each token among many (herd privacy). */
  size?: number;
}

/** Default {@link StatusListShape.size}. @example `new MemoryStatusListStore({ size: DEFAULT_STATUS_LIST_SIZE * 2 })` */
export const DEFAULT_STATUS_LIST_SIZE = 2 ** 17;

/**
 * Checks store options, with the defaults filled in.
 *
 * @example
 * ```ts
 * const { bits, size } = statusListShape({ bits: 1 }); // size 131072
 * ```
 */
export function statusListShape(shape: StatusListShape = {}): { bits: StatusBits; size: number } {
  const bits = shape.bits ?? 2;
  if (!(STATUS_BITS as readonly number[]).includes(bits)) throw optionError('bits', `must be 1, 2, 4 or 8; got ${describeValue(bits)}.`);
  const size = wholeNumber(shape.size, 'size', { fallback: DEFAULT_STATUS_LIST_SIZE, min: 1, max: MAX_STATUS_INDEX + 1 });
  return { bits, size };
}

/** Checks a `jti` and a list URI given to a store. @example `checkStoreKeys(jti, uri)` */
export function checkStoreKeys(jti: unknown, uri?: unknown): void {
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > 256) throw optionError('jti', 'must be a non-empty string of at most 256 characters.');
  if (uri !== undefined && (typeof uri !== 'string' || uri.length > 2048 || !parseSecureUrl(uri))) {
    throw optionError('uri', `must be the https URL the list is published at (http only on this machine: ${LOOPBACK_HOSTS_TEXT}); got ${describeValue(uri)}.`);
  }
}

/**
 * Throws `revoked` when an entry whose status is `current` would change to `next` although it is
 * revoked (0x01): what a store's `set` checks atomically with the write.
 *
 * @example
 * checkRevokedIsFinal(jti, record.status, status); record.status = status;
 */
export function checkRevokedIsFinal(jti: string, current: number, next: number): void {
  if (current === STATUS.INVALID && next !== STATUS.INVALID) {
    throw new CandorError('revoked', `Token ${jti} is revoked, and revocation is final: its status cannot change. Issue a new token instead.`, { field: 'jti' });
  }
}

/** A uniform random integer in [0, n), from WebCrypto (rejection sampling: no modulo bias). */
function randomBelow(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    if (buf[0]! < limit) return buf[0]! % n;
  }
}

/**
 * A random unused index of a list of `size` indices, `taken` of them used: uniform over the free
 * indices, from WebCrypto randomness. Never sequential, so an index says nothing about when
 * or in which order tokens were issued.
 *
 * @throws {CandorError} `status_list_full` when every index is taken.
 * @example
 * ```ts
 * const idx = randomUnusedIndex(size, used.size, (i) => used.has(i));
 * ```
 */
export function randomUnusedIndex(size: number, taken: number, isTaken: (index: number) => boolean, uri = 'the list'): number {
  if (taken >= size) {
    throw new CandorError('status_list_full', `Every one of the ${size} indices of ${uri} is taken; issue new tokens into another list (another status URI).`, { field: 'uri' });
  }
  // Random probes find a free index at once unless the list is nearly full...
  for (let i = 0; i < 64; i++) {
    const idx = randomBelow(size);
    if (!isTaken(idx)) return idx;
  }
  // ...then pick the k-th free index, k uniform among the free ones.
  let k = randomBelow(size - taken);
  for (let idx = 0; idx < size; idx++) {
    if (!isTaken(idx) && k-- === 0) return idx;
  }
  throw new CandorError('status_list_full', `No free index found in ${uri}: the store's count of taken indices is wrong.`, { field: 'uri' });
}

/**
 * A {@link StatusListStore} in memory, for tests and single-process demos (it forgets everything
 * when the process ends).
 *
 * @example
 * ```ts
 * const store = new MemoryStatusListStore();
 * const issuer = createIssuer({ issuer: 'https://id.example.com', keys, status: { store, uri: 'https://id.example.com/status/1' } });
 * ```
 */
export class MemoryStatusListStore implements StatusListStore {
  readonly #shape: { bits: StatusBits; size: number };
  readonly #records = new Map<string, StatusRecord>();
  readonly #lists = new Map<string, { bits: StatusBits; size: number; taken: Set<number> }>();

  constructor(shape: StatusListShape = {}) {
    this.#shape = statusListShape(shape);
  }

  async allocate(jti: string, uri: string): Promise<number> {
    checkStoreKeys(jti, uri);
    if (this.#records.has(jti)) throw optionError('jti', `${JSON.stringify(jti)} already has a status entry; every token needs its own jti.`);
    let list = this.#lists.get(uri);
    if (!list) this.#lists.set(uri, (list = { ...this.#shape, taken: new Set() }));
    const { taken } = list;
    const idx = randomUnusedIndex(list.size, taken.size, (i) => taken.has(i), uri);
    taken.add(idx);
    this.#records.set(jti, { jti, uri, idx, status: 0 });
    return idx;
  }

  async get(jti: string): Promise<StatusRecord | undefined> {
    checkStoreKeys(jti);
    const r = this.#records.get(jti);
    return r && { ...r };
  }

  async set(jti: string, status: number): Promise<void> {
    checkStoreKeys(jti);
    const r = this.#records.get(jti);
    if (!r) throw optionError('jti', `${JSON.stringify(jti)} has no status entry in this store.`);
    checkRevokedIsFinal(jti, r.status, status);
    r.status = status;
  }

  async list(uri: string): Promise<StoredStatusList | undefined> {
    const list = this.#lists.get(uri);
    if (!list) return undefined;
    const records = [...this.#records.values()].filter((r) => r.uri === uri).map((r) => ({ ...r }));
    return { uri, bits: list.bits, size: list.size, records };
  }
}
