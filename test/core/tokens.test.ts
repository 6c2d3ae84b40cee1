import { expect } from 'chai';
import { decodeProtectedHeader } from 'jose';
import { KeySet, generateKey } from '@candor/core/keys';
import {
  MAX_ATTRIBUTES,
  MAX_ATTRIBUTE_STRING_LENGTH,
  TOKEN_TYPE,
  VerificationClaimsSchema,
  createIssuer,
  createVerifier,
  type IssueInput,
} from '@candor/core/tokens';
import type { ConsentRecord } from '@candor/core/models';
import * as root from '@candor/core';
import { AUD, ISS, rejectsWith } from './token-kit.js';

const SECRET = 'pairwise-secret-0123456789abcdef-0123456789';

function input(extra: Partial<IssueInput> = {}): IssueInput {
  return {
    subject: 'cust_8f2a',
    audience: AUD,
    verification: { level: 'substantial', methods: ['document', 'liveness'], verifiedAt: new Date(Date.now() - 3_600_000), riskTier: 'low' },
    attributes: { age_over_18: true, resident_country: 'AE' },
    ...extra,
  };
}

function consent(extra: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    schemaVersion: '1',
    recordId: '0b6f3c1e-6f0a-4c54-9d63-2f4a7b0e9c11',
    event: 'decision',
    timestamp: '2026-11-01T10:00:00Z',
    subject: 'cust_8f2a',
    controller: { name: 'Example Bank' },
    notice: { version: '3', hash: `sha256:${'a'.repeat(64)}` },
    locale: 'ar-AE',
    purposesGranted: ['reuse'],
    purposesDenied: [],
    reuseAudiences: [AUD],
    collectionMethod: 'web form',
    ...extra,
  };
}

describe('token round trip', () => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`issues and verifies an ${alg} token carrying exactly the claims given`, async () => {
      const keys = await KeySet.generate(alg);
      const token = await createIssuer({ issuer: ISS, keys }).issue(input());
      const result = await createVerifier({ issuer: ISS, audience: AUD, keys: keys.publicJwks() }).verify(token);
      expect(result.outcome).to.equal('valid');
      expect(result.header).to.deep.equal({ alg, kid: keys.active.kid, typ: TOKEN_TYPE });
      const c = result.claims;
      expect(c).to.include({ iss: ISS, sub: 'cust_8f2a', aud: AUD });
      expect(c.exp - c.iat).to.equal(3600);
      expect(c.jti).to.match(/^[A-Za-z0-9_-]{22}$/);
      expect(c.verification).to.deep.include({ level: 'substantial', methods: ['document', 'liveness'], riskTier: 'low' });
      expect(c.attributes).to.deep.equal({ age_over_18: true, resident_country: 'AE' });
      expect(Object.keys(c).sort()).to.deep.equal(['attributes', 'aud', 'exp', 'iat', 'iss', 'jti', 'sub', 'verification']);
      expect(VerificationClaimsSchema.safeParse(c).success).to.equal(true);
    });
  }

  it('sets an explicit typ, the alg and the kid in the protected header', async () => {
    const key = await generateKey();
    const token = await createIssuer({ issuer: ISS, keys: key }).issue(input());
    expect(decodeProtectedHeader(token)).to.deep.equal({ alg: 'ES256', kid: key.kid, typ: 'candor-verification+jwt' });
  });

  it('gives every token a different unguessable jti', async () => {
    const issuer = createIssuer({ issuer: ISS, keys: await generateKey() });
    const jtis = new Set<string>();
    for (let i = 0; i < 20; i++) jtis.add(JSON.parse(atob((await issuer.issue(input())).split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).jti);
    expect(jtis.size).to.equal(20);
  });

  it('honours ttlSeconds and refuses a TTL above maxTtlSeconds naming the field', async () => {
    const key = await generateKey();
    const issuer = createIssuer({ issuer: ISS, keys: key, maxTtlSeconds: 600 });
    const v = createVerifier({ issuer: ISS, audience: AUD, keys: key });
    const r = await v.verify(await issuer.issue(input({ ttlSeconds: 300 })));
    expect(r.claims.exp - r.claims.iat).to.equal(300);
    const e = await rejectsWith(issuer.issue(input({ ttlSeconds: 601 })), 'invalid_options');
    expect(e.field).to.equal('ttlSeconds');
  });

  it('re-exports the token, key and error API from the package root', () => {
    expect(root.createIssuer).to.equal(createIssuer);
    expect(root.createVerifier).to.equal(createVerifier);
    expect(root.KeySet).to.equal(KeySet);
    expect(typeof root.CandorError).to.equal('function');
    expect(typeof root.isCandorError).to.equal('function');
  });
});

