import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeySet } from '@candor/core/keys';
import { createIssuer } from '@candor/core/tokens';
import { serveJwks } from '@candor/cli';
import { runNode } from './support/spawn.js';

const START = 'examples/quickstart/start.mjs';

describe('quickstart (npm start)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'candor-quickstart-')), 'keys');
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('generates keys on the first run and a separate partner process verifies the token over HTTP', async () => {
    const r = await runNode(START, ['--key-dir', dir]);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const keyFile = join(dir, 'issuer-keys.json');
    expect(statSync(keyFile).mode & 0o777).to.equal(0o600);
    expect(statSync(dir).mode & 0o777).to.equal(0o700);
    const kid = (JSON.parse(readFileSync(keyFile, 'utf8')) as { active: { kid: string } }).active.kid;

    expect(r.stdout).to.include('generated a new ES256 signing key (first run)');
    expect(r.stdout).to.match(/publishing its public keys \(JWKS\) at http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks\.json/);
    expect(r.stdout).to.include('Layla Haddad (customer-0042) verified');
    expect(r.stdout).to.include(`signed with kid ${kid}`);
    // The partner runs in another process and reports the key it used.
    const pid = /partner process pid (\d+)/.exec(r.stdout)?.[1];
    expect(Number(pid)).to.be.greaterThan(0);
    expect(r.stdout).to.include(`outcome: VALID ✓  (kid ${kid}, ES256)`);
    // The partner really fetched the JWKS over HTTP from the issuer's server.
    expect(r.stdout).to.include("(issuer's JWKS server answered GET /.well-known/jwks.json: 200)");
    expect(r.stdout).to.include('"age_over_18":true');
    expect(r.stdout).to.include('verified once at the issuer, reused at the partner');
    // Steps appear in order: issuer → token → partner → verified.
    const order = ['1. issuer', '2. issuer', '3. issuer', '4. partner', 'outcome: VALID', '5. done'].map((s) => r.stdout.indexOf(s));
    expect(order).to.deep.equal([...order].sort((a, b) => a - b));
    expect(order[0]).to.be.greaterThan(-1);
  });

  it('reuses the stored keys on the second run and says so', async () => {
    const first = await runNode(START, [], { env: { ...process.env, CANDOR_KEY_DIR: dir } });
    expect(first.code, first.stderr).to.equal(0);
    const stored = readFileSync(join(dir, 'issuer-keys.json'), 'utf8');
    const second = await runNode(START, [], { env: { ...process.env, CANDOR_KEY_DIR: dir } });
    expect(second.code, second.stdout + second.stderr).to.equal(0);
    expect(second.stdout).to.include('reusing the stored ES256 signing key');
    expect(second.stdout).to.not.include('generated a new');
    expect(readFileSync(join(dir, 'issuer-keys.json'), 'utf8')).to.equal(stored);
    const kid = (JSON.parse(stored) as { active: { kid: string } }).active.kid;
    expect(second.stdout).to.include(`outcome: VALID ✓  (kid ${kid}, ES256)`);
  });

  it('signs with the same issuer identifier on every run, whatever port the JWKS is served on', async () => {
    const issOf = (stdout: string) => /"iss": "([^"]+)"/.exec(stdout)?.[1];
    const jwksUrlOf = (stdout: string) => /publishing its public keys \(JWKS\) at (\S+)/.exec(stdout)?.[1];
    const first = await runNode(START, ['--key-dir', dir]);
    const second = await runNode(START, ['--key-dir', dir]);
    expect(first.code, first.stderr).to.equal(0);
    expect(second.code, second.stderr).to.equal(0);
    expect(issOf(first.stdout)).to.be.a('string');
    expect(issOf(second.stdout)).to.equal(issOf(first.stdout));
    expect(second.stdout).to.include(`trusting issuer ${issOf(first.stdout)}`);
    // The identifier is not where the keys happen to be served.
    expect(jwksUrlOf(first.stdout)).to.match(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(jwksUrlOf(first.stdout)!.startsWith(issOf(first.stdout)!)).to.equal(false);
  });

  it('fails with exit 1 and a clear message, without a stack trace, when the key file is corrupt', async () => {
    const ok = await runNode(START, ['--key-dir', dir]);
    expect(ok.code).to.equal(0);
    writeFileSync(join(dir, 'issuer-keys.json'), '{ not json');
    const r = await runNode(START, ['--key-dir', dir]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.include('Quickstart failed').and.include('is not valid JSON');
    expect(r.stderr).to.include('Delete the key folder');
    expect(r.stderr).to.not.match(/\n\s+at /);
  });
});

