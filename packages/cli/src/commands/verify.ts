/** `candor verify`: check a token against a JWKS file or URL, as a partner would. */
import type { JWK } from 'jose';
import { ASSURANCE_LEVELS as LEVELS, createVerifier, MAX_CLOCK_TOLERANCE_SECONDS, RISK_TIERS, type RiskTier } from '@candor/core/tokens';
import { PRIVATE_JWK_MEMBERS, SIGNING_ALGORITHMS as ALGORITHMS } from '@candor/core/keys';
import { isCandorError } from '@candor/core/errors';
import { createStatusChecker } from '@candor/core/status-list';
import { choice, formatDuration, listFlag, parseDuration, parseInteger, parseUrl, stringFlag } from '../args.js';
import { printJson, type CliContext, type Command } from '../command.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { MAX_STDIN_BYTES, readJsonFile, readStdin, readTextFile } from '../io.js';
import { verifySdJwtCommand } from './sd-jwt.js';

/** A JWKS file with more keys than this is not a key set anyone publishes. */
const MAX_JWKS_KEYS = 100;

export const verify: Command = {
  name: 'verify',
  summary: 'Verify a token or an SD-JWT presentation against a JWKS file or URL (exit 0 valid, 1 invalid, 3 re-verification due).',
  usage: 'verify (--jwks FILE|URL | --issuer-metadata) --iss URL --aud URL [options] TOKEN|-|@FILE',
  maxPositionals: 1,
  flags: {
    jwks: { type: 'string', value: 'FILE|URL', description: 'The issuer\'s public keys: a JWKS file, or its https URL (http only on the loopback). Required unless --issuer-metadata.' },
    iss: { type: 'string', value: 'URL', required: true, multiple: true, description: 'The issuer you trust (repeat to trust several).' },
    aud: { type: 'string', value: 'URL', multiple: true, description: 'Your own identifier: the audience the token (or an SD-JWT\'s key-binding JWT) must be for.' },
    audience: { type: 'string', value: 'URL', multiple: true, description: 'The same as --aud.' },
    nonce: { type: 'string', value: 'NONCE', description: 'SD-JWT: the nonce you gave the holder; the key-binding JWT must carry it.' },
    'require-key-binding': { type: 'boolean', description: 'SD-JWT: refuse a presentation without a valid key-binding JWT (needs --nonce).' },
    'issuer-metadata': { type: 'boolean', description: 'SD-JWT: find the issuer\'s keys through its /.well-known/jwt-vc-issuer metadata instead of --jwks.' },
    vct: { type: 'string', value: 'URL', multiple: true, description: 'SD-JWT: the accepted credential type(s).' },
    'min-level': { type: 'string', value: LEVELS.join('|'), description: 'Refuse tokens below this assurance level.' },
    'reverify-after': { type: 'string', value: 'TIER=DURATION', multiple: true, description: 'Maximum age of the verification per risk tier, e.g. high=30d (other tiers keep the default policy).' },
    alg: { type: 'string', value: 'LIST', description: 'Accepted algorithms, comma-separated (default ES256,EdDSA).' },
    'clock-tolerance': { type: 'string', value: 'SECONDS', description: 'Clock skew tolerated on exp/nbf/iat (default: the verifier\'s).' },
    timeout: { type: 'string', value: 'MS', description: 'Timeout for fetching a JWKS URL, in milliseconds (default 5000).' },
    'check-status': { type: 'boolean', description: 'Check the token\'s status list entry (revoked or suspended tokens are invalid, exit 1); needs exactly one --iss.' },
    'require-status': { type: 'boolean', description: 'With --check-status: refuse tokens that carry no status claim.' },
  },
  notes: [
    'TOKEN is the token itself, - to read it from stdin, or @FILE to read it from a file. A "Bearer " prefix and surrounding whitespace are ignored.',
    'Prints JSON on stdout: {"valid": true, "outcome": "valid", "kid", "alg", "claims"};',
    '{"valid": false, "code", "message"} when invalid (exit 1); or, when the verification is too old',
    'for the customer\'s risk tier, {"valid": false, "outcome": "reverification_due", "code": "reverification_due",',
    '"dueSince", "maxAgeSeconds", "claims"} (exit 3: ask the customer to verify again).',
    'An input with "~" is an SD-JWT presentation (RFC 9901): {"valid": true, "format": "dc+sd-jwt", "disclosed", "keyBound", "claims"} when valid.',
    'Whether key binding is required is your policy (--require-key-binding), never read from the presentation; a key-binding JWT that is present is always checked.',
  ],
  examples: [
    'candor verify --jwks https://bank.example/.well-known/jwks.json --iss https://bank.example --aud https://partner.example "$TOKEN"',
    'echo "$TOKEN" | candor verify --jwks jwks.json --iss https://bank.example --aud https://partner.example --min-level substantial -',
    'candor verify --issuer-metadata --iss https://bank.example --aud https://partner.example --require-key-binding --nonce "$NONCE" @presentation.txt',
  ],
  async run(flags, positionals, ctx) {
    const cmd = this.name;
    const tokenArg = positionals[0];
    if (tokenArg === undefined) throw new CliError('usage', `${cmd}: missing TOKEN. Pass the token as the last argument, - to read it from stdin, or @FILE.`);
    const minLevelFlag = stringFlag(flags, 'min-level');
    const minimumLevel = minLevelFlag === undefined ? undefined : choice(cmd, 'min-level', minLevelFlag, LEVELS);
    const algorithms = stringFlag(flags, 'alg') === undefined ? undefined : listFlag(flags, 'alg').map((a) => choice(cmd, 'alg', a, ALGORITHMS));
    const tolFlag = stringFlag(flags, 'clock-tolerance');
    const clockToleranceSeconds = tolFlag === undefined ? undefined : parseInteger(cmd, 'clock-tolerance', tolFlag, 0, MAX_CLOCK_TOLERANCE_SECONDS);
    const timeoutFlag = stringFlag(flags, 'timeout');
    const timeoutMs = timeoutFlag === undefined ? 5000 : parseInteger(cmd, 'timeout', timeoutFlag, 100, 60_000);
    const reverificationPolicy = parsePolicy(cmd, listFlag(flags, 'reverify-after'));
    const audiences = [...listFlag(flags, 'aud'), ...listFlag(flags, 'audience')];
    if (audiences.length === 0) throw new CliError('usage', `${cmd}: missing --aud URL (your own identifier: the audience the token must be for).`);
    const jwksFlag = stringFlag(flags, 'jwks');
    const useMetadata = flags['issuer-metadata'] === true;
    if (useMetadata && jwksFlag !== undefined) throw new CliError('usage', `${cmd}: pass either --jwks or --issuer-metadata, not both.`);
    if (!useMetadata && jwksFlag === undefined) throw new CliError('usage', `${cmd}: missing --jwks FILE|URL (the issuer's public keys), or --issuer-metadata for an SD-JWT issuer that publishes /.well-known/jwt-vc-issuer.`);
    const keys = jwksFlag === undefined ? undefined : await jwksSource(cmd, jwksFlag);
    let token: string;
    try {
      token = await readToken(cmd, tokenArg, ctx);
    } catch (e) {
      // An oversized token is a verdict on the token, like the verifier's own too_large.
      if (!(e instanceof CliError && e.code === 'stdin_too_large')) throw e;
      printJson(ctx, { valid: false, code: 'too_large', message: e.message });
      return ExitCode.invalid;
    }

    const issuers = listFlag(flags, 'iss');
    if (flags['require-status'] && !flags['check-status']) throw new CliError('usage', `${cmd}: --require-status needs --check-status.`);
    if (flags['check-status'] && issuers.length !== 1) throw new CliError('usage', `${cmd}: --check-status needs exactly one --iss: the issuer whose status lists are trusted.`);
    if (flags['check-status'] && keys === undefined) throw new CliError('usage', `${cmd}: --check-status needs --jwks: the keys the issuer signs its status lists with.`);
    const status = flags['check-status'] ? createStatusChecker({ issuer: issuers[0]!, keys: keys!, jwks: { timeoutMs }, timeoutMs }) : undefined;
    const sdFlags = (['nonce', 'require-key-binding', 'issuer-metadata', 'vct'] as const).filter((f) => flags[f] !== undefined);
    if (token.includes('~')) {
      const tokenOnly = (['min-level', 'reverify-after', 'require-status'] as const).filter((f) => flags[f] !== undefined);
      if (tokenOnly.length > 0) throw new CliError('usage', `${cmd}: --${tokenOnly[0]} is for Candor tokens; this input is an SD-JWT presentation (it contains "~").`);
      const vcts = listFlag(flags, 'vct');
      const nonce = stringFlag(flags, 'nonce');
      return verifySdJwtCommand(
        token,
        {
          options: {
            issuer: issuers.length === 1 ? issuers[0]! : issuers,
            audience: audiences.length === 1 ? audiences[0]! : audiences,
            requireKeyBinding: flags['require-key-binding'] === true,
            ...(keys ? { keys } : { issuerMetadata: true }),
            jwks: { timeoutMs },
            ...(vcts.length > 0 ? { vct: vcts } : {}),
            ...(algorithms ? { algorithms } : {}),
            ...(clockToleranceSeconds !== undefined ? { clockToleranceSeconds } : {}),
            ...(status ? { status } : {}),
          },
          nonce,
        },
        ctx,
      );
    }
    if (sdFlags.length > 0 || keys === undefined) {
      throw new CliError('usage', `${cmd}: --${sdFlags[0] ?? 'issuer-metadata'} is for SD-JWT presentations (which contain "~"); this input is a compact token.`);
    }
    const verifier = createVerifier({
      issuer: issuers.length === 1 ? issuers[0]! : issuers,
      audience: audiences.length === 1 ? audiences[0]! : audiences,
      keys,
      jwks: { timeoutMs },
      ...(algorithms ? { algorithms } : {}),
      ...(minimumLevel ? { minimumLevel } : {}),
      ...(clockToleranceSeconds !== undefined ? { clockToleranceSeconds } : {}),
      ...(Object.keys(reverificationPolicy).length > 0 ? { reverificationPolicy } : {}),
      ...(status ? { status, requireStatus: flags['require-status'] === true } : {}),
    });
    return report(ctx, () => verifier.verify(token));
  },
};

