// A refused claim says what was there: a partner reading "expected string, got nothing" for an
// `aud` array would look for a missing claim instead of the array the issuer sent.
import { expect } from 'chai';
import { KeySet, type CandorKey } from '@candor/core/keys';
import { createVerifier } from '@candor/core/tokens';
import { AUD, ISS, NOW, claims, forge, header, rejectsWith } from './token-kit.js';

describe('claims errors name what was sent', () => {
  let key: CandorKey;
  before(async () => {
    key = (await KeySet.generate('ES256')).active;
  });
  const verify = async (extra: Record<string, unknown>) =>
    createVerifier({ issuer: ISS, audience: AUD, keys: key, now: NOW }).verify(await forge(key, header(key), claims(extra)));

  for (const [claim, value, kind] of [
    ['aud', [AUD], 'an array'],
    ['sub', 42, 'number'],
    ['jti', { id: 1 }, 'an object'],
  ] as const) {
    it(`${claim} given as ${kind}: the message says "got ${kind}", not "got nothing"`, async () => {
      const e = await rejectsWith(verify({ [claim]: value }), 'invalid_claims');
      expect(e.message).to.include(`got ${kind}`);
      expect(e.message).not.to.include('got nothing');
    });
  }
});
