import { expect } from 'chai';
import { KeySet } from '@candor/core/keys';
import {
  MemoryStatusListStore,
  STATUS,
  StatusList,
  createStatusChecker,
  createStatusListToken,
  decodeStatusList,
  encodeStatusList,
  randomUnusedIndex,
  revokeToken,
  suspendToken,
  unsuspendToken,
  type StatusCheckerOptions,
} from '@candor/core/status-list';
import { createIssuer, createVerifier } from '@candor/core/tokens';
import { ISS, AUD, NOW_S, b64url, forge, rejectsWith } from './token-kit.js';
import { SMALL_VECTORS, VECTORS, VECTOR_SIZE } from './status-list-vectors.js';

const URI = 'https://id.example.com/status/1';

/** A fetch that serves `body()` (re-read on each request) and counts requests. */
function server(body: () => string | Response | Error) {
  const state = { requests: 0, accept: '' as string | null, body };
  const fetchFn = (async (_url: string | URL | Request, init?: RequestInit) => {
    state.requests++;
    state.accept = new Headers(init?.headers).get('accept');
    const b = state.body();
    if (b instanceof Error) throw b;
    if (b instanceof Response) return b;
    return new Response(b, { status: 200, headers: { 'content-type': 'application/statuslist+jwt' } });
  }) as typeof fetch;
  return { state, fetch: fetchFn };
}

/** A fetch that answers each URL from `routes` (a string is a list token, else a Response), recording the URLs and redirect modes asked for. */
function routed(routes: Record<string, () => string | Response>) {
  const state = { urls: [] as string[], redirects: [] as (RequestRedirect | undefined)[] };
  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    const href = String(url);
    state.urls.push(href);
    state.redirects.push(init?.redirect);
    const route = routes[href];
    if (!route) return new Response('not found', { status: 404 });
    const b = route();
    return typeof b === 'string' ? new Response(b, { status: 200, headers: { 'content-type': 'application/statuslist+jwt' } }) : b;
  }) as typeof fetch;
  return { state, fetch: fetchFn };
}

/** A redirect response to `location`. */
const redirect = (location: string, status = 302) => () => new Response(null, { status, headers: { location } });

