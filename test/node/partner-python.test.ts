// The Python partner verifier (examples/partner-verify/verify.py, standard library only) against
// tokens issued or forged with @candor/core: each token is also given to Candor's own verifier,
// and both must reach the same decision. Running Python: support/partner-python.ts.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { generateKey, type CandorKey, type JWK } from '@candor/core/keys';
import { createIssuer, createVerifier } from '@candor/core/tokens';
import { serveJwks } from '@candor/cli';
import { AUD, ISS, b64url, forge, seg } from '../core/token-kit.js';
import {
  PYTHON,
  SCRIPT,
  candorDecision,
  claims,
  header,
  nowS,
  partnerEnv as env,
  pythonDecision,
  requirePython,
  runPython,
  type Decision,
  type PythonRun,
} from './support/partner-python.js';

const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;

const bytes = (segment: string) => new Uint8Array(Buffer.from(segment, 'base64url'));
const toBig = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
const fromBig = (n: bigint, length: number) => new Uint8Array(Buffer.from(n.toString(16).padStart(length * 2, '0'), 'hex'));

const withoutJti = () => {
  const c = claims();
  delete c.jti;
  return c;
};
/** The token with its signature bytes replaced by `change(signature)`. */
const resigned = (token: string, change: (sig: Uint8Array) => Uint8Array) => {
  const [h, p, s] = token.split('.') as [string, string, string];
  return `${h}.${p}.${b64url(change(bytes(s)))}`;
};

