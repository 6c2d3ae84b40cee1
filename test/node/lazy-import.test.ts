// once() (packages/core/src/lib/lazy-import.ts): how core loads code on first use (the consent
// storage's writer and its code for damaged data). One load however many callers ask, a failure
// reported to those callers and forgotten, so the next call loads again.
import { expect } from 'chai';
import { once } from '../../packages/core/src/lib/lazy-import.js';

describe('once(load): code loaded on first use', () => {
  it('loads once, hands the same module to every later call, and has it as .loaded once it has arrived', async () => {
    let loads = 0;
    const mod = { answer: 42 };
    const get = once(async () => (loads++, mod));
    expect(get.loaded, 'nothing is loaded before the first call').to.equal(undefined);
    expect(loads, 'nothing is loaded before the first call').to.equal(0);
    expect(await get()).to.equal(mod);
    expect(get.loaded).to.equal(mod);
    expect(await get()).to.equal(mod);
    expect(loads).to.equal(1);
  });

  it('shares one load among concurrent callers', async () => {
    let loads = 0;
    let arrive!: (m: { ok: true }) => void;
    const get = once(() => (loads++, new Promise<{ ok: true }>((resolve) => (arrive = resolve))));
    const first = get();
    const second = get();
    expect(second, 'the same promise').to.equal(first);
    expect(get.loaded, 'not loaded while the load is under way').to.equal(undefined);
    arrive({ ok: true });
    expect(await Promise.all([first, second])).to.deep.equal([{ ok: true }, { ok: true }]);
    expect(loads).to.equal(1);
  });

  it('reports a failure to every caller of that load, then loads again on the next call', async () => {
    let loads = 0;
    const failure = new TypeError('Failed to fetch dynamically imported module');
    const get = once(async () => {
      loads++;
      if (loads === 1) throw failure;
      return { ok: true };
    });
    const results = await Promise.allSettled([get(), get()]);
    expect(results).to.deep.equal([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    expect(get.loaded, 'nothing loaded after a failure').to.equal(undefined);
    expect(loads, 'the callers of one load share its failure').to.equal(1);
    expect(await get(), 'the next call tries again').to.deep.equal({ ok: true });
    expect(get.loaded).to.deep.equal({ ok: true });
    expect(loads).to.equal(2);
    await get();
    expect(loads, 'and keeps the module once it has arrived').to.equal(2);
  });
});
