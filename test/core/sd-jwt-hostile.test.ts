// Hostile SD-JWT and KB-JWT presentations, each built by hand, each refused with its exact error code.
import { expect } from 'chai';
import type { CandorErrorCode } from '@candor/core/errors';
import { KeySet, generateKey, type CandorKey } from '@candor/core/keys';
import { createHolderKey, createSdJwtVerifier, type HolderKey, type SdJwtVerifierOptions } from '@candor/core/sd-jwt';
import { rejectsWith } from './token-kit.js';
import { AUD, ISS, NONCE, NOW_S, digest, disclosure, jws, sdClaims, sdHeader, sdJwt, withKb } from './sd-jwt-kit.js';

const NOW = () => new Date(NOW_S * 1000);

describe('hostile SD-JWT presentations', () => {
  let keys: KeySet;
  let key: CandorKey;
  let other: CandorKey;
  let holder: HolderKey;
  let intruder: HolderKey;
  const dAge = disclosure('salt-age-0123456789', 'age_over_18', true);
  const dBirth = disclosure('salt-birth-0123456789', 'birthdate', '1990-04-01');
  const dNat = disclosure('salt-nat-0123456789', 'DE');
  let base: Record<string, unknown>;

  const verifier = (extra: Partial<SdJwtVerifierOptions> = {}) =>
    createSdJwtVerifier({ issuer: ISS, keys: keys.publicJwks(), audience: AUD, requireKeyBinding: true, now: NOW, ...extra });
  /** The issuer JWT over `payload` (default: the valid one), signed by the issuer key. */
  const issuerJwt = (payload: Record<string, unknown> = base, h: Record<string, unknown> = sdHeader(key), by: CandorKey = key) => jws(by, h, payload);
  /** A valid presentation of the given disclosures with a valid KB-JWT. */
  const presentation = async (disclosures: string[], payload?: Record<string, unknown>) => withKb(sdJwt(await issuerJwt(payload), disclosures), holder);

  before(async () => {
    keys = await KeySet.generate();
    key = keys.active;
    other = await generateKey();
    holder = await createHolderKey();
    intruder = await createHolderKey();
    base = sdClaims({
      cnf: { jwk: holder.publicJwk },
      sub: 'cust_1',
      _sd: [await digest(dAge), await digest(dBirth)].sort(),
      nationalities: ['FR', { '...': await digest(dNat) }],
    });
  });

  it('accepts the untampered hand-built presentation (the baseline every case below changes)', async () => {
    const result = await verifier().verify(await presentation([dAge, dNat]), { nonce: NONCE });
    expect(result.claims).to.deep.include({ age_over_18: true, nationalities: ['FR', 'DE'] });
    expect(result.claims).to.not.have.property('birthdate');
    expect(result.disclosed).to.deep.equal(['nationalities.1', 'age_over_18']);
  });

  it('accepts an issuer JWT typed with the older vc+sd-jwt (SD-JWT VC "JOSE Header": RECOMMENDED during the transition)', async () => {
    for (const typ of ['vc+sd-jwt', 'application/vc+sd-jwt', 'VC+SD-JWT']) {
      const result = await verifier().verify(await withKb(sdJwt(await issuerJwt(base, sdHeader(key, { typ })), [dAge]), holder), { nonce: NONCE });
      expect(result.header.typ, typ).to.equal(typ);
      expect(result.claims.age_over_18).to.equal(true);
    }
  });

  it('refuses typ values near vc+sd-jwt and dc+sd-jwt with wrong_type naming both', async () => {
    for (const typ of ['vc+jwt', 'sd-jwt', 'vp+sd-jwt', 'vc+sd-jwt; charset=utf-8', 'application/dc+sd-jwt+kb']) {
      const e = await rejectsWith(verifier().verify(await withKb(sdJwt(await issuerJwt(base, sdHeader(key, { typ })), [dAge]), holder), { nonce: NONCE }), 'wrong_type');
      expect(e.message, typ).to.contain('"dc+sd-jwt" or "vc+sd-jwt"');
    }
  });

  it('accepts a selectively disclosable iat (SD-JWT VC allows it) and checks the disclosed value', async () => {
    const { iat: _iat, ...rest } = base;
    const dIat = disclosure('salt-iat-0123456789', 'iat', NOW_S - 60);
    const payload = { ...rest, _sd: [...(base._sd as string[]), await digest(dIat)].sort() };
    const result = await verifier().verify(await presentation([dIat], payload), { nonce: NONCE });
    expect(result.claims.iat).to.equal(NOW_S - 60);
    expect(result.disclosed).to.deep.equal(['iat']);
    const future = disclosure('salt-iat-future-0123', 'iat', NOW_S + 3600);
    const withFuture = { ...rest, _sd: [await digest(future)] };
    await rejectsWith(verifier().verify(await presentation([future], withFuture), { nonce: NONCE }), 'not_yet_valid');
  });

  type Case = [what: string, code: CandorErrorCode, build: () => Promise<unknown>, options?: Partial<SdJwtVerifierOptions>];
  const cases: Case[] = [
    // The presentation as a whole.
    ['a number instead of a string', 'invalid_input', async () => 42],
    ['an empty string', 'invalid_input', async () => ''],
    ['a presentation over the size cap', 'too_large', async () => `${await issuerJwt()}~${'A'.repeat(20_000)}~`],
    ['a plain JWT with no "~"', 'malformed', async () => issuerJwt()],
    ['a missing trailing "~" after the last disclosure', 'malformed', async () => `${await issuerJwt()}~${dAge}`, { requireKeyBinding: false }],
    ['an empty disclosure ("~~")', 'invalid_disclosure', async () => withKb(`${await issuerJwt()}~~${dAge}~`, holder)],
    // Disclosure shapes.
    ['a disclosure that is not base64url', 'invalid_disclosure', async () => presentation(['not+base64url'])],
    ['a disclosure that is a JSON object, not an array', 'invalid_disclosure', async () => presentation([btoa('{"a":1}').replace(/=+$/, '')])],
    ['a disclosure of 4 members', 'invalid_disclosure', async () => presentation([disclosure('s', 'age_over_18', true, 'extra')])],
    ['a disclosure of 1 member', 'invalid_disclosure', async () => presentation([disclosure('s')])],
    ['a disclosure with a number as salt', 'invalid_disclosure', async () => presentation([disclosure(12345, 'age_over_18', true)])],
    ['a disclosure with a number as claim name', 'invalid_disclosure', async () => presentation([disclosure('s', 7, true)])],
    ['a disclosure naming "_sd"', 'reserved_claim_name', async () => presentation([disclosure('s', '_sd', ['x'])])],
    ['a disclosure naming "..."', 'reserved_claim_name', async () => presentation([disclosure('s', '...', 'x')])],
    // Placement.
    ['an object-property disclosure (3 members) referenced from an array', 'invalid_disclosure', async () => {
      const d = disclosure('s-arr', 'name', 'DE');
      return presentation([d], { ...base, nationalities: [{ '...': await digest(d) }] });
    }],
    ['an array-element disclosure (2 members) referenced from _sd', 'invalid_disclosure', async () => {
      const d = disclosure('s-el', true);
      return presentation([d], { ...base, _sd: [await digest(d)] });
    }],
    ['the same digest twice in _sd', 'duplicate_digest', async () => presentation([dAge], { ...base, _sd: [await digest(dAge), await digest(dAge)] })],
    ['the same digest in _sd and in an array', 'duplicate_digest', async () => presentation([dNat], { ...base, _sd: [await digest(dNat)], nationalities: [{ '...': await digest(dNat) }] })],
    ['a digest reached again through a disclosure (a recursive reference)', 'duplicate_digest', async () => {
      const inner = disclosure('s-inner', 'locality', 'Paris');
      const outer = disclosure('s-outer', 'address', { _sd: [await digest(inner)] });
      return presentation([outer, inner], { ...base, _sd: [await digest(outer), await digest(inner)] });
    }],
    ['the same disclosure given twice', 'duplicate_disclosure', async () => presentation([dAge, dAge])],
    ['a disclosure from another credential', 'unreferenced_disclosure', async () => presentation([dAge, disclosure('s-other', 'age_over_21', true)])],
    ['a child disclosure without the parent it sits in', 'unreferenced_disclosure', async () => {
      const inner = disclosure('s-inner', 'locality', 'Paris');
      const outer = disclosure('s-outer', 'address', { _sd: [await digest(inner)] });
      return presentation([inner], { ...base, _sd: [await digest(outer)] });
    }],
    ['a disclosure overriding a plaintext claim', 'claim_clash', async () => {
      const d = disclosure('s-sub', 'sub', 'someone-else');
      return presentation([d], { ...base, _sd: [await digest(d)] });
    }],
    ['two disclosures of the same name in one object', 'claim_clash', async () => {
      const d2 = disclosure('s-age-2', 'age_over_18', false);
      return presentation([dAge, d2], { ...base, _sd: [await digest(dAge), await digest(d2)] });
    }],
    ['an unknown _sd_alg', 'unsupported_sd_alg', async () => presentation([dAge], { ...base, _sd_alg: 'md5' })],
    ['an _sd_alg of null (present, so not the sha-256 default)', 'unsupported_sd_alg', async () => presentation([dAge], { ...base, _sd_alg: null })],
    ['an _sd that is not an array', 'invalid_claims', async () => presentation([], { ...base, _sd: 'digest' })],
    ['a non-string digest in _sd', 'invalid_claims', async () => presentation([], { ...base, _sd: [42] })],
    ['a "..." member outside an array element', 'reserved_claim_name', async () => presentation([], { ...base, extra: { '...': 'x' } })],
    ['an array element with "..." and other members', 'invalid_claims', async () => presentation([], { ...base, nationalities: [{ '...': await digest(dNat), x: 1 }] })],
    ['a disclosable vct (SD-JWT VC keeps it in the clear)', 'not_disclosable', async () => {
      const { vct: _vct, ...rest } = base;
      const d = disclosure('s-vct', 'vct', 'https://id.example.com/credentials/age');
      return presentation([d], { ...rest, _sd: [await digest(d)] });
    }],
    ['a disclosable vct#integrity (SD-JWT VC keeps it in the clear)', 'not_disclosable', async () => {
      const d = disclosure('s-vct-integrity', 'vct#integrity', 'sha256-WRL5ca/xGgX3c1VLmXfh+9cLlJNXN+TsMk+PmKjZ5t0=');
      return presentation([d], { ...base, _sd: [await digest(d)] });
    }],
    // The issuer-signed JWT.
    ['an issuer JWT with typ "JWT"', 'wrong_type', async () => withKb(sdJwt(await issuerJwt(base, sdHeader(key, { typ: 'JWT' })), []), holder)],
    ['an issuer JWT with alg "none"', 'unsupported_algorithm', async () => `${btoa(JSON.stringify({ alg: 'none', typ: 'dc+sd-jwt' })).replace(/=+$/, '')}.e30.~`, { requireKeyBinding: false }],
    ['an issuer JWT embedding its own key (jwk header)', 'forbidden_header', async () => withKb(sdJwt(await issuerJwt(base, sdHeader(key, { jwk: other.publicJwk })), []), holder)],
    ['an issuer JWT signed by another key under the issuer kid', 'bad_signature', async () => withKb(sdJwt(await issuerJwt(base, sdHeader(key), other), []), holder)],
    ['an issuer JWT changed after signing (a disclosure digest swapped)', 'bad_signature', async () => {
      const jwt = await issuerJwt();
      const [h, , s] = jwt.split('.');
      const forged = `${h}.${btoa(JSON.stringify({ ...base, _sd: [await digest(disclosure('s-x', 'age_over_18', true))] })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.${s}`;
      return withKb(sdJwt(forged, []), holder);
    }],
    // Claims, checked only after the disclosures.
    ['another issuer', 'wrong_issuer', async () => presentation([], { ...base, iss: 'https://evil.example' })],
    ['no vct', 'missing_claim', async () => { const { vct: _v, ...rest } = base; return presentation([], rest); }],
    ['no exp', 'missing_claim', async () => { const { exp: _e, ...rest } = base; return presentation([], rest); }],
    ['an expired credential', 'expired', async () => presentation([], { ...base, exp: NOW_S - 3600 })],
    ['a credential not valid yet (nbf)', 'not_yet_valid', async () => presentation([], { ...base, nbf: NOW_S + 3600 })],
    ['a cnf without a jwk', 'invalid_cnf', async () => presentation([], { ...base, cnf: { kid: 'k1' } })],
    ['a cnf.jwk that is an RSA key', 'invalid_cnf', async () => presentation([], { ...base, cnf: { jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } } })],
    // Key binding.
    ['no key-binding JWT when the verifier requires one', 'key_binding_required', async () => sdJwt(await issuerJwt(), [dAge])],
    ['no cnf when the verifier requires key binding', 'key_binding_required', async () => {
      const { cnf: _c, ...rest } = base;
      return withKb(sdJwt(await issuerJwt(rest), []), holder);
    }],
    ['a KB-JWT with a credential that has no cnf', 'invalid_cnf', async () => {
      const { cnf: _c, ...rest } = base;
      return withKb(sdJwt(await issuerJwt(rest), []), holder);
    }, { requireKeyBinding: false }],
    ['a KB-JWT for another audience', 'wrong_audience', async () => withKb(sdJwt(await issuerJwt(), [dAge]), holder, { aud: 'https://evil.example' })],
    ['a KB-JWT with another nonce', 'wrong_nonce', async () => withKb(sdJwt(await issuerJwt(), [dAge]), holder, { nonce: 'replayed-nonce' })],
    ['a KB-JWT with another nonce, even when key binding is not required', 'wrong_nonce', async () => withKb(sdJwt(await issuerJwt(), [dAge]), holder, { nonce: 'replayed-nonce' }), { requireKeyBinding: false }],
    ['a KB-JWT whose sd_hash is over other disclosures', 'sd_hash_mismatch', async () => {
      const signed = sdJwt(await issuerJwt(), [dAge]);
      return withKb(signed, holder, { sd_hash: await digest(sdJwt(await issuerJwt(), [dAge, dBirth])) });
    }],
    ['a disclosure added after the holder signed', 'sd_hash_mismatch', async () => {
      const kbPresentation = await withKb(sdJwt(await issuerJwt(), [dAge]), holder);
      const kb = kbPresentation.slice(kbPresentation.lastIndexOf('~') + 1);
      return `${sdJwt(await issuerJwt(), [dAge, dBirth])}${kb}`;
    }],
    ['a KB-JWT made 10 minutes ago', 'stale_key_binding', async () => withKb(sdJwt(await issuerJwt(), [dAge]), holder, { iat: NOW_S - 600 })],
    ['a KB-JWT made in the future', 'not_yet_valid', async () => withKb(sdJwt(await issuerJwt(), [dAge]), holder, { iat: NOW_S + 600 })],
    ['a fresh KB-JWT past its own exp', 'expired', async () => withKb(sdJwt(await issuerJwt(), [dAge]), holder, { exp: NOW_S - 120 })],
    ['a fresh KB-JWT before its own nbf', 'not_yet_valid', async () => withKb(sdJwt(await issuerJwt(), [dAge]), holder, { nbf: NOW_S + 600 })],
    ['a KB-JWT whose exp is not a number', 'invalid_claims', async () => withKb(sdJwt(await issuerJwt(), [dAge]), holder, { exp: 'tomorrow' })],
    ['a KB-JWT signed by another holder key', 'bad_signature', async () => withKb(sdJwt(await issuerJwt(), [dAge]), intruder)],
    ['a KB-JWT with typ "JWT"', 'wrong_type', async () => withKb(sdJwt(await issuerJwt(), [dAge]), holder, {}, { typ: 'JWT' })],
    ['a KB-JWT without nonce', 'missing_claim', async () => withKb(sdJwt(await issuerJwt(), [dAge]), holder, { nonce: undefined })],
    ['a KB-JWT without sd_hash', 'missing_claim', async () => withKb(sdJwt(await issuerJwt(), [dAge]), holder, { sd_hash: undefined })],
    ['a KB-JWT with alg "none"', 'unsupported_algorithm', async () => `${sdJwt(await issuerJwt(), [dAge])}${btoa(JSON.stringify({ alg: 'none', typ: 'kb+jwt' })).replace(/=+$/, '')}.e30.`],
    ['a KB-JWT that is not a JWS', 'malformed', async () => `${sdJwt(await issuerJwt(), [dAge])}not.a-jws`],
  ];

  for (const [what, code, build, options] of cases) {
    it(`refuses ${what} with ${code}`, async () => {
      await rejectsWith(verifier(options).verify(await build(), { nonce: NONCE }), code);
    });
  }
});
