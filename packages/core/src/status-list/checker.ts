/** The partner's side of status lists: fetch, verify, cache and read a token's status; fails closed, never open. */
import { readResponseCapped } from '../lib/read-capped.js';
import type { JWK } from 'jose';
import { CandorError } from '../errors.js';
import type { CandorKey } from '../keys/key.js';
import type { KeySet } from '../keys/key-set.js';
import { parseJsonObjectBytes } from '../lib/base64url.js';
import { isoOfSeconds } from '../lib/dates.js';
import type { SigningAlgorithm } from '../lib/jwk.js';
import { createJwsVerifier } from '../lib/jws.js';
import type { KeyResolver, RemoteJwksOptions } from '../lib/key-source.js';
import { Lru } from '../lib/lru.js';
import { clockOption, describeValue, optionError, wholeNumber } from '../lib/options.js';
import { LOOPBACK_HOSTS_TEXT, isLoopbackHost, parseSecureUrl } from '../lib/urls.js';
import type { Clock } from '../models/clock.js';
import { checkValue, summarizeIssues } from '../models/issues.js';
import { STATUS_LIST_MEDIA_TYPE, StatusClaimSchema, type StatusClaim } from './claim.js';
import { DEFAULT_MAX_INFLATED_BYTES, STATUS, decodeStatusList, type StatusList } from './encoding.js';

/** Default cap on a status list response body: 1 MiB. @example `createStatusChecker({ ...options, maxResponseBytes: DEFAULT_MAX_STATUS_RESPONSE_BYTES / 4 })` */
export const DEFAULT_MAX_STATUS_RESPONSE_BYTES = 1024 * 1024;

/** Most redirects followed for one status list fetch: 5. @example `redirectsFollowed <= MAX_STATUS_REDIRECTS` */
export const MAX_STATUS_REDIRECTS = 5;
/** Default {@link StatusCheckerOptions.maxCacheSeconds}: 1 hour. @example `createStatusChecker({ ...options, maxCacheSeconds: DEFAULT_MAX_STATUS_CACHE_SECONDS * 6 })` */
export const DEFAULT_MAX_STATUS_CACHE_SECONDS = 3600;

/** Options of {@link createStatusChecker}. @example `{ issuer: 'https://id.example.com', keys: 'https://id.example.com/.well-known/jwks.json', maxStalenessSeconds: 600 }` */
export interface StatusCheckerOptions {
  /** The issuer of the tokens you check: a status list token that carries an `iss` must carry this one. */
  issuer: string;
  /** The issuer's public keys: a JWKS object, a JWK, a CandorKey, a KeySet, the https URL of a JWKS, or a resolver `(alg, kid) => CryptoKey`. */
  keys: { keys: JWK[] } | JWK | CandorKey | KeySet | URL | string | KeyResolver;
  /** Remote JWKS tuning (only with a URL in `keys`). */
  jwks?: RemoteJwksOptions;
  /** Allowed algorithms. Default `['ES256', 'EdDSA']`. */
  algorithms?: SigningAlgorithm[];
  /** The fetch to use (default `globalThis.fetch`), e.g. one with a proxy or a test double. */
  fetch?: typeof fetch;
  /** How long past its refresh time a cached list still answers while a fresh one cannot be had. Default 600 s; 0 fails closed at once. */
  maxStalenessSeconds?: number;
  /** Cap on a list's inflated size. Default 4 MiB. */
  maxInflatedBytes?: number;
  /** Cap on the response body. Default 1 MiB (also the largest allowed). */
  maxResponseBytes?: number;
  /** Fetch timeout, headers and body together. Default 5000 ms. */
  timeoutMs?: number;
  /** How long a list without `ttl` is cached. Default 300 s. */
  defaultTtlSeconds?: number;
  /**
   * The longest a list is cached before it is fetched again, whatever its `ttl` says (a `ttl` is
   * the most a list may be cached, so a shorter time always conforms). Default 3600 s, between 1
   * and 366 days.
   */
  maxCacheSeconds?: number;
  /** After a failed fetch, wait this long before fetching that list again (the cache or the error answers meanwhile). Default 5 s. */
  retryAfterSeconds?: number;
  /** Clock skew allowed on the list's `iat` and `exp`. Default 30 s. */
  clockToleranceSeconds?: number;
  /** Clock, for tests. */
  now?: Clock;
}

