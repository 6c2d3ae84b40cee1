/** createSdJwtVerifier: a partner's check of an SD-JWT VC presentation, RFC 9901 §7.1 then §7.3, every refusal a CandorError. */
import { deepFreeze } from '../lib/freeze.js';
import type { StatusChecker } from '../status-list/checker.js';
import { importJWK, type JWK } from 'jose';
import { CandorError, type CandorErrorCode } from '../errors.js';
import type { CandorKey } from '../keys/key.js';
import type { KeySet } from '../keys/key-set.js';
import { parseJsonObjectBytes } from '../lib/base64url.js';
import { isoOfSeconds } from '../lib/dates.js';
import { algorithmOf, isJwkLike, PRIVATE_JWK_MEMBERS, publicMembers, SIGNING_ALGORITHMS, type SigningAlgorithm } from '../lib/jwk.js';
import { createJwsVerifier, verifyCompactJws, type VerifiedJwsHeader } from '../lib/jws.js';
import { keyResolver, type RemoteJwksOptions } from '../lib/key-source.js';
import { Lru } from '../lib/lru.js';
import { clockOption, describeValue, optionError, wholeNumber } from '../lib/options.js';
import type { Clock } from '../models/clock.js';
import { decodeDisclosure, isObject, pathText, SD_ALG, sha256Base64url, splitSdJwt, VC_NOT_DISCLOSABLE } from './disclosure.js';
import { claimsError } from '../tokens/claims-error.js';
import { SdJwtVcClaimsSchema } from './claims.js';
import { metadataKeyResolver } from './metadata.js';
import { processPayload } from './process.js';

/** Default size cap for a whole presentation, checked before any parsing: 16 KiB. @example `createSdJwtVerifier({ ...options, maxBytes: DEFAULT_MAX_SD_JWT_BYTES * 2 })` */
export const DEFAULT_MAX_SD_JWT_BYTES = 16 * 1024;
/** Default oldest accepted KB-JWT `iat`: 5 minutes. @example `createSdJwtVerifier({ ...options, maxIatAgeSeconds: 60 })` */
export const DEFAULT_MAX_IAT_AGE_SECONDS = 300;


/** Options of {@link createSdJwtVerifier}. @example `{ issuer: 'https://id.example.com', keys: jwks, audience: 'https://partner.example', requireKeyBinding: true }` */
export interface SdJwtVerifierOptions {
  /** Accepted `iss` value(s). With `issuerMetadata`, exactly one. */
  issuer: string | string[];
  /** The issuer's public keys (as for createVerifier). Leave out with `issuerMetadata: true`. */
  keys?: { keys: JWK[] } | JWK | CandorKey | KeySet | URL | string;
  /** Find the keys through the issuer's `/.well-known/jwt-vc-issuer` metadata (https only, 64 KiB, `issuer` must match). */
  issuerMetadata?: boolean;
  /** Your own audience id: the key-binding JWT's `aud` must be one of these. */
  audience: string | string[];
  /**
   * Policy, never inferred from the presentation: `true` refuses a presentation without a valid
   * key-binding JWT (`key_binding_required`). With `false` a presentation without one is
   * accepted; one that carries a KB-JWT still has it checked in full and refused if it fails.
   */
  requireKeyBinding: boolean;
  /** The nonce you gave the holder, when it is the same for every verification (usually pass it per call to `verify`). */
  nonce?: string;
  /** Accepted `vct` value(s); any when left out. */
  vct?: string | string[];
  /** Oldest accepted KB-JWT `iat`, in seconds. Default 300, between 1 and 86400. */
  maxIatAgeSeconds?: number;
  /** Clock skew allowed on `exp`, `nbf`, `iat`. Default 30, at most 300. */
  clockToleranceSeconds?: number;
  /** Allowed algorithms for the issuer JWT and the KB-JWT. Default `['ES256', 'EdDSA']`. */
  algorithms?: SigningAlgorithm[];
  /** Longest presentation accepted, in bytes, checked before parsing. Default 16384. */
  maxBytes?: number;
  /** Remote JWKS (and metadata) tuning. */
  jwks?: RemoteJwksOptions;
  /**
   * The Token Status List check (`createStatusChecker` from `@candor/core/status-list`), run last,
   * only for a presentation that passed every other check and whose payload has `status`.
   */
  status?: StatusChecker;
  /** Clock, for tests. */
  now?: Clock;
}

