/** The one JWS pipeline: every signed object Candor verifies goes through these checks, in this order, then jose checks the signature. */
import { compactVerify } from 'jose';
import { CandorError, type CandorErrorCode } from '../errors.js';
import { CONSENT_RECORD_TYPE } from '../consent/consent-type.js';
import { TOKEN_TYPE } from '../tokens/token-type.js';
import { decodeJsonObject } from './base64url.js';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from './jwk.js';
import { keyResolver, type KeyResolver, type RemoteJwksOptions } from './key-source.js';
import { describeValue, optionError, wholeNumber } from './options.js';

interface KindRule {
  /** The `typ` Candor issues for this kind (RFC 8725 §3.11 explicit typing), lower case, without `application/`. */
  readonly typ: string;
  /** Every `typ` accepted on verification, `typ` first; a kind accepts more than one only where its specification says so. */
  readonly accepted: readonly [string, ...string[]];
  /** How messages name the object ("token"). */
  readonly noun: string;
  /** The plural, for "Candor tokens always carry one". */
  readonly plural: string;
  /** What a wrong `typ` says the object is not ("a Candor verification token"). */
  readonly what: string;
}

/** A kind that issues `typ` and accepts it and `older` (types its specification still accepts). */
const kind = (typ: string, noun: string, plural: string, what: string, older: readonly string[] = []): KindRule =>
  Object.freeze({ typ, accepted: Object.freeze([typ, ...older]) as KindRule['accepted'], noun, plural, what });

/**
 * Every kind of signed object, the `typ` Candor issues for it and the `typ` values it accepts.
 * No `typ` is accepted by two kinds, so an object of one kind never verifies as another (a
 * consent record is never a token, nor the reverse). Only the SD-JWT accepts a second `typ`:
 * `vc+sd-jwt`, which draft-ietf-oauth-sd-jwt-vc used until it became `dc+sd-jwt`; the draft's
 * "JOSE Header" section (§3.2.1 up to -13) says it "is RECOMMENDED that Verifiers and Holders accept both
 * vc+sd-jwt and dc+sd-jwt as the value of the typ header for a reasonable transitional period".
 * Candor issues `dc+sd-jwt` only.
 *
 * @example
 * ```ts
 * JWS_KINDS['consent-record'].typ;  // 'candor-consent+jwt'
 * JWS_KINDS['sd-jwt'].accepted;     // ['dc+sd-jwt', 'vc+sd-jwt']
 * ```
 */
export const JWS_KINDS = Object.freeze({
  'verification-token': kind(TOKEN_TYPE, 'token', 'tokens', 'a Candor verification token'),
  'consent-record': kind(CONSENT_RECORD_TYPE, 'signed consent record', 'consent records', 'a signed Candor consent record'),
  /** The issuer-signed JWT of an SD-JWT VC (RFC 9901, SD-JWT VC); `vc+sd-jwt` accepted for the transition (SD-JWT VC "JOSE Header", §3.2.1 up to -13). */
  'sd-jwt': kind('dc+sd-jwt', 'SD-JWT', 'SD-JWTs', 'an SD-JWT verifiable credential', ['vc+sd-jwt']),
  /** The holder's key-binding JWT (RFC 9901 §4.3). */
  'kb-jwt': kind('kb+jwt', 'key-binding JWT', 'key-binding JWTs', 'a key-binding JWT'),
  /** A Token Status List (draft-ietf-oauth-status-list §5.1). */
  'status-list': kind('statuslist+jwt', 'status list token', 'status list tokens', 'a status list token'),
} as const);

/** One of the keys of {@link JWS_KINDS}. @example `const kind: JwsKind = 'verification-token'` */
export type JwsKind = keyof typeof JWS_KINDS;