/**
 * Checks the `status` claim of a token whose signature was already verified. Used by
 * `createVerifier({ status })`; any other verifier (an SD-JWT one) calls `check` the same way.
 *
 * @example
 * ```ts
 * await checker.check(claims.status); // throws revoked, suspended, status_unavailable, ...
 * ```
 */
export interface StatusChecker {
  /**
   * Resolves when the status is valid (0x00); otherwise throws a CandorError: `revoked`,
   * `suspended`, `status_unavailable`, `invalid_status_list`, `invalid_claims` (not a status
   * claim), or the JWS pipeline's codes for a list token that fails it (`bad_signature`,
   * `wrong_type`, `unknown_key`, ...).
   */
  check(status: unknown): Promise<void>;
  /** Forgets every cached list. @example `checker.clearCache()` */
  clearCache(): void;
}

interface CachedList {
  list: StatusList;
  /** The list token's `iat`: a list issued earlier than the cached one is a rollback, refused. */
  iat: number;
  /** Epoch ms: fetch again from then on. */
  refreshAt: number;
  /** Epoch ms: from then on the list is not used at all, even when no fresh one can be had. */
  staleUntil: number;
}

const fail = (code: ConstructorParameters<typeof CandorError>[0], message: string, field?: string, cause?: unknown) =>
  new CandorError(code, message, { ...(field ? { field } : {}), ...(cause !== undefined ? { cause } : {}) });

/** The redirects RFC 9110 §15.4 says repeat the request at the Location: 301, 302, 303, 307, 308. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Where a redirect from `from` to `location` leads, or why it is not followed. The target must
 * pass the same rule as the list URI itself (https; plain http only on the loopback), and a
 * remote host cannot send the request to the loopback (this machine's own services).
 */
function redirectTarget(from: URL, location: string | null): { url: URL } | { refused: string } {
  if (location === null || location.length === 0) return { refused: 'has no Location header' };
  let resolved: URL;
  try {
    resolved = new URL(location, from);
  } catch {
    return { refused: `has a Location that is not a URL (${JSON.stringify(location.slice(0, 200))})` };
  }
  const url = parseSecureUrl(resolved);
  if (!url) return { refused: `points at ${resolved.href}, which is not https (plain http is allowed only on ${LOOPBACK_HOSTS_TEXT})` };
  if (isLoopbackHost(url.hostname) && !isLoopbackHost(from.hostname)) {
    return { refused: `points at ${url.href} on this machine, from the remote host ${from.host}` };
  }
  url.hash = '';
  return { url };
}

/**
 * Makes a status checker for one issuer's status lists. For each list URI it fetches the status
 * list token (`Accept: application/statuslist+jwt`; https only, plain http only on the
 * loopback; up to {@link MAX_STATUS_REDIRECTS} redirects, each target held to the same rule; any
 * 2xx answer; size cap; timeout), verifies it through the JWS pipeline with the issuer's keys
 * (`typ: statuslist+jwt`), checks `iss` when present, `sub` (equal to the URI in the token, also after a
 * redirect), `iat`, `nbf`, `exp` and `ttl`, inflates the list under a cap, and caches it for
 * `ttl`, at most `maxCacheSeconds` and never past `exp`. When a
 * fresh list cannot be had, the cached one answers for up to `maxStalenessSeconds` more; after
 * that every check fails (`status_unavailable`, or the reason the new list was refused).
 *
 * @example
 * ```ts
 * const checker = createStatusChecker({ issuer: 'https://id.example.com', keys: 'https://id.example.com/.well-known/jwks.json' });
 * const verifier = createVerifier({ issuer: 'https://id.example.com', audience: 'https://partner.example', keys: 'https://id.example.com/.well-known/jwks.json', status: checker });
 * ```
 */
