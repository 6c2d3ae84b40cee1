// A JWKS given as an object: members Candor cannot verify with are skipped (RFC 7517 §5), as
// jose does for a remote JWKS, and never used for a purpose their issuer did not give them.
import { expect } from 'chai';
import { KeySet, type CandorKey } from '@candor/core/keys';
import { createVerifier } from '@candor/core/tokens';
import { AUD, ISS, NOW, claims, forge, header, rejectsWith } from './token-kit.js';

describe('JWKS object members (RFC 7517)', () => {
  let key: CandorKey;
  let token: string;
  before(async () => {
    key = (await KeySet.generate('ES256')).active;
    token = await forge(key, header(key), claims());
  });
  const verifier = (keys: unknown[]) => createVerifier({ issuer: ISS, audience: AUD, keys: { keys } as never, now: NOW });

  it('skips keys of other types and curves next to the signing key instead of refusing the whole set', async () => {
    const others = [
      { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'rsa-1', alg: 'RS256' },
      { kty: 'EC', crv: 'P-384', x: 'AAAA', y: 'AAAA', kid: 'p384' },
      { kty: 'oct', k: 'c2VjcmV0', kid: 'hmac' },
      { kty: 'OKP', crv: 'X25519', x: 'AAAA', kid: 'x25519' },
      { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA', kid: 5 },
    ];
    expect((await verifier([...others, key.publicJwk]).verify(token)).outcome).to.equal('valid');
  });

  for (const [what, member] of [
    ['use "enc"', { use: 'enc' }],
    ['key_ops without "verify"', { key_ops: ['encrypt'] }],
    ['key_ops that is not an array', { key_ops: 'verify' }],
    ['an alg it was not made for', { alg: 'ES384' }],
  ] as const) {
    it(`never verifies with a key that has ${what}`, async () => {
      // The same key twice: once marked for another purpose, once for signatures.
      expect(() => verifier([{ ...key.publicJwk, ...member }])).to.throw().with.property('code', 'invalid_key');
      const other = (await KeySet.generate('ES256')).active;
      const v = verifier([{ ...key.publicJwk, ...member }, other.publicJwk]);
      await rejectsWith(v.verify(token), 'unknown_key');
    });
  }

  it('accepts key_ops that include verify, and use "sig"', async () => {
    expect((await verifier([{ ...key.publicJwk, key_ops: ['verify'] }]).verify(token)).outcome).to.equal('valid');
    expect((await verifier([{ ...key.publicJwk, use: 'sig' }]).verify(token)).outcome).to.equal('valid');
  });

  it('refuses a set with no usable key with invalid_key, saying why each was skipped', () => {
    let error: (Error & { code?: string; field?: string }) | undefined;
    try {
      verifier([{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }, { ...key.publicJwk, use: 'enc' }]);
    } catch (e) {
      error = e as Error;
    }
    expect(error).to.include({ code: 'invalid_key', field: 'keys.keys.0' });
    expect(error!.message).to.contain('"RSA"').and.to.contain('use "enc"').and.to.contain('ES256');
  });

  it('tells keys that share a kid apart by alg (RFC 7517 §4.5 allows one kid for keys of different types)', async () => {
    const ed = (await KeySet.generate('EdDSA')).active;
    const jwks = [{ ...key.publicJwk, kid: '2026-06' }, { ...ed.publicJwk, kid: '2026-06' }];
    const v = verifier(jwks);
    expect((await v.verify(await forge(key, header(key, { kid: '2026-06' }), claims()))).outcome).to.equal('valid');
    expect((await v.verify(await forge(ed, header(ed, { kid: '2026-06' }), claims()))).outcome).to.equal('valid');
  });

  it('accepts the same key listed twice, and refuses two different keys under one kid and alg as ambiguous', async () => {
    expect((await verifier([key.publicJwk, { ...key.publicJwk }]).verify(token)).outcome).to.equal('valid');
    const other = (await KeySet.generate('ES256')).active;
    for (const order of [[key.publicJwk, { ...other.publicJwk, kid: key.kid }], [{ ...other.publicJwk, kid: key.kid }, key.publicJwk]]) {
      const e = await rejectsWith(verifier(order).verify(token), 'unknown_key');
      expect(e.message).to.contain('more than one ES256 key');
    }
  });
});