describe('partner verifier in Python (examples/partner-verify/verify.py)', function () {
  this.timeout(60_000);
  let dir: string;
  let jwksFile: string;
  const keys: Record<'ES256' | 'EdDSA', CandorKey> = {} as never;
  const others: Record<'ES256' | 'EdDSA', CandorKey> = {} as never;

  before(async function () {
    requirePython();
    keys.ES256 = await generateKey('ES256');
    keys.EdDSA = await generateKey('EdDSA');
    others.ES256 = await generateKey('ES256');
    others.EdDSA = await generateKey('EdDSA');
    dir = mkdtempSync(join(tmpdir(), 'candor-partner-python-'));
    jwksFile = writeJwks('jwks.json', [keys.ES256.publicJwk, keys.EdDSA.publicJwk]);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let files = 0;
  function writeJwks(name: string, list: unknown[]): string {
    const file = join(dir, `${files++}-${name}`);
    writeFileSync(file, JSON.stringify({ keys: list }));
    return file;
  }

  const python = (token: string, jwks = jwksFile): Promise<{ decision: Decision; run: PythonRun }> => pythonDecision(token, env(jwks));

  /** Candor's verifier with the same settings as verify.py: minimum level substantial, default tolerance and lifetime. */
  const candor = (token: string, jwks: object): Promise<Decision> =>
    candorDecision(() => createVerifier({ issuer: ISS, audience: AUD, keys: jwks as { keys: JWK[] }, minimumLevel: 'substantial' }).verify(token));

  /** Asserts verify.py decides `expected`, and Candor `candorExpected` (the same unless given). */
  async function agree(token: string, expected: Decision, options: { jwks?: unknown[]; candorExpected?: Decision } = {}): Promise<PythonRun> {
    const list = options.jwks ?? [keys.ES256.publicJwk, keys.EdDSA.publicJwk];
    const { decision, run } = await python(token, options.jwks ? writeJwks('case.json', list) : jwksFile);
    expect(decision, `verify.py: ${run.stdout}`).to.equal(expected);
    expect(await candor(token, { keys: list }), 'Candor').to.equal(options.candorExpected ?? expected);
    return run;
  }

  for (const alg of ['ES256', 'EdDSA'] as const) {
    describe(`${alg} tokens`, () => {
      const key = () => keys[alg];
      const good = () => forge(key(), header(key()), claims());

      it('accepts a token issued by createIssuer, with the right customer, level, attributes and kid', async () => {
        const issuer = createIssuer({ issuer: ISS, keys: key() });
        const token = await issuer.issue({
          subject: 'customer-0042',
          audience: AUD,
          verification: { level: 'high', methods: ['document', 'liveness'], verifiedAt: new Date(Date.now() - 3_600_000), riskTier: 'medium' },
          attributes: { age_over_18: true, resident_country: 'AE' },
        });
        const run = await agree(token, 'accepted');
        expect(run.json).to.deep.equal({ accepted: true, customer: 'customer-0042', level: 'high', attributes: { age_over_18: true, resident_country: 'AE' }, kid: key().kid });
      });

      it('accepts the hand-built token every refusal below changes, also read from stdin, and typ with application/ in any case', async () => {
        await agree(await good(), 'accepted');
        const fromStdin = await runPython(['-'], env(jwksFile), `${await good()}\n`);
        expect(fromStdin.code, fromStdin.stdout + fromStdin.stderr).to.equal(0);
        expect(fromStdin.json).to.include({ accepted: true, customer: 'customer-0042', level: 'substantial', kid: key().kid });
        await agree(await forge(key(), header(key(), { typ: 'Application/Candor-Verification+JWT' }), claims()), 'accepted');
      });

      it('refuses a tampered payload (bad_signature)', async () => {
        const [h, , s] = (await good()).split('.');
        await agree(`${h}.${seg(claims({ sub: 'customer-0043' }))}.${s}`, 'bad_signature');
      });

      it('refuses a tampered signature (bad_signature)', async () => {
        await agree(resigned(await good(), (sig) => sig.map((b, i) => (i === 10 ? b ^ 1 : b))), 'bad_signature');
      });

      it('refuses a signature by another key under the trusted kid (bad_signature)', async () => {
        await agree(await forge(others[alg], header(key()), claims()), 'bad_signature');
      });

      it('refuses a kid the JWKS does not have (unknown_key), and a missing kid', async () => {
        await agree(await forge(others[alg], header(others[alg]), claims()), 'unknown_key');
        const { kid: _kid, ...noKid } = header(key());
        await agree(await forge(key(), noKid, claims()), 'unknown_key');
      });

      it('refuses alg none (unsupported_algorithm)', async () => {
        await agree(`${seg(header(key(), { alg: 'none' }))}.${seg(claims())}.`, 'unsupported_algorithm');
      });

      it('refuses HS256 with the public key as the HMAC secret (unsupported_algorithm)', async () => {
        const input = `${seg(header(key(), { alg: 'HS256' }))}.${seg(claims())}`;
        const mac = createHmac('sha256', JSON.stringify(key().publicJwk)).update(input).digest();
        await agree(`${input}.${b64url(new Uint8Array(mac))}`, 'unsupported_algorithm');
      });

      it('refuses another typ or none (wrong_type)', async () => {
        await agree(await forge(key(), header(key(), { typ: 'JWT' }), claims()), 'wrong_type');
        await agree(await forge(key(), header(key(), { typ: 'application/candor-verification+jwt; charset=utf-8' }), claims()), 'wrong_type');
        const { typ: _typ, ...noTyp } = header(key());
        await agree(await forge(key(), noTyp, claims()), 'wrong_type');
      });

      it('refuses jku, x5u, jwk and x5c headers (forbidden_header) and crit (unsupported_critical)', async () => {
        await agree(await forge(key(), header(key(), { jku: 'https://evil.example/jwks.json' }), claims()), 'forbidden_header');
        await agree(await forge(key(), header(key(), { x5u: 'https://evil.example/cert.pem' }), claims()), 'forbidden_header');
        await agree(await forge(key(), header(key(), { jwk: others[alg].publicJwk }), claims()), 'forbidden_header');
        await agree(await forge(key(), header(key(), { x5c: ['MIIB'] }), claims()), 'forbidden_header');
        await agree(await forge(key(), header(key(), { crit: ['exp'], exp: 1 }), claims()), 'unsupported_critical');
      });

      it('refuses another issuer (wrong_issuer) and another audience (wrong_audience)', async () => {
        await agree(await forge(key(), header(key()), claims({ iss: 'https://evil.example' })), 'wrong_issuer');
        await agree(await forge(key(), header(key()), claims({ aud: 'https://evil.example' })), 'wrong_audience');
        await agree(await forge(key(), header(key()), claims({ aud: ['https://evil.example'] })), 'wrong_audience');
        // An array holding our audience passes the audience check; the claims schema wants one string.
        await agree(await forge(key(), header(key()), claims({ aud: [AUD, 'https://other.example'] })), 'invalid_claims');
      });

      it('refuses an expired token (expired), and accepts one within the 30 s clock tolerance', async () => {
        const now = nowS();
        await agree(await forge(key(), header(key()), claims({ iat: now - 7200, exp: now - 3600 })), 'expired');
        await agree(await forge(key(), header(key()), claims({ iat: now - 600, exp: now - 10 })), 'accepted');
      });

      it('refuses iat or nbf in the future (not_yet_valid)', async () => {
        const now = nowS();
        await agree(await forge(key(), header(key()), claims({ iat: now + 600, exp: now + 1200 })), 'not_yet_valid');
        await agree(await forge(key(), header(key()), claims({ nbf: now + 600 })), 'not_yet_valid');
      });

      it('refuses a lifetime over 24 h (lifetime_too_long), and exp before iat (invalid_claims)', async () => {
        const now = nowS();
        await agree(await forge(key(), header(key()), claims({ iat: now - 60, exp: now - 60 + 86_401 })), 'lifetime_too_long');
        await agree(await forge(key(), header(key()), claims({ iat: now - 60, exp: now - 60 + 86_400 })), 'accepted');
        await agree(await forge(key(), header(key()), claims({ iat: now + 20, exp: now + 20 })), 'invalid_claims');
      });

      it('refuses a token without jti (missing_claim)', async () => {
        await agree(await forge(key(), header(key()), withoutJti()), 'missing_claim');
      });

      it('refuses verifiedAt after iat (verified_in_future)', async () => {
        const c = claims();
        await agree(await forge(key(), header(key()), { ...c, verification: { ...(c.verification as object), verifiedAt: (c.iat as number) + 3600 } }), 'verified_in_future');
      });

      it('refuses a level below the minimum (insufficient_level)', async () => {
        const c = claims();
        await agree(await forge(key(), header(key()), { ...c, verification: { ...(c.verification as object), level: 'low' } }), 'insufficient_level');
      });

      it('says re-verification is due (exit 3) when verifiedAt is older than the risk tier allows', async () => {
        const c = claims();
        const old = nowS() - 91 * 86_400;
        const run = await agree(await forge(key(), header(key()), { ...c, verification: { ...(c.verification as object), verifiedAt: old, riskTier: 'high' } }), 'reverification_due');
        expect(run.json).to.deep.equal({ accepted: false, reason: 'reverification_due', dueSince: new Date((old + 90 * 86_400) * 1000).toISOString(), customer: 'customer-0042' });
      });

      it('refuses a payload or header with a member name twice (malformed)', async () => {
        const twice = JSON.stringify(claims()).replace('{', `{"aud":"https://other.example",`);
        await agree(await forge(key(), header(key()), b64url(twice)), 'malformed');
        const escaped = JSON.stringify(claims()).replace('{', '{"\\u0073ub":"customer-0043",');
        await agree(await forge(key(), header(key()), b64url(escaped)), 'malformed');
        const headerTwice = JSON.stringify(header(key())).replace('{', '{"typ":"JWT",');
        await agree(await forge(key(), b64url(headerTwice), claims()), 'malformed');
      });

      it('refuses an own __proto__ key in attributes, unknown claims and NaN (invalid_claims, malformed)', async () => {
        const proto = JSON.stringify(claims()).replace('"attributes":{', '"attributes":{"__proto__":true,');
        await agree(await forge(key(), header(key()), b64url(proto)), 'invalid_claims');
        await agree(await forge(key(), header(key()), claims({ birthdate: '1990-01-01' })), 'invalid_claims');
        await agree(await forge(key(), header(key()), claims({ attributes: { date_of_birth: '1990-01-01' } })), 'invalid_claims');
        const nan = JSON.stringify(claims()).replace('"age_over_18":true', '"age_over_18":NaN');
        await agree(await forge(key(), header(key()), b64url(nan)), 'malformed');
      });

      it('refuses non-canonical base64url (stray bits in the last character of the signature) (malformed)', async () => {
        const token = await good();
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const twin = alphabet[alphabet.indexOf(token.at(-1)!) + 1]!;
        await agree(`${token.slice(0, -1)}${twin}`, 'malformed');
      });
    });
  }

  describe('signature encodings', () => {
    it('ES256: accepts the high-S twin of a signature (s -> n - s), as Candor and WebCrypto do: RFC 7518 does not require low S', async () => {
      const twin = resigned(await forge(keys.ES256, header(keys.ES256), claims()), (sig) => {
        const s = toBig(sig.slice(32));
        return new Uint8Array([...sig.slice(0, 32), ...fromBig(P256_N - s, 32)]);
      });
      await agree(twin, 'accepted');
    });

    it('ES256: refuses r or s of 0 or n, and a signature that is not 64 bytes (bad_signature)', async () => {
      const token = await forge(keys.ES256, header(keys.ES256), claims());
      await agree(resigned(token, (sig) => new Uint8Array([...sig.slice(0, 32), ...fromBig(0n, 32)])), 'bad_signature');
      await agree(resigned(token, (sig) => new Uint8Array([...fromBig(P256_N, 32), ...sig.slice(32)])), 'bad_signature');
      await agree(resigned(token, (sig) => new Uint8Array([...sig.slice(0, 32), ...fromBig(P256_N, 32)])), 'bad_signature');
      await agree(resigned(token, (sig) => new Uint8Array([...sig.slice(0, 32), ...fromBig(toBig(sig.slice(32)) + P256_N, 33)])), 'bad_signature');
      await agree(resigned(token, (sig) => sig.slice(0, 63)), 'bad_signature');
    });

    it('EdDSA: refuses a non-canonical S (S + L, which lenient verifiers accept) (bad_signature)', async () => {
      const token = await forge(keys.EdDSA, header(keys.EdDSA), claims());
      const littleEndian = (b: Uint8Array) => toBig(b.slice().reverse());
      const highS = resigned(token, (sig) => new Uint8Array([...sig.slice(0, 32), ...fromBig(littleEndian(sig.slice(32)) + ED25519_L, 32).reverse()]));
      await agree(highS, 'bad_signature');
    });

    it('EdDSA: refuses an R that is not a valid point encoding (bad_signature)', async () => {
      const token = await forge(keys.EdDSA, header(keys.EdDSA), claims());
      // y = 2^255 - 1 >= p: not a canonical encoding of any point.
      await agree(resigned(token, (sig) => new Uint8Array([...new Uint8Array(31).fill(0xff), 0x7f, ...sig.slice(32)])), 'bad_signature');
    });
  });

  describe('keys', () => {
    it('picks the key by kid and alg among several, skips keys not for signing, and accepts the same key listed twice', async () => {
      const token = await forge(keys.EdDSA, header(keys.EdDSA), claims());
      const list = [{ ...keys.EdDSA.publicJwk, use: 'enc' }, others.ES256.publicJwk, keys.ES256.publicJwk, keys.EdDSA.publicJwk, keys.EdDSA.publicJwk];
      await agree(token, 'accepted', { jwks: list });
      await agree(token, 'unknown_key', { jwks: [{ ...keys.EdDSA.publicJwk, use: 'enc' }, keys.ES256.publicJwk] });
      await agree(token, 'unknown_key', { jwks: [{ ...keys.EdDSA.publicJwk, key_ops: ['sign'] }, keys.ES256.publicJwk] });
      // An issuer may publish an ES256 and an EdDSA key under one kid: the token's alg decides.
      const shared = await forge(keys.ES256, header(keys.ES256, { kid: 'k1' }), claims());
      await agree(shared, 'accepted', { jwks: [{ ...keys.EdDSA.publicJwk, kid: 'k1' }, { ...keys.ES256.publicJwk, kid: 'k1' }] });
    });

    it('refuses two different keys under one kid and alg (unknown_key)', async () => {
      const token = await forge(keys.ES256, header(keys.ES256), claims());
      await agree(token, 'unknown_key', { jwks: [keys.ES256.publicJwk, { ...others.ES256.publicJwk, kid: keys.ES256.kid }] });
    });

    it('finds a key without kid by its RFC 7638 thumbprint', async () => {
      const { kid: _kid, ...noKid } = keys.EdDSA.publicJwk;
      await agree(await forge(keys.EdDSA, header(keys.EdDSA), claims()), 'accepted', { jwks: [noKid] });
    });

    it('refuses a JWKS with no usable key, and a P-256 key that is not on the curve (invalid_key)', async () => {
      const token = await forge(keys.ES256, header(keys.ES256), claims());
      await agree(token, 'invalid_key', { jwks: [{ ...keys.ES256.publicJwk, use: 'enc' }] });
      const y = bytes(keys.ES256.publicJwk.y!);
      y[31] = y[31]! ^ 1;
      await agree(token, 'invalid_key', { jwks: [{ ...keys.ES256.publicJwk, y: b64url(y) }] });
    });

    it('refuses an Ed25519 public key that is not a valid point encoding', async () => {
      const token = await forge(keys.EdDSA, header(keys.EdDSA), claims());
      // y = 2 has no x on the curve (RFC 8032 §5.1.3 decoding fails).
      const notAPoint = b64url(new Uint8Array([2, ...new Uint8Array(31)]));
      const { decision } = await python(token, writeJwks('bad-ed.json', [{ ...keys.EdDSA.publicJwk, x: notAPoint }]));
      expect(decision).to.equal('invalid_key');
      // Candor (WebCrypto) imports the key and then finds the signature does not verify: refused too.
      expect(await candor(token, { keys: [{ ...keys.EdDSA.publicJwk, x: notAPoint }] })).to.not.equal('accepted');
    });

    it('fetches the JWKS over http on the loopback, and refuses plain http elsewhere', async () => {
      const server = await serveJwks({ keys: () => ({ keys: [keys.ES256.publicJwk, keys.EdDSA.publicJwk] }) });
      try {
        const token = await forge(keys.EdDSA, header(keys.EdDSA), claims());
        const { decision, run } = await python(token, server.jwksUrl);
        expect(decision, run.stdout).to.equal('accepted');
        expect((await python(token, `${server.url}/missing.json`)).decision).to.equal('jwks_unavailable');
        expect((await python(token, 'http://bank.example/.well-known/jwks.json')).decision).to.equal('jwks_unavailable');
      } finally {
        await server.close();
      }
    });
  });

  it('a JWKS server that answers with something that is not HTTP is jwks_unavailable, one line of JSON, not a traceback', async () => {
    const sockets = new Set<Socket>();
    const server = createNetServer((socket) => {
      sockets.add(socket);
      socket.end('NOT-HTTP garbage\r\n\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const token = await forge(keys.EdDSA, header(keys.EdDSA), claims());
      const { decision, run } = await python(token, `http://127.0.0.1:${port}/.well-known/jwks.json`);
      expect(decision, run.stderr).to.equal('jwks_unavailable');
      expect(run.stderr, 'a traceback').to.not.include('Traceback');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('exits 2 with a usage line when the token or the settings are missing', async () => {
    for (const [args, e] of [[[], env(jwksFile)], [['x'], { CANDOR_ISSUER: ISS, CANDOR_AUDIENCE: AUD }], [['x'], env(jwksFile, { CANDOR_MINIMUM_LEVEL: 'medium' })]] as const) {
      const run = await runPython([...args], { ...e });
      expect(run.code).to.equal(2);
      expect(run.stderr).to.include('Usage:');
    }
  });

  it('verifies a token in well under a second', async () => {
    const token = await forge(keys.ES256, header(keys.ES256), claims());
    const started = Date.now();
    await python(token);
    expect(Date.now() - started).to.be.below(3000); // interpreter start-up included, on a busy machine
  });

  it('uses nothing but the standard library', async () => {
    const probe = spawnSync(PYTHON, ['-I', '-S', '-c', `import ast, sys
tree = ast.parse(open(${JSON.stringify(SCRIPT)}).read())
names = {a.name.split('.')[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
names |= {n.module.split('.')[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
print(" ".join(sorted(names)))`], { encoding: 'utf8' });
    expect(probe.status, probe.stderr).to.equal(0);
    const stdlib = ['base64', 'datetime', 'hashlib', 'http', 'ipaddress', 'json', 'math', 'os', 're', 'sys', 'time', 'urllib', 'zlib'];
    for (const name of probe.stdout.trim().split(' ')) expect(stdlib, name).to.include(name);
  });
});
