// The SD-JWT commands as an issuer, a holder and a partner run them: keys holder, issue --disclosable,
// present, verify of a presentation (with key binding, and with keys found through issuer metadata);
// `candor serve` runs as its own process, the rest in this one.
import { expect } from 'chai';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKeySet, serveJwks } from '@candor/cli';
import { candor } from './support/candor.js';
import { startServe, type RunResult } from './support/spawn.js';

const BIN = 'packages/cli/bin/candor.js';
const ISS = 'https://bank.example';
const AUD = 'https://partner.example';
const VCT = 'https://bank.example/credentials/verified-customer';
const json = (r: RunResult) => JSON.parse(r.stdout) as Record<string, any>;
/** One line, no stack trace, exit 2. */
function expectUsage(r: RunResult, text: string) {
  expect(r.code, r.stderr).to.equal(2);
  expect(r.stderr).to.include(text);
  expect(r.stderr).to.not.match(/\n\s+at /);
}

describe('candor CLI: SD-JWT', function () {
  this.timeout(60_000);
  let dir: string;
  let keysFile: string;
  let jwksFile: string;
  let holderFile: string;
  let credential: string;
  const issueArgs = (iss: string, extra: string[] = []) => [
    'issue', '--keys', keysFile, '--iss', iss, '--sub', 'cust-123', '--level', 'substantial', '--method', 'document,liveness', '--risk', 'low',
    '--attr', 'age_over_18=true', '--attr', 'birthdate=1990-04-01', '--disclosable', 'age_over_18,birthdate', '--vct', VCT, ...extra,
  ];
  const verifyArgs = (extra: string[]) => ['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, ...extra];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'candor-sdjwt-cli-'));
    keysFile = join(dir, 'keys.json');
    jwksFile = join(dir, 'jwks.json');
    holderFile = join(dir, 'holder.json');
    expect((await candor(['keys', 'generate', '--out', keysFile])).code).to.equal(0);
    expect((await candor(['jwks', '--keys', keysFile, '--out', jwksFile])).code).to.equal(0);
    const holder = await candor(['keys', 'holder', '--out', holderFile]);
    expect(holder.code, holder.stderr).to.equal(0);
    expect(json(holder)).to.not.have.property('d');
    const issued = await candor(issueArgs(ISS, ['--holder-key', holderFile]));
    expect(issued.code, issued.stderr).to.equal(0);
    credential = join(dir, 'credential.txt');
    writeFileSync(credential, issued.stdout);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('issues a credential into a status list and revokes it by the jti it prints', async () => {
    const store = join(dir, 'status.json');
    const uri = 'https://bank.example/status/1';
    const issued = await candor(issueArgs(ISS, ['--status-uri', uri, '--status-store', store, '--json']));
    expect(issued.code, issued.stderr).to.equal(0);
    const out = json(issued);
    expect(out.status.status_list.uri).to.equal(uri);
    expect(out.jti).to.be.a('string');
    const revoked = await candor(['status', 'revoke', '--jti', out.jti, '--status-store', store]);
    expect(revoked.code, revoked.stderr).to.equal(0);
    const unknown = await candor(['status', 'revoke', '--jti', 'not-issued', '--status-store', store]);
    expect(unknown.code).to.not.equal(0);
  });

  it('writes the holder\'s private key readable by its owner only, and prints only the public key', async () => {
    expect(statSync(holderFile).mode & 0o777).to.equal(0o600);
    const again = await candor(['keys', 'holder', '--out', holderFile]);
    expectUsage(again, 'already exists');
  });

  it('presents only the chosen claim, bound to the partner and nonce, and the partner verifies it (exit 0)', async () => {
    const p = await candor(['present', '--disclose', 'age_over_18', '--holder-key', holderFile, '--audience', AUD, '--nonce', 'n-123', `@${credential}`]);
    expect(p.code, p.stderr).to.equal(0);
    const r = await candor(verifyArgs(['--require-key-binding', '--nonce', 'n-123', p.stdout.trim()]));
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const out = json(r);
    expect(out).to.include({ valid: true, format: 'dc+sd-jwt', keyBound: true });
    expect(out.disclosed).to.deep.equal(['age_over_18']);
    expect(out.claims).to.include({ sub: 'cust-123', age_over_18: true, vct: VCT });
    expect(out.claims).to.not.have.property('birthdate');
  });

  it('refuses the presentation for another nonce (exit 1, wrong_nonce) and without key binding when required (key_binding_required)', async () => {
    const p = await candor(['present', '--disclose', 'age_over_18', '--holder-key', holderFile, '--audience', AUD, '--nonce', 'n-123', `@${credential}`]);
    const replay = await candor(verifyArgs(['--require-key-binding', '--nonce', 'n-456', p.stdout.trim()]));
    expect(replay.code).to.equal(1);
    expect(json(replay)).to.include({ valid: false, code: 'wrong_nonce' });
    const bare = await candor(['present', '--disclose', 'birthdate', `@${credential}`]);
    const unbound = await candor(verifyArgs(['--require-key-binding', '--nonce', 'n-123', '-']), bare.stdout);
    expect(json(unbound)).to.include({ valid: false, code: 'key_binding_required' });
    // Without the policy flag the same presentation verifies, and says it was not key-bound.
    const allowed = await candor(verifyArgs(['-']), bare.stdout);
    expect(json(allowed)).to.include({ valid: true, keyBound: false });
    expect(json(allowed).claims.birthdate).to.equal('1990-04-01');
  });

  it('says what is wrong with SD-JWT flags, naming the flag, without a stack trace (exit 2)', async () => {
    expectUsage(await candor(issueArgs(ISS, ['--aud', AUD])), '--aud is for Candor tokens');
    expectUsage(await candor(['issue', '--keys', keysFile, '--iss', ISS, '--sub', 'c', '--level', 'low', '--method', 'document', '--risk', 'low', '--disclosable', 'x']), '--vct');
    expectUsage(await candor(issueArgs(ISS, ['--disclosable', 'exp'])), '"exp" cannot be selectively disclosable');
    expectUsage(await candor(['present', '--disclose', 'age_over_21', `@${credential}`]), 'Disclosable: age_over_18, birthdate');
    expectUsage(await candor(['present', '--disclose', 'age_over_18', '--holder-key', holderFile, `@${credential}`]), '--audience');
    expectUsage(await candor(verifyArgs(['--require-key-binding', `@${credential}`])), '--nonce');
    expectUsage(await candor(verifyArgs(['--min-level', 'high', `@${credential}`])), '--min-level is for Candor tokens');
    expectUsage(await candor(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, '--nonce', 'n', 'a.b.c']), '--nonce is for SD-JWT presentations');
    expectUsage(await candor(['present', '--disclose', 'age_over_18', '--holder-key', jwksFile, '--audience', AUD, '--nonce', 'n', `@${credential}`]), 'is not a JWK');
  });

  it('serves issuer metadata with candor serve, and verify --issuer-metadata finds the keys through it', async () => {
    const { child, info: served } = await startServe(BIN, ['--keys', keysFile]);
    try {
      expect(served.issuer).to.equal(served.url);
      const metadata = await (await fetch(served.issuerMetadataUrl!)).json();
      expect(metadata).to.deep.equal({ issuer: served.url, jwks_uri: served.jwksUrl });

      const issued = await candor(issueArgs(served.url, ['--holder-key', holderFile]));
      const p = await candor(['present', '--disclose', 'age_over_18', '--holder-key', holderFile, '--audience', AUD, '--nonce', 'n-9', '-'], issued.stdout);
      const r = await candor(['verify', '--issuer-metadata', '--iss', served.url, '--aud', AUD, '--require-key-binding', '--nonce', 'n-9', p.stdout.trim()]);
      expect(r.code, r.stdout + r.stderr).to.equal(0);
      expect(json(r).kid).to.equal((await loadKeySet(keysFile)).active.kid);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses keys from metadata that names another issuer (wrong_issuer)', async () => {
    const keys = await loadKeySet(keysFile);
    const jwks = await serveJwks({ keys });
    // Metadata at the right place that claims to be another issuer's.
    const impostor = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issuer: 'https://elsewhere.example', jwks_uri: jwks.jwksUrl }));
    });
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    const iss = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}`;
    try {
      const issued = await candor(issueArgs(iss));
      const p = await candor(['present', '--disclose', 'age_over_18', '-'], issued.stdout);
      const r = await candor(['verify', '--issuer-metadata', '--iss', iss, '--aud', AUD, p.stdout.trim()]);
      expect(r.code).to.equal(1);
      expect(json(r).code).to.equal('wrong_issuer');
    } finally {
      impostor.close();
      await jwks.close();
    }
  });
});
