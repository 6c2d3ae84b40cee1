import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStatusListStore } from '@candor/cli';
import { revokeToken } from '@candor/core/status-list';
import { isCandorError } from '@candor/core/errors';
import { candor } from './support/candor.js';
import { runNode, startServe, type RunResult } from './support/spawn.js';

const BIN = 'packages/cli/bin/candor.js';
const CHILD = 'test/node/support/status-store-child.mjs';
const URI = 'https://id.example.com/status/1';
const ISS = 'https://bank.example';
const AUD = 'https://partner.example';
const json = (r: RunResult) => JSON.parse(r.stdout) as Record<string, any>;

async function rejectsCode(p: Promise<unknown>, code: string): Promise<void> {
  try {
    await p;
  } catch (e) {
    expect(isCandorError(e), String(e)).to.equal(true);
    expect((e as { code: string }).code, (e as Error).message).to.equal(code);
    return;
  }
  expect.fail(`expected ${code}`);
}

describe('status list: file store', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'candor-status-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps entries across instances and never gives one index twice, even to concurrent calls', async () => {
    const file = join(dir, 'status.json');
    const a = new FileStatusListStore(file, { size: 1024 });
    const idx = await Promise.all(Array.from({ length: 40 }, (_, i) => a.allocate(`t${i}`, URI)));
    expect(new Set(idx).size).to.equal(40);
    await revokeToken(a, 't3');
    const b = new FileStatusListStore(file);
    expect(await b.get('t3')).to.deep.equal({ jti: 't3', uri: URI, idx: idx[3], status: 1 });
    const list = await b.list(URI);
    expect(list?.records).to.have.length(40);
    expect(list).to.include({ bits: 2, size: 1024 });
  });

  it('two processes allocating at once lose no entry (the lock file serialises them)', async () => {
    const file = join(dir, 'status.json');
    const run = (prefix: string) => runNode(CHILD, [file, prefix, '15'], { timeoutMs: 40_000 });
    const [x, y] = await Promise.all([run('x'), run('y')]);
    expect(x.code, x.stderr).to.equal(0);
    expect(y.code, y.stderr).to.equal(0);
    const list = await new FileStatusListStore(file).list(URI);
    expect(list?.records.map((r) => r.jti).sort()).to.deep.equal([...x.stdout.trim().split('\n'), ...y.stdout.trim().split('\n')].sort());
    expect(new Set(list?.records.map((r) => r.idx)).size).to.equal(30);
  });

  it('a process killed mid-write leaves a valid store holding every allocation that resolved, and its lock does not block the next', async () => {
    const file = join(dir, 'status.json');
    for (let round = 0; round < 2; round++) {
      const child = spawn(process.execPath, [CHILD, file, `r${round}`, '100000'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      const exited = new Promise((resolve) => child.on('exit', resolve));
      // Kill at a moment that has nothing to do with the write cycle: after some entries are in.
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (out.split('\n').length > 10 + round * 7) {
            clearInterval(poll);
            resolve();
          }
        }, 1);
      });
      child.kill('SIGKILL');
      await exited;
      const printed = out.split('\n').filter((l) => /^r\d-\d+$/.test(l));
      const store = new FileStatusListStore(file);
      for (const jti of printed) expect(await store.get(jti), jti).to.not.equal(undefined);
      JSON.parse(readFileSync(file, 'utf8'));
      // The killed process may have held the lock: the next change must still go through.
      await store.allocate(`after-${round}`, URI);
    }
  });

  it('ignores a half-written temporary file left by a crash before the rename', async () => {
    const file = join(dir, 'status.json');
    const store = new FileStatusListStore(file);
    await store.allocate('t1', URI);
    writeFileSync(join(dir, '.status.json.999.1.x.tmp'), '{"format":"candor-status-store","version":1,"lists":{');
    await store.allocate('t2', URI);
    expect((await store.list(URI))?.records.map((r) => r.jti).sort()).to.deep.equal(['t1', 't2']);
  });

  for (const [name, text] of [
    ['not JSON', '{"format":"candor-status-store",'],
    ['another format', '{"format":"something-else","version":1,"lists":{},"tokens":{}}'],
    ['one index given to two tokens', JSON.stringify({ format: 'candor-status-store', version: 1, lists: { [URI]: { bits: 2, size: 8 } }, tokens: { a: { uri: URI, idx: 1, status: 0 }, b: { uri: URI, idx: 1, status: 0 } } })],
    ['a status that does not fit the bits', JSON.stringify({ format: 'candor-status-store', version: 1, lists: { [URI]: { bits: 1, size: 8 } }, tokens: { a: { uri: URI, idx: 1, status: 2 } } })],
  ] as const) {
    it(`refuses a corrupt store (${name}) with storage_unavailable and leaves the file untouched`, async () => {
      const file = join(dir, 'status.json');
      writeFileSync(file, text);
      const store = new FileStatusListStore(file);
      await rejectsCode(store.allocate('t9', URI), 'storage_unavailable');
      await rejectsCode(store.get('a'), 'storage_unavailable');
      expect(readFileSync(file, 'utf8')).to.equal(text);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
    });
  }
});