export function createStatusChecker(options: StatusCheckerOptions): StatusChecker {
  if (options === null || typeof options !== 'object') throw optionError('options', 'must be an object.');
  const issuer = options.issuer;
  if (typeof issuer !== 'string' || issuer.length === 0) throw optionError('issuer', 'must be the issuer identifier of the tokens you check (a status list token that carries iss must carry it).');
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (typeof fetchFn !== 'function') throw optionError('fetch', 'must be a fetch function (none is available globally here).');
  const seconds = (v: unknown, field: string, fallback: number, min = 0) => wholeNumber(v, field, { fallback, min, max: 366 * 86400, unit: 'seconds' });
  const maxStalenessMs = seconds(options.maxStalenessSeconds, 'maxStalenessSeconds', 600) * 1000;
  const defaultTtl = seconds(options.defaultTtlSeconds, 'defaultTtlSeconds', 300, 1);
  const maxCache = seconds(options.maxCacheSeconds, 'maxCacheSeconds', DEFAULT_MAX_STATUS_CACHE_SECONDS, 1);
  const retryAfterMs = seconds(options.retryAfterSeconds, 'retryAfterSeconds', 5) * 1000;
  const tolerance = seconds(options.clockToleranceSeconds, 'clockToleranceSeconds', 30);
  if (tolerance > 300) throw optionError('clockToleranceSeconds', `must be at most 300; got ${tolerance}.`);
  const maxInflatedBytes = wholeNumber(options.maxInflatedBytes, 'maxInflatedBytes', { fallback: DEFAULT_MAX_INFLATED_BYTES, min: 1, max: 256 * 1024 * 1024, unit: 'bytes' });
  const maxResponseBytes = wholeNumber(options.maxResponseBytes, 'maxResponseBytes', { fallback: DEFAULT_MAX_STATUS_RESPONSE_BYTES, min: 256, max: DEFAULT_MAX_STATUS_RESPONSE_BYTES, unit: 'bytes' });
  const timeoutMs = wholeNumber(options.timeoutMs, 'timeoutMs', { fallback: 5000, min: 1, max: 120_000, unit: 'milliseconds' });
  const nowOption = clockOption(options.now);
  const nowMs: () => number = nowOption ? () => nowOption().getTime() : Date.now;
  const verifyJws = createJwsVerifier({
    kind: 'status-list',
    keys: options.keys,
    maxBytes: maxResponseBytes,
    ...(options.algorithms ? { algorithms: options.algorithms } : {}),
    ...(options.jwks ? { jwks: options.jwks } : {}),
  });

  const cache = new Lru<string, CachedList>(64);
  /** Frozen status claims that passed the schema. */
  const checked = new WeakSet<object>();
  const inflight = new Map<string, Promise<CachedList>>();
  const failures = new Map<string, { until: number; error: CandorError }>();

  async function download(uri: string): Promise<string> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(fail('status_unavailable', `Fetching the status list ${uri} timed out after ${timeoutMs} ms.`));
      }, timeoutMs);
    });
    const attempt = (async () => {
      // draft-ietf-oauth-status-list §8.2: a redirect (3xx) is one "which clients SHOULD follow";
      // §11.4: following it "MUST follow the guidance provided in Section 15.4 of [RFC9110]" and
      // beware of loops. Each hop is fetched here (redirect: 'manual') so its target is checked.
      let url = new URL(uri);
      const seen = new Set([url.href]);
      let res: Response;
      for (let hops = 0; ; hops++) {
        try {
          res = await fetchFn(url.href, { headers: { accept: STATUS_LIST_MEDIA_TYPE }, redirect: 'manual', signal: controller.signal });
        } catch (cause) {
          throw fail('status_unavailable', `The status list ${uri} could not be fetched${url.href === uri ? '' : ` from ${url.href}`} (${String((cause as Error)?.message ?? cause)}).`, undefined, cause);
        }
        if (res.type === 'opaqueredirect') {
          throw fail('status_unavailable', `The status list ${uri} redirects, and this runtime hides where to (a browser); serve the list at its URI or give a fetch that can read redirects.`);
        }
        if (!REDIRECTS.has(res.status)) break;
        res.body?.cancel().catch(() => {});
        const next = redirectTarget(url, res.headers.get('location'));
        if ('refused' in next) throw fail('status_unavailable', `The status list ${uri} redirects (HTTP ${res.status} from ${url.href}) and the redirect ${next.refused}; it was not followed.`);
        if (seen.has(next.url.href)) throw fail('status_unavailable', `The status list ${uri} redirects in a loop (back to ${next.url.href}); it was not followed.`);
        if (hops + 1 > MAX_STATUS_REDIRECTS) throw fail('status_unavailable', `The status list ${uri} redirects more than ${MAX_STATUS_REDIRECTS} times; it was not followed further.`);
        seen.add(next.url.href);
        url = next.url;
      }
      // §8.2: "A successful response that contains a Status List Token MUST use an HTTP status code in the 2xx range."
      if (res.status < 200 || res.status > 299) {
        res.body?.cancel().catch(() => {});
        throw fail('status_unavailable', `The status list ${uri} answered HTTP ${res.status}${url.href === uri ? '' : ` (at ${url.href})`}, not a 2xx success.`);
      }
      let body: Uint8Array;
      try {
        body = await readResponseCapped(res, maxResponseBytes, () =>
          fail('too_large', `The status list response from ${uri} is over ${maxResponseBytes} bytes (maxResponseBytes); it was not read further.`),
        );
      } catch (cause) {
        if (cause instanceof CandorError) throw cause;
        throw fail('status_unavailable', `Reading the status list ${uri} failed (${String((cause as Error)?.message ?? cause)}).`, undefined, cause);
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(body).trim();
      } catch {
        throw fail('malformed', `The status list response from ${uri} is not UTF-8 text.`);
      }
      return text;
    })();
    try {
      return await Promise.race([attempt, timeout]);
    } finally {
      clearTimeout(timer);
      attempt.catch(() => {});
    }
  }

  async function refresh(uri: string, previousIat: number | undefined): Promise<CachedList> {
    const jws = await download(uri);
    const { payload } = await verifyJws(jws);
    const claims = parseJsonObjectBytes(payload);
    if (!claims) throw fail('malformed', `The status list token from ${uri} has a payload that is not a JSON object with each member name once.`);
    // The draft (§5.1) defines no iss for a list token: the issuer's keys vouch for it. One that names an issuer must name this one.
    if (claims.iss !== undefined && claims.iss !== issuer) {
      throw fail('wrong_issuer', `The status list at ${uri} was issued by ${describeValue(claims.iss)}, not by ${JSON.stringify(issuer)}.`, 'iss');
    }
    // §5.1 / §8.3 step 4a: sub equals the uri in the referenced token, not where a redirect led.
    if (claims.sub !== uri) {
      throw fail('invalid_status_list', `The status list token fetched from ${uri} is for ${describeValue(claims.sub)} (its sub): it is not the list this token points at.`, 'sub');
    }
    const { iat, exp, ttl, nbf } = claims;
    const now = Math.floor(nowMs() / 1000);
    if (typeof iat !== 'number' || !Number.isInteger(iat)) throw fail('invalid_status_list', `The status list token from ${uri} has no whole-number iat.`, 'iat');
    if (iat > now + tolerance) throw fail('not_yet_valid', `The status list token from ${uri} says it was issued at ${isoOfSeconds(iat)}, in the future; check the clocks.`, 'iat');
    // A JWT is not accepted before its nbf (RFC 7519 §4.1.5); the draft requires the list token to be valid per RFC 7519.
    if (nbf !== undefined && (typeof nbf !== 'number' || !Number.isInteger(nbf))) {
      throw fail('invalid_status_list', `The status list token from ${uri} has an nbf that is not a whole number of seconds.`, 'nbf');
    }
    if (typeof nbf === 'number' && nbf > now + tolerance) {
      throw fail('not_yet_valid', `The status list token from ${uri} is not valid before ${isoOfSeconds(nbf)}; check the clocks.`, 'nbf');
    }
    // An older list than the one already seen could hide a revocation (a replayed or rolled-back copy).
    if (previousIat !== undefined && iat < previousIat) {
      throw fail('invalid_status_list', `The status list from ${uri} was issued at ${isoOfSeconds(iat)}, before the one already seen (${isoOfSeconds(previousIat)}): an old copy was served; it is not used.`, 'iat');
    }
    if (exp !== undefined && (typeof exp !== 'number' || !Number.isInteger(exp) || exp <= iat)) {
      throw fail('invalid_status_list', `The status list token from ${uri} has an exp that is not a whole number after iat.`, 'exp');
    }
    if (typeof exp === 'number' && now >= exp + tolerance) {
      throw fail('status_unavailable', `The status list at ${uri} expired at ${isoOfSeconds(exp)} and no fresh one is published; the token's status cannot be known.`, 'exp');
    }
    // §5.1: "a positive number encoded in JSON as a number" (not necessarily whole).
    if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0)) {
      throw fail('invalid_status_list', `The status list token from ${uri} has a ttl that is not a positive number of seconds.`, 'ttl');
    }
    const list = await decodeStatusList(claims.status_list, { maxInflatedBytes });
    const fetchedAt = nowMs();
    const hardEnd = typeof exp === 'number' ? (exp + tolerance) * 1000 : Infinity;
    // §11.5: "clients should be configured with lower/upper bounds" for exp and ttl; a ttl is the
    // most a list may be cached (§5.1), so capping it at maxCacheSeconds always conforms.
    const refreshAt = Math.min(fetchedAt + Math.min((ttl as number | undefined) ?? defaultTtl, maxCache) * 1000, hardEnd);
    return { list, iat, refreshAt, staleUntil: Math.min(refreshAt + maxStalenessMs, hardEnd) };
  }

  async function current(uri: string): Promise<StatusList> {
    const cached = cache.get(uri);
    const t = nowMs();
    if (cached && t < cached.refreshAt) return cached.list;
    const failed = failures.get(uri);
    let error: CandorError;
    if (failed && t < failed.until) error = failed.error;
    else {
      let pending = inflight.get(uri);
      if (!pending) {
        pending = refresh(uri, cached?.iat).finally(() => inflight.delete(uri));
        inflight.set(uri, pending);
      }
      try {
        const fresh = await pending;
        cache.set(uri, fresh);
        failures.delete(uri);
        return fresh.list;
      } catch (e) {
        // Anything else is a bug outside the list (a broken clock or key source), not a verdict.
        if (!(e instanceof CandorError)) throw e;
        error = e;
        failures.set(uri, { until: nowMs() + retryAfterMs, error: e });
      }
    }
    const now = nowMs();
    if (cached && now < cached.staleUntil) return cached.list;
    if (cached) cache.delete(uri);
    throw error;
  }

  return {
    async check(status: unknown): Promise<void> {
      let claim: StatusClaim;
      if (checked.has(status as object)) claim = status as StatusClaim;
      else {
        const parsed = checkValue(StatusClaimSchema, status);
        if (!parsed.ok) {
          const issues = parsed.issues.slice(0, 5).map(({ path, message }) => (path === '(root)' ? { path: 'status', message: message.replace('(root)', 'status') } : { path: `status.${path}`, message: `status.${message}` }));
          throw new CandorError('invalid_claims', `The status claim is not { status_list: { idx, uri } }: ${summarizeIssues(issues)}.`, { field: issues[0]?.path ?? 'status', issues });
        }
        claim = parsed.value;
        // A frozen claim (a verifier's cached result) cannot change, so it need not be parsed again.
        const s = status as StatusClaim;
        if (Object.isFrozen(s) && Object.isFrozen(s.status_list)) checked.add(s);
      }
      const { idx, uri } = claim.status_list;
      const list = await current(uri);
      const value = list.get(idx);
      if (value === undefined) {
        throw fail('invalid_status_list', `The token's index ${idx} is outside the status list at ${uri} (${list.size} entries); refusing the token.`, 'status.status_list.idx');
      }
      if (value === STATUS.VALID) return;
      if (value === STATUS.INVALID) throw fail('revoked', 'The issuer revoked this token. Ask the customer to verify again.', 'status');
      if (value === STATUS.SUSPENDED) throw fail('suspended', 'The issuer suspended this token for now; try again later or ask the issuer.', 'status');
      throw fail('invalid_status_list', `The status list at ${uri} gives this token status ${value}, which has no meaning this verifier knows; refusing the token.`, 'status');
    },
    clearCache(): void {
      cache.clear();
      failures.clear();
    },
  };
}
