import { expect } from 'chai';
import { KeySet, type CandorKey } from '@candor/core/keys';
import { MAX_CLOCK_TOLERANCE_SECONDS, MemoryReplayStore, createVerifier, type ReplayStore, type VerifierOptions } from '@candor/core/tokens';
import { AUD, ISS, NOW_S, claims, forge, header, rejectsWith } from './token-kit.js';

/** A clock the test moves by hand, in milliseconds. */
function clock(startS = NOW_S) {
  const c = { ms: startS * 1000, now: () => new Date(c.ms) };
  return c;
}

describe('verifier options', () => {
  let keys: KeySet;
  let key: CandorKey;
  const signed = (extra: Record<string, unknown> = {}) => forge(key, header(key), claims(extra));
  const withVerification = (v: Record<string, unknown>) => {
    const c = claims();
    return forge(key, header(key), { ...c, verification: { ...(c.verification as object), ...v } });
  };

  beforeEach(async () => {
    keys = await KeySet.generate('ES256', { maxTokenTtlSeconds: 3600 });
    key = keys.active;
  });

  describe('result cache', () => {
    it('returns the cached result for the same token without checking again', async () => {
      const c = clock();
      const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: c.now, resultCache: true });
      const token = await signed();
      const first = await v.verify(token);
      // Retire and prune the signing key: only a cache hit can still return the result.
      await keys.rotate();
      keys.prune(new Date(Date.now() + 10 * 86_400_000));
      expect(await v.verify(token)).to.equal(first);
      v.clearCache();
      await rejectsWith(v.verify(token), 'unknown_key');
    });

    it('stops using an entry at the token exp, even inside the clock tolerance', async () => {
      const c = clock();
      const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: c.now, resultCache: true });
      const token = await signed({ exp: NOW_S + 100 });
      const first = await v.verify(token);
      await keys.rotate();
      keys.prune(new Date(Date.now() + 10 * 86_400_000));
      c.ms = (NOW_S + 100) * 1000 - 1;
      expect(await v.verify(token)).to.equal(first);
      c.ms = (NOW_S + 100) * 1000; // exp reached; without the cache the key lookup now fails
      await rejectsWith(v.verify(token), 'unknown_key');
    });

    it('stops returning "valid" from the cache once re-verification falls due', async () => {
      const c = clock();
      const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: c.now, resultCache: true, reverificationPolicy: { low: 3600 } });
      const token = await withVerification({ verifiedAt: NOW_S - 3000 });
      expect((await v.verify(token)).outcome).to.equal('valid');
      c.ms = (NOW_S + 601) * 1000;
      expect((await v.verify(token)).outcome).to.equal('reverification_due');
    });

    it('is bounded: the least recently used entry is evicted', async () => {
      const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: clock().now, resultCache: { maxEntries: 2 } });
      const [a, b, c] = [await signed({ jti: 'aaaaaaaaaaaaaaaaaaaaaa' }), await signed({ jti: 'bbbbbbbbbbbbbbbbbbbbbb' }), await signed({ jti: 'cccccccccccccccccccccc' })];
      await v.verify(a);
      await v.verify(b);
      await v.verify(a); // a is now the most recent
      await v.verify(c); // evicts b
      await keys.rotate();
      keys.prune(new Date(Date.now() + 10 * 86_400_000));
      expect((await v.verify(a)).outcome).to.equal('valid');
      expect((await v.verify(c)).outcome).to.equal('valid');
      await rejectsWith(v.verify(b), 'unknown_key');
    });

    it('never caches failures', async () => {
      const c = clock();
      const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: c.now, resultCache: true });
      const token = await signed({ iat: NOW_S + 120, exp: NOW_S + 600 });
      await rejectsWith(v.verify(token), 'not_yet_valid');
      c.ms = (NOW_S + 120) * 1000;
      expect((await v.verify(token)).outcome).to.equal('valid');
    });

    it('refuses to be combined with one-time use', () => {
      expect(() => createVerifier({ issuer: ISS, audience: AUD, keys, resultCache: true, oneTimeUse: true }))
        .to.throw()
        .with.property('code', 'invalid_options');
    });

    it('returns frozen results so one caller cannot change what another sees', async () => {
      const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: clock().now, resultCache: true });
      const r = await v.verify(await signed());
      expect(Object.isFrozen(r)).to.equal(true);
      expect(Object.isFrozen(r.claims)).to.equal(true);
      expect(Object.isFrozen(r.claims.verification)).to.equal(true);
      expect(Object.isFrozen(r.claims.attributes)).to.equal(true);
    });
  });

  describe('minimum level', () => {
    for (const [level, min, ok] of [
      ['substantial', 'substantial', true],
      ['high', 'substantial', true],
      ['low', 'substantial', false],
      ['substantial', 'high', false],
      ['low', 'low', true],
    ] as const) {
      it(`${ok ? 'accepts' : 'refuses'} level ${level} when the minimum is ${min}`, async () => {
        const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: clock().now, minimumLevel: min });
        const token = await withVerification({ level });
        if (ok) expect((await v.verify(token)).outcome).to.equal('valid');
        else await rejectsWith(v.verify(token), 'insufficient_level');
      });
    }
  });

  describe('clock tolerance', () => {
    const at = async (offsetS: number, extra: Partial<VerifierOptions>, c: Record<string, unknown>) =>
      createVerifier({ issuer: ISS, audience: AUD, keys, now: () => new Date((NOW_S + offsetS) * 1000), ...extra }).verify(await signed(c));

    it('accepts a token until exp + 30 s by default and rejects it at exp + 30 s', async () => {
      const c = { iat: NOW_S - 100, exp: NOW_S };
      expect((await at(29, {}, c)).outcome).to.equal('valid');
      await rejectsWith(at(30, {}, c), 'expired');
    });

    it('with zero tolerance rejects a token at exactly exp', async () => {
      const c = { iat: NOW_S - 100, exp: NOW_S };
      expect((await at(-1, { clockToleranceSeconds: 0 }, c)).outcome).to.equal('valid');
      await rejectsWith(at(0, { clockToleranceSeconds: 0 }, c), 'expired');
    });

    it('accepts nbf and iat up to the tolerance ahead of the clock, not one second more', async () => {
      expect((await at(0, {}, { nbf: NOW_S + 30 })).outcome).to.equal('valid');
      await rejectsWith(at(0, {}, { nbf: NOW_S + 31 }), 'not_yet_valid');
      expect((await at(0, {}, { iat: NOW_S + 30, exp: NOW_S + 600 })).outcome).to.equal('valid');
      await rejectsWith(at(0, {}, { iat: NOW_S + 31, exp: NOW_S + 600 }), 'not_yet_valid');
    });

    it('uses a configured tolerance', async () => {
      const c = { iat: NOW_S - 100, exp: NOW_S };
      expect((await at(119, { clockToleranceSeconds: 120 }, c)).outcome).to.equal('valid');
      await rejectsWith(at(120, { clockToleranceSeconds: 120 }, c), 'expired');
    });
  });

  describe('re-verification policy', () => {
    it('uses the defaults: high 90 days, medium 180, low 365', async () => {
      const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: clock().now });
      for (const [riskTier, days] of [['high', 90], ['medium', 180], ['low', 365]] as const) {
        const fresh = await v.verify(await withVerification({ riskTier, verifiedAt: NOW_S - days * 86_400 }));
        expect(fresh.outcome, `${riskTier} at exactly ${days} days`).to.equal('valid');
        const stale = await v.verify(await withVerification({ riskTier, verifiedAt: NOW_S - days * 86_400 - 1 }));
        expect(stale.outcome, `${riskTier} after ${days} days`).to.equal('reverification_due');
      }
    });

    it('applies a custom maximum age to its tier and keeps the defaults for the others', async () => {
      const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: clock().now, reverificationPolicy: { high: 3600 } });
      expect((await v.verify(await withVerification({ riskTier: 'high', verifiedAt: NOW_S - 3600 }))).outcome).to.equal('valid');
      const due = await v.verify(await withVerification({ riskTier: 'high', verifiedAt: NOW_S - 3601 }));
      expect(due.outcome).to.equal('reverification_due');
      if (due.outcome === 'reverification_due') expect(due.maxAgeSeconds).to.equal(3600);
      expect((await v.verify(await withVerification({ riskTier: 'low', verifiedAt: NOW_S - 300 * 86_400 }))).outcome).to.equal('valid');
    });

    it('refuses a policy with an unknown tier or a non-positive age, naming it', () => {
      const bad = (reverificationPolicy: unknown, field: string) =>
        expect(() => createVerifier({ issuer: ISS, audience: AUD, keys, reverificationPolicy: reverificationPolicy as never }))
          .to.throw()
          .with.property('field', field);
      bad({ extreme: 10 }, 'reverificationPolicy.extreme');
      bad({ high: 0 }, 'reverificationPolicy.high');
      bad({ low: 1.5 }, 'reverificationPolicy.low');
      bad('90d', 'reverificationPolicy');
    });
  });

  describe('one-time use', () => {
    it('calls a custom replay store with the jti and an expiry covering exp plus the tolerance', async () => {
      const calls: [string, number][] = [];
      const used = new Set<string>();
      const store: ReplayStore = {
        async markUsed(jti, expiresAt) {
          calls.push([jti, expiresAt.getTime()]);
          if (used.has(jti)) return false;
          used.add(jti);
          return true;
        },
      };
      const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: clock().now, oneTimeUse: store });
      const token = await signed();
      await v.verify(token);
      await rejectsWith(v.verify(token), 'replayed');
      const c = claims();
      expect(calls).to.deep.equal([
        [c.jti, ((c.exp as number) + 30) * 1000],
        [c.jti, ((c.exp as number) + 30) * 1000],
      ]);
    });

    it('does not consume the jti of a token that fails another check', async () => {
      const calls: string[] = [];
      const store: ReplayStore = { markUsed: (jti) => (calls.push(jti), true) };
      const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: clock().now, oneTimeUse: store, minimumLevel: 'high' });
      await rejectsWith(v.verify(await signed()), 'insufficient_level');
      await rejectsWith(v.verify(await signed({ exp: NOW_S - 3600, iat: NOW_S - 7200 })), 'expired');
      expect(calls).to.deep.equal([]);
    });

    it('fails closed with replayed when the store throws', async () => {
      const store: ReplayStore = {
        markUsed() {
          throw new Error('redis down');
        },
      };
      const v = createVerifier({ issuer: ISS, audience: AUD, keys, now: clock().now, oneTimeUse: store });
      const e = await rejectsWith(v.verify(await signed()), 'replayed');
      expect(e.message).to.contain('redis down');
    });

    it('refuses a replay store without markUsed', () => {
      expect(() => createVerifier({ issuer: ISS, audience: AUD, keys, oneTimeUse: {} as never }))
        .to.throw()
        .with.property('field', 'oneTimeUse');
    });

    it('MemoryReplayStore forgets ids once they expire and purges them', () => {
      let now = 1_000_000;
      const store = new MemoryReplayStore({ now: () => new Date(now) });
      for (let i = 0; i < 1500; i++) expect(store.markUsed(`jti-${i}`, new Date(now + 1000))).to.equal(true);
      expect(store.markUsed('jti-1', new Date(now + 1000))).to.equal(false);
      now += 1000;
      expect(store.purge()).to.equal(1500);
      expect(store.size).to.equal(0);
      expect(store.markUsed('jti-1', new Date(now + 1000))).to.equal(true);
    });

    it('MemoryReplayStore sweeps expired entries by itself as new ones arrive', () => {
      let now = 0;
      const store = new MemoryReplayStore({ now: () => new Date(now) });
      for (let i = 0; i < 1000; i++) store.markUsed(`old-${i}`, new Date(now + 10));
      now = 100;
      for (let i = 0; i < 100; i++) store.markUsed(`new-${i}`, new Date(now + 10));
      expect(store.size).to.be.at.most(100);
    });
  });

  describe('keys, limits and option checks', () => {
    it('verifies against a JWKS object, a single JWK, a CandorKey and a KeySet', async () => {
      const token = await signed();
      for (const k of [keys.publicJwks(), key.publicJwk, key, keys]) {
        expect((await createVerifier({ issuer: ISS, audience: AUD, keys: k as never, now: clock().now }).verify(token)).outcome).to.equal('valid');
      }
    });

    it('accepts any of several issuers and audiences', async () => {
      const v = createVerifier({ issuer: ['https://a.example', ISS], audience: ['x', AUD], keys, now: clock().now });
      expect((await v.verify(await signed())).outcome).to.equal('valid');
    });

    it('applies a custom maxTokenBytes and maxLifetimeSeconds', async () => {
      const token = await signed();
      await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys, now: clock().now, maxTokenBytes: 256 }).verify(token), 'too_large');
      await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys, now: clock().now, maxLifetimeSeconds: 600 }).verify(token), 'lifetime_too_long');
    });

    it('reports an unusable JWK in the key set as invalid_key', async () => {
      expect(() => createVerifier({ issuer: ISS, audience: AUD, keys: { keys: [{ kty: 'RSA', n: 'x', e: 'AQAB' }] } }))
        .to.throw()
        .with.property('code', 'invalid_key');
      const broken = createVerifier({ issuer: ISS, audience: AUD, keys: { keys: [{ ...key.publicJwk, x: 'AAAA' }] }, now: clock().now });
      await rejectsWith(broken.verify(await signed()), 'invalid_key');
    });

    const badOptions: [string, Partial<VerifierOptions> | Record<string, unknown>, string][] = [
      ['an empty issuer', { issuer: '' }, 'issuer'],
      ['an empty audience list', { audience: [] }, 'audience'],
      ['HS256 in the algorithms', { algorithms: ['HS256'] }, 'algorithms'],
      ['a tiny maxTokenBytes', { maxTokenBytes: 10 }, 'maxTokenBytes'],
      ['a one-hour clock tolerance', { clockToleranceSeconds: MAX_CLOCK_TOLERANCE_SECONDS + 1 }, 'clockToleranceSeconds'],
      ['an unknown minimum level', { minimumLevel: 'extreme' }, 'minimumLevel'],
      ['a non-boolean result cache', { resultCache: 'yes' }, 'resultCache'],
      ['a zero-entry result cache', { resultCache: { maxEntries: 0 } }, 'resultCache.maxEntries'],
      ['an ftp JWKS URL', { keys: 'ftp://id.example.com/jwks.json' }, 'keys'],
      ['a plain-http JWKS URL off the loopback', { keys: 'http://id.example.com/jwks.json' }, 'keys'],
      ['a number as keys', { keys: 42 }, 'keys'],
      ['a clock that is not a function', { now: 'noon' }, 'now'],
    ];
    for (const [what, extra, field] of badOptions) {
      it(`refuses ${what} with invalid_options naming ${field}`, () => {
        let error: unknown;
        try {
          createVerifier({ issuer: ISS, audience: AUD, keys, ...extra } as VerifierOptions);
        } catch (e) {
          error = e;
        }
        expect(error).to.include({ code: 'invalid_options', field });
        expect((error as Error).message).to.contain(field.split('.')[0]!);
      });
    }

    it('words every whole-number option the same way, showing the value given (NaN as NaN)', () => {
      const messageOf = (fn: () => unknown) => {
        try {
          fn();
        } catch (e) {
          return (e as Error).message;
        }
        return '';
      };
      expect(messageOf(() => createVerifier({ issuer: ISS, audience: AUD, keys, clockToleranceSeconds: Number.NaN }))).to.equal(
        `clockToleranceSeconds must be a whole number of seconds between 0 and ${MAX_CLOCK_TOLERANCE_SECONDS}; got NaN.`,
      );
      expect(messageOf(() => createVerifier({ issuer: ISS, audience: AUD, keys: 'https://id.example.com/jwks', jwks: { timeoutMs: -1 } }))).to.equal(
        'jwks.timeoutMs must be a whole number of milliseconds between 0 and 86400000; got -1.',
      );
      expect(messageOf(() => createVerifier({ issuer: ISS, audience: AUD, keys, reverificationPolicy: { high: 1.5 } }))).to.equal(
        'reverificationPolicy.high must be a whole number of seconds of at least 1; got 1.5.',
      );
    });
  });
});