async function deflate(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return b64url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe('status list: encoding (draft test vectors)', () => {
  for (const v of SMALL_VECTORS) {
    it(`decodes the draft's ${v.bits}-bit example ${v.lst} to its bytes`, async () => {
      const list = await decodeStatusList({ bits: v.bits, lst: v.lst });
      expect([...list.bytes]).to.deep.equal(v.bytes);
    });
  }

  it('reads the 1-bit example as status[0]=1, [1]=0, [3..5]=1, [15]=1 and nothing past 15', async () => {
    const list = await decodeStatusList({ bits: 1, lst: 'eNrbuRgAAhcBXQ' });
    const expected = [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1];
    expect(expected.map((_, i) => list.get(i))).to.deep.equal(expected);
    expect(list.get(16)).to.equal(undefined);
  });

  for (const v of VECTORS) {
    it(`decodes the draft's ${v.bits}-bit vector of 2^20 entries exactly, and its own encoding round-trips`, async () => {
      const list = await decodeStatusList({ bits: v.bits, lst: v.lst });
      expect(list.size).to.equal(VECTOR_SIZE);
      const expected = new Map(v.statuses);
      const wrong: number[] = [];
      for (let i = 0; i < VECTOR_SIZE; i++) if (list.get(i) !== (expected.get(i) ?? 0)) wrong.push(i);
      expect(wrong).to.deep.equal([]);
      // Building the same list by set() and encoding it gives a list that decodes the same.
      const built = new StatusList(v.bits, VECTOR_SIZE);
      for (const [i, s] of v.statuses) built.set(i, s);
      expect(built.bytes).to.deep.equal(list.bytes);
      const again = await decodeStatusList(await encodeStatusList(built));
      expect(again.bytes).to.deep.equal(list.bytes);
    });
  }

  // 512 MiB of zeros (untouched pages cost nothing in Node); too much for a browser tab.
  (typeof process === 'object' ? it : it.skip)('addresses statuses past bit 2^32 (8-bit lists over 512 MiB) without wrapping to the start', () => {
    const list = new StatusList(8, new Uint8Array(2 ** 29 + 1));
    list.set(2 ** 29, STATUS.INVALID);
    expect(list.get(2 ** 29)).to.equal(STATUS.INVALID);
    expect(list.get(0)).to.equal(STATUS.VALID);
    expect(list.bytes[2 ** 29]).to.equal(STATUS.INVALID);
  });

  it('packs least significant bits first: 2-bit status 3 at index 5 is bits 2-3 of byte 1', () => {
    const list = new StatusList(2, 8);
    list.set(5, 3);
    expect([...list.bytes]).to.deep.equal([0, 0b1100]);
    list.set(5, 1);
    expect([...list.bytes]).to.deep.equal([0, 0b0100]);
  });
});

describe('status list: issuer store and statuses', () => {
  it('allocates random, distinct, non-sequential indices', async () => {
    const store = new MemoryStatusListStore({ size: 2 ** 17 });
    const got: number[] = [];
    for (let i = 0; i < 200; i++) got.push(await store.allocate(`jti-${i}`, URI));
    expect(new Set(got).size).to.equal(200);
    const ascending = got.every((x, i) => i === 0 || x > got[i - 1]!);
    expect(ascending, 'indices come in issuance order').to.equal(false);
    // Spread over the list, not bunched at the start.
    expect(Math.max(...got)).to.be.greaterThan(2 ** 16);
  });

  it('fills a small list completely, then refuses with status_list_full', async () => {
    const store = new MemoryStatusListStore({ size: 8 });
    const got = new Set<number>();
    for (let i = 0; i < 8; i++) got.add(await store.allocate(`jti-${i}`, URI));
    expect([...got].sort()).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
    await rejectsWith(store.allocate('jti-9', URI), 'status_list_full');
  });

  it('randomUnusedIndex finds the one free index of a nearly full list', () => {
    for (let n = 0; n < 20; n++) expect(randomUnusedIndex(1000, 999, (i) => i !== 617)).to.equal(617);
  });

  it('revokes for good: unsuspend and suspend of a revoked token are refused with revoked', async () => {
    const store = new MemoryStatusListStore();
    await store.allocate('t1', URI);
    expect((await revokeToken(store, 't1')).status).to.equal(STATUS.INVALID);
    await rejectsWith(unsuspendToken(store, 't1'), 'revoked');
    await rejectsWith(suspendToken(store, 't1'), 'revoked');
    expect((await store.get('t1'))?.status).to.equal(STATUS.INVALID);
  });

  it('an unsuspend racing a revoke never undoes the revocation (the store\'s set refuses to change a revoked entry)', async () => {
    const store = new MemoryStatusListStore();
    await store.allocate('t1', URI);
    await suspendToken(store, 't1');
    // Both read "suspended"; the revoke writes first.
    const [revoked, unsuspended] = await Promise.allSettled([revokeToken(store, 't1'), unsuspendToken(store, 't1')]);
    expect(revoked.status).to.equal('fulfilled');
    expect(unsuspended.status).to.equal('rejected');
    expect((unsuspended as PromiseRejectedResult).reason.code).to.equal('revoked');
    expect((await store.get('t1'))?.status).to.equal(STATUS.INVALID);
    await rejectsWith(store.set('t1', STATUS.VALID), 'revoked');
  });

  it('suspends and unsuspends; refuses suspension in a 1-bit list and unknown jtis', async () => {
    const store = new MemoryStatusListStore();
    await store.allocate('t1', URI);
    expect((await suspendToken(store, 't1')).status).to.equal(STATUS.SUSPENDED);
    expect((await unsuspendToken(store, 't1')).status).to.equal(STATUS.VALID);
    const oneBit = new MemoryStatusListStore({ bits: 1 });
    await oneBit.allocate('t2', URI);
    await rejectsWith(suspendToken(oneBit, 't2'), 'invalid_options');
    await rejectsWith(revokeToken(store, 'nope'), 'invalid_options');
  });

  it('issues tokens with status.status_list { idx, uri } taken from the store', async () => {
    const keys = await KeySet.generate('ES256');
    const store = new MemoryStatusListStore();
    const issuer = createIssuer({ issuer: ISS, keys, status: { store, uri: URI } });
    const token = await issuer.issue({ subject: 'cust_1', audience: AUD, verification: { level: 'high', methods: ['document'], verifiedAt: Date.now() - 1000, riskTier: 'low' } });
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))));
    const record = await store.get(claims.jti);
    expect(claims.status).to.deep.equal({ status_list: { idx: record!.idx, uri: URI } });
  });

  it('signs a status list token: typ statuslist+jwt, sub = uri, iat, exp, ttl, status_list', async () => {
    const keys = await KeySet.generate('EdDSA');
    const store = new MemoryStatusListStore({ size: 64 });
    const idx = await store.allocate('t1', URI);
    await revokeToken(store, 't1');
    const jwt = await createStatusListToken({ store, uri: URI, keys, issuer: ISS, ttlSeconds: 60, lifetimeSeconds: 3600, now: () => new Date(NOW_S * 1000) });
    const [h, p] = jwt.split('.').slice(0, 2).map((s) => JSON.parse(atob(s.replace(/-/g, '+').replace(/_/g, '/'))));
    expect(h).to.deep.equal({ alg: 'EdDSA', kid: keys.active.kid, typ: 'statuslist+jwt' });
    expect(p).to.include({ iss: ISS, sub: URI, iat: NOW_S, exp: NOW_S + 3600, ttl: 60 });
    const list = await decodeStatusList(p.status_list);
    expect(list.bits).to.equal(2);
    expect(list.get(idx)).to.equal(STATUS.INVALID);
  });
});

