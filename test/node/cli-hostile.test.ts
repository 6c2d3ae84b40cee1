// The candor CLI as a tired operator or an attacker meets it: races between processes, odd
// flags and odd files. Each test here failed before the fix it names.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStatusListStore } from '@candor/cli';
import { candor as run } from './support/candor.js';
import { revokeToken, suspendToken, unsuspendToken } from '@candor/core/status-list';

const URI = 'https://id.example.com/status/1';

/** `n` turns of the event loop: starts concurrent store calls a few file-system steps apart. */
const ticks = (n: number) => new Promise<void>((resolve) => {
  const go = (k: number) => (k === 0 ? resolve() : setImmediate(() => go(k - 1)));
  go(n);
});

describe('candor CLI: hostile input and races', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'candor-hostile-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a stale lock taken over by several writers at once loses no change (8 revocations, 5 rounds)', async () => {
    // The pid of a process that has exited: its lock is stale.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    for (let round = 0; round < 5; round++) {
      const file = join(dir, `status-${round}.json`);
      const setup = new FileStatusListStore(file);
      for (let i = 0; i < 8; i++) await setup.allocate(`t${i}`, URI);
      writeFileSync(`${file}.lock`, dead);
      // Separate store objects behave like separate processes: only the lock file serialises them.
      await Promise.all(Array.from({ length: 8 }, async (_, i) => {
        await ticks(i * 2);
        await new FileStatusListStore(file).set(`t${i}`, 1);
      }));
      const statuses = (await setup.list(URI))!.records.map((r) => r.status);
      expect(statuses, `round ${round}`).to.deep.equal([1, 1, 1, 1, 1, 1, 1, 1]);
    }
  });

  it('a revoke and an unsuspend of one token from two processes at once never undo the revocation', async () => {
    for (let round = 0; round < 5; round++) {
      const file = join(dir, `status-${round}.json`);
      const setup = new FileStatusListStore(file);
      await setup.allocate('t1', URI);
      await suspendToken(setup, 't1');
      const [revoked] = await Promise.allSettled([revokeToken(new FileStatusListStore(file), 't1'), unsuspendToken(new FileStatusListStore(file), 't1')]);
      expect(revoked.status, `round ${round}`).to.equal('fulfilled');
      expect((await setup.get('t1'))?.status, `round ${round}`).to.equal(1);
    }
  });

  it('a status store that is a named pipe or /dev/zero is refused (storage_unavailable), not read forever', async function () {
    if (process.platform === 'win32') this.skip();
    const fifo = join(dir, 'status.json');
    expect(spawnSync('mkfifo', [fifo]).status).to.equal(0);
    for (const path of [fifo, '/dev/zero']) {
      const error = await new FileStatusListStore(path).get('t1').then(() => undefined, (e: unknown) => e as { code?: string; message?: string });
      expect(error?.code, path).to.equal('storage_unavailable');
      expect(error?.message).to.include('is not a regular file');
    }
  });

  describe('flags', () => {
    it('a flag followed by another of the command\'s flags says it needs a value, as documented (not "does not take a value")', async () => {
      for (const argv of [['keys', 'rotate', '--keys', '--alg', 'ES256'], ['status', 'revoke', '--jti', '--status-store', 's.json']]) {
        const r = await run(argv);
        expect(r.code, r.stderr).to.equal(2);
        expect(r.stderr).to.include(`${argv[2]} needs a value`);
        expect(r.stderr).to.not.include('does not take a value');
      }
    });

    it('a flag that takes one value, given twice, is refused instead of silently keeping the last', async () => {
      const out = join(dir, 'keys.json');
      const r = await run(['keys', 'generate', '--out', join(dir, 'a.json'), '--out', out]);
      expect(r.code, r.stderr).to.equal(2);
      expect(r.stderr).to.include('--out is given 2 times');
      expect(existsSync(out)).to.equal(false);
      // Repeatable flags still repeat.
      expect((await run(['keys', 'generate', '--out', out])).code).to.equal(0);
      const issued = await run(['issue', '--keys', out, '--iss', 'https://bank.example', '--sub', 'c1', '--aud', 'https://p.example', '--level', 'low', '--method', 'document', '--method', 'liveness', '--risk', 'low']);
      expect(issued.code, issued.stderr).to.equal(0);
      const twice = await run(['issue', '--keys', out, '--iss', 'https://bank.example', '--sub', 'c1', '--sub', 'c2', '--aud', 'https://p.example', '--level', 'low', '--method', 'document', '--risk', 'low']);
      expect(twice.code).to.equal(2);
      expect(twice.stderr).to.include('--sub is given 2 times ("c1", "c2")');
      expect(twice.stdout).to.equal('');
    });

    it('an empty flag value is a usage error (exit 2) naming the flag, not a failed write of "" (exit 1)', async () => {
      for (const argv of [['keys', 'generate', '--out', ''], ['keys', 'generate', '--out='], ['jwks', '--keys', join(dir, 'k.json'), '--out', '']]) {
        const r = await run(argv);
        expect(r.code, `${argv.join(' ')}: ${r.stderr}`).to.equal(2);
        expect(r.stderr).to.include('--out needs a value');
        expect(r.stderr).to.not.include('Could not write');
      }
    });
  });

  it('a date that does not exist (2026-02-30, 2025-02-29) is refused, not rolled over into the next month', async () => {
    const keys = join(dir, 'keys.json');
    expect((await run(['keys', 'generate', '--out', keys])).code).to.equal(0);
    for (const now of ['2026-02-30T00:00:00Z', '2025-02-29', '2026-04-31T12:00:00+02:00']) {
      const r = await run(['keys', 'prune', '--keys', keys, '--now', now]);
      expect(r.code, now).to.equal(2);
      expect(r.stderr).to.include(`--now must be an ISO 8601 date-time`);
    }
    for (const now of ['2024-02-29', '2026-12-31T23:59:59Z', '2026-01-31T09:00:00.5+05:30']) {
      expect((await run(['keys', 'prune', '--keys', keys, '--now', now])).code, now).to.equal(0);
    }
  });

  it('never replaces a symbolic link with a key file: it refuses (exit 1), and the link and its target stay as they were', async function () {
    if (process.platform === 'win32') this.skip();
    const real = join(dir, 'real-keys.json');
    expect((await run(['keys', 'generate', '--out', real])).code).to.equal(0);
    const before = readFileSync(real, 'utf8');
    const link = join(dir, 'keys.json');
    symlinkSync(real, link);
    // Rotating through the link used to replace the link by a new file: real-keys.json kept the old key.
    const rotated = await run(['keys', 'rotate', '--keys', link]);
    expect(rotated.code, rotated.stderr).to.equal(1);
    expect(rotated.stderr).to.include(`${link} is a symbolic link to ${real}`);
    for (const argv of [['keys', 'generate', '--out', link, '--force'], ['jwks', '--keys', real, '--out', link], ['keys', 'holder', '--out', link, '--force']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).to.equal(1);
      expect(r.stderr).to.include('is a symbolic link');
    }
    expect(lstatSync(link).isSymbolicLink()).to.equal(true);
    expect(readFileSync(real, 'utf8')).to.equal(before);
    // A link to nothing is something there: without --force, generate refuses to replace it.
    const dangling = join(dir, 'dangling.json');
    symlinkSync(join(dir, 'nothing.json'), dangling);
    const gen = await run(['keys', 'generate', '--out', dangling]);
    expect(gen.code).to.equal(2);
    expect(gen.stderr).to.include('already exists');
    expect(lstatSync(dangling).isSymbolicLink()).to.equal(true);
    expect(existsSync(join(dir, 'nothing.json'))).to.equal(false);
  });

  it('status revoke with a store path that does not exist says so (exit 2), not "no token with jti"', async () => {
    const missing = join(dir, 'typo-status.json');
    const r = await run(['status', 'revoke', '--jti', 'k3JqW9sLm2PzX8vB1nC4dA', '--status-store', missing]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include(`the status store ${missing} does not exist`);
    expect(r.stderr).to.not.include('no token');
    expect(existsSync(missing)).to.equal(false);
  });
});
