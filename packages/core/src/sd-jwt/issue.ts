/** issueSdJwt: signs an SD-JWT VC (RFC 9901, SD-JWT VC) whose named claims the holder can disclose one by one. */
import { assignStatus, checkStatusListAssignment, type StatusListAssignment } from '../status-list/assign.js';
import { CompactSign, type JWK } from 'jose';
import { CandorError } from '../errors.js';
import { isCandorKey, type CandorKey } from '../keys/key.js';
import { DEFAULT_MAX_TOKEN_TTL_SECONDS, isKeySet, type KeySet } from '../keys/key-set.js';
import { algorithmOf, isJwkLike, PRIVATE_JWK_MEMBERS, publicMembers } from '../lib/jwk.js';
import { clockOption, describeValue, optionError, wholeNumber } from '../lib/options.js';
import { LOOPBACK_HOSTS_TEXT, parseSecureUrl } from '../lib/urls.js';
import { systemClock, type Clock } from '../models/clock.js';
import { JWS_KINDS } from '../lib/jws.js';
import {
  defineMember,
  encodeDisclosure,
  isObject,
  NEVER_DISCLOSABLE,
  pathSegments,
  pathText,
  randomSalt,
  RESERVED_NAMES,
  SD_ALG,
  sha256Base64url,
  type ClaimPath,
  type ClaimPathSegment,
} from './disclosure.js';

/** Default decoy digests added to each `_sd` array. @example `issueSdJwt({ ...options, decoys: DEFAULT_DECOYS * 2 })` */
export const DEFAULT_DECOYS = 2;
/** Default credential lifetime: 1 hour (capped by the key set's `maxTokenTtlSeconds`). @example `issueSdJwt({ ...options, ttlSeconds: DEFAULT_SD_JWT_TTL_SECONDS * 24 })` */
export const DEFAULT_SD_JWT_TTL_SECONDS = 60 * 60;

/** Options of {@link issueSdJwt}. @example `{ issuer: 'https://id.example.com', keys, vct: 'https://id.example.com/age', claims: { age_over_18: true }, disclosable: ['age_over_18'] }` */
export interface SdJwtIssueOptions {
  /** `iss`: an https URL (http only on the loopback). Partners find the issuer's keys from it. */
  issuer: string;
  /** The signing key, or a key set whose active key signs. */
  keys: KeySet | CandorKey;
  /** `vct`, the credential type (SD-JWT VC §3.2.2.1), e.g. `https://id.example.com/credentials/age`. */
  vct: string;
  /** The credential's claims (`sub`, `age_over_18`, `address`, ...). `iss`, `iat`, `exp`, `vct`, `cnf`, `status` come from the options. */
  claims: Record<string, unknown>;
  /** Claims the holder may disclose one by one: names, dotted paths (`address.locality`, `nationalities.0`) or segment arrays. */
  disclosable?: readonly ClaimPath[];
  /** Decoy digests added to each `_sd` array, so its length does not tell how many claims are hidden. Default 2, at most 16. */
  decoys?: number;
  /** The holder's public JWK (EC P-256 or Ed25519), bound as `cnf.jwk`: only its private key can present the credential with key binding. */
  holderKey?: JWK;
  /** Lifetime in seconds. Default 1 hour, at most the key set's `maxTokenTtlSeconds`. */
  ttlSeconds?: number;
  /** The `status` claim (Token Status List: `{ status_list: { idx, uri } }`), kept in the issuer-signed JWT. Or use `statusList`. */
  status?: Record<string, unknown>;
  /**
   * Revocation through a status list, as for tokens: the credential gets a random unused index in
   * the list at `uri`, kept in `store` under its `jti` (the `jti` of `claims`, or a random one added
   * in the clear), and carries the `status` claim. Revoke with `revokeToken(store, jti)`.
   */
  statusList?: StatusListAssignment;
  /** Clock, for tests. */
  now?: Clock;
}

const MEMBERS_SET_BY_OPTIONS = ['iss', 'iat', 'exp', 'vct', 'cnf', 'status', '_sd_alg'] as const;

/** A tree of the paths to make disclosable: `true` marks a node whose own value becomes a disclosure. */
interface Marks {
  self: boolean;
  children: Map<ClaimPathSegment, Marks>;
}