/**
 * Whether `typ` names `expected`. RFC 7515 §4.1.9: `typ` is a media type, compared
 * case-insensitively, and `application/` may be left out. So `candor-consent+jwt`,
 * `application/candor-consent+jwt` and `Application/Candor-Consent+JWT` all match; media type
 * parameters (`; charset=...`), surrounding spaces and any other prefix do not.
 *
 * @example
 * ```ts
 * typMatches('Application/KB+JWT', 'kb+jwt'); // true
 * ```
 */
export function typMatches(typ: unknown, expected: string): boolean {
  if (typeof typ !== 'string') return false;
  const t = typ.toLowerCase();
  return t === expected || t === `application/${expected}`;
}

/** Header members that point at keys elsewhere or embed them; never fetched or trusted. */
const FORBIDDEN_HEADERS = ['jku', 'x5u', 'jwk', 'x5c'] as const;
/** One non-empty base64url segment (no padding, no `+` or `/`). */
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * True when a segment is canonical base64url: the URL-safe alphabet only, a length that encodes
 * whole bytes, and no stray bits in the last character. Lenient decoders ignore those bits, so
 * without this several strings would carry the same signature (a cache key, a list of refused
 * tokens or a log line would then not identify an object uniquely).
 */
export function isCanonicalBase64url(segment: string): boolean {
  if (!BASE64URL.test(segment)) return false;
  switch (segment.length % 4) {
    case 0:
      return true;
    case 2: // the last character carries 2 data bits: its 4 low bits must be zero
      return 'AQgw'.includes(segment[segment.length - 1]!);
    case 3: // the last character carries 4 data bits: its 2 low bits must be zero
      return 'AEIMQUYcgkosw048'.includes(segment[segment.length - 1]!);
    default:
      return false;
  }
}

/** The protected header of a JWS that passed the pipeline. `kid` is set whenever keys were chosen by kid. @example `verified.header.kid` */
export interface VerifiedJwsHeader {
  alg: SigningAlgorithm;
  kid?: string;
  typ: string;
}

/** What the pipeline returns: the checked header and the signed payload bytes (not parsed). @example `parseJsonObjectBytes(verified.payload)` */
export interface VerifiedJws {
  header: VerifiedJwsHeader;
  payload: Uint8Array;
}

/** Options of {@link createJwsVerifier}. @example `{ kind: 'consent-record', keys: keySet, maxBytes: 16384 }` */
export interface JwsVerifierOptions {
  /** Which kind of object; decides the accepted `typ` values ({@link JWS_KINDS}). */
  kind: JwsKind;
  /**
   * The public key of a single signer (the header's `kid` is then optional), or keys chosen by
   * the header's `kid` and `alg` (a `kid` is then required): a KeySet, a CandorKey, a JWK, a JWKS
   * object, the https URL of a JWKS, or a function `(alg, kid) => CryptoKey`.
   */
  keys: CryptoKey | KeyResolver | object | URL | string;
  /** Allowed algorithms. Default `['ES256', 'EdDSA']`; `none` and HMAC are never allowed. */
  algorithms?: readonly SigningAlgorithm[];
  /** Longest input accepted, in bytes, checked before any parsing. Default 8192, between 256 and 1048576. */
  maxBytes?: number;
  /** Remote JWKS tuning (only with a URL in `keys`). */
  jwks?: RemoteJwksOptions;
}

/** Default {@link JwsVerifierOptions.maxBytes}: 8 KiB. @example `createJwsVerifier({ kind, keys, maxBytes: 2 * DEFAULT_MAX_JWS_BYTES })` */
export const DEFAULT_MAX_JWS_BYTES = 8 * 1024;

const fail = (code: CandorErrorCode, message: string, field?: string) => new CandorError(code, message, field ? { field } : {});

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

/** True when `key` is a public key for `alg` (ECDSA P-256 for ES256, Ed25519 for EdDSA). */
function keyFits(alg: SigningAlgorithm, key: CryptoKey): boolean {
  const a = key.algorithm as EcKeyAlgorithm;
  return key.type === 'public' && (alg === 'ES256' ? a.name === 'ECDSA' && a.namedCurve === 'P-256' : a.name === 'Ed25519');
}

