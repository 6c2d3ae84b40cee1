import { expect } from 'chai';
import { calculateJwkThumbprint } from 'jose';
import { KeySet, RETIREMENT_GRACE_SECONDS, exportPrivateJwk, generateKey, importKey } from '@candor/core/keys';
import { createIssuer, createVerifier } from '@candor/core/tokens';
import { AUD, ISS, rejectsWith } from './token-kit.js';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const input = { subject: 'cust_1', audience: AUD, verification: { level: 'high' as const, methods: ['document' as const], verifiedAt: new Date(), riskTier: 'low' as const } };

describe('keys', () => {
  it('generates an ES256 key by default whose kid is its RFC 7638 thumbprint', async () => {
    const key = await generateKey();
    expect(key.alg).to.equal('ES256');
    expect(key.publicJwk).to.include({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: key.kid });
    const { kty, crv, x, y } = key.publicJwk;
    expect(key.kid).to.equal(await calculateJwkThumbprint({ kty, crv, x, y }));
  });

  it('generates EdDSA (Ed25519) keys', async () => {
    const key = await generateKey('EdDSA');
    expect(key.publicJwk).to.include({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
  });

  it('refuses an unknown algorithm with invalid_options', async () => {
    await rejectsWith(generateKey('RS256' as never), 'invalid_options');
  });

  it('round-trips a private key through its JWK, keeping the kid and signing ability', async () => {
    for (const alg of ['ES256', 'EdDSA'] as const) {
      const key = await generateKey(alg);
      const jwk = await exportPrivateJwk(key);
      expect(jwk.d).to.be.a('string');
      const again = await importKey(jwk);
      expect(again.kid).to.equal(key.kid);
      expect(again.privateKey).to.not.equal(undefined);
      const token = await createIssuer({ issuer: ISS, keys: again }).issue(input);
      const r = await createVerifier({ issuer: ISS, audience: AUD, keys: key.publicJwk }).verify(token);
      expect(r.outcome).to.equal('valid');
    }
  });

  it('imports a public JWK as a verify-only key that cannot be exported as private', async () => {
    const key = await generateKey();
    const pub = await importKey(key.publicJwk);
    expect(pub.privateKey).to.equal(undefined);
    expect(pub.kid).to.equal(key.kid);
    await rejectsWith(exportPrivateJwk(pub), 'invalid_key');
  });

  it('refuses unusable JWKs with invalid_key', async () => {
    const key = await generateKey();
    await rejectsWith(importKey({ kty: 'RSA', n: 'x', e: 'AQAB' }), 'invalid_key');
    await rejectsWith(importKey({ kty: 'EC', crv: 'P-384', x: 'a', y: 'b' }), 'invalid_key');
    await rejectsWith(importKey({ ...key.publicJwk, x: 'not-a-point' }), 'invalid_key');
    await rejectsWith(importKey({ ...key.publicJwk, kid: 'my-own-kid' }), 'invalid_key');
    await rejectsWith(importKey(key.publicJwk, 'EdDSA'), 'invalid_key');
    await rejectsWith(importKey(null as never), 'invalid_key');
  });
});

describe('key set', () => {
  it('publishes a JWKS with no private members, even after rotation', async () => {
    const keys = await KeySet.generate();
    await keys.rotate();
    const jwks = keys.publicJwks();
    expect(jwks.keys).to.have.length(2);
    for (const jwk of jwks.keys) {
      for (const m of PRIVATE_MEMBERS) expect(jwk, `member ${m}`).to.not.have.property(m);
      expect(Object.keys(jwk).sort()).to.deep.equal(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    }
    expect(JSON.stringify(jwks)).to.not.contain('"d"');
  });

  it('keeps a token signed by a retired key verifiable until prune, then reports unknown_key', async () => {
    const keys = await KeySet.generate('ES256', { maxTokenTtlSeconds: 3600 });
    const issuer = createIssuer({ issuer: ISS, keys });
    const oldToken = await issuer.issue(input);
    const oldKid = keys.active.kid;
    const t0 = new Date();
    await keys.rotate(undefined, t0);
    expect(keys.active.kid).to.not.equal(oldKid);
    expect(keys.retired.map((r) => r.key.kid)).to.deep.equal([oldKid]);
    expect(keys.retired[0]!.key.privateKey).to.equal(undefined);
    const newToken = await issuer.issue(input);
    expect(newToken.split('.')[0]).to.not.equal(oldToken.split('.')[0]);

    const verifier = createVerifier({ issuer: ISS, audience: AUD, keys });
    expect((await verifier.verify(oldToken)).header.kid).to.equal(oldKid);
    expect((await verifier.verify(newToken)).outcome).to.equal('valid');

    // Still needed until its last possible token expires (plus the grace period).
    const stillNeeded = new Date(t0.getTime() + (3600 + RETIREMENT_GRACE_SECONDS) * 1000 - 1);
    expect(keys.prune(stillNeeded)).to.deep.equal([]);
    expect((await verifier.verify(oldToken)).outcome).to.equal('valid');

    const removable = keys.retired[0]!.removableAt;
    expect(removable.getTime()).to.equal(t0.getTime() + (3600 + RETIREMENT_GRACE_SECONDS) * 1000);
    expect(keys.prune(removable)).to.deep.equal([oldKid]);
    expect(keys.publicJwks().keys.map((k) => k.kid)).to.deep.equal([keys.active.kid]);
    await rejectsWith(verifier.verify(oldToken), 'unknown_key');
    expect((await verifier.verify(newToken)).outcome).to.equal('valid');
  });

  it('round-trips through toJSON/fromJSON with retired keys and their retirement times', async () => {
    const keys = await KeySet.generate('EdDSA', { maxTokenTtlSeconds: 600 });
    const retiredAt = new Date('2026-01-01T00:00:00Z');
    await keys.rotate(undefined, retiredAt);
    const json = JSON.parse(JSON.stringify(await keys.toJSON()));
    expect(json.retired[0].jwk).to.not.have.property('d');
    const again = await KeySet.fromJSON(json);
    expect(again.active.kid).to.equal(keys.active.kid);
    expect(again.maxTokenTtlSeconds).to.equal(600);
    expect(again.retired[0]!.retiredAt.toISOString()).to.equal(retiredAt.toISOString());
    expect(again.publicJwks()).to.deep.equal(keys.publicJwks());
    const token = await createIssuer({ issuer: ISS, keys: again }).issue(input);
    expect((await createVerifier({ issuer: ISS, audience: AUD, keys: keys.publicJwks() }).verify(token)).outcome).to.equal('valid');
  });

  it('refuses a stored key set that is not one, with invalid_key', async () => {
    await rejectsWith(KeySet.fromJSON({ version: 2 } as never), 'invalid_key');
    const keys = await KeySet.generate();
    const json = await keys.toJSON();
    await rejectsWith(KeySet.fromJSON({ ...json, retired: [{ jwk: keys.active.publicJwk, retiredAt: 'soon', maxTokenTtlSeconds: 60 }] }), 'invalid_key');
  });

  it('refuses an issuer TTL ceiling above the key set ceiling (prune would drop keys too early)', async () => {
    const keys = await KeySet.generate('ES256', { maxTokenTtlSeconds: 600 });
    expect(() => createIssuer({ issuer: ISS, keys, maxTtlSeconds: 3600 })).to.throw().with.property('code', 'invalid_options');
  });
});
