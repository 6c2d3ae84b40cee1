import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