/**
 * Makes the verifier of one kind of compact JWS. In order: a string, the size cap, three
 * segments, a canonical base64url header holding a JSON object, `alg` on the allow-list,
 * `jku`/`x5u`/`jwk`/`x5c` refused (`forbidden_header`), `crit` refused (`unsupported_critical`),
 * one of the kind's accepted `typ` values (`wrong_type`), a `kid` when keys are chosen by kid, canonical base64url
 * payload and signature, the key by `kid` and `alg`, and last jose's `compactVerify` for the
 * signature. The header checks run once per distinct header segment (every object from one key
 * has the same header bytes). Errors from the key source pass through unchanged: a CandorError
 * is about the object's key, anything else is a bug and must not be reported as a bad object.
 *
 * @throws {CandorError} `invalid_input`, `too_large`, `malformed`, `unsupported_algorithm`,
 * `forbidden_header`, `unsupported_critical`, `wrong_type`, `unknown_key`, `invalid_key`,
 * `jwks_unavailable`, `bad_signature`; `invalid_options` for bad options.
 * @example
 * ```ts
 * const verify = createJwsVerifier({ kind: 'consent-record', keys: 'https://id.example.com/.well-known/jwks.json', maxBytes: 16384 });
 * const { header, payload } = await verify(jws);
 * ```
 */
