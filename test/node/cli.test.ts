import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { KeySet, MAX_TOKEN_TTL_CEILING_SECONDS, PRIVATE_JWK_MEMBERS as PRIVATE_MEMBERS } from '@candor/core/keys';
import { MAX_CLOCK_TOLERANCE_SECONDS } from '@candor/core/tokens';
import { createConsentRecord } from '@candor/core/consent';
import { formatDuration, loadKeySet, runCli, serveJwks } from '@candor/cli';
import { noticeV1 } from '../support/consent-notice.js';
import { runNode, startServe, type RunResult } from './support/spawn.js';

const BIN = 'packages/cli/bin/candor.js';
const ISS = 'https://bank.example';
const AUD = 'https://partner.example';

const candor = (args: string[], input?: string): Promise<RunResult> => runNode(BIN, args, input === undefined ? {} : { input });
const json = (r: RunResult) => JSON.parse(r.stdout) as Record<string, any>;
const issueArgs = (keys: string, extra: string[] = []) => [
  'issue', '--keys', keys, '--iss', ISS, '--sub', 'cust-123', '--aud', AUD,
  '--level', 'substantial', '--method', 'document,liveness', '--risk', 'low', ...extra,
];
/** A user error is a one-line explanation, never a stack trace. */
function expectNoStack(r: RunResult) {
  expect(r.stderr).to.not.match(/\n\s+at /);
  expect(r.stderr).to.not.match(/unexpected error/);
}

