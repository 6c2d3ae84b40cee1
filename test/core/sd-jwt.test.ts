// SD-JWT VC with Candor end to end: what the issuer puts in, what the holder chooses, what the partner learns.
import { expect } from 'chai';
import { KeySet } from '@candor/core/keys';
import {
  createHolderKey,
  createMemoryHolderKeyStore,
  createSdJwtVerifier,
  importHolderKey,
  issueSdJwt,
  issuerMetadataUrl,
  present,
  type SdJwtIssueOptions,
} from '@candor/core/sd-jwt';
import { MemoryStatusListStore, createStatusChecker, createStatusListToken, revokeToken, type StatusChecker } from '@candor/core/status-list';
import { CandorError } from '@candor/core/errors';
import { rejectsWith } from './token-kit.js';
import { AUD, ISS, NONCE, NOW_S, VCT, digest, unb64url as decodeBase64url } from './sd-jwt-kit.js';

const NOW = () => new Date(NOW_S * 1000);
const json = (segment: string) => JSON.parse(new TextDecoder().decode(decodeBase64url(segment))) as Record<string, unknown>;
const payloadOf = (sdJwt: string) => json(sdJwt.split('~')[0]!.split('.')[1]!);

describe('SD-JWT VC: issue, present, verify', () => {
  let keys: KeySet;
  const claims = { sub: 'cust_8f2a', age_over_18: true, birthdate: '1990-04-01', address: { locality: 'Lyon', country: 'FR' }, nationalities: ['FR', 'DE'] };
  const issue = (extra: Partial<SdJwtIssueOptions> = {}) =>
    issueSdJwt({ issuer: ISS, keys, vct: VCT, claims, disclosable: ['age_over_18', 'birthdate', 'address.locality', 'nationalities.1'], now: NOW, ...extra });
  const verifier = (requireKeyBinding: boolean, extra = {}) =>
    createSdJwtVerifier({ issuer: ISS, keys: keys.publicJwks(), audience: AUD, requireKeyBinding, now: NOW, ...extra });

  before(async () => {
    keys = await KeySet.generate();
  });

  describe('issuing', () => {
    it('hides each disclosable claim behind a sorted _sd digest, with decoys, and keeps the rest in the clear', async () => {
      const sdJwt = await issue({ decoys: 3 });
      const payload = payloadOf(sdJwt);
      expect(payload).to.include({ iss: ISS, vct: VCT, sub: 'cust_8f2a', _sd_alg: 'sha-256', iat: NOW_S, exp: NOW_S + 3600 });
      expect(payload).to.not.have.any.keys('age_over_18', 'birthdate');
      const sd = payload._sd as string[];
      expect(sd).to.have.length(2 + 3);
      expect(sd).to.deep.equal([...sd].sort());
      expect((payload.address as Record<string, unknown>).country).to.equal('FR');
      expect((payload.nationalities as unknown[])[0]).to.equal('FR');
      expect((payload.nationalities as unknown[])[1]).to.have.all.keys('...');
      expect(sdJwt.endsWith('~')).to.equal(true);
    });

    it('uses a fresh 128-bit salt for every disclosure, so equal claims never share a digest', async () => {
      const a = (await issue()).split('~').slice(1, -1);
      const b = (await issue()).split('~').slice(1, -1);
      const salts = [...a, ...b].map((d) => JSON.parse(new TextDecoder().decode(decodeBase64url(d)))[0] as string);
      expect(new Set(salts).size).to.equal(salts.length);
      for (const s of salts) expect(decodeBase64url(s).length).to.equal(16);
      const digests = await Promise.all([...a, ...b].map(digest));
      expect(new Set(digests).size).to.equal(digests.length);
    });

    it('signs with typ dc+sd-jwt and the key set\'s active kid', async () => {
      const header = json((await issue()).split('.')[0]!);
      expect(header).to.deep.equal({ alg: 'ES256', kid: keys.active.kid, typ: 'dc+sd-jwt' });
    });

    it('binds the holder\'s public key as cnf.jwk, and refuses a private one', async () => {
      const holder = await createHolderKey();
      expect(payloadOf(await issue({ holderKey: holder.publicJwk })).cnf).to.deep.equal({ jwk: holder.publicJwk });
      const { exportPrivateJwk, generateKey } = await import('@candor/core/keys');
      const privateJwk = await exportPrivateJwk(await generateKey());
      await rejectsWith(issue({ holderKey: privateJwk }), 'invalid_key');
    });

    for (const name of ['iss', 'nbf', 'exp', 'iat', 'cnf', 'vct', 'status', '_sd', '_sd_alg', '...']) {
      it(`refuses to make "${name}" disclosable (not_disclosable)`, async () => {
        const e = await rejectsWith(issue({ disclosable: [name] }), 'not_disclosable');
        expect(e.field).to.equal('disclosable.0');
      });
    }

    it('refuses to make vct#integrity disclosable (SD-JWT VC keeps it in the clear)', async () => {
      const integrity = 'sha256-WRL5ca/xGgX3c1VLmXfh+9cLlJNXN+TsMk+PmKjZ5t0=';
      const e = await rejectsWith(issue({ claims: { ...claims, 'vct#integrity': integrity }, disclosable: ['vct#integrity'] }), 'not_disclosable');
      expect(e.field).to.equal('disclosable.0');
    });

    it('keeps a status claim in the issuer-signed JWT', async () => {
      const status = { status_list: { idx: 7, uri: 'https://id.example.com/statuslists/1' } };
      expect(payloadOf(await issue({ status })).status).to.deep.equal(status);
    });

    it('refuses a claim named _sd or ... anywhere (reserved_claim_name)', async () => {
      await rejectsWith(issue({ claims: { ...claims, address: { _sd: ['x'] } }, disclosable: [] }), 'reserved_claim_name');
      await rejectsWith(issue({ claims: { list: [{ '...': 'x' }] }, disclosable: [] }), 'reserved_claim_name');
    });

    it('names the path when a disclosable claim is not in the claims', async () => {
      const e = await rejectsWith(issue({ disclosable: ['address.street'] }), 'invalid_options');
      expect(e.message).to.contain('address.street');
      await rejectsWith(issue({ disclosable: ['nationalities.5'] }), 'invalid_options');
    });

    it('refuses claims the options set (iss, exp, vct, cnf, ...)', async () => {
      await rejectsWith(issue({ claims: { ...claims, exp: 1 } }), 'invalid_options');
      await rejectsWith(issue({ claims: { ...claims, cnf: {} } }), 'invalid_options');
    });
  });

  describe('presenting and verifying', () => {
    it('discloses only what the holder chose, bound to the partner and the nonce', async () => {
      const holder = await createHolderKey();
      const sdJwt = await issue({ holderKey: holder.publicJwk });
      const p = await present(sdJwt, { disclose: ['age_over_18'], keyBinding: { audience: AUD, nonce: NONCE, key: holder }, now: NOW });
      const result = await verifier(true).verify(p, { nonce: NONCE });
      expect(result.claims.age_over_18).to.equal(true);
      expect(result.claims).to.not.have.any.keys('birthdate', '_sd', '_sd_alg');
      expect(result.claims.address).to.deep.equal({ country: 'FR' });
      expect(result.claims.nationalities).to.deep.equal(['FR']);
      expect(result.disclosed).to.deep.equal(['age_over_18']);
      expect(result.keyBinding).to.deep.include({ aud: AUD, nonce: NONCE, iat: NOW_S });
      expect(Object.isFrozen(result.claims)).to.equal(true);
    });

    it('brings nested and array-element disclosures along by path', async () => {
      const holder = await createHolderKey();
      const sdJwt = await issue({ holderKey: holder.publicJwk, disclosable: ['address', 'address.locality', 'nationalities.1'] });
      const p = await present(sdJwt, { disclose: ['address.locality', 'nationalities.1'], keyBinding: { audience: AUD, nonce: NONCE, key: holder }, now: NOW });
      const result = await verifier(true).verify(p, { nonce: NONCE });
      expect(result.claims.address).to.deep.equal({ country: 'FR', locality: 'Lyon' });
      expect(result.claims.nationalities).to.deep.equal(['FR', 'DE']);
      expect([...result.disclosed].sort()).to.deep.equal(['address', 'address.locality', 'nationalities.1']);
    });

    it('refuses to present a claim the credential does not have, listing what it can disclose', async () => {
      const e = await rejectsWith(present(await issue(), { disclose: ['age_over_21'] }), 'invalid_options');
      expect(e.message).to.contain('age_over_18');
    });

    for (const path of ['constructor', 'toString', '__proto__', 'address.hasOwnProperty', 'nationalities.length']) {
      it(`refuses to present "${path}", which only the prototype has, as a claim the credential does not have`, async () => {
        const e = await rejectsWith(present(await issue(), { disclose: [path] }), 'invalid_options');
        expect(e.field).to.equal('disclose.0');
      });
    }

    it('verifies without key binding when the policy allows it, and says no key binding was checked', async () => {
      const p = await present(await issue(), { disclose: ['birthdate'] });
      expect(p.endsWith('~')).to.equal(true);
      const result = await verifier(false).verify(p);
      expect(result.claims.birthdate).to.equal('1990-04-01');
      expect(result.keyBinding).to.equal(undefined);
    });

    it('refuses the same presentation when the policy requires key binding', async () => {
      const p = await present(await issue(), { disclose: ['birthdate'] });
      await rejectsWith(verifier(true).verify(p, { nonce: NONCE }), 'key_binding_required');
    });

    it('does not let a copied presentation through for another nonce (replay)', async () => {
      const holder = await createHolderKey();
      const p = await present(await issue({ holderKey: holder.publicJwk }), { disclose: ['age_over_18'], keyBinding: { audience: AUD, nonce: NONCE, key: holder }, now: NOW });
      await rejectsWith(verifier(true).verify(p, { nonce: 'the-next-request' }), 'wrong_nonce');
    });

    it('asks for the nonce when key binding is required and none is given', async () => {
      const holder = await createHolderKey();
      const p = await present(await issue({ holderKey: holder.publicJwk }), { disclose: [], keyBinding: { audience: AUD, nonce: NONCE, key: holder }, now: NOW });
      const e = await rejectsWith(verifier(true).verify(p), 'invalid_options');
      expect(e.field).to.equal('nonce');
    });

    it('refuses to be created without a key-binding policy', () => {
      expect(() => createSdJwtVerifier({ issuer: ISS, keys: keys.publicJwks(), audience: AUD } as never)).to.throw(CandorError, /requireKeyBinding/);
    });

    it('verifies with an EdDSA issuer and a holder key imported from a JWK file', async () => {
      const ed = await KeySet.generate('EdDSA');
      const { exportPrivateJwk, generateKey } = await import('@candor/core/keys');
      const holder = await importHolderKey(await exportPrivateJwk(await generateKey('ES256')));
      expect(holder.privateKey.extractable).to.equal(false);
      const sdJwt = await issueSdJwt({ issuer: ISS, keys: ed, vct: VCT, claims, disclosable: ['age_over_18'], holderKey: holder.publicJwk, now: NOW });
      const p = await present(sdJwt, { disclose: ['age_over_18'], keyBinding: { audience: AUD, nonce: NONCE, key: holder }, now: NOW });
      const result = await createSdJwtVerifier({ issuer: ISS, keys: ed.publicJwks(), audience: AUD, requireKeyBinding: true, now: NOW }).verify(p, { nonce: NONCE });
      expect(result.header.alg).to.equal('EdDSA');
    });

    it('revokes a credential issued into a status list: it verifies until the refreshed list says revoked', async () => {
      const store = new MemoryStatusListStore();
      const uri = 'https://id.example.com/statuslists/7';
      const holder = await createHolderKey();
      const sdJwt = await issue({ holderKey: holder.publicJwk, statusList: { store, uri } });
      const payload = payloadOf(sdJwt);
      const entry = (payload.status as { status_list: { idx: number; uri: string } }).status_list;
      expect(entry.uri).to.equal(uri);
      expect(entry.idx).to.be.a('number');
      expect(payload.jti).to.be.a('string');
      let clock = NOW_S;
      const list = () => createStatusListToken({ store, uri, keys, issuer: ISS, ttlSeconds: 60, now: () => new Date(clock * 1000) });
      const checker = createStatusChecker({
        issuer: ISS,
        keys: keys.publicJwks(),
        now: () => new Date(clock * 1000),
        fetch: (async (url: string | URL | Request) =>
          String(url) === uri ? new Response(await list(), { headers: { 'content-type': 'application/statuslist+jwt' } }) : new Response('', { status: 404 })) as typeof fetch,
      });
      const presentation = () => present(sdJwt, { disclose: ['age_over_18'], keyBinding: { audience: AUD, nonce: NONCE, key: holder }, now: () => new Date(clock * 1000) });
      const check = async () =>
        createSdJwtVerifier({ issuer: ISS, keys: keys.publicJwks(), audience: AUD, requireKeyBinding: true, now: () => new Date(clock * 1000), status: checker }).verify(await presentation(), { nonce: NONCE });
      expect((await check()).claims.age_over_18).to.equal(true);
      await revokeToken(store, payload.jti as string);
      clock += 61; // past the list's ttl: the partner fetches it again
      await rejectsWith(check(), 'revoked');
    });

    it('refuses statusList together with a status claim, and a disclosable jti with statusList', async () => {
      const store = new MemoryStatusListStore();
      const uri = 'https://id.example.com/statuslists/7';
      await rejectsWith(issue({ statusList: { store, uri }, status: { status_list: { idx: 1, uri } } }), 'invalid_options');
      await rejectsWith(issueSdJwt({ issuer: ISS, keys, vct: VCT, claims: { ...claims, jti: 'c-1' }, disclosable: ['jti'], statusList: { store, uri }, now: NOW }), 'invalid_options');
      await rejectsWith(issue({ statusList: { store, uri: 'http://id.example.com/list' } }), 'invalid_options');
    });

    it('calls the status check last, with the status claim, and refuses what it refuses', async () => {
      const holder = await createHolderKey();
      const status = { status_list: { idx: 3, uri: 'https://id.example.com/statuslists/1' } };
      const p = await present(await issue({ holderKey: holder.publicJwk, status }), { disclose: ['age_over_18'], keyBinding: { audience: AUD, nonce: NONCE, key: holder }, now: NOW });
      const seen: unknown[] = [];
      const ok: StatusChecker = { check: async (claim: unknown) => void seen.push(claim), clearCache: () => {} } as unknown as StatusChecker;
      await verifier(true, { status: ok }).verify(p, { nonce: NONCE });
      expect(seen).to.deep.equal([status]);
      const revoked = {
        check: async () => {
          throw new CandorError('revoked', 'The credential was withdrawn by its issuer.');
        },
      } as unknown as StatusChecker;
      await rejectsWith(verifier(true, { status: revoked }).verify(p, { nonce: NONCE }), 'revoked');
      // A presentation that fails an earlier check never reaches the status check.
      seen.length = 0;
      await rejectsWith(verifier(true, { status: ok }).verify(p, { nonce: 'other' }), 'wrong_nonce');
      expect(seen).to.deep.equal([]);
    });
  });

  describe('holder keys', () => {
    it('makes non-extractable ES256 keys whose public JWK has no private members', async () => {
      const holder = await createHolderKey();
      expect(holder.privateKey.extractable).to.equal(false);
      expect(holder.publicJwk).to.have.all.keys('kty', 'crv', 'x', 'y');
      let exported: unknown;
      try {
        exported = await crypto.subtle.exportKey('jwk', holder.privateKey);
      } catch (e) {
        exported = e;
      }
      expect(exported).to.be.instanceOf(Error);
    });

    it('gives the same key for the same name from the memory store until it is deleted', async () => {
      const store = createMemoryHolderKeyStore();
      const a = await store.getOrCreate('age');
      expect((await store.getOrCreate('age')).kid).to.equal(a.kid);
      expect((await store.get('age'))?.kid).to.equal(a.kid);
      await store.delete('age');
      expect(await store.get('age')).to.equal(undefined);
      expect((await store.getOrCreate('age')).kid).to.not.equal(a.kid);
    });
  });

  describe('issuer metadata', () => {
    it('places /.well-known/jwt-vc-issuer between the host and the issuer path', () => {
      expect(issuerMetadataUrl('https://id.example.com').href).to.equal('https://id.example.com/.well-known/jwt-vc-issuer');
      expect(issuerMetadataUrl('https://id.example.com/tenant/').href).to.equal('https://id.example.com/.well-known/jwt-vc-issuer/tenant');
      expect(() => issuerMetadataUrl('http://id.example.com')).to.throw(CandorError, /https/);
    });
  });
});
