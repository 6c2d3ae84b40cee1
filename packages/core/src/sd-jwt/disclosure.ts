/** The pieces of RFC 9901 that issuer, holder and verifier share: splitting a presentation, decoding disclosures, digests and claim paths. */
import { CandorError, type CandorErrorCode } from '../errors.js';
import { decodeBase64url, encodeBase64url } from '../lib/base64url.js';
import { isCanonicalBase64url } from '../lib/jws.js';

/** The only `_sd_alg` Candor issues and accepts (RFC 9901 §4.1.1, the IANA "sha-256"). */
export const SD_ALG = 'sha-256';

/** Claim names RFC 9901 reserves: never a disclosed claim name, never a plaintext member name outside their role. */
export const RESERVED_NAMES: readonly string[] = Object.freeze(['_sd', '...']);

/**
 * Claims Candor's issuer keeps in the issuer-signed JWT, in the clear: the ones a verifier needs
 * before it can trust anything else (who issued it, when it is valid, which key it is bound to,
 * what type it is, where its status is), plus the SD-JWT's own members. SD-JWT VC §3.2.2.2 forbids
 * disclosing all of them but `iat`, which Candor keeps in the clear by choice; a verifier refuses
 * only what SD-JWT VC forbids, so it accepts another issuer's credential that hides `iat`.
 *
 * @example
 * ```ts
 * NEVER_DISCLOSABLE.includes('cnf'); // true
 * ```
 */
export const NEVER_DISCLOSABLE: readonly string[] = Object.freeze(['iss', 'nbf', 'exp', 'iat', 'cnf', 'vct', 'vct#integrity', 'status', '_sd', '_sd_alg', '...']);

/**
 * The top-level claims SD-JWT VC §3.2.2.2 says MUST NOT be disclosures, plus `_sd_alg`: a
 * verifier refuses a credential that hides one. `sub` and `iat` may be disclosable, so a
 * credential from another issuer that hides `iat` is accepted.
 */
export const VC_NOT_DISCLOSABLE: readonly string[] = Object.freeze(['iss', 'nbf', 'exp', 'cnf', 'vct', 'vct#integrity', 'status', '_sd_alg']);

/** One segment of a claim path: a member name, or an array index. */
export type ClaimPathSegment = string | number;

/**
 * Names a claim to disclose: a top-level name (`'age_over_18'`), a dotted path into nested
 * objects and arrays (`'address.locality'`, `'nationalities.1'`), or the segments as an array
 * (`['address', 'locality']`) for a member name that itself holds a dot.
 *
 * @example
 * ```ts
 * const paths: ClaimPath[] = ['age_over_18', 'address.locality', ['nationalities', 0]];
 * ```
 */
export type ClaimPath = string | readonly ClaimPathSegment[];

/** The segments of a {@link ClaimPath}: digits-only dotted segments are array indexes. */
export function pathSegments(path: ClaimPath): ClaimPathSegment[] {
  if (typeof path === 'string') return path.split('.').map((s) => (/^(0|[1-9]\d{0,8})$/.test(s) ? Number(s) : s));
  return [...path];
}

/** The dotted form of a path, as results and messages show it. */
export function pathText(path: readonly ClaimPathSegment[]): string {
  return path.map(String).join('.');
}

/** A disclosure decoded and checked for shape (not yet placed). */
export interface Disclosure {
  /** The disclosure exactly as it appears in the presentation (its digest is over these characters). */
  readonly encoded: string;
  /** base64url(SHA-256(encoded)). */
  readonly digest: string;
  readonly salt: string;
  /** Present for an object property (3 members); absent for an array element (2 members). */
  readonly name?: string;
  readonly value: unknown;
}

/** The parts of a compact SD-JWT or SD-JWT+KB (RFC 9901 §4). */
export interface SdJwtParts {
  /** The issuer-signed JWT. */
  readonly jwt: string;
  /** The disclosures, in the order given. */
  readonly disclosures: readonly string[];
  /** The key-binding JWT, when the presentation ends with one. */
  readonly kbJwt?: string;
  /** The presentation up to and including the last `~`: what `sd_hash` is computed over. */
  readonly signedPart: string;
}

const fail = (code: CandorErrorCode, message: string, field?: string) => new CandorError(code, message, field ? { field } : {});

/**
 * Splits `<JWT>~<D1>~...~<Dn>~[<KB-JWT>]`. A presentation without a key-binding JWT ends with `~`;
 * one whose last component is not a JWT has lost that `~` (or was cut), and is refused rather
 * than guessed at.
 */