describe('pairwise subjects', () => {
  it('gives each audience a different, stable sub without revealing the customer reference', async () => {
    const key = await generateKey();
    const issuer = createIssuer({ issuer: ISS, keys: key, pairwiseSecret: SECRET });
    const subFor = async (audience: string) => {
      const v = createVerifier({ issuer: ISS, audience, keys: key });
      return (await v.verify(await issuer.issue(input({ audience })))).claims.sub;
    };
    const a1 = await subFor(AUD);
    const a2 = await subFor(AUD);
    const b = await subFor('https://other.example');
    expect(a1).to.equal(a2);
    expect(a1).to.not.equal(b);
    expect(a1).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(a1).to.not.contain('cust_8f2a');
  });

  it('can still issue a public subject when asked', async () => {
    const key = await generateKey();
    const issuer = createIssuer({ issuer: ISS, keys: key, pairwiseSecret: SECRET });
    const r = await createVerifier({ issuer: ISS, audience: AUD, keys: key }).verify(await issuer.issue(input({ subjectType: 'public' })));
    expect(r.claims.sub).to.equal('cust_8f2a');
  });

  it('refuses pairwise without a secret, and a short secret', async () => {
    const key = await generateKey();
    await rejectsWith(createIssuer({ issuer: ISS, keys: key }).issue(input({ subjectType: 'pairwise' })), 'invalid_options');
    expect(() => createIssuer({ issuer: ISS, keys: key, pairwiseSecret: 'short' })).to.throw().with.property('field', 'pairwiseSecret');
  });
});