describe('status list: partner checker', () => {
  let keys: KeySet;
  let other: KeySet;
  let store: MemoryStatusListStore;
  let idx: number;
  let t: number;
  const now = () => new Date(t * 1000);
  const status = () => ({ status_list: { idx, uri: URI } });
  const sign = (extra: Partial<Parameters<typeof createStatusListToken>[0]> = {}) =>
    createStatusListToken({ store, uri: URI, keys, issuer: ISS, ttlSeconds: 60, now, ...extra });
  const checker = (fetchFn: typeof fetch, extra: Partial<StatusCheckerOptions> = {}) =>
    createStatusChecker({ issuer: ISS, keys, fetch: fetchFn, now, maxStalenessSeconds: 300, retryAfterSeconds: 0, ...extra });
  /** A list token with these claims, signed by `key` (default the issuer's active key). */
  async function forged(claims: Record<string, unknown>, header: Record<string, unknown> = {}, key = keys.active) {
    const list = new StatusList(2, 64);
    return forge(key, { alg: key.alg, kid: key.kid, typ: 'statuslist+jwt', ...header }, {
      iss: ISS,
      sub: URI,
      iat: t,
      exp: t + 3600,
      ttl: 60,
      status_list: await encodeStatusList(list),
      ...claims,
    });
  }

  before(async () => {
    keys = await KeySet.generate('ES256');
    other = await KeySet.generate('ES256');
  });
  beforeEach(async () => {
    t = NOW_S;
    store = new MemoryStatusListStore({ size: 64 });
    idx = await store.allocate('t1', URI);
  });

  it('accepts a valid status, asking for application/statuslist+jwt', async () => {
    const jwt = await sign();
    const s = server(() => jwt);
    await checker(s.fetch).check(status());
    expect(s.state.accept).to.equal('application/statuslist+jwt');
  });

  it('refuses a revoked token with revoked and a suspended one with suspended', async () => {
    await revokeToken(store, 't1');
    const revokedList = await sign();
    await rejectsWith(checker(server(() => revokedList).fetch).check(status()), 'revoked');
    const idx2 = await store.allocate('t2', URI);
    await suspendToken(store, 't2');
    const suspendedList = await sign();
    await rejectsWith(checker(server(() => suspendedList).fetch).check({ status_list: { idx: idx2, uri: URI } }), 'suspended');
  });

  it('accepts a list token whose nbf has passed', async () => {
    const jwt = await forged({ nbf: t - 60 });
    await checker(server(() => jwt).fetch).check(status());
  });

  it('caches the list for its ttl, then fetches it again', async () => {
    let jwt = await sign();
    const s = server(() => jwt);
    const c = checker(s.fetch);
    await c.check(status());
    await revokeToken(store, 't1');
    jwt = await sign();
    t += 59;
    await c.check(status());
    expect(s.state.requests).to.equal(1);
    t += 2;
    await rejectsWith(c.check(status()), 'revoked');
    expect(s.state.requests).to.equal(2);
  });

  it('never caches past exp, even with a longer ttl', async () => {
    const jwt = await sign({ ttlSeconds: 600, lifetimeSeconds: 600 });
    const s = server(() => jwt);
    const c = checker(s.fetch, { clockToleranceSeconds: 0, maxStalenessSeconds: 0 });
    await c.check(status());
    t += 600;
    await rejectsWith(c.check(status()), 'status_unavailable');
  });

  describe('redirects (draft-ietf-oauth-status-list §8.2, §11.4), 2xx answers and the cache ceiling (§11.5)', () => {
    const MOVED = 'https://cdn.example.net/lists/1';

    it('follows 301, 302, 303, 307 and 308 to the list, fetching each hop itself (redirect: manual)', async () => {
      const jwt = await sign();
      for (const code of [301, 302, 303, 307, 308]) {
        const r = routed({ [URI]: redirect(MOVED, code), [MOVED]: () => jwt });
        await checker(r.fetch).check(status());
        expect(r.state.urls, String(code)).to.deep.equal([URI, MOVED]);
        expect(r.state.redirects).to.deep.equal(['manual', 'manual']);
      }
    });

    it('resolves a relative Location against the URL that answered, and follows a chain of up to 5', async () => {
      const jwt = await sign();
      const hops = [1, 2, 3, 4, 5].map((n) => `https://id.example.com/status/hop${n}`);
      const r = routed({
        [URI]: redirect('hop1'),
        [hops[0]!]: redirect('/status/hop2', 307),
        [hops[1]!]: redirect(hops[2]!),
        [hops[2]!]: redirect(hops[3]!),
        [hops[3]!]: redirect(hops[4]!),
        [hops[4]!]: () => jwt,
      });
      await checker(r.fetch).check(status());
      expect(r.state.urls).to.deep.equal([URI, ...hops]);
    });

    it('checks sub against the URI in the token, not the redirect target (§8.3 step 4a)', async () => {
      const jwt = await sign();
      const r = routed({ [URI]: redirect(MOVED), [MOVED]: () => jwt });
      await checker(r.fetch).check(status());
      const forTarget = await forged({ sub: MOVED });
      const e = await rejectsWith(checker(routed({ [URI]: redirect(MOVED), [MOVED]: () => forTarget }).fetch).check(status()), 'invalid_status_list');
      expect(e.field).to.equal('sub');
    });

    it('caches under the URI in the token: a redirected list is fetched again only after its ttl', async () => {
      const jwt = await sign();
      const r = routed({ [URI]: redirect(MOVED), [MOVED]: () => jwt });
      const c = checker(r.fetch);
      await c.check(status());
      t += 30;
      await c.check(status());
      expect(r.state.urls).to.have.length(2);
    });

    const refused: Array<[string, Record<string, () => string | Response>, RegExp]> = [
      ['more than 5 redirects', Object.fromEntries([URI, ...[1, 2, 3, 4, 5, 6].map((n) => `https://id.example.com/status/r${n}`)].map((u, i, all) => [u, redirect(all[i + 1] ?? 'https://id.example.com/status/r7')])), /more than 5 times/],
      ['a redirect loop', { [URI]: redirect(MOVED), [MOVED]: redirect(URI) }, /loop/],
      ['a redirect to plain http', { [URI]: redirect('http://cdn.example.net/lists/1') }, /not https/],
      ['a redirect to another scheme', { [URI]: redirect('ftp://cdn.example.net/lists/1') }, /not https/],
      ['a redirect from a remote host to the loopback', { [URI]: redirect('http://127.0.0.1:8080/admin') }, /on this machine/],
      ['a redirect to https on localhost from a remote host', { [URI]: redirect('https://localhost/lists/1') }, /on this machine/],
      ['a redirect without Location', { [URI]: () => new Response(null, { status: 302 }) }, /no Location/],
      ['a Location that is not a URL', { [URI]: redirect('https://[bad') }, /not a URL/],
      ['HTTP 300 (not a redirect RFC 9110 §15.4 repeats)', { [URI]: () => new Response('choose', { status: 300, headers: { location: MOVED } }) }, /HTTP 300/],
      ['HTTP 304 (nothing was cached by HTTP)', { [URI]: () => new Response(null, { status: 304 }) }, /HTTP 304/],
    ];
    for (const [name, routes, message] of refused) {
      it(`refuses ${name} → status_unavailable, and fetches nothing past it`, async () => {
        const r = routed(routes);
        const e = await rejectsWith(checker(r.fetch).check(status()), 'status_unavailable');
        expect(e.message).to.match(message);
        expect(r.state.urls.length).to.be.at.most(6);
        expect(r.state.urls.some((u) => !u.startsWith('https://id.example.com/') && !u.startsWith(MOVED))).to.equal(false);
      });
    }

    it('follows a loopback-to-loopback redirect over plain http (local development)', async () => {
      const local = 'http://127.0.0.1:8787/status/1';
      const jwt = await forged({ sub: local });
      const r = routed({ [local]: redirect('http://localhost:8787/status/1-v2'), 'http://localhost:8787/status/1-v2': () => jwt });
      await checker(r.fetch).check({ status_list: { idx, uri: local } });
      expect(r.state.urls).to.deep.equal([local, 'http://localhost:8787/status/1-v2']);
    });

    it('refuses a redirect a browser hides (opaqueredirect) with status_unavailable saying why', async () => {
      const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null } as unknown as Response;
      const e = await rejectsWith(checker(routed({ [URI]: () => opaque }).fetch).check(status()), 'status_unavailable');
      expect(e.message).to.contain('hides');
    });

    it('accepts any 2xx answer carrying the list (§8.2), and refuses 4xx and 5xx ones', async () => {
      const jwt = await sign();
      for (const code of [200, 203]) {
        await checker(routed({ [URI]: () => new Response(jwt, { status: code }) }).fetch).check(status());
      }
      for (const code of [404, 410, 500, 503]) {
        const e = await rejectsWith(checker(routed({ [URI]: () => new Response('no', { status: code }) }).fetch).check(status()), 'status_unavailable');
        expect(e.message).to.contain(`HTTP ${code}`);
      }
    });

    it('caches a list with a huge ttl for at most maxCacheSeconds (default 3600), then fetches it again', async () => {
      let jwt = await forged({ ttl: 10 * 365 * 86400, exp: t + 20 * 365 * 86400 });
      const s = server(() => jwt);
      const c = checker(s.fetch);
      await c.check(status());
      t += 3599;
      await c.check(status());
      expect(s.state.requests).to.equal(1);
      t += 2;
      jwt = await forged({ ttl: 10 * 365 * 86400, exp: t + 20 * 365 * 86400 });
      await c.check(status());
      expect(s.state.requests).to.equal(2);
    });

    it('takes maxCacheSeconds as an option, capping the default ttl too, and refuses a bad one', async () => {
      const jwt = await forged({ ttl: 600 });
      const s = server(() => jwt);
      const c = checker(s.fetch, { maxCacheSeconds: 60 });
      await c.check(status());
      t += 61;
      await c.check(status());
      expect(s.state.requests).to.equal(2);
      const noTtl = await forged({ ttl: undefined });
      const s2 = server(() => noTtl);
      const c2 = checker(s2.fetch, { maxCacheSeconds: 30, defaultTtlSeconds: 300 });
      await c2.check(status());
      t += 31;
      await c2.check(status());
      expect(s2.state.requests).to.equal(2);
      for (const bad of [0, -1, 1.5, 367 * 86400, '60']) {
        expect(() => checker(s.fetch, { maxCacheSeconds: bad as number }), String(bad)).to.throw().with.property('code', 'invalid_options');
      }
    });
  });

  describe('hostile lists and failures, each with its code', () => {
    const cases: Array<[string, () => Promise<string | Response | Error>, string, Partial<StatusCheckerOptions>?]> = [
      ['a list for another URI (wrong sub)', () => forged({ sub: 'https://id.example.com/status/2' }), 'invalid_status_list'],
      ['an expired list', () => forged({ iat: t - 7200, exp: t - 3600 }), 'status_unavailable'],
      ['a list issued in the future', () => forged({ iat: t + 3600, exp: t + 7200 }), 'not_yet_valid'],
      ['a list signed by another issuer (a key not in the JWKS)', () => forged({}, {}, other.active), 'unknown_key'],
      ['a list signed by another key under the issuer\'s kid', () => forged({}, { kid: keys.active.kid }, other.active), 'bad_signature'],
      ['a list with another iss', () => forged({ iss: 'https://evil.example' }), 'wrong_issuer'],
      ['bits 3', async () => forged({ status_list: { bits: 3, lst: (await encodeStatusList(new StatusList(1, 64))).lst } }), 'invalid_status_list'],
      ['bits "2" as a string', async () => forged({ status_list: { bits: '2', lst: (await encodeStatusList(new StatusList(2, 64))).lst } }), 'invalid_status_list'],
      ['a decompression bomb (4 MiB of zeros in a few KB) over maxInflatedBytes', async () => forged({ status_list: { bits: 1, lst: await deflate(new Uint8Array(4 * 1024 * 1024)) } }), 'too_large', { maxInflatedBytes: 256 * 1024 }],
      ['a verification token\'s typ', () => forged({}, { typ: 'candor-verification+jwt' }), 'wrong_type'],
      ['no typ', () => forged({}, { typ: undefined }), 'wrong_type'],
      ['alg none', async () => `${b64url(JSON.stringify({ alg: 'none', typ: 'statuslist+jwt', kid: keys.active.kid }))}.${b64url('{}')}.`, 'unsupported_algorithm'],
      ['a jwk in the header', () => forged({}, { jwk: { kty: 'EC' } }), 'forbidden_header'],
      ['non-canonical lst (padding)', async () => forged({ status_list: { bits: 1, lst: 'eNrbuRgAAhcBXQ==' } }), 'invalid_status_list'],
      ['non-canonical lst (stray bits in the last character)', async () => forged({ status_list: { bits: 1, lst: 'eNrbuRgAAhcBXR' } }), 'invalid_status_list'],
      ['lst that is not zlib (raw bytes)', async () => forged({ status_list: { bits: 1, lst: b64url('not compressed at all') } }), 'invalid_status_list'],
      ['lst with a broken zlib checksum', async () => forged({ status_list: { bits: 1, lst: 'eNrbuRgAAhcBXA' } }), 'invalid_status_list'],
      ['lst with bytes after the end of its zlib stream (refused on every runtime, whatever its DecompressionStream does)', async () => {
        const stream = new Blob([new Uint8Array(8)]).stream().pipeThrough(new CompressionStream('deflate'));
        const zlib = new Uint8Array(await new Response(stream).arrayBuffer());
        return forged({ status_list: { bits: 1, lst: b64url(Uint8Array.from([...zlib, 0, 0])) } });
      }, 'invalid_status_list'],
      ['no status_list claim', () => forged({ status_list: undefined }), 'invalid_status_list'],
      ['a list not valid yet (nbf in the future)', () => forged({ nbf: t + 3600 }), 'not_yet_valid'],
      ['an nbf that is not a number', () => forged({ nbf: 'soon' }), 'invalid_status_list'],
      ['ttl of 0', () => forged({ ttl: 0 }), 'invalid_status_list'],
      ['a 2 MiB response', async () => 'e'.repeat(2 * 1024 * 1024), 'too_large'],
      ['a huge response with a lying content-length', async () => new Response(new Blob([new Uint8Array(3 * 1024 * 1024)]).stream(), { status: 200 }), 'too_large'],
      ['HTTP 404', async () => new Response('gone', { status: 404 }), 'status_unavailable'],
      ['a network failure', async () => new TypeError('fetch failed'), 'status_unavailable'],
    ];
    /** A list token whose `claim` is an array nested `depth` deep: written out by hand, as JSON.stringify itself overflows on it. */
    async function nested(claim: string, depth: number): Promise<string> {
      const json = JSON.stringify({ iss: ISS, sub: URI, iat: t, exp: t + 3600, ttl: 60, status_list: await encodeStatusList(new StatusList(2, 64)), [claim]: 0 });
      const key = keys.active;
      return forge(key, { alg: key.alg, kid: key.kid, typ: 'statuslist+jwt' }, b64url(json.replace(`"${claim}":0`, `"${claim}":${'['.repeat(depth)}1${']'.repeat(depth)}`)));
    }
    for (const [claim, code] of [['sub', 'invalid_status_list'], ['iss', 'wrong_issuer']] as const) {
      it(`a ${claim} nested 20,000 arrays deep → ${code} naming it as an array, not a stack overflow`, async () => {
        const jwt = await nested(claim, 20_000);
        const e = await rejectsWith(checker(server(() => jwt).fetch).check(status()), code);
        expect(e.field).to.equal(claim);
        expect(e.message).to.include('an array');
      });
    }
    for (const [name, body, code, extra] of cases) {
      it(`${name} → ${code}`, async () => {
        const b = await body();
        await rejectsWith(checker(server(() => b).fetch, extra).check(status()), code as never);
      });
    }

    it('an index past the end of the list → invalid_status_list', async () => {
      const jwt = await sign();
      await rejectsWith(checker(server(() => jwt).fetch).check({ status_list: { idx: 64, uri: URI } }), 'invalid_status_list');
    });

    it('an unknown status value (3) → invalid_status_list', async () => {
      await store.set('t1', 3);
      const jwt = await sign();
      await rejectsWith(checker(server(() => jwt).fetch).check(status()), 'invalid_status_list');
    });

    it('a status claim that is not { status_list: { idx, uri } } → invalid_claims', async () => {
      const c = checker(server(() => new Error('not fetched')).fetch);
      for (const bad of [undefined, {}, { status_list: { idx: -1, uri: URI } }, { status_list: { idx: 1.5, uri: URI } }, { status_list: { idx: 1, uri: 'http://id.example.com/s' } }, { other_mechanism: { uri: URI } }]) {
        await rejectsWith(c.check(bad), 'invalid_claims');
      }
    });

    it('ignores other members of the status claim and of status_list (other status mechanisms, §6.1)', async () => {
      const extra = { status_list: { ...status().status_list, note: 'x' }, identifiers: { uri: 'https://x.example/i' } };
      const valid = await sign();
      await checker(server(() => valid).fetch).check(extra);
      await revokeToken(store, 't1');
      const revoked = await sign();
      await rejectsWith(checker(server(() => revoked).fetch).check(extra), 'revoked');
    });

    it('accepts a list token without iss (§5.1 defines none: the issuer\'s keys vouch for it) and still reads its statuses', async () => {
      const list = new StatusList(2, 64);
      list.set(idx, STATUS.INVALID);
      const withoutIss = await forged({ iss: undefined, status_list: await encodeStatusList(list) });
      expect(JSON.parse(atob(withoutIss.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')))).to.not.have.property('iss');
      await rejectsWith(checker(server(() => withoutIss).fetch).check(status()), 'revoked');
      await checker(server(() => withoutIss).fetch).check({ status_list: { idx: (idx + 1) % 64, uri: URI } });
      // An iss that is not a string is still another issuer, not a missing one.
      const nullIss = await forged({ iss: null });
      await rejectsWith(checker(server(() => nullIss).fetch).check(status()), 'wrong_issuer');
    });

    it('accepts a ttl that is a positive number but not whole (§5.1), and refuses NaN-like values', async () => {
      const ok = await forged({ ttl: 0.5 });
      await checker(server(() => ok).fetch).check(status());
      for (const ttl of [-1, 'soon', null]) {
        const bad = await forged({ ttl });
        await rejectsWith(checker(server(() => bad).fetch).check(status()), 'invalid_status_list');
      }
    });

    it('a fetch that never answers → status_unavailable after timeoutMs', async () => {
      const hang = (() => new Promise<Response>(() => {})) as typeof fetch;
      await rejectsWith(checker(hang, { timeoutMs: 50 }).check(status()), 'status_unavailable');
    });

    it('a fetch failure within maxStaleness → the cached list answers (valid, and revoked)', async () => {
      let body: string | Error = await sign();
      const s = server(() => body);
      const c = checker(s.fetch, { maxStalenessSeconds: 300 });
      await c.check(status());
      body = new TypeError('network down');
      t += 61 + 200;
      await c.check(status());
      expect(s.state.requests).to.equal(2);
      // A revoked answer is served from the cache too.
      await revokeToken(store, 't1');
      body = await sign();
      t += 61;
      await rejectsWith(c.check(status()), 'revoked');
      body = new TypeError('network down');
      t += 61 + 100;
      await rejectsWith(c.check(status()), 'revoked');
    });

    it('a fetch failure past maxStaleness → status_unavailable (fails closed)', async () => {
      let body: string | Error = await sign();
      const c = checker(server(() => body).fetch, { maxStalenessSeconds: 300 });
      await c.check(status());
      body = new TypeError('network down');
      t += 61 + 300;
      await rejectsWith(c.check(status()), 'status_unavailable');
    });

    it('an older list served after a newer one (a rollback hiding a revocation) → not used; past staleness invalid_status_list', async () => {
      const before = await sign();
      await revokeToken(store, 't1');
      t += 10;
      let body = await sign();
      const c = checker(server(() => body).fetch, { maxStalenessSeconds: 100 });
      await rejectsWith(c.check(status()), 'revoked');
      body = before; // valid signature, issued earlier, says valid
      t += 61;
      await rejectsWith(c.check(status()), 'revoked');
      t += 100;
      await rejectsWith(c.check(status()), 'invalid_status_list');
    });

    it('a hostile refresh within maxStaleness keeps the cached list; past it the refusal is the hostile list\'s code', async () => {
      let body = await sign();
      const c = checker(server(() => body).fetch, { maxStalenessSeconds: 300 });
      await c.check(status());
      body = await forged({}, {}, other.active);
      t += 100;
      await c.check(status());
      t += 300;
      await rejectsWith(c.check(status()), 'unknown_key');
    });
  });
});

describe('status list: token verifier with a result cache', () => {
  it('a revocation is visible after the list refreshes, although the result was cached', async () => {
    let t = NOW_S;
    const now = () => new Date(t * 1000);
    const keys = await KeySet.generate('ES256');
    const store = new MemoryStatusListStore();
    const issuer = createIssuer({ issuer: ISS, keys, status: { store, uri: URI }, now });
    const token = await issuer.issue({ subject: 'cust_1', audience: AUD, verification: { level: 'high', methods: ['document'], verifiedAt: (t - 60) * 1000, riskTier: 'low' } });
    const jti = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).jti as string;
    let list = await createStatusListToken({ store, uri: URI, keys, issuer: ISS, ttlSeconds: 60, now });
    const s = server(() => list);
    const status = createStatusChecker({ issuer: ISS, keys, fetch: s.fetch, now });
    const verifier = createVerifier({ issuer: ISS, audience: AUD, keys, resultCache: true, status, now });

    expect((await verifier.verify(token)).outcome).to.equal('valid');
    expect((await verifier.verify(token)).outcome).to.equal('valid');
    await revokeToken(store, jti);
    list = await createStatusListToken({ store, uri: URI, keys, issuer: ISS, ttlSeconds: 60, now });
    t += 30; // within ttl: the cached list still says valid
    expect((await verifier.verify(token)).outcome).to.equal('valid');
    t += 31; // past ttl: the list is fetched again and the cached "valid" is not returned
    await rejectsWith(verifier.verify(token), 'revoked');
    await rejectsWith(verifier.verify(token), 'revoked');
    expect(s.state.requests).to.equal(2);
  });

  it('requireStatus refuses a token without a status claim (missing_claim)', async () => {
    const keys = await KeySet.generate('ES256');
    const token = await createIssuer({ issuer: ISS, keys }).issue({ subject: 'cust_1', audience: AUD, verification: { level: 'high', methods: ['document'], verifiedAt: Date.now() - 1000, riskTier: 'low' } });
    const status = createStatusChecker({ issuer: ISS, keys, fetch: server(() => new Error('unused')).fetch });
    expect((await createVerifier({ issuer: ISS, audience: AUD, keys, status }).verify(token)).outcome).to.equal('valid');
    await rejectsWith(createVerifier({ issuer: ISS, audience: AUD, keys, status, requireStatus: true }).verify(token), 'missing_claim');
  });
});
