// The partner side of the quickstart, run as its own process: it knows only the issuer's JWKS URL,
// the issuer and its own audience. Reads the token on stdin, fetches the JWKS over HTTP, verifies
// and prints the outcome. Exit code: 0 valid, 1 invalid, 3 re-verification due, 2 usage error.
import { parseArgs } from 'node:util';
import { createVerifier } from '@candor/core/tokens';
import { isCandorError } from '@candor/core/errors';

const MAX_TOKEN_STDIN_BYTES = 64 * 1024;
const line = (text) => console.log(`           │   ${text}`);

async function readToken() {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.length > MAX_TOKEN_STDIN_BYTES) throw new Error('the token on stdin is too large');
  }
  return text.trim();
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: { jwks: { type: 'string' }, iss: { type: 'string' }, aud: { type: 'string' } }, strict: true }));
  } catch (e) {
    console.error(`partner: ${e.message}`);
    return 2;
  }
  if (!values.jwks || !values.iss || !values.aud) {
    console.error('partner: usage: node partner.mjs --jwks URL --iss URL --aud URL < token');
    return 2;
  }
  const token = await readToken();
  line(`partner process pid ${process.pid}, trusting issuer ${values.iss}`);
  const verifier = createVerifier({
    issuer: values.iss,
    audience: values.aud,
    keys: values.jwks, // a JWKS URL: fetched, cached and refreshed by the verifier
    minimumLevel: 'substantial',
    jwks: { timeoutMs: 5000 },
  });
  try {
    const result = await verifier.verify(token);
    const c = result.claims;
    line(`outcome: ${result.outcome === 'valid' ? 'VALID ✓' : 'RE-VERIFICATION DUE'}  (kid ${result.header.kid}, ${result.header.alg})`);
    line(`customer ${c.sub}: level ${c.verification.level}, methods ${c.verification.methods.join(' + ')}, risk ${c.verification.riskTier}`);
    line(`attributes: ${JSON.stringify(c.attributes ?? {})}`);
    line('claims:');
    for (const l of JSON.stringify(c, null, 2).split('\n')) line(`  ${l}`);
    return result.outcome === 'valid' ? 0 : 3;
  } catch (e) {
    if (isCandorError(e)) {
      line(`outcome: INVALID ✗ (${e.code}) ${e.message}`);
      return 1;
    }
    throw e;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`partner: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