async function report(ctx: CliContext, verifyOnce: () => ReturnType<ReturnType<typeof createVerifier>['verify']>): Promise<ExitCode> {
  try {
    const result = await verifyOnce();
    if (result.outcome === 'valid') {
      printJson(ctx, { valid: true, outcome: 'valid', kid: result.header.kid, alg: result.header.alg, claims: result.claims });
      return ExitCode.ok;
    }
    printJson(ctx, {
      valid: false,
      outcome: 'reverification_due',
      code: 'reverification_due',
      message: `The signature and claims are valid, but the verification is older than the ${formatDuration(result.maxAgeSeconds)} allowed for risk tier "${result.claims.verification.riskTier}": ask the customer to verify again.`,
      dueSince: result.dueSince.toISOString(),
      maxAgeSeconds: result.maxAgeSeconds,
      kid: result.header.kid,
      alg: result.header.alg,
      claims: result.claims,
    });
    return ExitCode.reverificationDue;
  } catch (e) {
    if (isCandorError(e)) {
      // A bad option is the caller's usage mistake, not a verdict on the token.
      if (e.code === 'invalid_options') throw new CliError('usage', `verify: ${e.message}`);
      // A JWKS member that cannot be imported is a bad --jwks input, not a verdict on the token.
      if (e.code === 'invalid_key') throw new CliError('invalid_keys', `verify: --jwks holds a key that cannot be used: ${e.message}`);
      printJson(ctx, { valid: false, code: e.code, message: e.message });
      return ExitCode.invalid;
    }
    throw e;
  }
}