function markPaths(paths: readonly ClaimPath[]): Marks {
  const root: Marks = { self: false, children: new Map() };
  paths.forEach((path, i) => {
    const field = `disclosable.${i}`;
    if (typeof path !== 'string' && !Array.isArray(path)) throw optionError(field, 'must be a claim name, a dotted path or an array of path segments.');
    // "..." is a reserved name, not three empty segments.
    const segments = typeof path === 'string' && NEVER_DISCLOSABLE.includes(path) ? [path] : pathSegments(path);
    if (segments.length === 0 || segments.some((s) => s === '' || (typeof s !== 'string' && !(Number.isInteger(s) && s >= 0)))) {
      throw optionError(field, `is not a usable claim path: ${JSON.stringify(path)}.`);
    }
    const top = segments[0];
    if (typeof top === 'string' && NEVER_DISCLOSABLE.includes(top)) {
      throw new CandorError(
        'not_disclosable',
        `"${top}" cannot be selectively disclosable: verifiers need ${NEVER_DISCLOSABLE.filter((n) => !n.startsWith('_') && n !== '...').join(', ')} in the clear to check the credential at all. Remove it from disclosable.`,
        { field },
      );
    }
    const reserved = segments.find((s) => typeof s === 'string' && (RESERVED_NAMES.includes(s) || s === '_sd_alg'));
    if (reserved !== undefined) throw new CandorError('not_disclosable', `"${String(reserved)}" is a member of the SD-JWT format itself and cannot be disclosable.`, { field });
    let node = root;
    for (const s of segments) {
      let next = node.children.get(s);
      if (!next) node.children.set(s, (next = { self: false, children: new Map() }));
      node = next;
    }
    node.self = true;
  });
  return root;
}

function checkNoReservedNames(value: unknown, path: ClaimPathSegment[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => checkNoReservedNames(v, [...path, i]));
  else if (isObject(value)) {
    for (const name of Object.keys(value)) {
      if (RESERVED_NAMES.includes(name)) {
        throw new CandorError('reserved_claim_name', `claims.${pathText([...path, name])}: "${name}" is reserved by SD-JWT (RFC 9901) and cannot be a claim name.`, { field: `claims.${pathText([...path, name])}` });
      }
      checkNoReservedNames(value[name], [...path, name]);
    }
  }
}

function holderCnf(jwk: unknown): { jwk: JWK } {
  if (!isJwkLike(jwk) || !algorithmOf(jwk)) {
    throw new CandorError('invalid_key', 'holderKey must be the holder\'s public JWK, EC P-256 or OKP Ed25519 (from createHolderKey().publicJwk).', { field: 'holderKey' });
  }
  const leaked = PRIVATE_JWK_MEMBERS.filter((m) => Object.hasOwn(jwk, m));
  if (leaked.length > 0) {
    throw new CandorError('invalid_key', `holderKey holds private key material (${leaked.join(', ')}); pass only the holder's public JWK. The private key never leaves the holder.`, { field: 'holderKey' });
  }
  return { jwk: publicMembers(jwk) };
}

/**
 * Issues an SD-JWT VC: a compact JWS with `typ: "dc+sd-jwt"` whose payload has `iss`, `iat`,
 * `exp`, `vct`, `_sd_alg: "sha-256"`, the plaintext claims, and for each disclosable claim a
 * salted digest (in the object's sorted `_sd`, or `{ "...": digest }` for an array element),
 * followed by the disclosures, each ending with `~`. Salts are 128 random bits; each `_sd` gets
 * `decoys` decoy digests. A claim inside a disclosable object can itself be disclosable.
 *
 * @throws {CandorError} `not_disclosable` (iss, nbf, exp, iat, cnf, vct, vct#integrity, status, or a format
 * member named), `reserved_claim_name` (a claim named `_sd` or `...`), `invalid_options` (an
 * unknown path, bad vct, ttl or decoys), `invalid_key`.
 * @example
 * ```ts
 * const keys = await KeySet.generate();
 * const holder = await createHolderKey();
 * const sdJwt = await issueSdJwt({
 *   issuer: 'https://id.example.com',
 *   keys,
 *   vct: 'https://id.example.com/credentials/age',
 *   claims: { sub: 'cust_8f2a', age_over_18: true, birthdate: '1990-04-01' },
 *   disclosable: ['age_over_18', 'birthdate'],
 *   holderKey: holder.publicJwk,
 * });
 * ```
 */