/** What one call of `verify` may override. @example `verifier.verify(presentation, { nonce: session.nonce })` */
export interface SdJwtVerifyCallOptions {
  /** The nonce you gave the holder for this request. */
  nonce?: string;
}

/** The checked key-binding JWT. @example `result.keyBinding?.nonce` */
export interface VerifiedKeyBinding {
  iat: number;
  aud: string;
  nonce: string;
  /** The holder's public key from `cnf.jwk`. */
  jwk: JWK;
}

/**
 * A presentation that passed. `claims` holds the issuer-signed claims in the clear and what the
 * holder disclosed, nothing else (`_sd`, `_sd_alg` and undisclosed digests are gone).
 *
 * @example
 * ```ts
 * if (result.claims.age_over_18 === true && result.disclosed.includes('age_over_18')) allow();
 * ```
 */
export interface SdJwtVerificationResult {
  claims: Readonly<Record<string, unknown>>;
  /** The paths of the disclosed claims, dotted (`age_over_18`, `address.locality`, `nationalities.0`). */
  disclosed: readonly string[];
  /** The issuer JWT's checked header. */
  header: VerifiedJwsHeader;
  /** Present when the presentation carried a key-binding JWT (always, with `requireKeyBinding`). */
  keyBinding?: VerifiedKeyBinding;
}

/** A verifier made by {@link createSdJwtVerifier}. @example `await verifier.verify(presentation, { nonce })` */
export interface SdJwtVerifier {
  /** Verifies a presentation; rejects with a CandorError for every problem with it. */
  verify(presentation: unknown, call?: SdJwtVerifyCallOptions): Promise<SdJwtVerificationResult>;
}

const fail = (code: CandorErrorCode, message: string, field?: string) => new CandorError(code, message, field ? { field } : {});

function stringList(value: unknown, field: string): readonly string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw optionError(field, 'must be a non-empty string or a non-empty array of non-empty strings.');
  }
  return Object.freeze([...list]);
}


const wholeSeconds = (value: unknown) => typeof value === 'number' && Number.isInteger(value);

/**
 * Creates a verifier of SD-JWT VC presentations. In order (RFC 9901 §7.3 wrapping §7.1): the
 * size cap; the split into issuer JWT, disclosures and KB-JWT (a missing trailing `~` refused);
 * the key-binding policy; the issuer JWT through the JWS pipeline (`typ: dc+sd-jwt`, or the older
 * `vc+sd-jwt` that SD-JWT VC still recommends accepting, see `JWS_KINDS`; allow-listed
 * `alg`, no `jku`/`x5u`/`jwk`/`x5c`/`crit`, the issuer's key); `_sd_alg`; every disclosure's
 * shape, then their placement (duplicates, unreferenced, reserved names, clashes); only then
 * `iss`, `vct`, `exp`, `nbf`, `iat` and `cnf` on the processed payload; then the KB-JWT (`typ:
 * kb+jwt`, signed by the `cnf.jwk` key, `iat` within `maxIatAgeSeconds`, its own `exp` and `nbf`
 * when present, `aud`, `nonce`, `sd_hash`); last the status check.
 *
 * @example
 * ```ts
 * const verifier = createSdJwtVerifier({
 *   issuer: 'https://id.example.com',
 *   issuerMetadata: true,
 *   audience: 'https://partner.example',
 *   requireKeyBinding: true,
 * });
 * const { claims, disclosed } = await verifier.verify(presentation, { nonce: session.nonce });
 * ```
 */