describe('issuer input validation', () => {
  let issuer: ReturnType<typeof createIssuer>;
  before(async () => {
    issuer = createIssuer({ issuer: ISS, keys: await generateKey() });
  });

  const cases: [string, Partial<IssueInput> | ((i: IssueInput) => unknown), 'invalid_claims' | 'invalid_options' | 'verified_in_future', string][] = [
    ['an empty subject', { subject: '' }, 'invalid_claims', 'subject'],
    ['a missing audience', { audience: undefined as never }, 'invalid_claims', 'audience'],
    ['an unknown assurance level', (i) => ({ ...i, verification: { ...i.verification, level: 'extreme' } }), 'invalid_claims', 'verification.level'],
    ['an unknown method', (i) => ({ ...i, verification: { ...i.verification, methods: ['telepathy'] } }), 'invalid_claims', 'verification.methods.0'],
    ['no methods', (i) => ({ ...i, verification: { ...i.verification, methods: [] } }), 'invalid_claims', 'verification.methods'],
    ['an unknown risk tier', (i) => ({ ...i, verification: { ...i.verification, riskTier: 'extreme' } }), 'invalid_claims', 'verification.riskTier'],
    ['verifiedAt in the future', (i) => ({ ...i, verification: { ...i.verification, verifiedAt: Date.now() + 3_600_000 } }), 'verified_in_future', 'verification.verifiedAt'],
    // A verifier with no clock tolerance would refuse even a few seconds ahead, so the issuer does too.
    ['verifiedAt five seconds ahead', (i) => ({ ...i, verification: { ...i.verification, verifiedAt: Date.now() + 5_000 } }), 'verified_in_future', 'verification.verifiedAt'],
    ['verifiedAt far beyond the Date range', (i) => ({ ...i, verification: { ...i.verification, verifiedAt: 1e300 } }), 'verified_in_future', 'verification.verifiedAt'],
    ['an over-long subject', { subject: 'x'.repeat(257) }, 'invalid_claims', 'subject'],
    ['an over-long audience', { audience: `https://p.example/${'x'.repeat(2048)}` }, 'invalid_claims', 'audience'],
    ['an attribute named __proto__ (own key, as JSON.parse makes it)', { attributes: JSON.parse('{"__proto__": true}') }, 'invalid_claims', 'attributes.__proto__'],
    ['an attribute named constructor', { attributes: { constructor: true } as never }, 'invalid_claims', 'attributes.constructor'],
    ['verifiedAt in seconds', (i) => ({ ...i, verification: { ...i.verification, verifiedAt: Math.floor(Date.now() / 1000) } }), 'invalid_claims', 'verification.verifiedAt'],
    ['a raw birth date attribute', { attributes: { birthdate: '1990-01-01' } }, 'invalid_claims', 'attributes.birthdate'],
    ['a document number attribute', { attributes: { document_number: 'X123' } }, 'invalid_claims', 'attributes.document_number'],
    ['an attribute name that is not snake_case', { attributes: { 'Age Over 18': true } }, 'invalid_claims', 'attributes.Age Over 18'],
    ['an over-long attribute value', { attributes: { note: 'x'.repeat(MAX_ATTRIBUTE_STRING_LENGTH + 1) } }, 'invalid_claims', 'attributes.note'],
    ['a nested attribute value', { attributes: { address_ok: { city: 'Dubai' } as never } }, 'invalid_claims', 'attributes.address_ok'],
    ['too many attributes', { attributes: Object.fromEntries(Array.from({ length: MAX_ATTRIBUTES + 1 }, (_, i) => [`a${i}`, true])) }, 'invalid_claims', 'attributes'],
    ['a fractional TTL', { ttlSeconds: 1.5 }, 'invalid_options', 'ttlSeconds'],
  ];
  for (const [what, change, code, field] of cases) {
    it(`refuses ${what} with ${code} naming ${field}`, async () => {
      const bad = typeof change === 'function' ? change(input()) : { ...input(), ...change };
      const e = await rejectsWith(issuer.issue(bad as IssueInput), code);
      expect(e.field).to.equal(field);
      expect(e.message).to.contain(field.split('.')[0]!);
    });
  }

  it('refuses bad issuer options naming the option', async () => {
    const key = await generateKey();
    const throwsField = (fn: () => unknown, field: string) => expect(fn).to.throw().with.property('field', field);
    throwsField(() => createIssuer({ issuer: 'http://id.example.com', keys: key }), 'issuer');
    throwsField(() => createIssuer({ issuer: 'not a url', keys: key }), 'issuer');
    throwsField(() => createIssuer({ issuer: ISS, keys: {} as never }), 'keys');
    throwsField(() => createIssuer({ issuer: ISS, keys: key, defaultTtlSeconds: 0 }), 'defaultTtlSeconds');
    throwsField(() => createIssuer({ issuer: ISS, keys: key, now: 'noon' as never }), 'now');
    throwsField(() => createIssuer({ issuer: `https://id.example.com/${'x'.repeat(2048)}`, keys: key }), 'issuer');
    // One loopback rule (core's): *.localhost and all of 127.0.0.0/8 may use plain http.
    expect(() => createIssuer({ issuer: 'http://app.localhost:3000', keys: key })).to.not.throw();
    expect(() => createIssuer({ issuer: 'http://127.0.0.2:8080', keys: key })).to.not.throw();
    expect(() => createIssuer({ issuer: 'http://localhost:8080', keys: key })).to.not.throw();
    const pub = { ...key, privateKey: undefined };
    expect(() => createIssuer({ issuer: ISS, keys: pub })).to.throw().with.property('code', 'invalid_key');
  });
});

describe('consent gate', () => {
  let issuer: ReturnType<typeof createIssuer>;
  let key: Awaited<ReturnType<typeof generateKey>>;
  before(async () => {
    key = await generateKey();
    issuer = createIssuer({ issuer: ISS, keys: key, requireConsentForAudiences: true });
  });

  it('issues when the consent decision lists the audience for the same subject', async () => {
    const token = await issuer.issue(input({ consent: consent() }));
    expect((await createVerifier({ issuer: ISS, audience: AUD, keys: key }).verify(token)).outcome).to.equal('valid');
  });

  it('refuses without a consent record', async () => {
    await rejectsWith(issuer.issue(input()), 'consent_required');
  });

  it('refuses an audience the customer did not consent to', async () => {
    const e = await rejectsWith(issuer.issue(input({ audience: 'https://other.example', consent: consent() })), 'consent_required');
    expect(e.message).to.contain('https://other.example');
  });

  it("refuses another customer's consent record", async () => {
    await rejectsWith(issuer.issue(input({ consent: consent({ subject: 'cust_other' }) })), 'consent_required');
  });

  it('refuses a withdrawal', async () => {
    await rejectsWith(issuer.issue(input({ consent: consent({ event: 'withdrawal' }) })), 'consent_required');
  });

  it('refuses a consent record that fails the model', async () => {
    await rejectsWith(issuer.issue(input({ consent: { ...consent(), recordId: 'nope' } })), 'consent_required');
  });

  it('does not ask for consent when the gate is off', async () => {
    const open = createIssuer({ issuer: ISS, keys: key });
    expect(await open.issue(input())).to.be.a('string');
  });
});