describe('issuer and status-list options: hostile values shown cut, never a crash (found by generated input)', () => {
  it('refuses a subjectType, issuer or bits that JSON.stringify cannot print (a BigInt, 20,000 levels) as invalid_options', async () => {
    const { createIssuer } = await import('@candor/core/tokens');
    const { decodeStatusList, MemoryStatusListStore } = await import('@candor/core/status-list');
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const keys = await KeySet.generate();
    const issuer = createIssuer({ issuer: ISS, keys });
    const verification = { level: 'low' as const, methods: ['document' as const], verifiedAt: Date.now() - 1000, riskTier: 'low' as const };
    for (const subjectType of [10n, deep]) {
      const e = await rejectsWith(issuer.issue({ subject: 'cust_1', audience: AUD, verification, subjectType: subjectType as never }), 'invalid_options');
      expect(e.message).to.match(/^subjectType must be "public" or "pairwise"; got (bigint|an array)\.$/);
    }
    for (const bad of [10n, deep]) {
      expect(() => createIssuer({ issuer: bad as never, keys })).to.throw(/^issuer must be an https URL .*; got (bigint|an array)\.$/);
      await rejectsWith(decodeStatusList({ bits: bad as never, lst: 'eNrbuRgAAhcBXQ' }), 'invalid_status_list');
      expect(() => new MemoryStatusListStore({ bits: bad as never })).to.throw(/bits must be 1, 2, 4 or 8; got (bigint|an array)\./);
    }
  });
});
