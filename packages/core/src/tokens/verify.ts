/** createVerifier: checks Candor verification tokens, safe by default, every refusal a CandorError. */
import type { JWK } from 'jose';
import { CandorError } from '../errors.js';
import type { CandorKey } from '../keys/key.js';
import type { KeySet } from '../keys/key-set.js';
import { parseJsonObjectBytes } from '../lib/base64url.js';
import { isoOfSeconds } from '../lib/dates.js';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from '../lib/jwk.js';
import { createJwsVerifier } from '../lib/jws.js';
import { keyResolver, type RemoteJwksOptions } from '../lib/key-source.js';
import { Lru } from '../lib/lru.js';
import { clockOption, optionError, wholeNumber } from '../lib/options.js';
import type { Clock } from '../models/clock.js';
import {
  ASSURANCE_LEVELS,
  REQUIRED_CLAIMS,
  VerificationClaimsSchema,
  type AssuranceLevel,
  type RiskTier,
  type VerificationClaims,
} from './claims.js';
import { MemoryReplayStore, type ReplayStore } from './replay-store.js';
import { resolveReverificationPolicy } from './reverification.js';
import { claimsError } from './claims-error.js';
import type { StatusChecker } from '../status-list/checker.js';

/** Default size cap, checked before any parsing: 8 KiB. @example `createVerifier({ ...options, maxTokenBytes: DEFAULT_MAX_TOKEN_BYTES / 2 })` */
export const DEFAULT_MAX_TOKEN_BYTES = 8 * 1024;
/** Default longest accepted lifetime (`exp - iat`): 24 hours. @example `createVerifier({ ...options, maxLifetimeSeconds: 3600 })` */
export const DEFAULT_MAX_LIFETIME_SECONDS = 24 * 60 * 60;
/** Default clock tolerance for `exp`, `nbf` and `iat`: 30 seconds. @example `createVerifier({ ...options, clockToleranceSeconds: 5 })` */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
/** Largest `clockToleranceSeconds` a verifier accepts: 5 minutes. @example `createVerifier({ ...options, clockToleranceSeconds: MAX_CLOCK_TOLERANCE_SECONDS })` */
export const MAX_CLOCK_TOLERANCE_SECONDS = 300;
/** Default result-cache size (entries). @example `createVerifier({ ...options, resultCache: { maxEntries: 10_000 } })` */
export const DEFAULT_RESULT_CACHE_ENTRIES = 1000;

/** Options of {@link createVerifier}. @example `createVerifier({ issuer: 'https://id.example.com', audience: 'https://partner.example', keys: jwksUrl })` */
export interface VerifierOptions {
  /** Accepted `iss` value(s). */
  issuer: string | string[];
  /** Accepted `aud` value(s): your own audience id. */
  audience: string | string[];
  /** Public keys: a JWKS object, a JWK, a CandorKey, a KeySet, or the https URL of the issuer's JWKS. */
  keys: { keys: JWK[] } | JWK | CandorKey | KeySet | URL | string;
  /** Allowed algorithms. Default `['ES256', 'EdDSA']`. `none` and HMAC are never allowed. */
  algorithms?: SigningAlgorithm[];
  /** Longest token accepted, in bytes, checked before parsing. Default 8192. */
  maxTokenBytes?: number;
  /** Longest accepted `exp - iat`. Default 86400 (24 h). */
  maxLifetimeSeconds?: number;
  /** Clock skew allowed on `exp`, `nbf`, `iat`. Default 30, at most 300. */
  clockToleranceSeconds?: number;
  /** Refuse tokens below this assurance level (`insufficient_level`). */
  minimumLevel?: AssuranceLevel;
  /** Maximum age of `verification.verifiedAt` per risk tier, in seconds; merged over the defaults. */
  reverificationPolicy?: Partial<Record<RiskTier, number>>;
  /** Throw `reverification_due` instead of returning `outcome: 'reverification_due'`. */
  rejectReverificationDue?: boolean;
  /** Accept each `jti` once: `true` for an in-memory store, or your own {@link ReplayStore}. */
  oneTimeUse?: boolean | ReplayStore;
  /** Cache results by exact token string (LRU; entries end no later than the token's `exp`). Not with oneTimeUse. */
  resultCache?: boolean | { maxEntries?: number };
  /** Remote JWKS tuning (only with a URL in `keys`). */
  jwks?: RemoteJwksOptions;
  /**
   * Check each token's `status` claim against the issuer's status list (`createStatusChecker`):
   * revoked and suspended tokens are refused. Also on result-cache hits, so a refreshed list
   * takes effect at once.
   */
  status?: StatusChecker;
  /** With `status`: refuse tokens that carry no `status` claim (`missing_claim`). Default false. */
  requireStatus?: boolean;
  /** Clock, for tests. */
  now?: Clock;
}

