// A minimal partner-side verifier: what a partner's Node server needs to accept a Candor token.
// Usage: CANDOR_JWKS_URL=... CANDOR_ISSUER=... CANDOR_AUDIENCE=... node verify.mjs TOKEN   (or - for stdin)
// Exit code: 0 valid, 1 invalid, 3 re-verification due, 2 usage error.
import { createVerifier } from '@candor/core/tokens';
import { isCandorError } from '@candor/core/errors';

const { CANDOR_JWKS_URL: jwksUrl, CANDOR_ISSUER: issuer, CANDOR_AUDIENCE: audience } = process.env;
const arg = process.argv[2];
if (!jwksUrl || !issuer || !audience || !arg) {
  console.error('Usage: CANDOR_JWKS_URL=URL CANDOR_ISSUER=URL CANDOR_AUDIENCE=URL node verify.mjs TOKEN|-');
  process.exit(2);
}

// Create the verifier once per process: it caches the JWKS (and refetches on an unknown kid).
const verifier = createVerifier({ issuer, audience, keys: jwksUrl, minimumLevel: 'substantial' });

async function readStdin(limit = 64 * 1024) {
  let text = '';
  for await (const chunk of process.stdin) if ((text += chunk).length > limit) throw new Error('token on stdin too large');
  return text.trim();
}

try {
  const token = arg === '-' ? await readStdin() : arg;
  const result = await verifier.verify(token);
  if (result.outcome === 'reverification_due') {
    // Signature and claims are fine, but the check is too old for this customer's risk tier.
    console.log(JSON.stringify({ accepted: false, reason: 'reverification_due', dueSince: result.dueSince, customer: result.claims.sub }));
    process.exitCode = 3;
  } else {
    const { sub, verification, attributes } = result.claims;
    console.log(JSON.stringify({ accepted: true, customer: sub, level: verification.level, attributes: attributes ?? {}, kid: result.header.kid }));
  }
} catch (e) {
  if (!isCandorError(e)) throw e;
  // e.code is stable (expired, bad_signature, wrong_audience, ...): log it, show the customer a retry.
  console.log(JSON.stringify({ accepted: false, reason: e.code, message: e.message }));
  process.exitCode = 1;
}
