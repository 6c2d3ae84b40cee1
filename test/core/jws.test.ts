// The one JWS pipeline (verifyCompactJws / createJwsVerifier): typ per kind, the order of the checks,
// canonical base64url in every segment, and key selection by kid and alg.
import { expect } from 'chai';
import { KeySet, generateKey, type CandorKey } from '@candor/core/keys';
import { CandorError } from '@candor/core/errors';
import { createConsentRecord, signConsentRecord, verifyConsentRecord } from '@candor/core/consent';
import { JWS_KINDS, createIssuer, createJwsVerifier, typMatches, verifyCompactJws, type JwsKind } from '@candor/core/tokens';
import { noticeV1 } from '../support/consent-notice.js';
import { b64url, forge, rejectsWith, seg } from './token-kit.js';

const KINDS = Object.keys(JWS_KINDS) as JwsKind[];
const payload = { hello: 'world' };

/** Replaces the last character of a segment with the one that decodes to the same bytes under a lenient decoder. */
function twinOfLast(segment: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return segment.slice(0, -1) + alphabet[alphabet.indexOf(segment.at(-1)!) + 1]!;
}

describe('one JWS pipeline', () => {
  let key: CandorKey;

  before(async () => {
    key = await generateKey();
  });

  describe('typ per kind', () => {
    it('has one distinct typ per kind: tokens, consent records, SD-JWTs, key-binding JWTs, status lists', () => {
      expect(Object.fromEntries(KINDS.map((k) => [k, JWS_KINDS[k].typ]))).to.deep.equal({
        'verification-token': 'candor-verification+jwt',
        'consent-record': 'candor-consent+jwt',
        'sd-jwt': 'dc+sd-jwt',
        'kb-jwt': 'kb+jwt',
        'status-list': 'statuslist+jwt',
      });
    });

    for (const kind of KINDS) {
      it(`accepts a ${kind} only as a ${kind}: every other kind refuses it with wrong_type`, async () => {
        const jws = await forge(key, { alg: key.alg, kid: key.kid, typ: JWS_KINDS[kind].typ }, payload);
        const verified = await verifyCompactJws(jws, { kind, keys: key });
        expect(verified.header).to.deep.equal({ alg: key.alg, kid: key.kid, typ: JWS_KINDS[kind].typ });
        expect(JSON.parse(new TextDecoder().decode(verified.payload))).to.deep.equal(payload);
        for (const other of KINDS.filter((k) => k !== kind)) {
          const e = await rejectsWith(verifyCompactJws(jws, { kind: other, keys: key }), 'wrong_type');
          expect(e.field).to.equal('typ');
          expect(e.message).to.contain(JWS_KINDS[other].typ);
        }
      });
    }

    it('accepts the older vc+sd-jwt for the sd-jwt kind only, and still issues dc+sd-jwt first', async () => {
      expect(JWS_KINDS['sd-jwt'].typ).to.equal('dc+sd-jwt');
      expect(JWS_KINDS['sd-jwt'].accepted).to.deep.equal(['dc+sd-jwt', 'vc+sd-jwt']);
      for (const k of KINDS.filter((k) => k !== 'sd-jwt')) expect(JWS_KINDS[k].accepted, k).to.deep.equal([JWS_KINDS[k].typ]);
      const legacy = await forge(key, { alg: key.alg, kid: key.kid, typ: 'vc+sd-jwt' }, payload);
      expect((await verifyCompactJws(legacy, { kind: 'sd-jwt', keys: key })).header.typ).to.equal('vc+sd-jwt');
      for (const other of KINDS.filter((k) => k !== 'sd-jwt')) await rejectsWith(verifyCompactJws(legacy, { kind: other, keys: key }), 'wrong_type');
    });

    it('compares typ case-insensitively and lets "application/" be left out (RFC 7515 §4.1.9), nothing looser', () => {
      for (const typ of ['kb+jwt', 'KB+JWT', 'application/kb+jwt', 'Application/Kb+Jwt']) expect(typMatches(typ, 'kb+jwt'), typ).to.equal(true);
      for (const typ of ['jwt', ' kb+jwt', 'kb+jwt ', 'text/kb+jwt', 'application/kb+jwt; charset=utf-8', 'application/application/kb+jwt', '', undefined, 1, ['kb+jwt']]) {
        expect(typMatches(typ, 'kb+jwt'), String(typ)).to.equal(false);
      }
    });

    it('refuses a verification token as a consent record and a consent record as a verification token', async () => {
      const keys = await KeySet.generate();
      const token = await createIssuer({ issuer: 'https://id.example.com', keys }).issue({
        subject: 'cust_1',
        audience: 'https://partner.example',
        verification: { level: 'substantial', methods: ['document'], verifiedAt: new Date(), riskTier: 'low' },
      });
      const record = await createConsentRecord({ notice: noticeV1, subject: 'cust_1', locale: 'en', choices: { identity: true } });
      const consent = await signConsentRecord(record, keys);
      expect((await verifyCompactJws(token, { kind: 'verification-token', keys })).header.typ).to.equal('candor-verification+jwt');
      expect((await verifyCompactJws(consent, { kind: 'consent-record', keys })).header.typ).to.equal('candor-consent+jwt');
      await rejectsWith(verifyCompactJws(token, { kind: 'consent-record', keys }), 'wrong_type');
      await rejectsWith(verifyCompactJws(consent, { kind: 'verification-token', keys }), 'wrong_type');
    });
  });

  describe('order of the header checks', () => {
    const h = (extra: Record<string, unknown>) => ({ alg: 'ES256', kid: 'k', typ: 'kb+jwt', ...extra });
    const cases: [string, Record<string, unknown>, string][] = [
      ['alg before forbidden members', h({ alg: 'HS256', jku: 'https://evil.example/jwks' }), 'unsupported_algorithm'],
      ['forbidden members before crit', h({ jwk: { kty: 'EC' }, crit: ['b64'] }), 'forbidden_header'],
      ['crit before typ', h({ crit: ['exp-x'], typ: 'JWT' }), 'unsupported_critical'],
      ['typ before kid', h({ typ: 'JWT', kid: undefined }), 'wrong_type'],
    ];
    for (const [what, header, code] of cases) {
      it(`checks ${what} (${code})`, async () => {
        const keys = await KeySet.generate();
        await rejectsWith(verifyCompactJws(`${seg(header)}.${seg(payload)}.AAAA`, { kind: 'kb-jwt', keys }), code as never);
      });
    }

    it('checks the size cap before anything else, and structure before the header', async () => {
      await rejectsWith(verifyCompactJws(`${seg(h({ alg: 'none' }))}.${'A'.repeat(300)}.`, { kind: 'kb-jwt', keys: key, maxBytes: 256 }), 'too_large');
      await rejectsWith(verifyCompactJws(`${seg(h({ alg: 'none' }))}.${seg(payload)}`, { kind: 'kb-jwt', keys: key }), 'malformed');
    });
  });

  describe('canonical base64url in every segment', () => {
    let jws: string;
    before(async () => {
      jws = await forge(key, { alg: key.alg, kid: key.kid, typ: 'kb+jwt' }, payload);
    });

    it('accepts the canonical spelling', async () => {
      expect((await verifyCompactJws(jws, { kind: 'kb-jwt', keys: key })).header.typ).to.equal('kb+jwt');
    });

    for (const [index, name] of [[0, 'header'], [1, 'payload'], [2, 'signature']] as const) {
      it(`refuses stray bits in the last character of the ${name} with malformed (same bytes, another string)`, async () => {
        const parts = jws.split('.');
        expect(parts[index]!.length % 4, 'the segment must end in a partial group for this case').to.not.equal(0);
        parts[index] = twinOfLast(parts[index]!);
        await rejectsWith(verifyCompactJws(parts.join('.'), { kind: 'kb-jwt', keys: key }), 'malformed');
      });
    }

    it('refuses a consent record whose signature is spelled non-canonically with malformed', async () => {
      const keys = await KeySet.generate();
      const signed = await signConsentRecord(await createConsentRecord({ notice: noticeV1, subject: 'cust_1', locale: 'en', choices: { identity: true } }), keys);
      const [h, p, s] = signed.split('.');
      await rejectsWith(verifyConsentRecord(`${h}.${p}.${twinOfLast(s!)}`, keys), 'malformed');
    });
  });

  describe('key selection by kid and alg', () => {
    let es: CandorKey;
    let ed: CandorKey;
    let jwks: { keys: unknown[] };
    before(async () => {
      es = await generateKey('ES256');
      ed = await generateKey('EdDSA');
      jwks = { keys: [es.publicJwk, ed.publicJwk] };
    });
    const sign = (signer: CandorKey, kid: string, alg = signer.alg) => forge(signer, { alg, kid, typ: 'statuslist+jwt' }, payload);

    it('picks the key whose kid and alg both match, from a JWKS holding an ES256 and an EdDSA key', async () => {
      for (const signer of [es, ed]) {
        const { header } = await verifyCompactJws(await sign(signer, signer.kid), { kind: 'status-list', keys: jwks });
        expect(header).to.deep.equal({ alg: signer.alg, kid: signer.kid, typ: 'statuslist+jwt' });
      }
    });

    it('refuses an EdDSA signature under the ES256 key\'s kid with unknown_key (kid matches, alg does not)', async () => {
      const e = await rejectsWith(verifyCompactJws(await sign(ed, es.kid), { kind: 'status-list', keys: jwks }), 'unknown_key');
      expect(e.field).to.equal('kid');
    });

    it('refuses a missing kid with unknown_key when keys are chosen by kid, and accepts it with a single given key', async () => {
      const noKid = await forge(es, { alg: 'ES256', typ: 'statuslist+jwt' }, payload);
      await rejectsWith(verifyCompactJws(noKid, { kind: 'status-list', keys: jwks }), 'unknown_key');
      expect((await verifyCompactJws(noKid, { kind: 'status-list', keys: es.publicKey })).header).to.deep.equal({ alg: 'ES256', typ: 'statuslist+jwt' });
    });

    it('refuses a single given key of another algorithm with invalid_key before calling jose', async () => {
      await rejectsWith(verifyCompactJws(await sign(es, es.kid), { kind: 'status-list', keys: ed.publicKey }), 'invalid_key');
    });

    it('refuses a signature by another key under a known kid with bad_signature', async () => {
      const other = await generateKey('ES256');
      await rejectsWith(verifyCompactJws(await sign(other, es.kid), { kind: 'status-list', keys: jwks }), 'bad_signature');
    });

    it('passes a CandorError from a key function through and lets any other error propagate as a bug', async () => {
      const jws = await sign(es, es.kid);
      const refusing = () => {
        throw new CandorError('jwks_unavailable', 'The issuer key service is down for maintenance; retry later.');
      };
      await rejectsWith(verifyCompactJws(jws, { kind: 'status-list', keys: refusing }), 'jwks_unavailable');
      const broken = () => {
        throw new TypeError('resolver is broken');
      };
      const error = await verifyCompactJws(jws, { kind: 'status-list', keys: broken }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(TypeError);
    });

    it('checks each distinct header once per verifier, yet still refuses every object that reuses a refused header', async () => {
      const verify = createJwsVerifier({ kind: 'status-list', keys: jwks });
      const bad = `${seg({ alg: 'ES256', kid: es.kid, typ: 'JWT' })}.${seg(payload)}.${b64url('x')}`;
      for (let i = 0; i < 3; i++) await rejectsWith(verify(bad), 'wrong_type');
      expect((await verify(await sign(es, es.kid))).header.kid).to.equal(es.kid);
    });
  });

  it('refuses options it cannot use with invalid_options, naming the option', () => {
    for (const [options, field] of [
      [{ kind: 'jwt', keys: key }, 'kind'],
      [{ kind: 'kb-jwt', keys: key, algorithms: ['HS256'] }, 'algorithms'],
      [{ kind: 'kb-jwt', keys: key, maxBytes: 10 }, 'maxBytes'],
      [{ kind: 'kb-jwt', keys: 42 }, 'keys'],
    ] as const) {
      expect(() => createJwsVerifier(options as never), field)
        .to.throw()
        .that.satisfies((e: CandorError) => e.code === 'invalid_options' && e.field === field);
    }
  });
});
