// Interoperability with the OpenWallet Foundation's @sd-jwt/sd-jwt-vc (0.20.0), both ways, with and
// without key binding. That library is the other party here, not the reference: where it accepts
// less or more than RFC 9901, Candor follows the RFC (docs/sd-jwt.md lists the differences).
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { importJWK, type JWK } from 'jose';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { KeySet, type CandorKey } from '@candor/core/keys';
import { createHolderKey, createSdJwtVerifier, issueSdJwt, present, type HolderKey } from '@candor/core/sd-jwt';

const ISS = 'https://id.example.com';
const AUD = 'https://partner.example';
const VCT = 'https://id.example.com/credentials/age';
const NONCE = 'n-interop-1';

const b64url = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');
const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

function signerOf(privateKey: CryptoKey) {
  return async (data: string) => b64url(await crypto.subtle.sign(ES256, privateKey, new TextEncoder().encode(data)));
}
function verifierOf(publicKey: CryptoKey) {
  return async (data: string, sig: string) => crypto.subtle.verify(ES256, publicKey, Buffer.from(sig, 'base64url'), new TextEncoder().encode(data));
}

/** An @sd-jwt/sd-jwt-vc instance signing as `issuer` and, when given, presenting as `holder`. */
function library(issuer: CandorKey, holder?: HolderKey) {
  return new SDJwtVcInstance({
    hasher: (data, alg) => {
      expect(alg).to.equal('sha-256');
      return new Uint8Array(createHash('sha256').update(typeof data === 'string' ? data : Buffer.from(data)).digest());
    },
    hashAlg: 'sha-256',
    saltGenerator: (length) => randomBytes(length).toString('base64url'),
    signAlg: 'ES256',
    signer: signerOf(issuer.privateKey!),
    verifier: verifierOf(issuer.publicKey),
    kbSignAlg: 'ES256',
    ...(holder ? { kbSigner: signerOf(holder.privateKey) } : {}),
    // The library leaves the holder key to the caller: take it from cnf.jwk, as RFC 9901 §7.3 says.
    kbVerifier: async (data, sig, payload) => {
      const jwk = (payload.cnf as { jwk?: JWK } | undefined)?.jwk;
      if (!jwk) return false;
      return verifierOf((await importJWK(jwk, 'ES256')) as CryptoKey)(data, sig);
    },
  });
}