/** The protected header of a verified token. @example `result.header.kid` */
export interface VerifiedHeader {
  alg: string;
  kid: string;
  typ: string;
}

/** A token that passed every check. @example `if (r.outcome === 'valid') allow(r.claims.sub)` */
export interface ValidResult {
  outcome: 'valid';
  claims: VerificationClaims;
  header: VerifiedHeader;
}

/** A valid token whose verification is older than the policy allows for its risk tier. @example `if (r.outcome === 'reverification_due') stepUp(r.dueSince)` */
export interface ReverificationDueResult {
  outcome: 'reverification_due';
  claims: VerificationClaims;
  header: VerifiedHeader;
  /** When the verification became too old (`verifiedAt + maxAgeSeconds`). */
  dueSince: Date;
  /** The policy's maximum age for the token's risk tier. */
  maxAgeSeconds: number;
}

/**
 * What {@link Verifier.verify} returns; anything else is thrown as a CandorError.
 *
 * @example
 * ```ts
 * const r: VerificationResult = await verifier.verify(token);
 * switch (r.outcome) {
 *   case 'valid': return allow(r.claims);
 *   case 'reverification_due': return stepUp(r.dueSince);
 * }
 * ```
 */
export type VerificationResult = ValidResult | ReverificationDueResult;

/** A verifier made by {@link createVerifier} (create it once: it holds the JWKS and caches). @example `await verifier.verify(token)` */
export interface Verifier {
  /**
   * Verifies `token`; resolves with the result or rejects with a CandorError for every problem
   * with the token or its keys. Anything else (a TypeError from a broken clock, key set or
   * store) is a bug outside the token and propagates unchanged.
   */
  verify(token: unknown): Promise<VerificationResult>;
  /** Empties the result cache (for example after revoking a key). @example `verifier.clearCache()` */
  clearCache(): void;
}

interface CacheEntry {
  result: VerificationResult;
  /** Epoch ms after which the entry must not be used: min(exp, re-verification due time). */
  until: number;
  /** The token's status claim, checked again on every hit: the list may have changed since. */
  status?: VerificationClaims['status'];
}

const fail = (code: ConstructorParameters<typeof CandorError>[0], message: string, field?: string) =>
  new CandorError(code, message, field ? { field } : {});

function stringList(value: unknown, field: string): readonly string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw optionError(field, 'must be a non-empty string or a non-empty array of non-empty strings.');
  }
  return Object.freeze([...list]);
}

function freezeResult<T extends VerificationResult>(result: T): T {
  const c = result.claims;
  Object.freeze(c.verification.methods);
  Object.freeze(c.verification);
  if (c.attributes) Object.freeze(c.attributes);
  // Frozen also because the result cache checks this very object again on each hit.
  if (c.status) Object.freeze(Object.freeze(c.status).status_list);
  Object.freeze(c);
  Object.freeze(result.header);
  return Object.freeze(result);
}

/**
 * Creates a verifier for Candor verification tokens. Safe by default: ES256/EdDSA only,
 * explicit `typ`, `iss`/`aud`/`exp`/`iat`/`jti` required, 8 KiB cap before parsing, 24 h maximum
 * lifetime, 30 s clock tolerance, `jku`/`x5u`/`jwk`/`x5c` refused, unknown `crit` refused.
 *
 * @example
 * ```ts
 * const verifier = createVerifier({
 *   issuer: 'https://id.example.com',
 *   audience: 'https://partner.example',
 *   keys: 'https://id.example.com/.well-known/jwks.json',
 *   minimumLevel: 'substantial',
 * });
 * try {
 *   const result = await verifier.verify(token);
 *   if (result.outcome === 'reverification_due') askToVerifyAgain();
 *   else grantAccess(result.claims.sub, result.claims.attributes);
 * } catch (e) {
 *   if (isCandorError(e)) reject(e.code, e.message);
 * }
 * ```
 */