/**
 * The token from the argument, stdin (`-`) or a file (`@FILE`), without what copying it from an
 * HTTP header or a file brings along: surrounding whitespace and an `Authorization: Bearer` prefix.
 */
export async function readToken(cmd: string, arg: string, ctx: CliContext): Promise<string> {
  let raw: string;
  let from: string;
  if (arg === '-') {
    raw = await readStdin(ctx.stdin);
    from = 'stdin';
  } else if (arg.startsWith('@') && arg.length > 1) {
    raw = await readTextFile(arg.slice(1), { what: 'token file', maxBytes: MAX_STDIN_BYTES });
    from = `the token file ${arg.slice(1)}`;
  } else {
    raw = arg;
    from = 'the TOKEN argument';
  }
  const token = withoutBearer(raw);
  if (token === '') {
    throw new CliError(
      'no_token',
      `${cmd}: no token in ${from}. Pass it as the last argument, or pipe it in: echo "$TOKEN" | candor verify ... -`,
    );
  }
  return token;
}

/** `Bearer eyJ…` (any case, any spacing) or ` eyJ… \n` as the bare token. */
export function withoutBearer(text: string): string {
  return text.trim().replace(/^bearer\s+/i, '').trim();
}

/** `high=30d` pairs into a reverification policy. */
function parsePolicy(cmd: string, pairs: string[]): Partial<Record<RiskTier, number>> {
  const policy: Partial<Record<RiskTier, number>> = {};
  for (const pair of pairs) {
    const [tier, duration, ...rest] = pair.split('=');
    if (tier === undefined || duration === undefined || rest.length > 0) {
      throw new CliError('usage', `${cmd}: --reverify-after must look like TIER=DURATION, e.g. high=30d; got "${pair}".`);
    }
    policy[choice(cmd, 'reverify-after', tier, RISK_TIERS)] = parseDuration(cmd, 'reverify-after', duration);
  }
  return policy;
}