export async function issueSdJwt(options: SdJwtIssueOptions): Promise<string> {
  if (options === null || typeof options !== 'object') throw optionError('options', 'must be an object.');
  if (typeof options.issuer !== 'string' || options.issuer.length > 2048 || !parseSecureUrl(options.issuer)) {
    throw optionError('issuer', `must be an https URL (http only on this machine: ${LOOPBACK_HOSTS_TEXT}); got ${describeValue(options.issuer)}.`);
  }
  if (typeof options.vct !== 'string' || options.vct.length === 0 || options.vct.length > 2048) {
    throw optionError('vct', 'must be a non-empty string naming the credential type, e.g. "https://id.example.com/credentials/age".');
  }
  const keys = options.keys;
  let ceiling = DEFAULT_MAX_TOKEN_TTL_SECONDS;
  if (isKeySet(keys)) ceiling = keys.maxTokenTtlSeconds;
  else if (!isCandorKey(keys)) throw optionError('keys', 'must be a KeySet or a CandorKey (see generateKey / KeySet.generate).');
  const key = isKeySet(keys) ? keys.active : keys;
  if (!key.privateKey) throw new CandorError('invalid_key', `keys: key ${key.kid} has no private key, so it cannot sign.`, { field: 'keys' });
  const ttl = wholeNumber(options.ttlSeconds, 'ttlSeconds', { fallback: Math.min(DEFAULT_SD_JWT_TTL_SECONDS, ceiling), min: 1, max: ceiling, unit: 'seconds' });
  const decoys = wholeNumber(options.decoys, 'decoys', { fallback: DEFAULT_DECOYS, min: 0, max: 16 });
  const now: Clock = clockOption(options.now) ?? systemClock;
  const statusList = options.statusList === undefined ? undefined : checkStatusListAssignment('statusList', options.statusList);
  if (statusList && options.status !== undefined) throw optionError('statusList', 'and status both set the status claim: pass one of them.');
  if (!isObject(options.claims)) throw optionError('claims', 'must be an object of claims, e.g. { sub: "cust_1", age_over_18: true }.');
  for (const name of MEMBERS_SET_BY_OPTIONS) {
    if (Object.hasOwn(options.claims, name)) throw optionError(`claims.${name}`, `is set by issueSdJwt${name === '_sd_alg' ? '' : ` (use the ${name === 'cnf' ? 'holderKey' : name === 'iss' ? 'issuer' : name === 'iat' || name === 'exp' ? 'ttlSeconds' : name} option)`}; remove it from claims.`);
  }
  // A JSON round trip: what is signed is exactly what a verifier will parse (no undefined, Dates become strings, functions vanish).
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(JSON.stringify(options.claims)) as Record<string, unknown>;
  } catch (cause) {
    throw new CandorError('invalid_options', `claims cannot be written as JSON (${String((cause as Error)?.message ?? cause)}).`, { field: 'claims', cause });
  }
  checkNoReservedNames(claims, []);
  const marks = markPaths(options.disclosable ?? []);
  const cnf = options.holderKey === undefined ? undefined : holderCnf(options.holderKey);

  const disclosures: string[] = [];
  const decoy = async () => sha256Base64url(randomSalt());

  async function encode(value: unknown, node: Marks | undefined, path: ClaimPathSegment[]): Promise<unknown> {
    if (!node || node.children.size === 0) return value;
    if (Array.isArray(value)) {
      for (const s of node.children.keys()) {
        if (typeof s !== 'number' || s >= value.length) throw optionError('disclosable', `names ${pathText([...path, s])}, but ${pathText(path)} is an array of ${value.length} elements.`);
      }
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const child = node.children.get(i);
        const inner = await encode(value[i], child, [...path, i]);
        if (child?.self) {
          const d = encodeDisclosure([randomSalt(), inner]);
          disclosures.push(d);
          out.push({ '...': await sha256Base64url(d) });
        } else out.push(inner);
      }
      return out;
    }
    if (!isObject(value)) throw optionError('disclosable', `names ${pathText([...path, [...node.children.keys()][0]!])}, but ${path.length === 0 ? 'claims' : pathText(path)} is not an object or array.`);
    const out: Record<string, unknown> = {};
    const sd: string[] = [];
    for (const s of node.children.keys()) {
      if (typeof s !== 'string' || !Object.hasOwn(value, s)) throw optionError('disclosable', `names ${pathText([...path, s])}, which is not in claims.`);
    }
    for (const name of Object.keys(value)) {
      const child = node.children.get(name);
      const inner = await encode(value[name], child, [...path, name]);
      if (child?.self) {
        const d = encodeDisclosure([randomSalt(), name, inner]);
        disclosures.push(d);
        sd.push(await sha256Base64url(d));
      } else defineMember(out, name, inner);
    }
    if (sd.length > 0) {
      for (let i = 0; i < decoys; i++) sd.push(await decoy());
      // Sorted, so the order of digests says nothing about the order or names of the claims.
      out._sd = sd.sort();
    }
    return out;
  }

  const iat = Math.floor(now().getTime() / 1000);
  const body = (await encode(claims, marks, [])) as Record<string, unknown>;
  const payload: Record<string, unknown> = {
    iss: options.issuer,
    iat,
    exp: iat + ttl,
    vct: options.vct,
    ...(cnf ? { cnf } : {}),
    ...(options.status !== undefined ? { status: options.status } : {}),
  };
  for (const name of Object.keys(body)) defineMember(payload, name, body[name]);
  if (disclosures.length > 0) payload._sd_alg = SD_ALG;
  if (statusList && Object.hasOwn(claims, 'jti') && typeof payload.jti !== 'string') {
    throw optionError('claims.jti', 'must be a string in the clear (not disclosable) with statusList: it names the credential\'s status entry.');
  }
  if (statusList) {
    // Last, so that refused input takes no index; the jti names the entry for revocation.
    const jti = typeof payload.jti === 'string' && payload.jti.length > 0 ? payload.jti : crypto.randomUUID();
    payload.jti = jti;
    payload.status = await assignStatus(statusList, jti);
  }
  let jwt: string;
  try {
    jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: JWS_KINDS['sd-jwt'].typ })
      .sign(key.privateKey);
  } catch (cause) {
    throw new CandorError('invalid_key', `Signing with key ${key.kid} failed: ${String((cause as Error)?.message ?? cause)}.`, { cause });
  }
  return `${jwt}~${disclosures.map((d) => `${d}~`).join('')}`;
}