export function splitSdJwt(input: string): SdJwtParts {
  const first = input.indexOf('~');
  if (first < 0) {
    throw fail('malformed', 'This is not an SD-JWT: it has no "~". An SD-JWT is the issuer-signed JWT, then each disclosure, each followed by "~" (RFC 9901 §4).');
  }
  const last = input.lastIndexOf('~');
  const parts = input.slice(0, last).split('~');
  const jwt = parts[0]!;
  const disclosures = parts.slice(1);
  const tail = input.slice(last + 1);
  if (tail !== '' && !tail.includes('.')) {
    throw fail(
      'malformed',
      'The SD-JWT does not end with "~" and its last part is not a key-binding JWT: the trailing "~" is missing or the presentation was cut. Pass it exactly as the holder sent it.',
    );
  }
  disclosures.forEach((d, i) => {
    if (d === '') throw fail('invalid_disclosure', `Disclosure ${i + 1} is empty ("~~"); every part between two "~" must be a disclosure.`);
  });
  return { jwt, disclosures, ...(tail === '' ? {} : { kbJwt: tail }), signedPart: input.slice(0, last + 1) };
}

const ascii = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface NodeCrypto {
  createHash(alg: 'sha256'): { update(text: string, encoding: 'utf8'): { digest(encoding: 'base64url'): string } };
}

/**
 * Node's (and Deno's, Bun's) synchronous SHA-256, found without importing `node:crypto`, so the
 * module still loads in browsers. A verification hashes every disclosure and the presentation;
 * WebCrypto's digest is a thread-pool round trip per call in Node, which costs far more than the
 * hash of a few hundred bytes. Same function, same bytes (UTF-8, as TextEncoder gives).
 */
const nodeCrypto: NodeCrypto | undefined = (() => {
  try {
    const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
    const c = typeof get === 'function' ? (get('node:crypto') as Partial<NodeCrypto> | undefined) : undefined;
    return typeof c?.createHash === 'function' ? (c as NodeCrypto) : undefined;
  } catch {
    return undefined;
  }
})();

/** base64url(SHA-256(text)) over the ASCII characters of `text`, as RFC 9901 hashes disclosures and presentations. */
export async function sha256Base64url(text: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text, 'utf8').digest('base64url');
  return encodeBase64url(new Uint8Array(await crypto.subtle.digest('SHA-256', ascii.encode(text))));
}

/** Decodes one disclosure and checks its shape: a JSON array of [salt, value] or [salt, name, value], salt and name strings, the name not reserved. */
export async function decodeDisclosure(encoded: string, index: number): Promise<Disclosure> {
  const where = `Disclosure ${index + 1}`;
  const bytes = isCanonicalBase64url(encoded) ? decodeBase64url(encoded) : undefined;
  let parsed: unknown;
  try {
    parsed = bytes ? JSON.parse(utf8.decode(bytes)) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) throw fail('invalid_disclosure', `${where} is not base64url-encoded JSON array; pass the disclosures exactly as issued.`);
  if (parsed.length !== 2 && parsed.length !== 3) {
    throw fail('invalid_disclosure', `${where} has ${parsed.length} members; a disclosure has 3 (salt, name, value) for an object property or 2 (salt, value) for an array element.`);
  }
  const [salt] = parsed;
  if (typeof salt !== 'string') throw fail('invalid_disclosure', `${where} has a ${typeof salt} salt; the salt must be a string.`);
  const digest = await sha256Base64url(encoded);
  if (parsed.length === 2) return { encoded, digest, salt, value: parsed[1] };
  const name: unknown = parsed[1];
  if (typeof name !== 'string') throw fail('invalid_disclosure', `${where} has a ${typeof name} claim name; the name must be a string.`);
  if (RESERVED_NAMES.includes(name)) {
    throw fail('reserved_claim_name', `${where} discloses a claim named ${JSON.stringify(name)}, a name RFC 9901 reserves; the credential is not valid.`, name);
  }
  return { encoded, digest, salt, name, value: parsed[2] };
}

/** Encodes a disclosure array the way Candor issues it: compact JSON, base64url. */
export function encodeDisclosure(members: readonly unknown[]): string {
  return encodeBase64url(JSON.stringify(members));
}

/** 128 random bits, base64url: a salt (RFC 9901 §9.3 asks for at least 128 bits). */
export function randomSalt(): string {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True for an array element standing for a disclosure: `{ "...": digest }` and nothing else. */
export function isArrayDigest(value: unknown): value is { '...': unknown } {
  return isObject(value) && Object.hasOwn(value, '...');
}

/** Defines an own enumerable property, even for `__proto__` (plain assignment would set the prototype). */
export function defineMember(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}