export function createJwsVerifier(options: JwsVerifierOptions): (input: unknown) => Promise<VerifiedJws> {
  if (options === null || typeof options !== 'object') throw optionError('options', 'must be an object.');
  if (typeof options.kind !== 'string' || !Object.hasOwn(JWS_KINDS, options.kind)) {
    throw optionError('kind', `must be one of ${Object.keys(JWS_KINDS).join(', ')}.`);
  }
  const rule: KindRule = JWS_KINDS[options.kind];
  const { noun } = rule;
  const algorithms = options.algorithms ?? SIGNING_ALGORITHMS;
  if (!Array.isArray(algorithms) || algorithms.length === 0 || algorithms.some((a) => !(SIGNING_ALGORITHMS as readonly string[]).includes(a))) {
    throw optionError('algorithms', `must be a non-empty subset of ${SIGNING_ALGORITHMS.join(', ')}.`);
  }
  const allowed = new Set<string>(algorithms);
  const maxBytes = wholeNumber(options.maxBytes, 'maxBytes', { fallback: DEFAULT_MAX_JWS_BYTES, min: 256, max: 1024 * 1024, unit: 'bytes' });
  const keys: KeyResolver | CryptoKey =
    typeof options.keys === 'function' || options.keys instanceof CryptoKey ? (options.keys as KeyResolver | CryptoKey) : keyResolver(options.keys, options.jwks);
  const byKid = typeof keys === 'function';
  /** Headers that passed every check, by their exact base64url segment. */
  const headers = new Map<string, VerifiedJwsHeader>();

  function checkHeader(segment: string): VerifiedJwsHeader {
    const header = isCanonicalBase64url(segment) ? decodeJsonObject(segment) : undefined;
    if (!header) throw fail('malformed', `The ${noun} header is not a base64url-encoded JSON object (each member name once); pass the ${noun} exactly as issued.`);
    const alg = header.alg;
    if (typeof alg !== 'string' || !allowed.has(alg)) {
      throw fail('unsupported_algorithm', `Algorithm ${describeValue(alg)} is not accepted; this verifier accepts ${[...allowed].join(', ')}.`, 'alg');
    }
    for (const name of FORBIDDEN_HEADERS) {
      if (name in header) {
        throw fail('forbidden_header', `The ${noun} header carries "${name}"; keys are taken only from the verifier's configured keys, never from the ${noun}.`, name);
      }
    }
    if ('crit' in header) {
      throw fail('unsupported_critical', `The ${noun} marks ${describeValue(header.crit)} as critical; this verifier implements no JWS extensions.`, 'crit');
    }
    const typ = header.typ;
    if (!rule.accepted.some((expected) => typMatches(typ, expected))) {
      throw fail('wrong_type', `The ${noun} typ is ${describeValue(typ)}, not ${rule.accepted.map((t) => `"${t}"`).join(' or ')}: it is not ${rule.what}.`, 'typ');
    }
    const kid = header.kid;
    const usableKid = typeof kid === 'string' && kid.length > 0 && kid.length <= 256;
    if (byKid && !usableKid) {
      throw fail('unknown_key', `The ${noun} header has no usable kid, so no key can be chosen; Candor ${rule.plural} always carry one.`, 'kid');
    }
    return Object.freeze(usableKid ? { alg: alg as SigningAlgorithm, kid, typ: typ as string } : { alg: alg as SigningAlgorithm, typ: typ as string });
  }

  return async (input) => {
    if (typeof input !== 'string') throw fail('invalid_input', `A ${noun} must be a string; got ${describe(input)}.`);
    if (input.length === 0) throw fail('invalid_input', `The ${noun} is empty; pass the compact JWS string.`);
    // Characters outside ASCII make the input malformed anyway, so the length bounds its size in bytes.
    if (input.length > maxBytes) throw fail('too_large', `The ${noun} is ${input.length} bytes, over the ${maxBytes}-byte limit; it was not parsed.`);
    const dot = input.indexOf('.');
    const dot2 = dot < 0 ? -1 : input.indexOf('.', dot + 1);
    if (dot2 < 0 || input.indexOf('.', dot2 + 1) >= 0) {
      throw fail('malformed', `A ${noun} has three dot-separated segments (header.payload.signature); this one has ${input.split('.').length}.`);
    }
    const headerSegment = input.slice(0, dot);
    let header = headers.get(headerSegment);
    if (header === undefined) {
      header = checkHeader(headerSegment);
      if (headers.size >= 64) headers.clear();
      headers.set(headerSegment, header);
    }
    // After the header, so that an unsigned `alg: none` object (empty signature) is reported as such.
    if (!isCanonicalBase64url(input.slice(dot + 1, dot2)) || !isCanonicalBase64url(input.slice(dot2 + 1))) {
      throw fail('malformed', `The ${noun} payload or signature is not canonical base64url (A-Z a-z 0-9 - _, no padding), or is empty.`);
    }
    const { alg } = header;
    let key: CryptoKey;
    if (byKid) {
      const found = keys(alg, header.kid!);
      key = found instanceof Promise ? await found : found;
    } else key = keys;
    // jose would throw a bare TypeError for a key of another type; say what is wrong instead.
    if (!keyFits(alg, key)) throw fail('invalid_key', `The key found for this ${noun} is not a ${alg} public key; check the configured keys.`);
    try {
      const { payload } = await compactVerify(input, key, { algorithms: [alg] });
      return { header, payload };
    } catch (cause) {
      // Every other check jose makes was made above; what is left is the signature itself.
      if ((cause as { code?: unknown })?.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
        throw fail('bad_signature', `The signature does not match: the ${noun} was altered or signed by another key. Ask the issuer for a new ${noun}.`);
      }
      throw new CandorError('invalid_key', `The key cannot verify ${alg} signatures (${String((cause as Error)?.message ?? cause)}).`, { cause });
    }
  };
}

/**
 * Verifies one compact JWS of `options.kind` through the pipeline of {@link createJwsVerifier}
 * (create a verifier instead when you verify many: it remembers checked headers).
 *
 * @example
 * ```ts
 * const { header, payload } = await verifyCompactJws(kbJwt, { kind: 'kb-jwt', keys: holderPublicKey, algorithms: ['ES256'] });
 * ```
 */
export function verifyCompactJws(input: unknown, options: JwsVerifierOptions): Promise<VerifiedJws> {
  return createJwsVerifier(options)(input);
}