describe('SD-JWT interoperability with @sd-jwt/sd-jwt-vc 0.20.0', () => {
  let keys: KeySet;
  let holder: HolderKey;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = { sub: 'cust_8f2a', age_over_18: true, birthdate: '1990-04-01', address: { locality: 'Lyon', country: 'FR' }, nationalities: ['FR', 'DE'] };
  const candorVerifier = (requireKeyBinding: boolean) => createSdJwtVerifier({ issuer: ISS, keys: keys.publicJwks(), audience: AUD, requireKeyBinding });

  before(async () => {
    keys = await KeySet.generate('ES256');
    holder = await createHolderKey();
  });

  describe('what Candor issues, the library verifies', () => {
    it('with key binding: the disclosed claims, not the others, after checking the KB-JWT', async () => {
      const sdJwt = await issueSdJwt({ issuer: ISS, keys, vct: VCT, claims, disclosable: ['age_over_18', 'birthdate', 'address.locality', 'nationalities.1'], holderKey: holder.publicJwk });
      const p = await present(sdJwt, { disclose: ['age_over_18', 'address.locality', 'nationalities.1'], keyBinding: { audience: AUD, nonce: NONCE, key: holder } });
      const result = await library(keys.active).verify(p, { keyBindingNonce: NONCE });
      expect(result.payload).to.deep.include({ iss: ISS, vct: VCT, age_over_18: true, address: { country: 'FR', locality: 'Lyon' }, nationalities: ['FR', 'DE'] });
      expect(result.payload).to.not.have.property('birthdate');
      expect(result.kb?.payload).to.include({ aud: AUD, nonce: NONCE });
    });

    it('with key binding: the library refuses it for another nonce too', async () => {
      const sdJwt = await issueSdJwt({ issuer: ISS, keys, vct: VCT, claims, disclosable: ['age_over_18'], holderKey: holder.publicJwk });
      const p = await present(sdJwt, { disclose: ['age_over_18'], keyBinding: { audience: AUD, nonce: NONCE, key: holder } });
      let error: unknown;
      await library(keys.active).verify(p, { keyBindingNonce: 'other' }).catch((e: unknown) => (error = e));
      expect(String(error)).to.match(/nonce/i);
    });

    it('without key binding', async () => {
      const sdJwt = await issueSdJwt({ issuer: ISS, keys, vct: VCT, claims, disclosable: ['age_over_18', 'birthdate'] });
      const result = await library(keys.active).verify(await present(sdJwt, { disclose: ['birthdate'] }));
      expect(result.payload).to.include({ birthdate: '1990-04-01', sub: 'cust_8f2a' });
      expect(result.payload).to.not.have.property('age_over_18');
    });

    it('the library can make the presentation of a Candor credential, and Candor verifies it', async () => {
      const sdJwt = await issueSdJwt({ issuer: ISS, keys, vct: VCT, claims, disclosable: ['age_over_18', 'birthdate'], holderKey: holder.publicJwk });
      const p = await library(keys.active, holder).present(sdJwt, { age_over_18: true }, { kb: { payload: { iat: now(), aud: AUD, nonce: NONCE } } });
      const result = await candorVerifier(true).verify(p, { nonce: NONCE });
      expect(result.disclosed).to.deep.equal(['age_over_18']);
      expect(result.claims).to.not.have.property('birthdate');
    });
  });

  describe('what the library issues, Candor verifies', () => {
    const frame = { _sd: ['age_over_18', 'birthdate'], address: { _sd: ['locality'] }, nationalities: { _sd: [1] } } as never;
    const payload = () => ({ iss: ISS, iat: now(), exp: now() + 3600, vct: VCT, ...claims });

    it('with key binding, presented by the library', async () => {
      const lib = library(keys.active, holder);
      const sdJwt = await lib.issue({ ...payload(), cnf: { jwk: holder.publicJwk } }, frame, { header: { kid: keys.active.kid } });
      const p = await lib.present(sdJwt, { age_over_18: true, address: { locality: true }, nationalities: { 1: true } } as never, { kb: { payload: { iat: now(), aud: AUD, nonce: NONCE } } });
      const result = await candorVerifier(true).verify(p, { nonce: NONCE });
      expect(result.claims).to.deep.include({ age_over_18: true, address: { country: 'FR', locality: 'Lyon' }, nationalities: ['FR', 'DE'] });
      expect(result.claims).to.not.have.property('birthdate');
      expect([...result.disclosed].sort()).to.deep.equal(['address.locality', 'age_over_18', 'nationalities.1']);
      expect(result.keyBinding?.nonce).to.equal(NONCE);
    });

    it('with key binding, presented by Candor\'s holder', async () => {
      const sdJwt = await library(keys.active).issue({ ...payload(), cnf: { jwk: holder.publicJwk } }, frame, { header: { kid: keys.active.kid } });
      const p = await present(sdJwt, { disclose: ['birthdate'], keyBinding: { audience: AUD, nonce: NONCE, key: holder } });
      const result = await candorVerifier(true).verify(p, { nonce: NONCE });
      expect(result.claims.birthdate).to.equal('1990-04-01');
      expect(result.disclosed).to.deep.equal(['birthdate']);
    });

    it('without key binding, when the policy allows it; refused when it does not', async () => {
      const lib = library(keys.active);
      const sdJwt = await lib.issue(payload(), frame, { header: { kid: keys.active.kid } });
      const p = await lib.present(sdJwt, { birthdate: true } as never);
      expect((await candorVerifier(false).verify(p)).claims.birthdate).to.equal('1990-04-01');
      let code: unknown;
      await candorVerifier(true).verify(p, { nonce: NONCE }).catch((e: { code?: unknown }) => (code = e.code));
      expect(code).to.equal('key_binding_required');
    });
  });
});