describe('partner-verify example', function () {
  this.timeout(30_000);

  it('accepts a token fetched against the issuer\'s JWKS URL and refuses one for another audience', async () => {
    const keys = await KeySet.generate('EdDSA');
    const server = await serveJwks({ keys });
    try {
      const issuer = createIssuer({ issuer: server.url, keys });
      const input = { subject: 'customer-7', verification: { level: 'substantial' as const, methods: ['document' as const], verifiedAt: new Date(), riskTier: 'low' as const } };
      const env = { ...process.env, CANDOR_JWKS_URL: server.jwksUrl, CANDOR_ISSUER: server.url, CANDOR_AUDIENCE: 'https://partner.example' };
      const ok = await runNode('examples/partner-verify/verify.mjs', ['-'], { env, input: await issuer.issue({ ...input, audience: 'https://partner.example' }) });
      expect(ok.code, ok.stderr).to.equal(0);
      expect(JSON.parse(ok.stdout)).to.include({ accepted: true, customer: 'customer-7', kid: keys.active.kid });
      const other = await runNode('examples/partner-verify/verify.mjs', [await issuer.issue({ ...input, audience: 'https://other.example' })], { env });
      expect(other.code).to.equal(1);
      expect(JSON.parse(other.stdout)).to.include({ accepted: false, reason: 'wrong_audience' });
    } finally {
      await server.close();
    }
  });
});

describe('build-if-stale (what npm start and npm run example:html run first)', function () {
  this.timeout(180_000);
  const SCRIPT = 'examples/build-if-stale.mjs';
  const distFile = 'packages/cli/dist/index.js';

  /** Sets `file`'s modification time to now for the duration of `fn`, then puts the old one back. */
  async function touched<T>(file: string, fn: () => Promise<T>): Promise<T> {
    const before = statSync(file);
    utimesSync(file, before.atime, new Date());
    try {
      return await fn();
    } finally {
      utimesSync(file, before.atime, before.mtime);
    }
  }

  it('skips a package whose dist is newer than its sources, saying so, without rebuilding', async () => {
    const settle = await runNode(SCRIPT, ['core', 'cli'], { timeoutMs: 170_000 }); // builds only if a source changed
    expect(settle.code, settle.stdout + settle.stderr).to.equal(0);
    const builtAt = statSync(distFile).mtimeMs;
    const r = await runNode(SCRIPT, ['core', 'cli']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.include('@candor/core is up to date').and.include('@candor/cli is up to date');
    expect(r.stdout).to.not.include('building');
    expect(statSync(distFile).mtimeMs).to.equal(builtAt);
  });

  it('names the changed source and builds that package again, leaving the others alone', async () => {
    const source = 'packages/cli/src/exit-codes.ts';
    const coreBuiltAt = statSync('packages/core/dist/index.js').mtimeMs;
    const r = await touched(source, async () => {
      const check = await runNode(SCRIPT, ['--check', 'core', 'cli']);
      expect(check.code).to.equal(1);
      expect(check.stdout).to.include(`@candor/cli would be built: ${source} changed since the last build`);
      expect(check.stdout).to.include('@candor/core is up to date');
      return runNode(SCRIPT, ['core', 'cli'], { timeoutMs: 170_000 });
    });
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.include(`building @candor/cli (${source} changed since the last build)`).and.include('built @candor/cli in');
    expect(statSync('packages/core/dist/index.js').mtimeMs).to.equal(coreBuiltAt);
    const after = await runNode(SCRIPT, ['--check', 'cli']);
    expect(after.code, after.stdout).to.equal(0);
  });

  it('refuses an unknown package name with exit 2', async () => {
    const r = await runNode(SCRIPT, ['nope']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('unknown: nope');
  });
});