export function createSdJwtVerifier(options: SdJwtVerifierOptions): SdJwtVerifier {
  if (options === null || typeof options !== 'object') throw optionError('options', 'must be an object.');
  const issuers = stringList(options.issuer, 'issuer');
  const audiences = stringList(options.audience, 'audience');
  const vcts = options.vct === undefined ? undefined : stringList(options.vct, 'vct');
  if (typeof options.requireKeyBinding !== 'boolean') {
    throw optionError('requireKeyBinding', 'must be true or false: decide whether this use needs proof that the holder presents the credential (true for anything a copied credential must not unlock).');
  }
  const requireKb = options.requireKeyBinding;
  const defaultNonce = options.nonce;
  if (defaultNonce !== undefined && (typeof defaultNonce !== 'string' || defaultNonce.length === 0)) throw optionError('nonce', 'must be a non-empty string.');
  const algorithms = options.algorithms ?? [...SIGNING_ALGORITHMS];
  const maxBytes = wholeNumber(options.maxBytes, 'maxBytes', { fallback: DEFAULT_MAX_SD_JWT_BYTES, min: 256, max: 1024 * 1024, unit: 'bytes' });
  const maxIatAge = wholeNumber(options.maxIatAgeSeconds, 'maxIatAgeSeconds', { fallback: DEFAULT_MAX_IAT_AGE_SECONDS, min: 1, max: 86_400, unit: 'seconds' });
  const tolerance = wholeNumber(options.clockToleranceSeconds, 'clockToleranceSeconds', { fallback: 30, min: 0, max: 300, unit: 'seconds' });
  const nowOption = clockOption(options.now);
  const nowSeconds = () => Math.floor((nowOption ? nowOption().getTime() : Date.now()) / 1000);
  const status = options.status;
  if (status !== undefined && typeof (status as { check?: unknown } | null)?.check !== 'function') throw optionError('status', 'must be a status checker from createStatusChecker (@candor/core/status-list): an object with check(statusClaim).');

  let keys;
  if (options.issuerMetadata === true) {
    if (options.keys !== undefined) throw optionError('keys', 'cannot be combined with issuerMetadata: the keys come from the issuer metadata.');
    if (issuers.length !== 1) throw optionError('issuer', 'must be a single issuer with issuerMetadata (its metadata names its keys).');
    keys = metadataKeyResolver(issuers[0]!, options.jwks);
  } else {
    if (options.keys === undefined) throw optionError('keys', "is required: pass the issuer's JWKS (object or https URL), or set issuerMetadata: true.");
    keys = keyResolver(options.keys, options.jwks);
  }
  // The pipeline's own size cap is per JWS; the whole presentation is capped below.
  const verifyIssuerJwt = createJwsVerifier({ kind: 'sd-jwt', keys, algorithms, maxBytes });
  /** Holder keys imported from `cnf.jwk`, by their key members. */
  const holderKeys = new Lru<string, Promise<CryptoKey>>(256);

  function holderKey(cnf: unknown): { jwk: JWK; alg: SigningAlgorithm; key: Promise<CryptoKey> } {
    const jwk = isObject(cnf) ? cnf.jwk : undefined;
    if (!isJwkLike(jwk)) throw fail('invalid_cnf', 'The credential\'s cnf has no "jwk" holder key; only cnf.jwk key binding is supported.', 'cnf');
    const alg = algorithmOf(jwk);
    if (!alg || !algorithms.includes(alg)) throw fail('invalid_cnf', `The credential's cnf.jwk is kty ${describeValue(jwk.kty)} crv ${describeValue(jwk.crv)}; this verifier accepts ${algorithms.join(', ')} holder keys.`, 'cnf.jwk');
    if (PRIVATE_JWK_MEMBERS.some((m) => Object.hasOwn(jwk, m))) throw fail('invalid_cnf', "The credential's cnf.jwk holds private key material; the issuer leaked the holder's key. Refuse it.", 'cnf.jwk');
    const pub = publicMembers(jwk);
    const id = JSON.stringify(pub);
    let key = holderKeys.get(id);
    if (!key) {
      key = (importJWK(pub, alg) as Promise<CryptoKey>).catch((cause: unknown) => {
        holderKeys.delete(id);
        throw new CandorError('invalid_cnf', `The credential's cnf.jwk cannot be imported (${String((cause as Error)?.message ?? cause)}).`, { cause, field: 'cnf.jwk' });
      });
      holderKeys.set(id, key);
    }
    return { jwk: pub, alg, key };
  }

  async function verify(presentation: unknown, call: SdJwtVerifyCallOptions = {}): Promise<SdJwtVerificationResult> {
    if (typeof presentation !== 'string') throw fail('invalid_input', `An SD-JWT presentation must be a string; got ${presentation === null ? 'null' : typeof presentation}.`);
    if (presentation.length === 0) throw fail('invalid_input', 'The presentation is empty; pass the SD-JWT string the holder sent.');
    if (presentation.length > maxBytes) throw fail('too_large', `The presentation is ${presentation.length} bytes, over the ${maxBytes}-byte limit; it was not parsed.`);
    const nonce = call?.nonce ?? defaultNonce;
    if (nonce !== undefined && (typeof nonce !== 'string' || nonce.length === 0)) throw optionError('nonce', 'must be a non-empty string.');
    if (requireKb && nonce === undefined) throw optionError('nonce', 'is required with requireKeyBinding: pass the nonce you gave the holder for this request.');

    // §7.3 step 1–2: the policy decides; the presentation only says whether it complies.
    const parts = splitSdJwt(presentation);
    if (requireKb && parts.kbJwt === undefined) {
      throw fail('key_binding_required', 'This verifier requires key binding and the presentation has no key-binding JWT (it ends with "~"). Ask the holder to present with their key.');
    }

    // §7.1 step 2: the issuer-signed JWT, through the one JWS pipeline.
    const { header, payload: payloadBytes } = await verifyIssuerJwt(parts.jwt);
    const payload = parseJsonObjectBytes(payloadBytes);
    if (!payload) throw fail('malformed', 'The SD-JWT payload is not a JSON object with each member name once.');
    // Absent means sha-256 (RFC 9901 §4.1.1); present, it must name the algorithm, so null is no default.
    const sdAlg = Object.hasOwn(payload, '_sd_alg') ? payload._sd_alg : SD_ALG;
    if (sdAlg !== SD_ALG) throw fail('unsupported_sd_alg', `The SD-JWT's _sd_alg is ${describeValue(sdAlg)}; only "${SD_ALG}" is accepted.`, '_sd_alg');

    // §7.1 step 3–5: disclosures, then their placement.
    const disclosures = await Promise.all(parts.disclosures.map((d, i) => decodeDisclosure(d, i)));
    const { claims, placed } = processPayload(payload, disclosures);
    const hidden = placed.find((p) => p.path.length === 1 && VC_NOT_DISCLOSABLE.includes(p.path[0] as string));
    if (hidden) {
      throw fail('not_disclosable', `The credential makes "${String(hidden.path[0])}" selectively disclosable; SD-JWT VC keeps it in the clear so that it cannot be withheld. Refuse the credential.`, String(hidden.path[0]));
    }

    // §7.1 step 6: time and claim checks on the processed payload.
    const now = nowSeconds();
    const iss = claims.iss;
    if (iss === undefined) throw fail('missing_claim', 'The credential has no "iss" claim.', 'iss');
    if (typeof iss !== 'string' || !issuers.includes(iss)) {
      throw fail('wrong_issuer', `The credential was issued by ${describeValue(iss)}, not by ${issuers.map((i) => JSON.stringify(i)).join(' or ')}.`, 'iss');
    }
    if (claims.vct === undefined) throw fail('missing_claim', 'The credential has no "vct" claim; an SD-JWT VC names its type.', 'vct');
    if (typeof claims.vct !== 'string' || (vcts && !vcts.includes(claims.vct))) {
      throw fail('invalid_claims', `The credential type (vct) is ${describeValue(claims.vct)}, not ${vcts ? vcts.map((v) => JSON.stringify(v)).join(' or ') : 'a string'}.`, 'vct');
    }
    for (const name of ['exp', 'nbf', 'iat'] as const) {
      if (claims[name] !== undefined && !wholeSeconds(claims[name])) throw fail('invalid_claims', `The "${name}" claim must be a whole number of seconds since the epoch.`, name);
    }
    const { exp, nbf, iat } = claims as { exp?: number; nbf?: number; iat?: number };
    if (exp === undefined) throw fail('missing_claim', 'The credential has no "exp" claim; this verifier accepts only credentials that expire.', 'exp');
    if (now >= exp + tolerance) throw fail('expired', `The credential expired at ${isoOfSeconds(exp)}. Ask the holder for a fresh one.`, 'exp');
    if (nbf !== undefined && nbf > now + tolerance) throw fail('not_yet_valid', `The credential is not valid before ${isoOfSeconds(nbf)}; check the clocks.`, 'nbf');
    if (iat !== undefined && iat > now + tolerance) throw fail('not_yet_valid', `The credential says it was issued at ${isoOfSeconds(iat)}, in the future; check the clocks.`, 'iat');
    const cnf = claims.cnf;
    if (requireKb && cnf === undefined) {
      throw fail('key_binding_required', 'This verifier requires key binding and the credential has no cnf holder key: it can be presented by anyone who copies it. Ask the issuer for a key-bound credential.', 'cnf');
    }
    const holder = cnf === undefined ? undefined : holderKey(cnf);
    // The rest of the shape, from the one definition partners also get as JSON Schema.
    const shape = SdJwtVcClaimsSchema.safeParse(claims, { reportInput: true });
    if (!shape.success) throw claimsError("The credential's claims are not valid SD-JWT VC claims", shape.error.issues);

    // §7.3 step 5: the key-binding JWT, whenever there is one.
    let keyBinding: VerifiedKeyBinding | undefined;
    if (parts.kbJwt !== undefined) {
      if (holder === undefined) throw fail('invalid_cnf', 'The presentation has a key-binding JWT but the credential has no cnf holder key to check it with.', 'cnf');
      const kb = await verifyCompactJws(parts.kbJwt, { kind: 'kb-jwt', keys: await holder.key, algorithms: [holder.alg], maxBytes: Math.max(256, Math.min(maxBytes, 8192)) });
      const kbClaims = parseJsonObjectBytes(kb.payload);
      if (!kbClaims) throw fail('malformed', 'The key-binding JWT payload is not a JSON object with each member name once.');
      for (const name of ['iat', 'aud', 'nonce', 'sd_hash'] as const) {
        if (kbClaims[name] === undefined) throw fail('missing_claim', `The key-binding JWT has no "${name}" claim.`, `kb.${name}`);
      }
      if (!wholeSeconds(kbClaims.iat)) throw fail('invalid_claims', 'The key-binding JWT "iat" must be a whole number of seconds since the epoch.', 'kb.iat');
      const kbIat = kbClaims.iat as number;
      if (kbIat > now + tolerance) throw fail('not_yet_valid', `The key-binding JWT says it was made at ${isoOfSeconds(kbIat)}, in the future; check the clocks.`, 'kb.iat');
      if (now - kbIat > maxIatAge + tolerance) {
        throw fail('stale_key_binding', `The key-binding JWT was made at ${isoOfSeconds(kbIat)}, more than ${maxIatAge} s ago; ask the holder to present again for this request.`, 'kb.iat');
      }
      // RFC 9901 §7.3 step 5.8: a valid JWT in all other respects, so its own exp and nbf hold too (RFC 7519 §4.1.4, §4.1.5).
      for (const name of ['exp', 'nbf'] as const) {
        if (kbClaims[name] !== undefined && !wholeSeconds(kbClaims[name])) throw fail('invalid_claims', `The key-binding JWT "${name}" must be a whole number of seconds since the epoch.`, `kb.${name}`);
      }
      const { exp: kbExp, nbf: kbNbf } = kbClaims as { exp?: number; nbf?: number };
      if (kbExp !== undefined && now >= kbExp + tolerance) {
        throw fail('expired', `The key-binding JWT expired at ${isoOfSeconds(kbExp)}; ask the holder to present again for this request.`, 'kb.exp');
      }
      if (kbNbf !== undefined && kbNbf > now + tolerance) throw fail('not_yet_valid', `The key-binding JWT is not valid before ${isoOfSeconds(kbNbf)}; check the clocks.`, 'kb.nbf');
      if (typeof kbClaims.aud !== 'string' || !audiences.includes(kbClaims.aud)) {
        throw fail('wrong_audience', `The key-binding JWT is for ${describeValue(kbClaims.aud)}, not for ${audiences.map((a) => JSON.stringify(a)).join(' or ')}: it was made for another partner.`, 'kb.aud');
      }
      if (typeof kbClaims.nonce !== 'string' || (nonce !== undefined && kbClaims.nonce !== nonce)) {
        throw fail('wrong_nonce', 'The key-binding JWT nonce is not the one given for this request: it was replayed or made for another request.', 'kb.nonce');
      }
      if (kbClaims.sd_hash !== (await sha256Base64url(parts.signedPart))) {
        throw fail('sd_hash_mismatch', 'The key-binding JWT sd_hash does not match this presentation: disclosures were added, removed or changed after the holder signed it.', 'kb.sd_hash');
      }
      keyBinding = { iat: kbIat, aud: kbClaims.aud, nonce: kbClaims.nonce, jwk: holder.jwk };
    }

    if (status && claims.status !== undefined) {
      if (!isObject(claims.status)) throw fail('invalid_claims', 'The credential "status" claim is not an object.', 'status');
      await status.check(claims.status);
    }
    return deepFreeze({
      claims,
      disclosed: placed.map((p) => pathText(p.path)),
      header,
      ...(keyBinding ? { keyBinding } : {}),
    });
  }

  return { verify };
}
