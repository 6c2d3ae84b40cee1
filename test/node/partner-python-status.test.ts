// Status lists in the Python partner verifier (examples/partner-verify/verify.py with
// CANDOR_CHECK_STATUS=1): each token, and the list it points at, served from a local http server,
// goes to verify.py and to Candor's createVerifier with a createStatusChecker, and both must reach
// the same decision (the same reason code when refused).
import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { generateKey, type CandorKey, type JWK } from '@candor/core/keys';
import { createIssuer, createVerifier } from '@candor/core/tokens';
import {
  MemoryStatusListStore,
  StatusList,
  createStatusChecker,
  createStatusListToken,
  encodeStatusList,
  revokeToken,
  suspendToken,
  unsuspendToken,
  type StatusBits,
} from '@candor/core/status-list';
import { AUD, ISS, b64url, forge } from '../core/token-kit.js';
import { candorDecision, claims, header, nowS, partnerEnv, pythonDecision, requirePython, runPython, type Decision, type PythonRun } from './support/partner-python.js';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** The jti of an issued token (the status store keeps its entry under it). */
const jtiOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { jti: string }).jti;

describe('partner verifier in Python: status lists (CANDOR_CHECK_STATUS=1)', function () {
  this.timeout(60_000);
  let dir: string;
  let jwksFile: string;
  let server: Server;
  let base: string;
  let key: CandorKey; // signs tokens and lists
  let edKey: CandorKey; // the issuer's second key, also in the JWKS
  let stranger: CandorKey; // not in the JWKS
  let jwks: { keys: JWK[] };
  const routes = new Map<string, Route>();
  /** The Accept header of every request, by path. */
  const hits = new Map<string, string[]>();

  before(async function () {
    requirePython();
    key = await generateKey('ES256');
    edKey = await generateKey('EdDSA');
    stranger = await generateKey('ES256');
    jwks = { keys: [key.publicJwk, edKey.publicJwk] };
    dir = mkdtempSync(join(tmpdir(), 'candor-partner-python-status-'));
    jwksFile = join(dir, 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify(jwks));
    server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      hits.set(path, [...(hits.get(path) ?? []), String(req.headers.accept)]);
      const route = routes.get(path);
      if (route) route(req, res);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let paths = 0;
  /** A fresh path on the server (so no case sees another's list) and its URI. */
  const newUri = () => `${base}/status/${++paths}`;
  const pathOf = (uri: string) => new URL(uri).pathname;
  /** Serves `body` at `uri` as a status list token (or runs `route` for it). */
  function serve(uri: string, body: string | Buffer | Route): string {
    routes.set(pathOf(uri), typeof body === 'function' ? body : (_req, res) => res.writeHead(200, { 'content-type': 'application/statuslist+jwt' }).end(body));
    return uri;
  }
  const redirect = (to: string, code = 302): Route => (_req, res) => res.writeHead(code, { location: to }).end();

  /** A status list token for `uri`: `bits`-bit list of `size` entries, `set` applied, claims and header overridden. */
  async function listToken(
    uri: string,
    options: { bits?: StatusBits; size?: number; set?: Record<number, number>; claims?: Record<string, unknown>; header?: Record<string, unknown>; signer?: CandorKey; lst?: string } = {},
  ): Promise<string> {
    const list = new StatusList(options.bits ?? 2, options.size ?? 64);
    for (const [idx, value] of Object.entries(options.set ?? {})) list.set(Number(idx), value);
    const signer = options.signer ?? key;
    const t = nowS();
    const json = await encodeStatusList(list);
    return forge(signer, { alg: signer.alg, kid: signer.kid, typ: 'statuslist+jwt', ...options.header }, {
      iss: ISS,
      sub: uri,
      iat: t - 10,
      exp: t + 3600,
      ttl: 300,
      status_list: options.lst === undefined ? json : { bits: json.bits, lst: options.lst },
      ...options.claims,
    });
  }
  /** A token (signed by the issuer's key) that points at entry `idx` of the list at `uri`. */
  const tokenAt = (uri: string, idx: number, extra: Record<string, unknown> = {}) => forge(key, header(key), claims({ status: { status_list: { idx, uri } }, ...extra }));

  const statusEnv = (extra: Record<string, string> = {}) => partnerEnv(jwksFile, { CANDOR_CHECK_STATUS: '1', ...extra });

  /** Candor with the settings verify.py has: minimum level substantial, a fresh status checker for the issuer (nothing cached). */
  const candor = (token: string, requireStatus = false): Promise<Decision> =>
    candorDecision(() =>
      createVerifier({ issuer: ISS, audience: AUD, keys: jwks, minimumLevel: 'substantial', status: createStatusChecker({ issuer: ISS, keys: jwks }), requireStatus }).verify(token),
    );

  /** Asserts verify.py (CANDOR_CHECK_STATUS=1) and Candor both decide `expected`; both run at once. */
  async function agree(token: string, expected: Decision, options: { requireStatus?: boolean } = {}): Promise<PythonRun> {
    const [py, ours] = await Promise.all([
      pythonDecision(token, statusEnv(options.requireStatus ? { CANDOR_REQUIRE_STATUS: '1' } : {})),
      candor(token, options.requireStatus === true),
    ]);
    expect(py.decision, `verify.py: ${py.run.stdout}`).to.equal(expected);
    expect(ours, 'Candor').to.equal(expected);
    return py.run;
  }

  describe('the list says', () => {
    it('valid: accepts a token issued with a status store, its list signed by createStatusListToken; both ask for application/statuslist+jwt', async () => {
      const uri = newUri();
      const store = new MemoryStatusListStore({ bits: 2, size: 1024 });
      const issuer = createIssuer({ issuer: ISS, keys: key, status: { store, uri } });
      const token = await issuer.issue({
        subject: 'customer-0042',
        audience: AUD,
        verification: { level: 'substantial', methods: ['document'], verifiedAt: new Date(Date.now() - 3_600_000), riskTier: 'low' },
      });
      serve(uri, await createStatusListToken({ store, uri, keys: key, issuer: ISS }));
      const run = await agree(token, 'accepted');
      expect(run.json).to.deep.equal({ accepted: true, customer: 'customer-0042', level: 'substantial', attributes: {}, kid: key.kid });
      expect(hits.get(pathOf(uri))).to.deep.equal(['application/statuslist+jwt', 'application/statuslist+jwt']);
    });

    it('revoked (status 1, set with revokeToken) is refused with revoked', async () => {
      const uri = newUri();
      const store = new MemoryStatusListStore({ bits: 2, size: 1024 });
      const token = await createIssuer({ issuer: ISS, keys: key, status: { store, uri } }).issue({
        subject: 'customer-0042',
        audience: AUD,
        verification: { level: 'high', methods: ['document', 'liveness'], verifiedAt: new Date(Date.now() - 60_000), riskTier: 'medium' },
      });
      await revokeToken(store, jtiOf(token));
      serve(uri, await createStatusListToken({ store, uri, keys: key, issuer: ISS }));
      const run = await agree(token, 'revoked');
      expect(run.json).to.include({ accepted: false, reason: 'revoked' });
    });

    it('suspended (status 2 in a 2-bit list) is refused with suspended, and accepted again once unsuspended', async () => {
      const uri = newUri();
      const store = new MemoryStatusListStore({ bits: 2, size: 256 });
      const issuer = createIssuer({ issuer: ISS, keys: key, status: { store, uri } });
      const token = await issuer.issue({
        subject: 'customer-0042',
        audience: AUD,
        verification: { level: 'substantial', methods: ['document'], verifiedAt: new Date(Date.now() - 60_000), riskTier: 'low' },
      });
      await suspendToken(store, jtiOf(token));
      serve(uri, await createStatusListToken({ store, uri, keys: key, issuer: ISS }));
      await agree(token, 'suspended');
      await unsuspendToken(store, jtiOf(token));
      serve(uri, await createStatusListToken({ store, uri, keys: key, issuer: ISS }));
      await agree(token, 'accepted');
    });

    it('reads every bit size least significant bits first: 1, 2, 4 and 8 bits, with the neighbours of the entry set', async () => {
      for (const bits of [1, 2, 4, 8] as const) {
        const max = (1 << bits) - 1;
        // Entry 13 valid, 12 revoked, 14 suspended (revoked at 1 bit), every other entry all ones: a misread bit shows.
        const set: Record<number, number> = Object.fromEntries([...Array(32).keys()].map((i) => [i, max]));
        Object.assign(set, { 12: 1, 13: 0, 14: bits === 1 ? 1 : 2 });
        const uri = newUri();
        serve(uri, await listToken(uri, { bits, size: 32, set }));
        await agree(await tokenAt(uri, 13), 'accepted');
        await agree(await tokenAt(uri, 12), 'revoked');
        await agree(await tokenAt(uri, 14), bits === 1 ? 'revoked' : 'suspended');
        await agree(await tokenAt(uri, 15), bits === 1 ? 'revoked' : 'invalid_status_list');
      }
    });

    it('a status with no meaning (3 in a 2-bit list) is refused with invalid_status_list', async () => {
      const uri = newUri();
      serve(uri, await listToken(uri, { bits: 2, set: { 5: 3 } }));
      await agree(await tokenAt(uri, 5), 'invalid_status_list');
    });

    it('an index past the end of the list is refused with invalid_status_list (the last entry is read)', async () => {
      const uri = newUri();
      serve(uri, await listToken(uri, { bits: 1, size: 16, set: { 15: 1 } }));
      await agree(await tokenAt(uri, 15), 'revoked');
      await agree(await tokenAt(uri, 16), 'invalid_status_list');
      await agree(await tokenAt(uri, 2 ** 31 - 1), 'invalid_status_list');
    });

    it('is checked before re-verification: a revoked token whose verification is old is revoked, a valid one re-verification due (exit 3)', async () => {
      const uri = newUri();
      serve(uri, await listToken(uri, { set: { 1: 1 } }));
      const c = claims();
      const old = { ...(c.verification as object), verifiedAt: nowS() - 400 * 86_400, riskTier: 'low' };
      await agree(await tokenAt(uri, 1, { verification: old }), 'revoked');
      await agree(await tokenAt(uri, 0, { verification: old }), 'reverification_due');
    });
  });

  describe('the list token', () => {
    it('with a sub other than the URI in the token is refused with invalid_status_list', async () => {
      const uri = newUri();
      serve(uri, await listToken(uri, { claims: { sub: `${base}/status/other` } }));
      await agree(await tokenAt(uri, 0), 'invalid_status_list');
      const noSub = newUri();
      serve(noSub, await listToken(noSub, { claims: { sub: undefined } }));
      await agree(await tokenAt(noSub, 0), 'invalid_status_list');
    });

    it('naming another issuer is refused with wrong_issuer; one without iss is accepted (the draft defines none)', async () => {
      const uri = newUri();
      serve(uri, await listToken(uri, { claims: { iss: 'https://evil.example' } }));
      await agree(await tokenAt(uri, 0), 'wrong_issuer');
      const noIss = newUri();
      serve(noIss, await listToken(noIss, { claims: { iss: undefined } }));
      await agree(await tokenAt(noIss, 0), 'accepted');
    });

    it('expired is refused with status_unavailable; one within the 30 s clock tolerance is accepted', async () => {
      const t = nowS();
      const uri = newUri();
      serve(uri, await listToken(uri, { claims: { iat: t - 7200, exp: t - 3600 } }));
      await agree(await tokenAt(uri, 0), 'status_unavailable');
      const tolerated = newUri();
      serve(tolerated, await listToken(tolerated, { claims: { iat: t - 7200, exp: t - 5 } }));
      await agree(await tokenAt(tolerated, 0), 'accepted');
    });

    it('issued in the future, or with nbf in the future, is refused with not_yet_valid; a bad iat, exp or nbf with invalid_status_list', async () => {
      const t = nowS();
      const cases: [Record<string, unknown>, Decision][] = [
        [{ iat: t + 600, exp: t + 3600 }, 'not_yet_valid'],
        [{ nbf: t + 600 }, 'not_yet_valid'],
        [{ iat: undefined }, 'invalid_status_list'],
        [{ iat: String(t) }, 'invalid_status_list'],
        [{ nbf: t + 0.5 }, 'invalid_status_list'],
        [{ exp: t - 20 }, 'invalid_status_list'], // exp <= iat
      ];
      for (const [change, expected] of cases) {
        const uri = newUri();
        serve(uri, await listToken(uri, { claims: change }));
        await agree(await tokenAt(uri, 0), expected);
      }
    });

    it('with a ttl that is not a positive number is refused with invalid_status_list; a fractional ttl and none are accepted', async () => {
      for (const [ttl, expected] of [[0, 'invalid_status_list'], ['300', 'invalid_status_list'], [-1, 'invalid_status_list'], [0.5, 'accepted'], [undefined, 'accepted']] as const) {
        const uri = newUri();
        serve(uri, await listToken(uri, { claims: { ttl } }));
        await agree(await tokenAt(uri, 0), expected);
      }
    });

    it('signed by a key the JWKS does not have is refused with unknown_key; by another key under the issuer kid with bad_signature; by the issuer EdDSA key accepted', async () => {
      const uri = newUri();
      serve(uri, await listToken(uri, { signer: stranger }));
      await agree(await tokenAt(uri, 0), 'unknown_key');
      const impostor = newUri();
      serve(impostor, await listToken(impostor, { signer: stranger, header: { kid: key.kid } }));
      await agree(await tokenAt(impostor, 0), 'bad_signature');
      const ed = newUri();
      serve(ed, await listToken(ed, { signer: edKey }));
      await agree(await tokenAt(ed, 0), 'accepted');
    });

    it('with another typ is refused with wrong_type (a Candor token served as a list too); application/statuslist+jwt in any case is accepted', async () => {
      for (const [typ, expected] of [['JWT', 'wrong_type'], ['candor-verification+jwt', 'wrong_type'], [undefined, 'wrong_type'], ['Application/StatusList+JWT', 'accepted']] as const) {
        const uri = newUri();
        serve(uri, await listToken(uri, { header: { typ } }));
        await agree(await tokenAt(uri, 0), expected);
      }
    });

    it('with the header rules of tokens: alg none, jku and crit are refused (unsupported_algorithm, forbidden_header, unsupported_critical)', async () => {
      const uri = newUri();
      const [h, p] = (await listToken(uri)).split('.') as [string, string];
      const none = b64url(JSON.stringify({ ...JSON.parse(Buffer.from(h, 'base64url').toString()), alg: 'none' }));
      serve(uri, `${none}.${p}.`);
      await agree(await tokenAt(uri, 0), 'unsupported_algorithm');
      const jku = newUri();
      serve(jku, await listToken(jku, { header: { jku: `${base}/evil-jwks.json` } }));
      await agree(await tokenAt(jku, 0), 'forbidden_header');
      const crit = newUri();
      serve(crit, await listToken(crit, { header: { crit: ['exp'] } }));
      await agree(await tokenAt(crit, 0), 'unsupported_critical');
    });

    it('that is not a JWS, is empty, is not UTF-8, or has a member name twice is refused (malformed, invalid_input)', async () => {
      for (const [body, expected] of [['<html>Service unavailable</html>', 'malformed'], ['', 'invalid_input'], [Buffer.from([0xff, 0xfe, 0x41]), 'malformed']] as const) {
        const uri = newUri();
        serve(uri, body);
        await agree(await tokenAt(uri, 0), expected);
      }
      const uri = newUri();
      const t = nowS();
      const payload = `{"sub":"${base}/status/elsewhere","iss":"${ISS}","sub":"${uri}","iat":${t},"status_list":${JSON.stringify(await encodeStatusList(new StatusList(1, 8)))}}`;
      serve(uri, await forge(key, { alg: key.alg, kid: key.kid, typ: 'statuslist+jwt' }, b64url(payload)));
      await agree(await tokenAt(uri, 0), 'malformed');
    });

    it('served with surrounding whitespace (a trailing newline) is read as the token', async () => {
      const uri = newUri();
      serve(uri, `\r\n ${await listToken(uri, { set: { 3: 2 } })}\n\n`);
      await agree(await tokenAt(uri, 3), 'suspended');
    });
  });

  describe('the list itself (status_list { bits, lst })', () => {
    it('a decompression bomb (5 MiB of zeros in 5 KiB of lst) is refused with too_large', async () => {
      const uri = newUri();
      const bomb = b64url(new Uint8Array(deflateSync(Buffer.alloc(5 * 1024 * 1024))));
      expect(bomb.length).to.be.below(10_000);
      serve(uri, await listToken(uri, { lst: bomb }));
      await agree(await tokenAt(uri, 0), 'too_large');
      // Just under the 4 MiB cap inflates and is read.
      const big = newUri();
      serve(big, await listToken(big, { bits: 1, lst: b64url(new Uint8Array(deflateSync(Buffer.alloc(4 * 1024 * 1024)))) }));
      await agree(await tokenAt(big, 2 ** 25 - 1), 'accepted');
    });

    it('a non-canonical lst (padding, stray bits, base64 alphabet) is refused with invalid_status_list', async () => {
      const { lst } = await encodeStatusList(new StatusList(2, 64));
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      expect(lst.length % 4, 'the last character carries spare bits').to.not.equal(0);
      const strayBits = `${lst.slice(0, -1)}${alphabet[alphabet.indexOf(lst.at(-1)!) + 1]}`;
      const padded = `${lst}${'='.repeat((4 - (lst.length % 4)) % 4)}`;
      const standard = Buffer.from(lst, 'base64url').toString('base64').replace(/=+$/, '');
      for (const bad of [strayBits, padded, ...(standard === lst ? [] : [standard]), '']) {
        const uri = newUri();
        serve(uri, await listToken(uri, { lst: bad }));
        await agree(await tokenAt(uri, 0), 'invalid_status_list');
      }
    });

    it('bits other than 1, 2, 4, 8, and lst that is not one complete zlib stream, are refused with invalid_status_list', async () => {
      const good = deflateSync(Buffer.alloc(8));
      const corrupt = Buffer.from(good);
      corrupt[corrupt.length - 1]! ^= 1; // Adler-32 check fails
      const cases: Record<string, unknown>[] = [
        { status_list: { bits: 3, lst: b64url(new Uint8Array(good)) } },
        { status_list: { bits: true, lst: b64url(new Uint8Array(good)) } },
        { status_list: { bits: '1', lst: b64url(new Uint8Array(good)) } },
        { status_list: { bits: 1, lst: b64url('not zlib at all') } },
        { status_list: { bits: 1, lst: b64url(new Uint8Array(good.subarray(0, good.length - 2))) } },
        { status_list: { bits: 1, lst: b64url(new Uint8Array(corrupt)) } },
        { status_list: { bits: 1, lst: b64url(new Uint8Array(deflateSync(Buffer.alloc(0)))) } }, // an empty list
        { status_list: [1] },
        { status_list: undefined },
      ];
      for (const change of cases) {
        const uri = newUri();
        serve(uri, await listToken(uri, { claims: change }));
        await agree(await tokenAt(uri, 0), 'invalid_status_list');
      }
    });
    it('bytes after the end of the zlib stream are refused by both (invalid_status_list)', async () => {
      const uri = newUri();
      const trailing = Buffer.concat([deflateSync(Buffer.alloc(8)), Buffer.from([0, 0])]);
      serve(uri, await listToken(uri, { bits: 1, lst: b64url(new Uint8Array(trailing)) }));
      await agree(await tokenAt(uri, 0), 'invalid_status_list');
    });
  });

  describe('fetching the list', () => {
    it('a 404, a 500 and a 204 are refused with status_unavailable or invalid_input (an empty 2xx is the answer)', async () => {
      const missing = newUri(); // nothing served there
      await agree(await tokenAt(missing, 0), 'status_unavailable');
      const failing = serve(newUri(), (_req, res) => res.writeHead(500).end('oops'));
      await agree(await tokenAt(failing, 0), 'status_unavailable');
      const noContent = serve(newUri(), (_req, res) => res.writeHead(204).end());
      await agree(await tokenAt(noContent, 0), 'invalid_input');
    });

    it('an unreachable server is refused with status_unavailable', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      await agree(await tokenAt(`http://127.0.0.1:${port}/status/1`, 0), 'status_unavailable');
    });

    it('a server that never answers is refused with status_unavailable after the 5 s timeout', async function () {
      this.timeout(30_000);
      const uri = serve(newUri(), () => {}); // holds the request open
      const started = Date.now();
      await agree(await tokenAt(uri, 0), 'status_unavailable');
      expect(Date.now() - started).to.be.within(4_500, 15_000);
    });

    it('a response over 1 MiB is refused with too_large, announced or not (chunked)', async () => {
      const announced = serve(newUri(), 'x'.repeat(1024 * 1024 + 1));
      await agree(await tokenAt(announced, 0), 'too_large');
      const chunked = serve(newUri(), (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/statuslist+jwt' });
        for (let i = 0; i < 17; i++) res.write('x'.repeat(64 * 1024));
        res.end();
      });
      await agree(await tokenAt(chunked, 0), 'too_large');
    });

    it('follows redirects (301, 302, 303, 307, 308) on the loopback; the list sub stays the URI in the token', async () => {
      for (const code of [301, 302, 303, 307, 308]) {
        const uri = newUri();
        const target = newUri();
        serve(target, await listToken(uri, { set: { 2: 1 } }));
        serve(uri, redirect(pathOf(target), code)); // a relative Location
        await agree(await tokenAt(uri, 0), 'accepted');
        await agree(await tokenAt(uri, 2), 'revoked');
      }
      // A list whose sub is where it was served from, not the URI in the token, is not this token's list.
      const uri = newUri();
      const target = newUri();
      serve(target, await listToken(target));
      serve(uri, redirect(target));
      await agree(await tokenAt(uri, 0), 'invalid_status_list');
    });

    it('refuses a redirect loop, a sixth redirect, a redirect to plain http off the loopback, and one without Location (status_unavailable)', async () => {
      const loop = newUri();
      serve(loop, redirect(loop));
      await agree(await tokenAt(loop, 0), 'status_unavailable');

      const chain = [...Array(7).keys()].map(() => newUri());
      for (let i = 0; i < 6; i++) serve(chain[i]!, redirect(chain[i + 1]!));
      serve(chain[6]!, await listToken(chain[0]!));
      await agree(await tokenAt(chain[0]!, 0), 'status_unavailable'); // 6 redirects
      await agree(await tokenAt(chain[1]!, 0), 'invalid_status_list'); // 5 redirects are followed (then sub differs)

      const offLoopback = serve(newUri(), redirect('http://bank.example/status/1'));
      await agree(await tokenAt(offLoopback, 0), 'status_unavailable');
      const noLocation = serve(newUri(), (_req, res) => res.writeHead(302).end());
      await agree(await tokenAt(noLocation, 0), 'status_unavailable');
    });
  });

  describe('the switch', () => {
    it('a token with no status claim is accepted, or refused with missing_claim under CANDOR_REQUIRE_STATUS=1 (requireStatus)', async () => {
      const token = await forge(key, header(key), claims());
      await agree(token, 'accepted');
      await agree(token, 'missing_claim', { requireStatus: true });
      const uri = newUri();
      serve(uri, await listToken(uri));
      await agree(await tokenAt(uri, 0), 'accepted', { requireStatus: true });
    });

    it('is off by default: without CANDOR_CHECK_STATUS a revoked token is accepted and the list is never fetched', async () => {
      const uri = newUri();
      serve(uri, await listToken(uri, { set: { 0: 1 } }));
      const token = await tokenAt(uri, 0);
      for (const off of [{}, { CANDOR_CHECK_STATUS: '0' }, { CANDOR_CHECK_STATUS: '' }] as Record<string, string>[]) {
        const { decision } = await pythonDecision(token, partnerEnv(jwksFile, off));
        expect(decision).to.equal('accepted');
      }
      expect(hits.get(pathOf(uri))).to.equal(undefined);
      expect(await candorDecision(() => createVerifier({ issuer: ISS, audience: AUD, keys: jwks, minimumLevel: 'substantial' }).verify(token))).to.equal('accepted');
      await agree(token, 'revoked');
    });

    it('exits 2 with the usage line for CANDOR_REQUIRE_STATUS without CANDOR_CHECK_STATUS, and for values other than 0 and 1', async () => {
      const token = await forge(key, header(key), claims());
      for (const extra of [{ CANDOR_REQUIRE_STATUS: '1' }, { CANDOR_CHECK_STATUS: 'yes' }, { CANDOR_CHECK_STATUS: '1', CANDOR_REQUIRE_STATUS: 'true' }] as Record<string, string>[]) {
        const run = await runPython([token], partnerEnv(jwksFile, extra));
        expect(run.code, JSON.stringify(extra)).to.equal(2);
        expect(run.stdout).to.equal('');
        expect(run.stderr).to.include('Usage:').and.include('CANDOR_CHECK_STATUS=1');
      }
    });
  });
});
