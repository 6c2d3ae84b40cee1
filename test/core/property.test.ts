// Property: no mutation of a valid token verifies, and every failure is a CandorError with a known code.
import { expect } from 'chai';
import fc from 'fast-check';
import { CANDOR_ERROR_CODES, isCandorError } from '@candor/core/errors';
import { KeySet } from '@candor/core/keys';
import { createVerifier, type Verifier } from '@candor/core/tokens';
import { AUD, ISS, NOW, claims, forge, header, seg } from './token-kit.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Mostly base64url (so mutations reach deep checks), plus characters that must never be accepted.
const CHARS = `${ALPHABET}.=+/ é\u0000`;

type Mutation = (token: string) => string;

describe('mutated tokens (property-based)', () => {
  let verifier: Verifier;
  let tokens: string[];

  before(async () => {
    const es = await KeySet.generate('ES256');
    const ed = await KeySet.generate('EdDSA');
    verifier = createVerifier({
      issuer: ISS,
      audience: AUD,
      keys: { keys: [...es.publicJwks().keys, ...ed.publicJwks().keys] },
      now: NOW,
    });
    tokens = [await forge(es.active, header(es.active), claims()), await forge(ed.active, header(ed.active), claims())];
    for (const t of tokens) expect((await verifier.verify(t)).outcome).to.equal('valid');
  });

  const position = fc.nat({ max: 2000 });
  const char = fc.integer({ min: 0, max: CHARS.length - 1 }).map((i) => CHARS[i]!);
  const headerChanges: Record<string, unknown>[] = [
    { alg: 'none' },
    { alg: 'HS256' },
    { alg: 'RS256' },
    { alg: 'EdDSA' },
    { alg: 'ES256' },
    { typ: 'JWT' },
    { typ: undefined },
    { kid: 'other' },
    { kid: undefined },
    { jku: 'https://127.0.0.1:9/jwks' },
    { x5u: 'https://127.0.0.1:9/cert' },
    { jwk: { kty: 'EC' } },
    { x5c: ['MII'] },
    { crit: ['exp'] },
    { b64: false },
    { zip: 'DEF' },
  ];
  const payloadChanges: Record<string, unknown>[] = [
    { sub: 'someone-else' },
    { aud: 'https://evil.example' },
    { exp: 4_000_000_000 },
    { attributes: { age_over_18: false } },
    { verification: { level: 'high', methods: ['document'], verifiedAt: 0, riskTier: 'low' } },
  ];

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.tuple(position, char).map(([i, c]): Mutation => (t) => {
      const at = i % t.length;
      return t.slice(0, at) + (t[at] === c ? (c === 'A' ? 'B' : 'A') : c) + t.slice(at + 1);
    }),
    fc.tuple(position, char).map(([i, c]): Mutation => (t) => {
      const at = i % (t.length + 1);
      return t.slice(0, at) + c + t.slice(at);
    }),
    fc.tuple(position, fc.integer({ min: 1, max: 40 })).map(([i, n]): Mutation => (t) => {
      const at = i % t.length;
      return t.slice(0, at) + t.slice(at + n);
    }),
    fc.constantFrom<[number, number, number]>([1, 0, 2], [0, 2, 1], [2, 1, 0], [1, 2, 0], [2, 0, 1], [0, 0, 2], [0, 1, 1]).map(
      (order): Mutation => (t) => {
        const parts = t.split('.');
        return order.map((i) => parts[i]).join('.');
      },
    ),
    fc.constantFrom(...headerChanges).map((change): Mutation => (t) => {
      const [h, p, s] = t.split('.');
      let decoded: Record<string, unknown> = {};
      try {
        decoded = JSON.parse(atob((h ?? '').replace(/-/g, '+').replace(/_/g, '/')));
      } catch {
        // An earlier mutation broke the header: change fields of an empty one instead.
      }
      const next: Record<string, unknown> = { ...decoded, ...change };
      for (const k of Object.keys(change)) if (change[k] === undefined) delete next[k];
      const encoded = seg(next);
      return `${encoded === h ? seg({ ...next, extra: 1 }) : encoded}.${p}.${s}`;
    }),
    fc.constantFrom(...payloadChanges).map((change): Mutation => (t) => {
      const [h, , s] = t.split('.');
      return `${h}.${seg(claims(change))}.${s}`;
    }),
    position.map((i): Mutation => (t) => t.slice(0, i % t.length)),
    fc.constantFrom<Mutation>(
      (t) => t + t,
      (t) => `${t}.${t.split('.')[2]}`,
      (t) => `${t.split('.')[0]}.${t}`,
      (t) => t.split('.').slice(0, 2).join('.'),
      (t) => `${t.split('.').slice(0, 2).join('.')}.`,
      (t) => ` ${t}`,
      (t) => `${t}\n`,
      (t) => t.toUpperCase(),
    ),
  );

  it('never verifies a mutated token, and always fails with a known CandorError code (10,000 runs)', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 1 }), fc.array(mutation, { minLength: 1, maxLength: 2 }), async (which, mutations) => {
        const original = tokens[which]!;
        const mutated = mutations.reduce((t, m) => m(t), original);
        fc.pre(mutated !== original);
        try {
          await verifier.verify(mutated);
        } catch (e) {
          if (!isCandorError(e)) throw new Error(`untyped error escaped: ${String(e)}`);
          if (!CANDOR_ERROR_CODES.includes(e.code)) throw new Error(`unknown code ${e.code}`);
          seen.set(e.code, (seen.get(e.code) ?? 0) + 1);
          return;
        }
        throw new Error(`a mutated token verified: ${mutated}`);
      }),
      { numRuns: 10_000 },
    );
    // The mutations reach the deep checks, not only the cheap ones.
    for (const code of ['malformed', 'bad_signature', 'unsupported_algorithm', 'forbidden_header', 'wrong_type', 'unknown_key']) {
      expect(seen.get(code) ?? 0, `failures with ${code}`).to.be.greaterThan(0);
    }
  });
});
