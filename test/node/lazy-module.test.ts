// How a component loads an optional feature's code on first use (shared/lazy-module.ts): one
// import per module, a retry after a failed download, and an updateComplete that only resolves
// once every use has run.
import { expect } from 'chai';
import { LazyLoader, LazyModule } from '../../packages/elements/src/shared/lazy-module.js';

/** A stand-in for a Lit host: counts requestUpdate calls, and its own updateComplete resolves at once. */
function host() {
  const h = { updates: 0, requestUpdate: () => void h.updates++, addController: () => {}, removeController: () => {}, updateComplete: Promise.resolve(true) };
  return h;
}

describe('LazyModule and LazyLoader', () => {
  it('imports a module once, however many uses wait for it, then hands it over synchronously', async () => {
    let imports = 0;
    const code = new LazyModule(async () => (imports++, { answer: 42 }));
    const h = host();
    const loader = new LazyLoader(h);
    const seen: number[] = [];
    loader.load(code, (m) => seen.push(m.answer), () => expect.fail('no failure expected'));
    loader.load(code, (m) => seen.push(m.answer + 1), () => expect.fail('no failure expected'));
    expect(seen, 'nothing runs before the module has arrived').to.deep.equal([]);
    await loader.settled(() => Promise.resolve(true));
    expect(seen).to.deep.equal([42, 43]);
    expect(imports).to.equal(1);
    expect(h.updates, 'the host updates after each use that had to wait').to.equal(2);

    loader.load(code, (m) => seen.push(m.answer + 2), () => expect.fail('no failure expected'));
    expect(seen.at(-1), 'once loaded, a use runs at once').to.equal(44);
    expect(h.updates, 'and needs no extra update').to.equal(2);
  });

  it('pending is the download under way only: not before it starts, not once loaded, not after a failure', async () => {
    let fail = true;
    const code = new LazyModule(async () => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return { ok: true };
    });
    expect(code.pending).to.equal(undefined);
    const first = code.get();
    expect(code.pending).to.equal(first);
    await first.catch(() => {});
    expect(code.pending, 'a failed download is not waited for again').to.equal(undefined);
    fail = false;
    await code.get();
    expect(code.pending, 'nothing is pending once the module has arrived').to.equal(undefined);
  });

  it('reports a failed download to the use that asked, and tries again on the next use', async () => {
    let attempts = 0;
    const code = new LazyModule(async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { ok: true };
    });
    const loader = new LazyLoader(host());
    const failures: string[] = [];
    let used = false;
    loader.load(code, () => (used = true), (e) => failures.push(String(e)));
    await loader.settled(() => Promise.resolve(true));
    expect(used).to.equal(false);
    expect(failures).to.have.length(1);
    expect(failures[0]).to.match(/Failed to fetch/);

    loader.load(code, () => (used = true), (e) => failures.push(String(e)));
    await loader.settled(() => Promise.resolve(true));
    expect(used, 'the second use loads it').to.equal(true);
    expect(attempts).to.equal(2);
  });

  it('settled() waits for downloads that start during an update, and runs the update again after them', async () => {
    let release!: (m: { n: number }) => void;
    const code = new LazyModule(() => new Promise<{ n: number }>((r) => (release = r)));
    const loader = new LazyLoader(host());
    let updates = 0;
    let value = 0;
    const update = async () => {
      updates++;
      // The first update is where the component starts the download (as willUpdate does).
      if (updates === 1) loader.load(code, (m) => (value = m.n), () => {});
      return true;
    };
    const done = loader.settled(update);
    await new Promise((r) => setTimeout(r, 10));
    expect(value, 'not settled while the module is still downloading').to.equal(0);
    release({ n: 7 });
    expect(await done).to.equal(true);
    expect(value).to.equal(7);
    expect(updates, 'the update after the download is awaited too').to.equal(2);
  });
});
