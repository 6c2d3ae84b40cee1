// Builds SD-JWTs and KB-JWTs by hand (disclosures, digests and signatures with WebCrypto), so the
// tests prove the verifier, not Candor's issuer, refuses hostile input. Runs in Node and Chromium.
import type { CandorKey } from '@candor/core/keys';
import type { HolderKey } from '@candor/core/sd-jwt';
import { ISS, NOW_S, b64url, seg } from './token-kit.js';

export { ISS, NOW_S };
export const AUD = 'https://partner.example';
export const VCT = 'https://id.example.com/credentials/age';
export const NONCE = 'n-0S6_WzA2Mj';

const enc = new TextEncoder();

/** base64url(SHA-256(text)). */
export async function digest(text: string): Promise<string> {
  return b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(text))));
}

/** Decodes base64url (lenient: for reading what Candor wrote, not for checking it). */
export function unb64url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** A disclosure of exactly these members (any JSON, hostile or not). */
export const disclosure = (...members: unknown[]) => b64url(JSON.stringify(members));

/** The default issuer JWT header for `key`. */
export const sdHeader = (key: CandorKey, extra: Record<string, unknown> = {}) => ({ alg: key.alg, kid: key.kid, typ: 'dc+sd-jwt', ...extra });

/** Claims of a valid SD-JWT VC at NOW_S, without `_sd`. */
export function sdClaims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { iss: ISS, iat: NOW_S - 60, exp: NOW_S + 3600, vct: VCT, _sd_alg: 'sha-256', ...extra };
}

async function sign(key: CandorKey | HolderKey | CryptoKey, input: string): Promise<string> {
  const privateKey = key instanceof CryptoKey ? key : key.privateKey!;
  const algorithm = privateKey.algorithm.name === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  return b64url(new Uint8Array(await crypto.subtle.sign(algorithm, privateKey, enc.encode(input))));
}

/** A compact JWS with exactly this header and payload. */
export async function jws(key: CandorKey | HolderKey | CryptoKey, h: unknown, payload: unknown): Promise<string> {
  const input = `${seg(h)}.${seg(payload)}`;
  return `${input}.${await sign(key, input)}`;
}

/** `<jwt>~<d1>~...~` */
export const sdJwt = (jwt: string, disclosures: readonly string[]) => `${jwt}~${disclosures.map((d) => `${d}~`).join('')}`;

/** Appends a KB-JWT over `presentation` (which must end with `~`); `payload` overrides its claims. */
export async function withKb(
  presentation: string,
  holder: HolderKey | CryptoKey,
  payload: Record<string, unknown> = {},
  h: Record<string, unknown> = {},
): Promise<string> {
  const privateKey = holder instanceof CryptoKey ? holder : holder.privateKey;
  const alg = privateKey.algorithm.name === 'Ed25519' ? 'EdDSA' : 'ES256';
  const claims = { iat: NOW_S - 5, aud: AUD, nonce: NONCE, sd_hash: await digest(presentation), ...payload };
  return `${presentation}${await jws(holder, { alg, typ: 'kb+jwt', ...h }, claims)}`;
}
