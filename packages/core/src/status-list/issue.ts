/** The issuer's side of status lists: revoke, suspend and unsuspend tokens by `jti`, and sign the status list token partners fetch. */
import { CompactSign } from 'jose';
import { CandorError } from '../errors.js';
import { isCandorKey, type CandorKey } from '../keys/key.js';
import { isKeySet, type KeySet } from '../keys/key-set.js';
import { clockOption, optionError, wholeNumber } from '../lib/options.js';
import { systemClock } from '../models/clock.js';
import type { Clock } from '../models/clock.js';
import { STATUS_LIST_TYPE } from './claim.js';
import { STATUS, StatusList, encodeStatusList } from './encoding.js';
import { checkRevokedIsFinal, checkStoreKeys, type StatusListStore, type StatusRecord } from './store.js';

/** What a status says, by name. @example `const s: TokenStatusName = 'suspended'` */
export type TokenStatusName = 'valid' | 'revoked' | 'suspended';

/** The name of a status value (0 valid, 1 revoked, 2 suspended); undefined for any other value. @example `statusName(2) // 'suspended'` */
export function statusName(value: number): TokenStatusName | undefined {
  return value === STATUS.VALID ? 'valid' : value === STATUS.INVALID ? 'revoked' : value === STATUS.SUSPENDED ? 'suspended' : undefined;
}

async function change(store: StatusListStore, jti: string, next: number, verb: string): Promise<StatusRecord> {
  checkStoreKeys(jti);
  if (store === null || typeof store !== 'object' || typeof store.get !== 'function') throw optionError('store', 'must be a StatusListStore.');
  const record = await store.get(jti);
  if (!record) throw optionError('jti', `no token with jti ${JSON.stringify(jti)} in the status store; only tokens issued with a status store can be ${verb}.`);
  // Checked here for a clear answer before any write; the store checks it again with the write.
  checkRevokedIsFinal(jti, record.status, next);
  if (next === STATUS.SUSPENDED) {
    const list = await store.list(record.uri);
    if (list && list.bits < 2) throw optionError('bits', `the list ${record.uri} has 1 bit per token, which can say valid or revoked but not suspended; use lists of 2 bits to suspend.`);
  }
  if (record.status !== next) await store.set(jti, next);
  return { ...record, status: next };
}

/**
 * Revokes the token `jti` (status 0x01). Final: it cannot be unsuspended or suspended later.
 * Partners see it once they refresh the list (after its `ttl`).
 *
 * @throws {CandorError} `invalid_options` for an unknown `jti`.
 * @example
 * ```ts
 * await revokeToken(store, 'k3JqW9sLm2PzX8vB1nC4dA');
 * ```
 */
export function revokeToken(store: StatusListStore, jti: string): Promise<StatusRecord> {
  return change(store, jti, STATUS.INVALID, 'revoked');
}

/**
 * Suspends the token `jti` (status 0x02) until {@link unsuspendToken}. Needs a list of at least 2 bits.
 *
 * @throws {CandorError} `revoked` when the token is revoked; `invalid_options` for an unknown `jti` or a 1-bit list.
 * @example
 * ```ts
 * await suspendToken(store, 'k3JqW9sLm2PzX8vB1nC4dA');
 * ```
 */
export function suspendToken(store: StatusListStore, jti: string): Promise<StatusRecord> {
  return change(store, jti, STATUS.SUSPENDED, 'suspended');
}

/**
 * Makes a suspended token `jti` valid again (status 0x00). A revoked token stays revoked.
 *
 * @throws {CandorError} `revoked` when the token is revoked; `invalid_options` for an unknown `jti`.
 * @example
 * ```ts
 * await unsuspendToken(store, 'k3JqW9sLm2PzX8vB1nC4dA');
 * ```
 */
export function unsuspendToken(store: StatusListStore, jti: string): Promise<StatusRecord> {
  return change(store, jti, STATUS.VALID, 'unsuspended');
}

/** Options of {@link createStatusListToken}. @example `{ store, uri: 'https://id.example.com/status/1', keys, issuer: 'https://id.example.com' }` */
export interface StatusListTokenOptions {
  store: StatusListStore;
  /** The list's URI: where it is published, and the token's `sub`. */
  uri: string;
  /** The signing key, or a key set whose active key signs. */
  keys: KeySet | CandorKey;
  /** The `iss` of the list token: the same issuer as the tokens it covers. */
  issuer: string;
  /** `ttl`: how long partners may cache the list before fetching it again. Default 300 s. */
  ttlSeconds?: number;
  /** `exp - iat`: how long the list token is valid at all. Default 1 day; at least `ttlSeconds`. */
  lifetimeSeconds?: number;
  /** Clock, for tests. */
  now?: Clock;
}

const encoder = new TextEncoder();

/**
 * Signs the status list token for the list at `uri`: header `{ alg, kid, typ: "statuslist+jwt" }`,
 * claims `{ iss, sub: uri, iat, exp, ttl, status_list: { bits, lst } }`. Publish it at `uri` with
 * `Content-Type: application/statuslist+jwt`; sign a fresh one at least every `ttlSeconds`.
 * A list no token was put in yet is published all valid.
 *
 * @example
 * ```ts
 * const jwt = await createStatusListToken({ store, uri: 'https://id.example.com/status/1', keys, issuer: 'https://id.example.com' });
 * ```
 */
export async function createStatusListToken(options: StatusListTokenOptions): Promise<string> {
  if (options === null || typeof options !== 'object') throw optionError('options', 'must be an object.');
  const { store, uri, keys, issuer } = options;
  checkStoreKeys('list', uri);
  if (typeof issuer !== 'string' || issuer.length === 0) throw optionError('issuer', 'must be the issuer identifier (the iss of the tokens the list covers).');
  const ttl = wholeNumber(options.ttlSeconds, 'ttlSeconds', { fallback: 300, min: 1, max: 366 * 86400, unit: 'seconds' });
  const lifetime = wholeNumber(options.lifetimeSeconds, 'lifetimeSeconds', { fallback: Math.max(86400, ttl), min: ttl, max: 366 * 86400, unit: 'seconds' });
  const key = isKeySet(keys) ? keys.active : isCandorKey(keys) ? keys : undefined;
  if (!key) throw optionError('keys', 'must be a KeySet or a CandorKey.');
  if (!key.privateKey) throw new CandorError('invalid_key', `Key ${key.kid} has no private key, so it cannot sign.`, { field: 'keys' });
  const now = clockOption(options.now) ?? systemClock;
  const stored = await store.list(uri);
  const list = new StatusList(stored?.bits ?? 2, stored?.size ?? 1);
  for (const r of stored?.records ?? []) list.set(r.idx, r.status);
  const iat = Math.floor(now().getTime() / 1000);
  const claims = { iss: issuer, sub: uri, iat, exp: iat + lifetime, ttl, status_list: await encodeStatusList(list) };
  try {
    return await new CompactSign(encoder.encode(JSON.stringify(claims))).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: STATUS_LIST_TYPE }).sign(key.privateKey);
  } catch (cause) {
    throw new CandorError('invalid_key', `Signing with key ${key.kid} failed: ${String((cause as Error)?.message ?? cause)}.`, { cause });
  }
}
