// The holder flow as a wallet page runs it: a key kept in IndexedDB (in Chromium; memory in Node),
// the credential bound to it, a presentation for one partner and nonce, the partner's verification.
import { expect } from 'chai';
import { KeySet } from '@candor/core/keys';
import {
  createIndexedDbHolderKeyStore,
  createMemoryHolderKeyStore,
  createSdJwtVerifier,
  issueSdJwt,
  present,
  type HolderKeyStore,
} from '@candor/core/sd-jwt';
import { AUD, ISS, NONCE, VCT } from './sd-jwt-kit.js';

const inBrowser = typeof indexedDB !== 'undefined';
const databaseName = `candor-holder-test-${Math.random().toString(36).slice(2)}`;
const openStore = (): HolderKeyStore => (inBrowser ? createIndexedDbHolderKeyStore({ databaseName }) : createMemoryHolderKeyStore());

describe(`SD-JWT holder flow (${inBrowser ? 'IndexedDB' : 'memory'} key store)`, () => {
  after(async () => {
    if (inBrowser) await new Promise((resolve) => Object.assign(indexedDB.deleteDatabase(databaseName), { onsuccess: resolve, onerror: resolve, onblocked: resolve }));
  });

  it('presents a credential bound to the stored, non-extractable key, and the partner verifies it', async () => {
    const store = openStore();
    const key = await store.getOrCreate('age-credential');
    expect(key.privateKey.extractable).to.equal(false);
    const issuerKeys = await KeySet.generate();
    const sdJwt = await issueSdJwt({
      issuer: ISS,
      keys: issuerKeys,
      vct: VCT,
      claims: { sub: 'cust_1', age_over_18: true, birthdate: '1990-04-01' },
      disclosable: ['age_over_18', 'birthdate'],
      holderKey: key.publicJwk,
    });
    const presentation = await present(sdJwt, { disclose: ['age_over_18'], keyBinding: { audience: AUD, nonce: NONCE, key } });
    const partner = createSdJwtVerifier({ issuer: ISS, keys: issuerKeys.publicJwks(), audience: AUD, requireKeyBinding: true });
    const result = await partner.verify(presentation, { nonce: NONCE });
    expect(result.claims.age_over_18).to.equal(true);
    expect(result.claims).to.not.have.property('birthdate');
    expect(result.keyBinding?.jwk).to.deep.equal(key.publicJwk);
  });

  if (inBrowser) {
    it('finds the same key again from a new store over the same database (after a reload)', async () => {
      const first = await openStore().getOrCreate('wallet');
      const again = await openStore().get('wallet');
      expect(again?.kid).to.equal(first.kid);
      expect(again?.privateKey.extractable).to.equal(false);
      // The stored private key signs, and its bytes cannot be read back.
      let exported: unknown;
      await crypto.subtle.exportKey('jwk', again!.privateKey).then((v) => (exported = v), (e: unknown) => (exported = e));
      expect(exported).to.be.instanceOf(Error);
      await openStore().delete('wallet');
      expect(await openStore().get('wallet')).to.equal(undefined);
    });
  }
});
