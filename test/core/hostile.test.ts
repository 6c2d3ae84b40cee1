// Hostile tokens, each built by hand, each rejected with its exact error code.
import { expect } from 'chai';
import { KeySet, generateKey, type CandorKey } from '@candor/core/keys';
import { DEFAULT_MAX_TOKEN_BYTES, createVerifier, type Verifier, type VerifierOptions } from '@candor/core/tokens';
import { AUD, ISS, NOW, NOW_S, b64url, claims, forge, header, rejectsWith, seg, signInput } from './token-kit.js';

describe('hostile tokens', () => {
  let keys: KeySet;
  let key: CandorKey;
  let verifier: Verifier;
  let good: string;
  const make = (extra: Partial<VerifierOptions> = {}) => createVerifier({ issuer: ISS, audience: AUD, keys, now: NOW, ...extra });

  before(async () => {
    keys = await KeySet.generate();
    key = keys.active;
    verifier = make();
    good = await forge(key, header(key), claims());
  });

  it('accepts the untampered hand-built token (the baseline every case below changes)', async () => {
    expect((await verifier.verify(good)).outcome).to.equal('valid');
  });

  describe('inputs that are not tokens', () => {
    for (const [what, value] of [
      ['null', null],
      ['undefined', undefined],
      ['a number', 42],
      ['an object', { token: 'x' }],
      ['an array', ['a', 'b', 'c']],
      ['an empty string', ''],
      ['a symbol', Symbol('token')],
      ['a bigint', 10n],
      ['a function', () => 'token'],
    ] as const) {
      it(`rejects ${what} with invalid_input`, async () => {
        await rejectsWith(verifier.verify(value), 'invalid_input');
      });
    }

    it('rejects a String object wrapping a valid token with invalid_input (only primitives are tokens)', async () => {
      await rejectsWith(verifier.verify(new String(good)), 'invalid_input');
    });

    it('rejects a token one byte over the 8 KiB cap with too_large', async () => {
      await rejectsWith(verifier.verify(`${good}${'A'.repeat(DEFAULT_MAX_TOKEN_BYTES + 1 - good.length)}`), 'too_large');
    });

    it('rejects a 10 MB string with too_large before parsing it', async () => {
      const huge = `${seg({ alg: 'ES256' })}.${'A'.repeat(10 * 1024 * 1024)}.sig`;
      await rejectsWith(verifier.verify(huge), 'too_large');
    });
  });

  describe('structure', () => {
    it('rejects two segments with malformed', async () => {
      await rejectsWith(verifier.verify(good.split('.').slice(0, 2).join('.')), 'malformed');
    });
    it('rejects a single segment with malformed', async () => {
      await rejectsWith(verifier.verify('abc'), 'malformed');
    });
    it('rejects extra segments (four, and a five-part JWE shape) with malformed', async () => {
      await rejectsWith(verifier.verify(`${good}.AAAA`), 'malformed');
      await rejectsWith(verifier.verify(`${good}.AAAA.BBBB`), 'malformed');
    });
    it('rejects a header that is not base64url with malformed', async () => {
      await rejectsWith(verifier.verify(`e!y+J/.${good.split('.')[1]}.${good.split('.')[2]}`), 'malformed');
    });
    it('rejects a payload with padding or standard base64 characters with malformed', async () => {
      const [h, p, s] = good.split('.');
      await rejectsWith(verifier.verify(`${h}.${p}==.${s}`), 'malformed');
      await rejectsWith(verifier.verify(`${h}.${p!.slice(0, -2)}+/.${s}`), 'malformed');
    });
    it('rejects non-ASCII characters with malformed', async () => {
      const [h, p, s] = good.split('.');
      await rejectsWith(verifier.verify(`${h}.${p}é.${s}`), 'malformed');
    });
    it('rejects a signature with stray bits in its last character (non-canonical base64url) with malformed', async () => {
      const [h, p, s] = good.split('.');
      const last = s!.at(-1)!;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      // Same decoded bytes under a lenient decoder: only the unused low bits differ.
      const twin = alphabet[alphabet.indexOf(last) + 1]!;
      await rejectsWith(verifier.verify(`${h}.${p}.${s!.slice(0, -1)}${twin}`), 'malformed');
    });
    it('rejects a header that is not JSON with malformed', async () => {
      const [, p, s] = good.split('.');
      await rejectsWith(verifier.verify(`${b64url('{"alg":"ES256",')}.${p}.${s}`), 'malformed');
    });
    it('rejects a header that is a JSON array with malformed', async () => {
      await rejectsWith(verifier.verify(`${seg(['ES256'])}.${good.split('.')[1]}.${good.split('.')[2]}`), 'malformed');
    });
    it('rejects a validly signed payload that is not JSON with malformed', async () => {
      await rejectsWith(verifier.verify(await forge(key, header(key), b64url('{"iss": "x",'))), 'malformed');
    });
    it('rejects a validly signed payload that is a JSON array with malformed', async () => {
      await rejectsWith(verifier.verify(await forge(key, header(key), [claims()])), 'malformed');
    });
    // JSON.parse keeps the last of two equal member names, other parsers the first: a partner and
    // Candor would read different claims from one signed payload (RFC 8259 §4, RFC 7515 §5.2).
    const withDuplicate = (json: string, name: string, value: unknown) => json.replace(/^\{/, `{${JSON.stringify(name)}:${JSON.stringify(value)},`);
    it('rejects a validly signed payload with a claim given twice with malformed', async () => {
      const payload = withDuplicate(JSON.stringify(claims()), 'aud', 'https://other.example');
      await rejectsWith(verifier.verify(await forge(key, header(key), b64url(payload))), 'malformed');
    });
    it('rejects a member name given twice through an escape, or inside a nested object, with malformed', async () => {
      const escaped = JSON.stringify(claims()).replace('{', '{"\\u0069ss":"https://other.example",');
      await rejectsWith(verifier.verify(await forge(key, header(key), b64url(escaped))), 'malformed');
      const nested = JSON.stringify(claims()).replace('"level":', '"level":"high","level":');
      await rejectsWith(verifier.verify(await forge(key, header(key), b64url(nested))), 'malformed');
    });
    it('rejects a header with a member name given twice with malformed', async () => {
      const h = withDuplicate(JSON.stringify(header(key)), 'typ', 'JWT');
      await rejectsWith(verifier.verify(await forge(key, b64url(h), claims())), 'malformed');
    });
    it('accepts one name in different objects, and names that only look alike in strings and arrays', async () => {
      const c = claims({ attributes: { level: 'x', iss: true, resident_country: '{"iss":1,"iss":2}' } });
      const json = JSON.stringify(c).replace('"methods":[', '"methods":[ ');
      expect((await verifier.verify(await forge(key, header(key), b64url(json)))).outcome).to.equal('valid');
    });
  });

  describe('header', () => {
    it('rejects alg "none" (unsigned) with unsupported_algorithm', async () => {
      const unsigned = `${seg({ alg: 'none', typ: 'candor-verification+jwt', kid: key.kid })}.${seg(claims())}.`;
      await rejectsWith(verifier.verify(unsigned), 'unsupported_algorithm');
    });

    it('rejects HS256 signed with the public key as the HMAC secret with unsupported_algorithm', async () => {
      const h = seg({ alg: 'HS256', typ: 'candor-verification+jwt', kid: key.kid });
      const input = `${h}.${seg(claims())}`;
      const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
      const hmac = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const sig = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(input)));
      await rejectsWith(verifier.verify(`${input}.${b64url(sig)}`), 'unsupported_algorithm');
    });

    it('rejects RS256 and a missing alg with unsupported_algorithm', async () => {
      await rejectsWith(verifier.verify(await forge(key, header(key, { alg: 'RS256' }), claims())), 'unsupported_algorithm');
      const { alg: _alg, ...noAlg } = header(key);
      await rejectsWith(verifier.verify(await forge(key, noAlg, claims())), 'unsupported_algorithm');
    });

    it('rejects ES256 when the allow-list holds only EdDSA with unsupported_algorithm', async () => {
      await rejectsWith(make({ algorithms: ['EdDSA'] }).verify(good), 'unsupported_algorithm');
    });

    it('rejects typ "JWT" with wrong_type', async () => {
      await rejectsWith(verifier.verify(await forge(key, header(key, { typ: 'JWT' }), claims())), 'wrong_type');
    });

    it('rejects a missing typ with wrong_type', async () => {
      const { typ: _typ, ...noTyp } = header(key);
      await rejectsWith(verifier.verify(await forge(key, noTyp, claims())), 'wrong_type');
    });

    it('accepts typ with the application/ prefix and in another case (RFC 7515 §4.1.9)', async () => {
      const t = await forge(key, header(key, { typ: 'Application/Candor-Verification+JWT' }), claims());
      expect((await verifier.verify(t)).outcome).to.equal('valid');
    });

    for (const name of ['jku', 'x5u'] as const) {
      it(`rejects a ${name} header with forbidden_header and never fetches it`, async () => {
        const original = globalThis.fetch;
        let fetches = 0;
        globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
          fetches++;
          return original(...args);
        }) as typeof fetch;
        try {
          const t = await forge(key, header(key, { [name]: 'http://127.0.0.1:9/jwks.json' }), claims());
          const e = await rejectsWith(verifier.verify(t), 'forbidden_header');
          expect(e.field).to.equal(name);
        } finally {
          globalThis.fetch = original;
        }
        expect(fetches).to.equal(0);
      });
    }

    it("rejects an embedded jwk header (the attacker's own key) with forbidden_header", async () => {
      const attacker = await generateKey();
      const t = await forge(attacker, header(attacker, { jwk: attacker.publicJwk }), claims());
      await rejectsWith(verifier.verify(t), 'forbidden_header');
    });

    it('rejects an x5c certificate chain header with forbidden_header', async () => {
      await rejectsWith(verifier.verify(await forge(key, header(key, { x5c: ['MIIBszCCAVmgAwIBAgIU'] }), claims())), 'forbidden_header');
    });

    it('rejects an unknown critical extension with unsupported_critical', async () => {
      const t = await forge(key, header(key, { crit: ['exp-candor'], 'exp-candor': 1 }), claims());
      await rejectsWith(verifier.verify(t), 'unsupported_critical');
    });

    it('rejects crit b64 (unencoded payload) with unsupported_critical, naming the extension', async () => {
      const e = await rejectsWith(verifier.verify(await forge(key, header(key, { crit: ['b64'], b64: false }), claims())), 'unsupported_critical');
      expect(e.message).to.include('marks ["b64"] as critical');
    });

    it('rejects an unknown kid with unknown_key', async () => {
      await rejectsWith(verifier.verify(await forge(key, header(key, { kid: 'not-a-known-kid' }), claims())), 'unknown_key');
    });

    it('rejects a missing kid with unknown_key', async () => {
      const { kid: _kid, ...noKid } = header(key);
      await rejectsWith(verifier.verify(await forge(key, noKid, claims())), 'unknown_key');
    });

    it('rejects an EdDSA header naming an ES256 key with unknown_key', async () => {
      const ed = await generateKey('EdDSA');
      await rejectsWith(verifier.verify(await forge(ed, header(ed, { kid: key.kid }), claims())), 'unknown_key');
    });
  });

  describe('signature', () => {
    it('rejects a tampered payload with bad_signature', async () => {
      const [h, , s] = good.split('.');
      await rejectsWith(verifier.verify(`${h}.${seg(claims({ attributes: { age_over_18: true, age_over_21: true } }))}.${s}`), 'bad_signature');
    });

    it('rejects a tampered signature with bad_signature', async () => {
      const [h, p, s] = good.split('.');
      const flipped = s!.slice(0, 10) + (s![10] === 'A' ? 'B' : 'A') + s!.slice(11);
      await rejectsWith(verifier.verify(`${h}.${p}.${flipped}`), 'bad_signature');
    });

    it('rejects a truncated signature with bad_signature', async () => {
      // 84 of 86 characters: canonical base64url, but 63 bytes instead of the 64 an ES256 signature has.
      await rejectsWith(verifier.verify(good.slice(0, -2)), 'bad_signature');
    });

    it("rejects a token signed by another key under the issuer's kid with bad_signature", async () => {
      const attacker = await generateKey();
      const input = `${seg(header(key))}.${seg(claims())}`;
      await rejectsWith(verifier.verify(`${input}.${await signInput(attacker, input)}`), 'bad_signature');
    });
  });

  describe('claims', () => {
    const signed = (c: Record<string, unknown>) => forge(key, header(key), c);

    it('rejects an expired token with expired', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ iat: NOW_S - 7200, exp: NOW_S - 3600 }))), 'expired');
    });
    it('rejects nbf in the future with not_yet_valid', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ nbf: NOW_S + 600 }))), 'not_yet_valid');
    });
    it('rejects iat in the future with not_yet_valid', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ iat: NOW_S + 600, exp: NOW_S + 1200 }))), 'not_yet_valid');
    });
    it('rejects another audience with wrong_audience', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ aud: 'https://evil.example' }))), 'wrong_audience');
    });
    it('rejects an audience array without our audience with wrong_audience', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ aud: ['https://evil.example'] }))), 'wrong_audience');
    });
    it('rejects another issuer with wrong_issuer', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ iss: 'https://evil.example' }))), 'wrong_issuer');
    });
    for (const name of ['exp', 'jti', 'iat', 'iss', 'sub', 'aud', 'verification']) {
      it(`rejects a token without ${name} with missing_claim`, async () => {
        const e = await rejectsWith(verifier.verify(await signed(claims({ [name]: undefined }))), 'missing_claim');
        expect(e.field).to.equal(name);
      });
    }
    it('rejects a string exp with invalid_claims', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ exp: String(NOW_S + 60) }))), 'invalid_claims');
    });
    it('rejects exp before iat with invalid_claims', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ iat: NOW_S, exp: NOW_S - 1 }))), 'invalid_claims');
    });
    it('rejects a lifetime over 24 hours with lifetime_too_long', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ iat: NOW_S - 10, exp: NOW_S - 10 + 86_401 }))), 'lifetime_too_long');
    });
    it('rejects an unknown assurance level with invalid_claims', async () => {
      const c = claims();
      const e = await rejectsWith(verifier.verify(await signed({ ...c, verification: { ...(c.verification as object), level: 'ultra' } })), 'invalid_claims');
      expect(e.field).to.equal('verification.level');
    });
    it('rejects an unknown verification method with invalid_claims', async () => {
      const c = claims();
      await rejectsWith(verifier.verify(await signed({ ...c, verification: { ...(c.verification as object), methods: ['guess'] } })), 'invalid_claims');
    });
    it('rejects a raw birth date attribute with invalid_claims', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ attributes: { date_of_birth: '1990-02-03' } }))), 'invalid_claims');
    });
    it('rejects an extra top-level claim carrying personal data with invalid_claims', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ name: 'Layla Haddad' }))), 'invalid_claims');
    });
    it('rejects a short, guessable jti with invalid_claims', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ jti: '1' }))), 'invalid_claims');
    });

    // A verification dated ahead of its token would never fall due for re-verification.
    it('rejects verification.verifiedAt ten years after iat with verified_in_future', async () => {
      const c = claims();
      const t = await signed({ ...c, verification: { ...(c.verification as object), verifiedAt: NOW_S + 10 * 365 * 86_400 } });
      const e = await rejectsWith(verifier.verify(t), 'verified_in_future');
      expect(e.field).to.equal('verification.verifiedAt');
    });
    it('rejects verifiedAt just beyond the clock tolerance after iat, and accepts it just within', async () => {
      const c = claims();
      const at = (verifiedAt: number) => signed({ ...c, verification: { ...(c.verification as object), verifiedAt } });
      const strict = make({ clockToleranceSeconds: 5 });
      await rejectsWith(strict.verify(await at((c.iat as number) + 6)), 'verified_in_future');
      expect((await strict.verify(await at((c.iat as number) + 5))).outcome).to.equal('valid');
    });

    // JSON.parse makes "__proto__" an own key; zod's record skips such a key instead of checking it.
    const withRawJson = (json: string) => forge(key, header(key), b64url(json));
    it('rejects an attribute named __proto__ with invalid_claims instead of dropping it', async () => {
      const json = JSON.stringify(claims()).replace('"attributes":{', '"attributes":{"__proto__":true,');
      expect(json).to.contain('"__proto__":true');
      const e = await rejectsWith(verifier.verify(await withRawJson(json)), 'invalid_claims');
      expect(e.field).to.equal('attributes.__proto__');
    });
    it('rejects an attribute named __proto__ holding an object with invalid_claims', async () => {
      const json = JSON.stringify(claims()).replace('"attributes":{', '"attributes":{"__proto__":{"age_over_21":true},');
      await rejectsWith(verifier.verify(await withRawJson(json)), 'invalid_claims');
    });
    for (const name of ['constructor', 'prototype']) {
      it(`rejects an attribute named ${name} with invalid_claims`, async () => {
        const e = await rejectsWith(verifier.verify(await signed(claims({ attributes: { [name]: true } }))), 'invalid_claims');
        expect(e.field).to.equal(`attributes.${name}`);
      });
    }
    it('rejects __proto__ as a top-level claim and inside verification with invalid_claims', async () => {
      const top = JSON.stringify(claims()).replace('{', '{"__proto__":{"admin":true},');
      await rejectsWith(verifier.verify(await withRawJson(top)), 'invalid_claims');
      const inner = JSON.stringify(claims()).replace('"verification":{', '"verification":{"__proto__":{"level":"high"},');
      await rejectsWith(verifier.verify(await withRawJson(inner)), 'invalid_claims');
    });
    it('reports a hostile NumericDate beyond the Date range as its error code, not as a crash', async () => {
      await rejectsWith(verifier.verify(await signed(claims({ nbf: 1e300 }))), 'not_yet_valid');
      await rejectsWith(verifier.verify(await signed(claims({ iat: 1e300, exp: 1e300 + 1 }))), 'not_yet_valid');
    });
  });

  describe('a bug outside the token is not reported as a bad token', () => {
    it('lets a TypeError thrown by the key set propagate instead of calling the token malformed or its key unknown', async () => {
      const broken = await KeySet.generate();
      broken.get = () => {
        throw new TypeError('key store is broken');
      };
      const error = await make({ keys: broken }).verify(await forge(broken.active, header(broken.active), claims())).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(TypeError);
      expect((error as Error).message).to.equal('key store is broken');
    });
    it('lets an exception from the clock propagate', async () => {
      const error = await make({
        now: () => {
          throw new RangeError('clock unavailable');
        },
      })
        .verify(good)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).to.be.instanceOf(RangeError);
    });
  });

  describe('policy', () => {
    const signed = (c: Record<string, unknown>) => forge(key, header(key), c);

    it('rejects a level below minimumLevel with insufficient_level', async () => {
      await rejectsWith(make({ minimumLevel: 'high' }).verify(good), 'insufficient_level');
    });

    it('reports a stale high-risk verification as reverification_due, not as invalid', async () => {
      const c = claims();
      const verifiedAt = NOW_S - 91 * 86_400;
      const t = await signed({ ...c, verification: { ...(c.verification as object), riskTier: 'high', verifiedAt } });
      const r = await verifier.verify(t);
      expect(r.outcome).to.equal('reverification_due');
      if (r.outcome !== 'reverification_due') return;
      expect(r.maxAgeSeconds).to.equal(90 * 86_400);
      expect(r.dueSince.getTime()).to.equal((verifiedAt + 90 * 86_400) * 1000);
      expect(r.claims.verification.riskTier).to.equal('high');
    });

    it('throws reverification_due when told to reject it', async () => {
      const c = claims();
      const t = await signed({ ...c, verification: { ...(c.verification as object), riskTier: 'low', verifiedAt: NOW_S - 366 * 86_400 } });
      await rejectsWith(make({ rejectReverificationDue: true }).verify(t), 'reverification_due');
    });

    it('rejects the second use of a one-time token with replayed', async () => {
      const once = make({ oneTimeUse: true });
      expect((await once.verify(good)).outcome).to.equal('valid');
      await rejectsWith(once.verify(good), 'replayed');
    });
  });
});
