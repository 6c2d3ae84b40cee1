// Property: no mutation of a valid SD-JWT+KB presentation verifies, and every failure is a CandorError with a known code.
import { expect } from 'chai';
import fc from 'fast-check';
import { CANDOR_ERROR_CODES, isCandorError } from '@candor/core/errors';
import { KeySet } from '@candor/core/keys';
import { createHolderKey, createSdJwtVerifier, issueSdJwt, present, type SdJwtVerifier } from '@candor/core/sd-jwt';
import { AUD, ISS, NONCE, NOW_S, VCT, disclosure } from './sd-jwt-kit.js';

const NOW = () => new Date(NOW_S * 1000);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CHARS = `${ALPHABET}~.=+/ é\u0000`;

type Mutation = (presentation: string, parts: string[]) => string;

describe('mutated SD-JWT+KB presentations (property-based)', () => {
  let verifier: SdJwtVerifier;
  let valid: string;
  /** Disclosures of the same credential the holder left out, and one from another credential. */
  let spare: string[];

  before(async () => {
    const keys = await KeySet.generate();
    const holder = await createHolderKey();
    const sdJwt = await issueSdJwt({
      issuer: ISS,
      keys,
      vct: VCT,
      claims: { sub: 'cust_1', age_over_18: true, birthdate: '1990-04-01', address: { locality: 'Lyon', country: 'FR' }, nationalities: ['FR', 'DE'] },
      disclosable: ['age_over_18', 'birthdate', 'address', 'address.locality', 'nationalities.1'],
      holderKey: holder.publicJwk,
      now: NOW,
    });
    valid = await present(sdJwt, { disclose: ['age_over_18', 'address.locality', 'nationalities.1'], keyBinding: { audience: AUD, nonce: NONCE, key: holder }, now: NOW });
    const kept = new Set(valid.split('~'));
    spare = [...sdJwt.split('~').slice(1, -1).filter((d) => !kept.has(d)), disclosure('s-foreign', 'age_over_21', true)];
    verifier = createSdJwtVerifier({ issuer: ISS, keys: keys.publicJwks(), audience: AUD, requireKeyBinding: true, now: NOW });
    expect((await verifier.verify(valid, { nonce: NONCE })).disclosed).to.have.length(4);
  });

  const index = fc.nat({ max: 64 });
  const char = fc.integer({ min: 0, max: CHARS.length - 1 }).map((i) => CHARS[i]!);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    // One character changed, inserted or removed anywhere.
    fc.tuple(fc.nat({ max: 4000 }), char).map(([pos, c]): Mutation => (p) => {
      const i = pos % p.length;
      return p[i] === c ? p : p.slice(0, i) + c + p.slice(i + 1);
    }),
    fc.tuple(fc.nat({ max: 4000 }), char).map(([pos, c]): Mutation => (p) => {
      const i = pos % (p.length + 1);
      return p.slice(0, i) + c + p.slice(i);
    }),
    fc.nat({ max: 4000 }).map((pos): Mutation => (p) => {
      const i = pos % p.length;
      return p.slice(0, i) + p.slice(i + 1);
    }),
    // Whole parts: a disclosure dropped, duplicated, moved in from the rest of the credential or another one, or parts swapped.
    index.map((n): Mutation => (_p, parts) => parts.filter((_, i) => i !== 1 + (n % (parts.length - 2))).join('~')),
    index.map((n): Mutation => (_p, parts) => {
      const i = 1 + (n % (parts.length - 2));
      return [...parts.slice(0, i + 1), parts[i]!, ...parts.slice(i + 1)].join('~');
    }),
    fc.tuple(index, index).map(([n, m]): Mutation => (_p, parts) => {
      const at = 1 + (n % (parts.length - 1));
      return [...parts.slice(0, at), spare[m % spare.length]!, ...parts.slice(at)].join('~');
    }),
    fc.tuple(index, index).map(([n, m]): Mutation => (_p, parts) => {
      const a = n % parts.length;
      const b = m % parts.length;
      if (a === b || parts[a] === parts[b]) return [...parts.slice(0, a), ...parts.slice(a + 1)].join('~');
      const out = [...parts];
      [out[a], out[b]] = [out[b]!, out[a]!];
      return out.join('~');
    }),
    // The KB-JWT removed, or the trailing part cut short.
    fc.constant<Mutation>((p) => p.slice(0, p.lastIndexOf('~') + 1)),
    fc.nat({ max: 200 }).map((n): Mutation => (p) => p.slice(0, Math.max(0, p.length - 1 - n))),
  );

  it('never verifies a mutated presentation, and fails with a known CandorError code', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (mutate) => {
        const mutated = mutate(valid, valid.split('~'));
        if (mutated === valid) return;
        try {
          await verifier.verify(mutated, { nonce: NONCE });
        } catch (e) {
          if (!isCandorError(e)) throw new Error(`not a CandorError: ${String(e)}`);
          if (!CANDOR_ERROR_CODES.includes(e.code)) throw new Error(`unknown code ${e.code}`);
          return;
        }
        throw new Error(`a mutated presentation verified: ${mutated}`);
      }),
      { numRuns: 300 },
    );
  });
});
