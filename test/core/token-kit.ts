// Builds tokens by hand (base64url JSON segments, signed with WebCrypto) so the tests prove the
// verifier, not the issuer, rejects hostile input. Web APIs only: runs in Node and Chromium.
import { expect } from 'chai';
import { CANDOR_ERROR_CODES, isCandorError, type CandorErrorCode } from '@candor/core/errors';
import type { CandorKey } from '@candor/core/keys';

export const ISS = 'https://id.example.com';
export const AUD = 'https://partner.example';
/** A fixed clock: 2026-06-01T00:00:00Z. */
export const NOW_S = 1_780_272_000;
export const NOW = () => new Date(NOW_S * 1000);

const enc = new TextEncoder();

export function b64url(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? enc.encode(input) : input;
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const seg = (value: unknown) => b64url(JSON.stringify(value));

export function header(key: CandorKey, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { alg: key.alg, kid: key.kid, typ: 'candor-verification+jwt', ...extra };
}

export function claims(extra: Record<string, unknown> = {}, now = NOW_S): Record<string, unknown> {
  return {
    iss: ISS,
    sub: 'cust_1',
    aud: AUD,
    iat: now - 60,
    exp: now + 3600,
    jti: 'a8Kd93jfLq0Zp1xYtR5wQv',
    verification: { level: 'substantial', methods: ['document', 'liveness'], verifiedAt: now - 86_400, riskTier: 'low' },
    attributes: { age_over_18: true },
    ...extra,
  };
}

/** Signs `signingInput` with the key's private key: ES256 gives raw r||s as JWS wants. */
export async function signInput(key: CandorKey, signingInput: string): Promise<string> {
  const algorithm = key.alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' };
  const sig = await crypto.subtle.sign(algorithm, key.privateKey!, enc.encode(signingInput));
  return b64url(new Uint8Array(sig));
}

/** A compact JWS with exactly this header and payload, validly signed by `key`. */
export async function forge(key: CandorKey, h: unknown, payload: unknown): Promise<string> {
  const input = `${typeof h === 'string' ? h : seg(h)}.${typeof payload === 'string' ? payload : seg(payload)}`;
  return `${input}.${await signInput(key, input)}`;
}

/** Asserts `promise` rejects with a CandorError of exactly `code`; returns the error. */
export async function rejectsWith(promise: Promise<unknown>, code: CandorErrorCode): Promise<Error & { code: string; field?: string }> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  expect(error, `expected a rejection with ${code}`).to.not.equal(undefined);
  expect(isCandorError(error), `expected a CandorError, got ${String(error)}`).to.equal(true);
  const e = error as Error & { code: string; field?: string };
  expect(e.code, e.message).to.equal(code);
  expect(CANDOR_ERROR_CODES).to.include(e.code);
  expect(e.message.length).to.be.greaterThan(20);
  return e;
}