describe('status list: CLI end to end', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'candor-status-cli-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('issue with status, serve, verify, revoke, verify again after the ttl → revoked', async () => {
    const keys = join(dir, 'keys.json');
    const store = join(dir, 'status.json');
    expect((await candor(['keys', 'generate', '--out', keys])).code).to.equal(0);
    const { child, info: { url, jwksUrl } } = await startServe(BIN, ['--keys', keys, '--status-store', store, '--iss', ISS, '--status-ttl', '1']);
    try {
      const statusUri = `${url}/status/1`;
      const issued = await candor(['issue', '--keys', keys, '--iss', ISS, '--sub', 'cust-1', '--aud', AUD, '--level', 'high', '--method', 'document', '--risk', 'low', '--status-uri', statusUri, '--status-store', store, '--json']);
      expect(issued.code, issued.stderr).to.equal(0);
      const { token, claims } = json(issued);
      expect(claims.status.status_list.uri).to.equal(statusUri);

      const res = await fetch(statusUri);
      expect(res.headers.get('content-type')).to.equal('application/statuslist+jwt');
      expect(res.headers.get('cache-control')).to.equal('public, max-age=1');

      const verify = () => candor(['verify', '--jwks', jwksUrl, '--iss', ISS, '--aud', AUD, '--check-status', token]);
      const ok = await verify();
      expect(ok.code, ok.stdout + ok.stderr).to.equal(0);

      const revoked = await candor(['status', 'revoke', '--jti', claims.jti, '--status-store', store]);
      expect(revoked.code, revoked.stderr).to.equal(0);
      expect(json(revoked)).to.include({ jti: claims.jti, status: 'revoked', idx: claims.status.status_list.idx });
      await new Promise((r) => setTimeout(r, 1100));
      const after = await verify();
      expect(after.code).to.equal(1);
      expect(json(after)).to.include({ valid: false, code: 'revoked' });

      const unsuspend = await candor(['status', 'unsuspend', '--jti', claims.jti, '--status-store', store]);
      expect(unsuspend.code).to.equal(1);
      expect(unsuspend.stderr).to.include('revocation is final');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('suspend and unsuspend show in verify; an unknown jti and a lone --status-uri are usage errors', async () => {
    const keys = join(dir, 'keys2.json');
    const store = join(dir, 'status2.json');
    await candor(['keys', 'generate', '--out', keys]);
    const { child, info: { url, jwksUrl } } = await startServe(BIN, ['--keys', keys, '--status-store', store, '--iss', ISS, '--status-ttl', '1']);
    try {
      const base = ['issue', '--keys', keys, '--iss', ISS, '--sub', 'cust-2', '--aud', AUD, '--level', 'high', '--method', 'document', '--risk', 'low'];
      const { token, claims } = json(await candor([...base, '--status-uri', `${url}/status/7`, '--status-store', store, '--json']));
      const verify = () => candor(['verify', '--jwks', jwksUrl, '--iss', ISS, '--aud', AUD, '--check-status', token]);
      expect((await candor(['status', 'suspend', '--jti', claims.jti, '--status-store', store])).code).to.equal(0);
      const suspended = await verify();
      expect(json(suspended)).to.include({ code: 'suspended' });
      expect((await candor(['status', 'unsuspend', '--jti', claims.jti, '--status-store', store])).code).to.equal(0);
      expect((await verify()).code).to.equal(0);

      const unknown = await candor(['status', 'revoke', '--jti', 'no-such-token', '--status-store', store]);
      expect(unknown.code).to.equal(2);
      expect(unknown.stderr).to.include('--jti');
      // A jti is base64url: one in 64 starts with "-", and is still read as the value of --jti.
      const dashed = await candor(['status', 'revoke', '--jti', '-no-such-token', '--status-store', store]);
      expect(dashed.code).to.equal(2);
      expect(dashed.stderr).to.include('-no-such-token');
      expect(dashed.stderr).to.not.include('does not take a value');
      const lone = await candor([...base, '--status-uri', `${url}/status/7`]);
      expect(lone.code).to.equal(2);
      expect(lone.stderr).to.include('--status-store');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
