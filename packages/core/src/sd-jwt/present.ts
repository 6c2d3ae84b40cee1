/** present: the holder keeps only the disclosures a partner needs and, with key binding, signs the result for that partner and request. */
import { CompactSign } from 'jose';
import { CandorError } from '../errors.js';
import { decodeJsonObject } from '../lib/base64url.js';
import { JWS_KINDS } from '../lib/jws.js';
import { clockOption, optionError } from '../lib/options.js';
import { systemClock, type Clock } from '../models/clock.js';
import { decodeDisclosure, isObject, pathSegments, pathText, sha256Base64url, splitSdJwt, type ClaimPath, type ClaimPathSegment } from './disclosure.js';
import type { HolderKey } from './holder-key.js';
import { processPayload } from './process.js';

/** Key binding for one presentation. @example `{ audience: 'https://partner.example', nonce: 'n-0S6_WzA2Mj', key: holder }` */
export interface KeyBindingOptions {
  /** The partner the presentation is for (the KB-JWT `aud`). */
  audience: string;
  /** The nonce the partner gave for this request (the KB-JWT `nonce`). */
  nonce: string;
  /** The holder key bound into the credential: a {@link HolderKey}, or its private ES256 CryptoKey. */
  key: HolderKey | CryptoKey;
}

/** Options of {@link present}. @example `{ disclose: ['age_over_18'], keyBinding: { audience, nonce, key: holder } }` */
export interface PresentOptions {
  /** The claims to disclose (names or paths); a claim inside a disclosable object brings that object's disclosure along. */
  disclose: readonly ClaimPath[];
  /** Adds a key-binding JWT; without it the presentation ends with "~" and anyone holding it can present it. */
  keyBinding?: KeyBindingOptions;
  /** Clock for the KB-JWT `iat`, for tests. */
  now?: Clock;
}

const sameSegments = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/** The claim at `segments`: own members of objects and indexes of arrays only, never `constructor`, `__proto__` or `length`. */
function valueAt(claims: unknown, segments: readonly ClaimPathSegment[]): unknown {
  let value = claims;
  for (const s of segments) {
    if (Array.isArray(value)) value = typeof s === 'number' && s < value.length ? value[s] : undefined;
    else if (isObject(value) && Object.hasOwn(value, String(s))) value = value[String(s)];
    else return undefined;
  }
  return value;
}

/**
 * Makes a presentation of an SD-JWT the holder received: the issuer-signed JWT, the disclosures
 * for `disclose` (and those of the objects they sit in), and with `keyBinding` a KB-JWT
 * (`typ: "kb+jwt"`, `iat`, `aud`, `nonce`, `sd_hash` over everything before it). Naming a claim
 * that is in the clear anyway is allowed; naming one the credential does not have is an error.
 * Works in browsers and Node (WebCrypto only).
 *
 * @throws {CandorError} `invalid_options` (unknown claim, bad key binding), the SD-JWT codes of a
 * credential that does not process (`malformed`, `invalid_disclosure`, ...), `invalid_key`.
 * @example
 * ```ts
 * const presentation = await present(sdJwt, {
 *   disclose: ['age_over_18'],
 *   keyBinding: { audience: 'https://partner.example', nonce: nonceFromPartner, key: holder },
 * });
 * ```
 */
export async function present(sdJwt: string, options: PresentOptions): Promise<string> {
  if (typeof sdJwt !== 'string' || sdJwt.length === 0) throw optionError('sdJwt', 'must be the SD-JWT string the issuer gave the holder.');
  if (options === null || typeof options !== 'object' || !Array.isArray(options.disclose)) throw optionError('disclose', 'must be an array of claim names or paths.');
  const parts = splitSdJwt(sdJwt);
  if (parts.kbJwt !== undefined) throw optionError('sdJwt', 'already ends with a key-binding JWT; present from the SD-JWT as issued (ending with "~").');
  const payload = decodeJsonObject(parts.jwt.split('.')[1] ?? '');
  if (!payload) throw new CandorError('malformed', 'The issuer-signed JWT of the SD-JWT has no JSON payload; pass the SD-JWT exactly as issued.');
  const disclosures = await Promise.all(parts.disclosures.map((d, i) => decodeDisclosure(d, i)));
  const { claims, placed } = processPayload(payload, disclosures);

  const keep = new Set<string>();
  options.disclose.forEach((path, i) => {
    if (typeof path !== 'string' && !Array.isArray(path)) throw optionError(`disclose.${i}`, 'must be a claim name, a dotted path or an array of segments.');
    const segments = pathSegments(path);
    const found = placed.find((p) => sameSegments(p.path, segments));
    if (found) {
      keep.add(found.disclosure.digest);
      for (const parent of found.parents) keep.add(parent);
      return;
    }
    // A claim in the clear is disclosed whatever the holder chooses; its parents may still be disclosures.
    if (valueAt(claims, segments) === undefined) {
      const names = placed.map((p) => pathText(p.path)).sort();
      throw optionError(`disclose.${i}`, `names ${JSON.stringify(pathText(segments))}, which this credential does not have. Disclosable: ${names.length > 0 ? names.join(', ') : '(none)'}.`);
    }
    for (const p of placed) if (p.path.length < segments.length && sameSegments(p.path, segments.slice(0, p.path.length))) {
      keep.add(p.disclosure.digest);
      for (const parent of p.parents) keep.add(parent);
    }
  });
  const kept = disclosures.filter((d) => keep.has(d.digest)).map((d) => `${d.encoded}~`);
  const signedPart = `${parts.jwt}~${kept.join('')}`;
  if (options.keyBinding === undefined) return signedPart;

  const kb = options.keyBinding;
  if (kb === null || typeof kb !== 'object') throw optionError('keyBinding', 'must be { audience, nonce, key }.');
  if (typeof kb.audience !== 'string' || kb.audience.length === 0) throw optionError('keyBinding.audience', 'must be the partner\'s audience id (a non-empty string).');
  if (typeof kb.nonce !== 'string' || kb.nonce.length === 0) throw optionError('keyBinding.nonce', 'must be the nonce the partner gave for this request (a non-empty string).');
  const privateKey = kb.key instanceof CryptoKey ? kb.key : (kb.key as HolderKey | undefined)?.privateKey;
  if (!(privateKey instanceof CryptoKey) || privateKey.type !== 'private') {
    throw new CandorError('invalid_key', 'keyBinding.key must be the holder key (createHolderKey / a HolderKeyStore) or its private CryptoKey.', { field: 'keyBinding.key' });
  }
  const alg = (privateKey.algorithm as { name?: string }).name === 'Ed25519' ? 'EdDSA' : 'ES256';
  const now = clockOption(options.now) ?? systemClock;
  const kbPayload = {
    iat: Math.floor(now().getTime() / 1000),
    aud: kb.audience,
    nonce: kb.nonce,
    sd_hash: await sha256Base64url(signedPart),
  };
  let kbJwt: string;
  try {
    kbJwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(kbPayload))).setProtectedHeader({ alg, typ: JWS_KINDS['kb-jwt'].typ }).sign(privateKey);
  } catch (cause) {
    throw new CandorError('invalid_key', `Signing the key-binding JWT failed: ${String((cause as Error)?.message ?? cause)}.`, { cause, field: 'keyBinding.key' });
  }
  return `${signedPart}${kbJwt}`;
}