/** A JWKS URL (fetched by the verifier, with its timeout and size checks) or a validated JWKS file. */
async function jwksSource(cmd: string, value: string): Promise<URL | { keys: JWK[] }> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return parseUrl(cmd, 'jwks', value);
  const json = await readJsonFile(value, { what: 'JWKS file' });
  const keys = (json as { keys?: unknown } | null)?.keys;
  if (typeof json !== 'object' || json === null || !Array.isArray(keys)) {
    throw new CliError('invalid_keys', `The JWKS file ${value} is not a JWK set: expected {"keys": [...]}. Get one with \`candor jwks --keys FILE\` or from the issuer's /.well-known/jwks.json.`);
  }
  if (keys.length === 0 || keys.length > MAX_JWKS_KEYS) {
    throw new CliError('invalid_keys', `The JWKS file ${value} has ${keys.length} keys; expected 1 to ${MAX_JWKS_KEYS}.`);
  }
  keys.forEach((k, i) => {
    if (typeof k !== 'object' || k === null || Array.isArray(k)) throw new CliError('invalid_keys', `The JWKS file ${value}: keys[${i}] is not a JSON object.`);
    const priv = PRIVATE_JWK_MEMBERS.filter((m) => Object.hasOwn(k, m));
    if (priv.length > 0) {
      throw new CliError('invalid_keys', `The JWKS file ${value}: keys[${i}] holds private key material (${priv.join(', ')}). A verifier needs only public keys: use \`candor jwks --keys FILE\`.`);
    }
  });
  return { keys: keys as JWK[] };
}