export function createVerifier(options: VerifierOptions): Verifier {
  if (options === null || typeof options !== 'object') throw optionError('options', 'must be an object.');
  const issuers = stringList(options.issuer, 'issuer');
  const audiences = stringList(options.audience, 'audience');
  const algorithms = options.algorithms === undefined ? SIGNING_ALGORITHMS : options.algorithms;
  if (!Array.isArray(algorithms) || algorithms.length === 0 || algorithms.some((a) => !(SIGNING_ALGORITHMS as readonly string[]).includes(a))) {
    throw optionError('algorithms', `must be a non-empty subset of ${SIGNING_ALGORITHMS.join(', ')}.`);
  }
  const maxTokenBytes = wholeNumber(options.maxTokenBytes, 'maxTokenBytes', { fallback: DEFAULT_MAX_TOKEN_BYTES, min: 256, max: 1024 * 1024, unit: 'bytes' });
  const maxLifetime = wholeNumber(options.maxLifetimeSeconds, 'maxLifetimeSeconds', { fallback: DEFAULT_MAX_LIFETIME_SECONDS, min: 1, max: 366 * 24 * 3600, unit: 'seconds' });
  const tolerance = wholeNumber(options.clockToleranceSeconds, 'clockToleranceSeconds', {
    fallback: DEFAULT_CLOCK_TOLERANCE_SECONDS,
    min: 0,
    max: MAX_CLOCK_TOLERANCE_SECONDS,
    unit: 'seconds',
  });
  let minimumRank = 0;
  if (options.minimumLevel !== undefined) {
    minimumRank = ASSURANCE_LEVELS.indexOf(options.minimumLevel);
    if (minimumRank < 0) throw optionError('minimumLevel', `must be one of ${ASSURANCE_LEVELS.join(', ')}.`);
  }
  const policy = resolveReverificationPolicy(options.reverificationPolicy);
  const rejectDue = options.rejectReverificationDue === true;

  const nowOption = clockOption(options.now);
  const nowMs: () => number = nowOption ? () => nowOption().getTime() : Date.now;

  let replay: ReplayStore | undefined;
  if (options.oneTimeUse === true) replay = new MemoryReplayStore(nowOption ? { now: nowOption } : {});
  else if (options.oneTimeUse !== undefined && options.oneTimeUse !== false) {
    if (typeof (options.oneTimeUse as ReplayStore)?.markUsed !== 'function') {
      throw optionError('oneTimeUse', 'must be true, false, or a ReplayStore (an object with markUsed(jti, expiresAt)).');
    }
    replay = options.oneTimeUse as ReplayStore;
  }

  const status = options.status;
  if (status !== undefined && typeof (status as StatusChecker | null)?.check !== 'function') {
    throw optionError('status', 'must be a StatusChecker (createStatusChecker from @candor/core/status-list).');
  }
  if (options.requireStatus === true && !status) throw optionError('requireStatus', 'needs the status option (a StatusChecker).');
  const requireStatus = options.requireStatus === true;

  let cache: Lru<string, CacheEntry> | undefined;
  if (options.resultCache !== undefined && options.resultCache !== false) {
    // A cache hit skips every check, including the replay store: one-time use would be bypassed.
    if (replay) throw optionError('resultCache', 'cannot be combined with oneTimeUse: a cached result would let a used token through again.');
    const rc = options.resultCache === true ? {} : options.resultCache;
    if (rc === null || typeof rc !== 'object') throw optionError('resultCache', 'must be true, false or { maxEntries }.');
    cache = new Lru(wholeNumber(rc.maxEntries, 'resultCache.maxEntries', { fallback: DEFAULT_RESULT_CACHE_ENTRIES, min: 1, max: 1_000_000 }));
  }
  // One pipeline for every signed object: size cap, structure, header rules, typ, key, signature.
  const verifyJws = createJwsVerifier({ kind: 'verification-token', algorithms, maxBytes: maxTokenBytes, keys: keyResolver(options.keys, options.jwks) });

  async function check(token: unknown): Promise<VerificationResult> {
    const { header, payload } = await verifyJws(token);
    // Keys are always chosen by kid here, so the pipeline has required one.
    const h = header as VerifiedHeader;
    const claims = parseJsonObjectBytes(payload);
    if (!claims) throw fail('malformed', 'The token payload is not a JSON object with each member name once.');

    for (const name of REQUIRED_CLAIMS) {
      if (claims[name] === undefined) throw fail('missing_claim', `The token has no "${name}" claim, which Candor tokens must carry.`, name);
    }
    const { exp, iat, nbf } = claims;
    for (const [name, value] of [['exp', exp], ['iat', iat], ['nbf', nbf]] as const) {
      if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value))) {
        throw fail('invalid_claims', `The "${name}" claim must be a whole number of seconds since the epoch.`, name);
      }
    }
    const expS = exp as number;
    const iatS = iat as number;
    const ms = nowMs();
    const now = Math.floor(ms / 1000);
    if (now >= expS + tolerance) throw fail('expired', `The token expired at ${isoOfSeconds(expS)}. Ask for a fresh token.`, 'exp');
    if (typeof nbf === 'number' && nbf > now + tolerance) {
      throw fail('not_yet_valid', `The token is not valid before ${isoOfSeconds(nbf)}; check the clocks.`, 'nbf');
    }
    if (iatS > now + tolerance) {
      throw fail('not_yet_valid', `The token says it was issued at ${isoOfSeconds(iatS)}, in the future; check the clocks.`, 'iat');
    }
    if (expS <= iatS) throw fail('invalid_claims', 'The token expires before it was issued (exp <= iat).', 'exp');
    if (expS - iatS > maxLifetime) {
      throw fail('lifetime_too_long', `The token lives ${expS - iatS} s (exp - iat), over the ${maxLifetime} s this verifier accepts. Issue shorter-lived tokens.`, 'exp');
    }
    if (!issuers.includes(claims.iss as string)) {
      throw fail('wrong_issuer', `The token was issued by ${JSON.stringify(claims.iss)}, not by ${issuers.map((i) => JSON.stringify(i)).join(' or ')}.`, 'iss');
    }
    const aud = claims.aud;
    if (!(typeof aud === 'string' ? audiences.includes(aud) : Array.isArray(aud) && aud.some((a) => audiences.includes(a)))) {
      throw fail('wrong_audience', `The token is for audience ${JSON.stringify(aud)}, not for ${audiences.map((a) => JSON.stringify(a)).join(' or ')}.`, 'aud');
    }
    const parsed = VerificationClaimsSchema.safeParse(claims, { reportInput: true });
    if (!parsed.success) {
      throw claimsError("The token's claims are not valid Candor claims", parsed.error.issues);
    }
    const c = parsed.data;
    // A verification dated after the token would never fall due for re-verification.
    if (c.verification.verifiedAt > c.iat + tolerance) {
      throw fail(
        'verified_in_future',
        `The token says the verification happened at ${isoOfSeconds(c.verification.verifiedAt)}, after the token was issued (${isoOfSeconds(c.iat)}). The issuer is wrong or the token was forged; refuse it.`,
        'verification.verifiedAt',
      );
    }
    if (ASSURANCE_LEVELS.indexOf(c.verification.level) < minimumRank) {
      throw fail(
        'insufficient_level',
        `The verification is at level "${c.verification.level}", below the required "${ASSURANCE_LEVELS[minimumRank]}". Ask the customer to verify at a higher level.`,
        'verification.level',
      );
    }
    const maxAge = policy[c.verification.riskTier];
    const dueAt = c.verification.verifiedAt + maxAge;
    const due = now > dueAt;
    if (due && rejectDue) {
      throw fail(
        'reverification_due',
        `The verification from ${new Date(c.verification.verifiedAt * 1000).toISOString()} is older than ${maxAge} s allowed for risk tier "${c.verification.riskTier}"; ask the customer to verify again.`,
        'verification.verifiedAt',
      );
    }
    if (status) {
      if (c.status !== undefined) await status.check(c.status);
      else if (requireStatus) throw fail('missing_claim', 'The token has no "status" claim, and this verifier requires one to check revocation.', 'status');
    }
    if (replay) {
      let first: boolean;
      try {
        first = await replay.markUsed(c.jti, new Date((expS + tolerance) * 1000));
      } catch (cause) {
        // Fail closed: if we cannot confirm the id is unused, the token is not accepted.
        throw new CandorError('replayed', `The replay store failed, so one-time use cannot be confirmed and the token is refused (${String((cause as Error)?.message ?? cause)}).`, { cause, field: 'jti' });
      }
      if (first !== true) throw fail('replayed', `Token ${c.jti} was already used; one-time tokens are accepted once. Ask for a new token.`, 'jti');
    }
    const result: VerificationResult = due
      ? freezeResult({ outcome: 'reverification_due', claims: c, header: h, dueSince: new Date(dueAt * 1000), maxAgeSeconds: maxAge })
      : freezeResult({ outcome: 'valid', claims: c, header: h });
    if (cache) {
      const until = Math.min(expS * 1000, due ? Infinity : dueAt * 1000);
      cache.set(token as string, status && c.status ? { result, until, status: c.status } : { result, until });
    }
    return result;
  }

  return {
    async verify(token: unknown): Promise<VerificationResult> {
      if (cache) {
        // The fast path: one Map lookup and one clock comparison.
        const hit = cache.get(token as string);
        if (hit !== undefined) {
          if (nowMs() < hit.until) {
            if (hit.status === undefined) return hit.result;
            try {
              await status!.check(hit.status);
              return hit.result;
            } catch (e) {
              cache.delete(token as string);
              throw e;
            }
          }
          cache.delete(token as string);
        }
      }
      return check(token);
    },
    clearCache(): void {
      cache?.clear();
    },
  };
}
