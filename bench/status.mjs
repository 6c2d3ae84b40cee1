// Status list check with a warm cache, as part of `npm run bench`: the same token verified by
// createVerifier without and with `status` (a createStatusChecker whose list is cached), both
// without the result cache, in alternating rounds (bench/run.mjs's `compare`). Target: the status
// check adds at most 5% CPU time per verification.
import { KeySet } from '@candor/core/keys';
import { createIssuer, createVerifier } from '@candor/core/tokens';
import { MemoryStatusListStore, createStatusChecker, createStatusListToken } from '@candor/core/status-list';

const ISS = 'https://bank.example';
const AUD = 'https://partner.example';
const URI = 'https://bank.example/status/1';
/** Largest CPU-time cost of a warm status check, relative to a verification without one. */
export const STATUS_TARGET = 1.05;

export async function runStatusBench(compare, alg = 'ES256') {
  const keys = await KeySet.generate(alg);
  const store = new MemoryStatusListStore();
  const issuer = createIssuer({ issuer: ISS, keys, status: { store, uri: URI } });
  const input = { subject: 'customer-0042', audience: AUD, verification: { level: 'substantial', methods: ['document'], verifiedAt: new Date(), riskTier: 'low' }, ttlSeconds: 600 };
  const token = await issuer.issue(input);
  // A busy list: many other tokens, some revoked.
  for (let i = 0; i < 2000; i++) await store.allocate(`other-${i}`, URI);
  for (let i = 0; i < 2000; i += 7) await store.set(`other-${i}`, 1);
  const list = await createStatusListToken({ store, uri: URI, keys, issuer: ISS, ttlSeconds: 3600 });
  let fetches = 0;
  const fetchList = async () => {
    fetches++;
    return new Response(list, { status: 200, headers: { 'content-type': 'application/statuslist+jwt' } });
  };
  const status = createStatusChecker({ issuer: ISS, keys, fetch: fetchList });
  const plain = createVerifier({ issuer: ISS, audience: AUD, keys, algorithms: [alg] });
  const checked = createVerifier({ issuer: ISS, audience: AUD, keys, algorithms: [alg], status, requireStatus: true });
  if ((await checked.verify(token)).outcome !== 'valid') throw new Error('the status-checked verifier refused a valid token');
  await plain.verify(token);
  const result = await compare(() => plain.verify(token), () => checked.verify(token));
  // For information: a result-cache hit checks the status again (so a refreshed list counts at once).
  const plainCached = createVerifier({ issuer: ISS, audience: AUD, keys, algorithms: [alg], resultCache: true });
  const checkedCached = createVerifier({ issuer: ISS, audience: AUD, keys, algorithms: [alg], resultCache: true, status });
  await plainCached.verify(token);
  await checkedCached.verify(token);
  const cached = await compare(() => plainCached.verify(token), () => checkedCached.verify(token));
  if (fetches !== 1) throw new Error(`the list was fetched ${fetches} times; the cache was not warm`);
  // cpuRatio is baseline/candidate CPU per op; its inverse is what the check adds.
  const cost = 1 / result.cpuRatio;
  return { alg, ...result, cost, met: cost <= STATUS_TARGET, cached: { ...cached, cost: 1 / cached.cpuRatio } };
}