describe('candor CLI', function () {
  this.timeout(60_000);
  let dir: string;
  let keysFile: string;
  let jwksFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'candor-cli-'));
    keysFile = join(dir, 'keys.json');
    jwksFile = join(dir, 'jwks.json');
    const gen = await candor(['keys', 'generate', '--out', keysFile]);
    expect(gen.code, gen.stderr).to.equal(0);
    const pub = await candor(['jwks', '--keys', keysFile, '--out', jwksFile]);
    expect(pub.code, pub.stderr).to.equal(0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('help, version and usage errors', () => {
    it('prints the version from the package with --version', async () => {
      const r = await candor(['--version']);
      const pkg = JSON.parse(readFileSync('packages/cli/package.json', 'utf8')) as { version: string };
      expect(r.code).to.equal(0);
      expect(r.stdout.trim()).to.equal(pkg.version);
    });

    it('lists every command and the exit codes with --help', async () => {
      const r = await candor(['--help']);
      expect(r.code).to.equal(0);
      for (const c of ['keys generate', 'keys rotate', 'keys prune', 'jwks', 'issue', 'verify', 'serve']) expect(r.stdout).to.include(c);
      expect(r.stdout).to.include('3 token valid but re-verification due');
    });

    it('prints help and exits 2 when run with no command', async () => {
      const r = await candor([]);
      expect(r.code).to.equal(2);
      expect(r.stdout).to.include('Usage: candor <command>');
    });

    it('documents each command\'s flags with <command> --help', async () => {
      for (const [args, flag] of [
        [['keys', 'generate'], '--alg'], [['keys', 'rotate'], '--keys'], [['keys', 'prune'], '--now'], [['jwks'], '--out'],
        [['issue'], '--attr'], [['verify'], '--reverify-after'], [['serve'], '--port'],
      ] as const) {
        const r = await candor([...args, '--help']);
        expect(r.code, args.join(' ')).to.equal(0);
        expect(r.stdout).to.include(`Usage: candor ${args.join(' ')}`).and.include(flag).and.include('Examples:');
      }
    });

    it('lists the keys subcommands with keys --help, and exits 2 for keys alone', async () => {
      const help = await candor(['keys', '--help']);
      expect(help.code).to.equal(0);
      expect(help.stdout).to.include('keys generate').and.include('keys rotate').and.include('keys prune');
      expect((await candor(['keys'])).code).to.equal(2);
      const unknown = await candor(['keys', 'delete']);
      expect(unknown.code).to.equal(2);
      expect(unknown.stderr).to.include('unknown subcommand "keys delete"');
    });

    it('exits 2 naming an unknown command', async () => {
      const r = await candor(['sign']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('unknown command "sign"');
    });

    it('exits 2 naming an unknown flag and listing the known ones', async () => {
      const r = await candor(['jwks', '--keys', keysFile, '--pretty']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('unknown flag --pretty').and.include('--keys');
      expectNoStack(r);
    });

    it('exits 2 naming a missing required flag', async () => {
      const r = await candor(['issue', '--keys', keysFile, '--iss', ISS, '--sub', 'x', '--aud', AUD, '--level', 'low', '--method', 'document']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('missing --risk');
    });

    it('exits 2 naming a flag whose value is not allowed, with the allowed values', async () => {
      const r = await candor(['keys', 'generate', '--alg', 'RS256']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('--alg must be one of ES256, EdDSA; got "RS256"');
      const level = await candor(issueArgs(keysFile).map((a) => (a === 'substantial' ? 'medium' : a)));
      expect(level.code).to.equal(2);
      expect(level.stderr).to.include('--level must be one of low, substantial, high');
    });

    it('exits 2 with a clear message, not a stack trace, for a missing key file', async () => {
      const r = await candor(['jwks', '--keys', join(dir, 'nope.json')]);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('nope.json does not exist');
      expectNoStack(r);
    });

    it('exits 2 for a key file that is not JSON or not a key set', async () => {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{"active": ');
      const r = await candor(['jwks', '--keys', bad]);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('is not valid JSON');
      writeFileSync(bad, '{"version": 1, "active": {"kty": "oct", "k": "AAAA"}, "retired": []}');
      const r2 = await candor(['jwks', '--keys', bad]);
      expect(r2.code).to.equal(2);
      expect(r2.stderr).to.include('is not a usable Candor key set');
      expectNoStack(r2);
    });

    it('refuses a named pipe as a key file instead of hanging on it', async function () {
      if (process.platform === 'win32') this.skip();
      const fifo = join(dir, 'pipe.json');
      execFileSync('mkfifo', [fifo]);
      const r = await candor(['jwks', '--keys', fifo]);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('is not a regular file');
    });

    it('refuses an oversized input file before parsing it', async () => {
      const big = join(dir, 'big.json');
      writeFileSync(big, `{"keys":[${'"x",'.repeat(300_000)}"x"]}`);
      const r = await candor(['verify', '--jwks', big, '--iss', ISS, '--aud', AUD, 'a.b.c']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/limit is \d+ bytes/);
    });
  });

  describe('keys and jwks', () => {
    it('keys generate --out writes a 0600 key file and prints only kids', async () => {
      const file = join(dir, 'gen.json');
      const r = await candor(['keys', 'generate', '--alg', 'EdDSA', '--out', file]);
      expect(r.code).to.equal(0);
      expect(statSync(file).mode & 0o777).to.equal(0o600);
      const out = json(r);
      expect(out.active.alg).to.equal('EdDSA');
      expect(r.stdout).to.not.match(/"d"\s*:/);
      const stored = await loadKeySet(file);
      expect(stored.active.kid).to.equal(out.active.kid);
    });

    it('keys generate refuses to overwrite a key file without --force', async () => {
      const file = join(dir, 'gen2.json');
      expect((await candor(['keys', 'generate', '--out', file])).code).to.equal(0);
      const before = readFileSync(file, 'utf8');
      const again = await candor(['keys', 'generate', '--out', file]);
      expect(again.code).to.equal(2);
      expect(again.stderr).to.include('already exists').and.include('--force');
      expect(readFileSync(file, 'utf8')).to.equal(before);
      expect((await candor(['keys', 'generate', '--out', file, '--force'])).code).to.equal(0);
      expect(readFileSync(file, 'utf8')).to.not.equal(before);
    });

    it('keys generate without --out prints a key set that loads back', async () => {
      const r = await candor(['keys', 'generate']);
      expect(r.code).to.equal(0);
      const set = await KeySet.fromJSON(json(r) as any);
      expect(set.active.alg).to.equal('ES256');
    });

    it('keys rotate keeps the old key published next to the new one; prune drops it once expired', async () => {
      const file = join(dir, 'rot.json');
      await candor(['keys', 'generate', '--out', file, '--max-token-ttl', '1h']);
      const first = (await loadKeySet(file)).active.kid;
      const rot = await candor(['keys', 'rotate', '--keys', file, '--alg', 'EdDSA']);
      expect(rot.code, rot.stderr).to.equal(0);
      const out = json(rot);
      expect(out.previous).to.equal(first);
      expect(out.active.alg).to.equal('EdDSA');
      expect(out.retired.map((k: { kid: string }) => k.kid)).to.deep.equal([first]);
      expect(statSync(file).mode & 0o777).to.equal(0o600);

      const pub = json(await candor(['jwks', '--keys', file]));
      expect(pub.keys.map((k: { kid: string }) => k.kid)).to.have.members([first, out.active.kid]);

      const early = json(await candor(['keys', 'prune', '--keys', file]));
      expect(early.pruned).to.deep.equal([]);
      const later = new Date(Date.now() + 3 * 3600_000).toISOString();
      const pruned = await candor(['keys', 'prune', '--keys', file, '--now', later]);
      expect(json(pruned).pruned).to.deep.equal([first]);
      expect((await loadKeySet(file)).publicJwks().keys.map((k) => k.kid)).to.deep.equal([out.active.kid]);
    });

    it('jwks prints public keys only', async () => {
      const r = await candor(['jwks', '--keys', keysFile]);
      expect(r.code).to.equal(0);
      const set = json(r);
      expect(set.keys).to.have.length(1);
      for (const m of PRIVATE_MEMBERS) expect(set.keys[0]).to.not.have.property(m);
      expect(JSON.parse(readFileSync(jwksFile, 'utf8'))).to.deep.equal(set);
    });
  });

  describe('issue and verify', () => {
    it('issues a token that verifies against the JWKS file (exit 0, claims and kid)', async () => {
      const token = (await candor(issueArgs(keysFile, ['--attr', 'age_over_18=true']))).stdout.trim();
      expect(token.split('.')).to.have.length(3);
      const r = await candor(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, token]);
      expect(r.code, r.stdout + r.stderr).to.equal(0);
      const out = json(r);
      expect(out).to.include({ valid: true, outcome: 'valid', kid: (await loadKeySet(keysFile)).active.kid });
      expect(out.claims.sub).to.equal('cust-123');
      expect(out.claims.verification).to.include({ level: 'substantial', riskTier: 'low' });
      expect(out.claims.attributes).to.deep.equal({ age_over_18: true });
    });

    it('issue --json prints the token with its kid, expiry and claims', async () => {
      const r = await candor(issueArgs(keysFile, ['--json', '--ttl', '5m', '--attr', 'age_over_21=false', '--attr', 'score=7']));
      expect(r.code, r.stderr).to.equal(0);
      const out = json(r);
      expect(out.token.split('.')).to.have.length(3);
      expect(out.kid).to.equal((await loadKeySet(keysFile)).active.kid);
      expect(out.claims.exp - out.claims.iat).to.equal(300);
      expect(new Date(out.expiresAt).getTime()).to.equal(out.claims.exp * 1000);
      expect(out.claims.attributes).to.deep.equal({ age_over_21: false, score: 7 });
    });

    it('issue exits 2 for a malformed --attr or --verified-at', async () => {
      const r = await candor(issueArgs(keysFile, ['--attr', 'no-equals-sign']));
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('--attr must look like NAME=VALUE');
      const d = await candor(issueArgs(keysFile, ['--verified-at', 'yesterday']));
      expect(d.code).to.equal(2);
      expect(d.stderr).to.include('--verified-at must be an ISO 8601 date-time');
    });

    it('issue --pairwise-secret-file gives each audience its own subject id', async () => {
      const secret = join(dir, 'pairwise.secret');
      writeFileSync(secret, `${'s3cr3t-'.repeat(8)}\n`);
      const subFor = async (aud: string) => {
        const r = await candor(issueArgs(keysFile, ['--json', '--pairwise-secret-file', secret]).map((a) => (a === AUD ? aud : a)));
        expect(r.code, r.stderr).to.equal(0);
        return json(r).claims.sub as string;
      };
      const a1 = await subFor(AUD);
      const a2 = await subFor(AUD);
      const b = await subFor('https://other.example');
      expect(a1).to.equal(a2);
      expect(a1).to.not.equal(b);
      expect([a1, b]).to.not.include('cust-123');
      writeFileSync(secret, 'too-short');
      const short = await candor(issueArgs(keysFile, ['--pairwise-secret-file', secret]));
      expect(short.code).to.equal(2);
      expect(short.stderr).to.include(`--pairwise-secret-file ${secret} holds 9 bytes; a pairwise secret needs at least 32`).and.include('openssl rand');
      expect(short.stderr).to.not.include('Uint8Array');
    });

    it('issue --consent issues only for an audience the customer consented to reuse with (else exit 1)', async () => {
      const record = await createConsentRecord({ notice: noticeV1, subject: 'cust-123', locale: 'en', choices: { 'partner-reuse': true } });
      const file = join(dir, 'consent.json');
      writeFileSync(file, JSON.stringify(record));
      const ok = await candor(issueArgs(keysFile, ['--consent', file]).map((a) => (a === AUD ? 'https://insure.example' : a)));
      expect(ok.code, ok.stderr).to.equal(0);
      expect(ok.stdout.trim().split('.')).to.have.length(3);
      const refused = await candor(issueArgs(keysFile, ['--consent', file]));
      expect(refused.code).to.equal(1);
      expect(refused.stdout).to.equal('');
      expect(refused.stderr).to.include('does not list this audience').and.include('consent_required');
      writeFileSync(file, '{"recordId": 1}');
      const invalid = await candor(issueArgs(keysFile, ['--consent', file]).map((a) => (a === AUD ? 'https://insure.example' : a)));
      expect(invalid.code).to.equal(1);
      expect(invalid.stderr).to.include('consent record is not valid');
    });

    it('verifies a token read from stdin with -', async () => {
      const token = (await candor(issueArgs(keysFile))).stdout;
      const r = await candor(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, '-'], token);
      expect(r.code, r.stdout + r.stderr).to.equal(0);
      expect(json(r).valid).to.equal(true);
    });

    it('exits 1 with code bad_signature for a tampered token', async () => {
      const [h, p, s] = (await candor(issueArgs(keysFile))).stdout.trim().split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
      claims.verification.level = 'high';
      const tampered = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
      const r = await candor(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, tampered]);
      expect(r.code).to.equal(1);
      expect(json(r)).to.include({ valid: false, code: 'bad_signature' });
      expect(json(r).message).to.be.a('string').and.not.equal('');
    });

    it('exits 1 with code malformed for garbage and wrong_audience for another partner\'s token', async () => {
      const garbage = await candor(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, 'not-a-token']);
      expect(garbage.code).to.equal(1);
      expect(json(garbage).code).to.equal('malformed');
      const token = (await candor(issueArgs(keysFile))).stdout.trim();
      const other = await candor(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', 'https://other.example', token]);
      expect(other.code).to.equal(1);
      expect(json(other).code).to.equal('wrong_audience');
    });

    it('exits 1 with insufficient_level when --min-level is above the token', async () => {
      const token = (await candor(issueArgs(keysFile))).stdout.trim();
      const r = await candor(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, '--min-level', 'high', token]);
      expect(r.code).to.equal(1);
      expect(json(r).code).to.equal('insufficient_level');
    });

    it('exits 3 when the verification is older than --reverify-after allows for its risk tier', async () => {
      const verifiedAt = new Date(Date.now() - 3 * 86400_000).toISOString();
      const token = (await candor(issueArgs(keysFile, ['--verified-at', verifiedAt]))).stdout.trim();
      const r = await candor(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, '--reverify-after', 'low=2d', token]);
      expect(r.code, r.stdout + r.stderr).to.equal(3);
      const out = json(r);
      expect(out).to.include({ valid: false, outcome: 'reverification_due', code: 'reverification_due', maxAgeSeconds: 172800 });
      expect(out.claims.sub).to.equal('cust-123');
      const fresh = await candor(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, '--reverify-after', 'low=4d', token]);
      expect(fresh.code).to.equal(0);
    });

    it('exits 2 for a JWKS file holding private keys, telling the user to publish public keys', async () => {
      const token = (await candor(issueArgs(keysFile))).stdout.trim();
      const stored = JSON.parse(readFileSync(keysFile, 'utf8'));
      const priv = join(dir, 'private-jwks.json');
      writeFileSync(priv, JSON.stringify({ keys: [stored.active] }));
      const r = await candor(['verify', '--jwks', priv, '--iss', ISS, '--aud', AUD, token]);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('holds private key material').and.include('candor jwks');
    });

    it('exits 2 for a JWKS file whose key cannot be imported, naming --jwks', async () => {
      const token = (await candor(issueArgs(keysFile))).stdout.trim();
      const kid = (await loadKeySet(keysFile)).active.kid;
      const broken = join(dir, 'broken-jwks.json');
      writeFileSync(broken, JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256', kid, x: 'AAAA', y: 'BBBB' }] }));
      const r = await candor(['verify', '--jwks', broken, '--iss', ISS, '--aud', AUD, token]);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('--jwks holds a key that cannot be used');
      expectNoStack(r);
    });

    it('exits 2 for a JWKS URL that is not https (outside localhost) or not a URL', async () => {
      const r = await candor(['verify', '--jwks', 'http://bank.example/.well-known/jwks.json', '--iss', ISS, '--aud', AUD, 'a.b.c']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('--jwks must use https');
      expectNoStack(r);
    });

    it('verifies against a JWKS URL served by the local server, and reports an unreachable one as jwks_unavailable', async () => {
      const keys = await loadKeySet(keysFile);
      const server = await serveJwks({ keys });
      const token = (await candor(issueArgs(keysFile))).stdout.trim();
      try {
        const r = await candor(['verify', '--jwks', server.jwksUrl, '--iss', ISS, '--aud', AUD, token]);
        expect(r.code, r.stdout + r.stderr).to.equal(0);
        expect(json(r).kid).to.equal(keys.active.kid);
      } finally {
        await server.close();
      }
      const down = await candor(['verify', '--jwks', server.jwksUrl, '--iss', ISS, '--aud', AUD, '--timeout', '2000', token]);
      expect(down.code).to.equal(1);
      expect(json(down).code).to.equal('jwks_unavailable');
    });
  });

  describe('serve', () => {
    it('serves the key file\'s JWKS until SIGTERM, then exits 0', async () => {
      const { child, info: { jwksUrl } } = await startServe(BIN, ['--keys', keysFile]);
      try {
        const res = await fetch(jwksUrl);
        expect(res.headers.get('content-type')).to.equal('application/jwk-set+json');
        const set = (await res.json()) as { keys: Array<{ kid: string }> };
        expect(set.keys.map((k) => k.kid)).to.deep.equal([(await loadKeySet(keysFile)).active.kid]);
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
        child.kill('SIGTERM');
        expect(await exited).to.equal(0);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    });

    it('picks up a rotation of the key file while serving', async () => {
      const file = join(dir, 'serve-rotate.json');
      await candor(['keys', 'generate', '--out', file]);
      const { child, info: { jwksUrl } } = await startServe(BIN, ['--keys', file]);
      try {
        const kids = async () => ((await (await fetch(jwksUrl)).json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);
        expect(await kids()).to.have.length(1);
        const rotated = json(await candor(['keys', 'rotate', '--keys', file]));
        let served: string[] = [];
        for (let i = 0; i < 40 && served.length < 2; i++) {
          await new Promise((r) => setTimeout(r, 250));
          served = await kids();
        }
        expect(served).to.have.members([rotated.previous, rotated.active.kid]);
      } finally {
        child.kill('SIGKILL');
      }
    });

    it('exits 2 for a bad --port', async () => {
      const r = await candor(['serve', '--keys', keysFile, '--port', 'eighty']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('--port must be a whole number from 0 to 65535');
    });
  });
});

describe('candor CLI: user errors are one line naming what was typed (in-process)', function () {
  this.timeout(60_000);
  let dir: string;
  let keysFile: string;
  let jwksFile: string;

  /** Runs `candor argv` in this process with `stdin` as its input; collects what it prints. */
  async function run(argv: string[], options: { stdin?: string; out?: (t: string) => void } = {}) {
    let out = '';
    let err = '';
    const code = await runCli(argv, {
      stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
      out: options.out ?? ((t) => void (out += t)),
      err: (t) => void (err += t),
      stopSignal: () => new Promise(() => {}),
    });
    return { code, out, err };
  }
  /** One line on stderr, no stack trace, no "please report it". */
  function expectOneLine(err: string) {
    expect(err.trimEnd().split('\n'), err).to.have.length(1);
    expect(err).to.not.match(/unexpected error|\n\s+at /);
  }
  const issue = (extra: string[]) => run(['issue', '--keys', keysFile, '--iss', ISS, '--sub', 'cust-1', '--aud', AUD, '--level', 'low', '--method', 'document', '--risk', 'low', ...extra]);
  const verify = (token: string, stdin?: string) => run(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, token], stdin === undefined ? {} : { stdin });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'candor-cli-errors-'));
    keysFile = join(dir, 'keys.json');
    jwksFile = join(dir, 'jwks.json');
    expect((await run(['keys', 'generate', '--out', keysFile])).code).to.equal(0);
    expect((await run(['jwks', '--keys', keysFile, '--out', jwksFile])).code).to.equal(0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serve --port on a busy port: exit 2 and one line saying the port is in use', async () => {
    const busy = await serveJwks({ keys: await KeySet.generate() });
    try {
      const r = await run(['serve', '--keys', keysFile, '--port', String(busy.port)]);
      expect(r.code).to.equal(2);
      expectOneLine(r.err);
      expect(r.err).to.include(`--port ${busy.port} is already in use`);
      expect(r.out).to.equal('');
    } finally {
      await busy.close();
    }
  });

  it('--ttl over the key set\'s limit names --ttl and --max-token-ttl, in words', async () => {
    const r = await issue(['--ttl', '2d']);
    expect(r.code).to.equal(2);
    expect(r.err).to.include('--ttl 2d (2 days)').and.include('at most 1 day').and.include('--max-token-ttl');
    expect(r.err).to.not.match(/ttlSeconds|86400|172800/);
    expect(r.out).to.equal('');
  });

  it('keys generate --max-token-ttl over the ceiling says the ceiling in words', async () => {
    const r = await run(['keys', 'generate', '--max-token-ttl', '400d']);
    expect(r.code).to.equal(2);
    expect(r.err).to.include('--max-token-ttl 400d (400 days)').and.include(formatDuration(MAX_TOKEN_TTL_CEILING_SECONDS));
    expect(r.err).to.not.match(/maxTokenTtlSeconds|31622400/);
  });

  it('--attr birthdate=... says why it is refused and suggests a minimised attribute', async () => {
    const r = await issue(['--attr', 'birthdate=1990-01-01']);
    expect(r.code).to.equal(2);
    expectOneLine(r.err);
    expect(r.err).to.include('--attr birthdate is refused').and.include('personal data').and.include('--attr age_over_18=true');
    expect(r.err).to.not.match(/pattern|\(\?!/);
    expect(r.out).to.equal('');
  });

  it('--attr __proto__=... is refused, not silently dropped from the token', async () => {
    const r = await issue(['--attr', '__proto__=1', '--attr', 'age_over_18=true']);
    expect(r.code).to.equal(2);
    expect(r.err).to.include('--attr __proto__ is not an allowed attribute name');
    expect(r.out).to.equal('');
  });

  it('a claim limit is reported against the flag that set it (--sub), from the schema that owns it', async () => {
    const r = await run(['issue', '--keys', keysFile, '--iss', ISS, '--sub', 'x'.repeat(257), '--aud', AUD, '--level', 'low', '--method', 'document', '--risk', 'low']);
    expect(r.code).to.equal(2);
    expectOneLine(r.err);
    expect(r.err).to.include('--sub must be at most 256 character(s) long');
  });

  it('--verified-at in the future is refused naming --verified-at (verified_in_future)', async () => {
    const r = await issue(['--verified-at', new Date(Date.now() + 3_600_000).toISOString()]);
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/^candor issue: --verified-at /).and.include('verified_in_future');
  });

  it('--clock-tolerance beyond the verifier\'s maximum names the flag and the maximum', async () => {
    const r = await run(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, '--clock-tolerance', String(MAX_CLOCK_TOLERANCE_SECONDS + 1), 'a.b.c']);
    expect(r.code).to.equal(2);
    expect(r.err).to.include(`--clock-tolerance must be from 0 to ${MAX_CLOCK_TOLERANCE_SECONDS}`);
  });

  it('accepts a token with a Bearer prefix or surrounding whitespace, as an argument, on stdin or in a @FILE', async () => {
    const token = (await issue([])).out.trim();
    const file = join(dir, 'token.txt');
    writeFileSync(file, `Bearer ${token}\r\n`);
    for (const [what, r] of [
      ['argument', await verify(`Bearer ${token}`)],
      ['argument with spaces', await verify(`  ${token}\n`)],
      ['stdin', await verify('-', `\n  bearer   ${token}\n\n`)],
      ['file', await verify(`@${file}`)],
    ] as const) {
      expect(r.code, `${what}: ${r.out}${r.err}`).to.equal(0);
      expect(JSON.parse(r.out).valid, what).to.equal(true);
    }
  });

  it('verify - with nothing on stdin is a usage error (exit 2), not an invalid token', async () => {
    const r = await verify('-', '');
    expect(r.code).to.equal(2);
    expectOneLine(r.err);
    expect(r.err).to.include('no token in stdin');
    expect(r.out).to.equal('');
  });

  it('takes the loopback rule from core: http to 127.0.0.2 is a local JWKS URL, http elsewhere is refused', async () => {
    const token = (await issue([])).out.trim();
    const local = await run(['verify', '--jwks', 'http://127.0.0.2:1/.well-known/jwks.json', '--iss', ISS, '--aud', AUD, '--timeout', '1000', token]);
    expect(local.code, local.err).to.equal(1);
    expect(JSON.parse(local.out).code).to.equal('jwks_unavailable');
    const remote = await run(['verify', '--jwks', 'http://bank.example/jwks.json', '--iss', ISS, '--aud', AUD, token]);
    expect(remote.code).to.equal(2);
    expect(remote.err).to.include('--jwks must use https');
  });

  it('says when re-verification is due in words, not seconds', async () => {
    const token = (await issue(['--verified-at', new Date(Date.now() - 3 * 86_400_000).toISOString()])).out.trim();
    const r = await run(['verify', '--jwks', jwksFile, '--iss', ISS, '--aud', AUD, '--reverify-after', 'low=2d', token]);
    expect(r.code).to.equal(3);
    expect(JSON.parse(r.out).message).to.include('older than the 2 days allowed').and.not.include('172800');
  });

  it('keeps "unexpected error" with the stack for a real bug (here: output that throws)', async () => {
    const r = await run(['jwks', '--keys', keysFile], {
      out: () => {
        throw new TypeError('stdout exploded');
      },
    });
    expect(r.code).to.equal(1);
    expect(r.err).to.include('unexpected error').and.include('TypeError: stdout exploded').and.match(/\n\s+at /);
  });
});

describe('formatDuration', () => {
  for (const [seconds, words] of [
    [1, '1 second'],
    [600, '10 minutes'],
    [5400, '1 hour 30 minutes'],
    [86_400, '1 day'],
    [7_776_000, '90 days'],
    [90_061, '1 day 1 hour 1 minute 1 second'],
  ] as const) {
    it(`says ${seconds} s as "${words}"`, () => expect(formatDuration(seconds)).to.equal(words));
  }
});
