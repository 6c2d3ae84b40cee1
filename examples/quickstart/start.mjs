// The Candor quickstart (`npm start`): verify a customer once at the issuer, reuse the result at a
// partner. The issuer (this process) keeps its keys in a git-ignored folder, publishes its JWKS on
// 127.0.0.1 and issues a token; a partner in a separate process fetches the JWKS over HTTP and
// verifies the token. Key folder: --key-dir DIR, or CANDOR_KEY_DIR, default .candor/ at the repo root.
// The issuer identifier (`iss`) is fixed, like the keys: partners trust it by value, so it must
// not change between runs. Where the JWKS is served (a free port) is told to the partner separately.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';

// Loaded dynamically so a missing build is reported in one line, not as a module-resolution stack.
let createIssuer, loadOrCreateKeySet, serveJwks;
try {
  ({ createIssuer } = await import('@candor/core/tokens'));
  ({ loadOrCreateKeySet, serveJwks } = await import('@candor/cli'));
} catch (e) {
  console.error(`✗ The Candor packages are not built (${e.code ?? e.message}). Run \`npm start\` (it builds first) or \`npm run build\`.`);
  process.exit(1);
}

/** The issuer's identifier, the same on every run (a real issuer uses its own https origin). */
const ISSUER = 'https://bank.example';
const PARTNER_AUDIENCE = 'https://partner.example';
const PARTNER_TIMEOUT_MS = 20_000;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const step = (n, who, text) => console.log(`\n${n}. ${who.padEnd(7)} │ ${text}`);
const detail = (text) => console.log(`           │   ${text}`);

async function main() {
  const { values } = parseArgs({ options: { 'key-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log('Usage: node examples/quickstart/start.mjs [--key-dir DIR]\n  Key folder: --key-dir, else CANDOR_KEY_DIR, else .candor/ at the repo root.');
    return 0;
  }
  const keyDir = resolve(values['key-dir'] ?? process.env.CANDOR_KEY_DIR ?? resolve(repoRoot, '.candor'));
  const shown = (p) => (p.startsWith(repoRoot) ? relative(process.cwd(), p) || '.' : p);

  console.log('Candor quickstart: verify a customer once at the issuer, reuse the result at a partner.');

  // 1. Keys: generated on first run, reused afterwards.
  const { keys, path, created } = await loadOrCreateKeySet(keyDir, 'ES256');
  const kid = keys.active.kid;
  if (created) {
    step(1, 'issuer', `generated a new ${keys.active.alg} signing key (first run)`);
    detail(`kid ${kid}`);
    detail(`stored in ${shown(path)} (mode 0600, git-ignored); the next run reuses it`);
  } else {
    step(1, 'issuer', `reusing the stored ${keys.active.alg} signing key from ${shown(path)}`);
    detail(`kid ${kid} (generated on an earlier run; partners keep trusting it)`);
  }

  // 2. Publish the public keys, as a bank would at https://bank.example/.well-known/jwks.json.
  const server = await serveJwks({
    keys,
    maxAgeSeconds: 300,
    onRequest: ({ method, path, status }) => detail(`(issuer's JWKS server answered ${method} ${path}: ${status})`),
  });
  try {
    step(2, 'issuer', `publishing its public keys (JWKS) at ${server.jwksUrl}`);
    detail(`${keys.publicJwks().keys.length} public key(s), no private members; issuer id ${ISSUER} (the same on every run)`);

    // 3. The customer completes verification once; the issuer signs the result for a partner.
    const customer = { subject: 'customer-0042', name: 'Layla Haddad' };
    const issuer = createIssuer({ issuer: ISSUER, keys });
    const token = await issuer.issue({
      subject: customer.subject,
      audience: PARTNER_AUDIENCE,
      verification: { level: 'substantial', methods: ['document', 'liveness'], verifiedAt: new Date(), riskTier: 'low' },
      attributes: { age_over_18: true },
      ttlSeconds: 600,
    });
    step(3, 'issuer', `${customer.name} (${customer.subject}) verified: substantial, document + liveness, risk low`);
    detail(`issued a token for ${PARTNER_AUDIENCE}, valid 10 minutes, signed with kid ${kid}`);
    detail(`token ${token.slice(0, 24)}…${token.slice(-12)} (${token.length} chars)`);

    // 4. The partner, a separate process, verifies it with nothing but the JWKS URL.
    step(4, 'partner', 'receives the token; fetching the JWKS over HTTP and verifying (separate process)');
    const code = await runPartner({ jwksUrl: server.jwksUrl, issuer: ISSUER, audience: PARTNER_AUDIENCE, token });
    if (code !== 0) {
      console.error(`\n✗ The partner did not accept the token (partner exit code ${code}).`);
      return 1;
    }
    step(5, 'done', `verified once at the issuer, reused at the partner: no second identity check.${created ? '' : ' (keys reused from the first run)'}`);
    return 0;
  } finally {
    await server.close();
  }
}

/** Runs partner.mjs in its own Node process, token on stdin; resolves to its exit code. */
function runPartner({ jwksUrl, issuer, audience, token }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./partner.mjs', import.meta.url)), '--jwks', jwksUrl, '--iss', issuer, '--aud', audience], {
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the partner process did not finish within ${PARTNER_TIMEOUT_MS / 1000} s`));
    }, PARTNER_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`could not start the partner process: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolvePromise(code ?? (signal ? 128 : 1));
    });
    child.stdin.end(token);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    // User-facing failures (unreadable key file, port trouble) carry a message meant for people.
    const message = e && typeof e === 'object' && 'message' in e ? e.message : String(e);
    console.error(`\n✗ Quickstart failed: ${message}`);
    if (e?.code === 'invalid_keys' || e?.code === 'invalid_json') {
      console.error('  Delete the key folder to start over with fresh keys, or point --key-dir elsewhere.');
    }
    process.exitCode = 1;
  },
);
