/** `candor issue`: sign a reusable-verification token for a verified customer with an issuer's key set. */
import { ASSURANCE_LEVELS as LEVELS, createIssuer, RISK_TIERS, VERIFICATION_METHODS as METHODS } from '@candor/core/tokens';
import { isCandorError } from '@candor/core/errors';
import type { ConsentRecord } from '@candor/core/models';
import { choice, formatDuration, listFlag, parseDate, parseDuration, parseInteger, parseUrl, requiredFlag, stringFlag } from '../args.js';
import { issueSdJwtCommand } from './sd-jwt.js';
import { printJson, type Command } from '../command.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { readJsonFile, readTextFile } from '../io.js';
import { loadKeySet } from '../key-store.js';
import { FileStatusListStore } from '../status-store.js';

export const issue: Command = {
  name: 'issue',
  summary: 'Sign a token saying a customer was verified (prints the token); with --disclosable, an SD-JWT VC.',
  usage: 'issue --keys FILE --iss URL --sub ID (--aud URL | --disclosable LIST --vct URL) --level LEVEL --method LIST --risk TIER [options]',
  flags: {
    keys: { type: 'string', value: 'FILE', required: true, description: 'The issuer\'s private key set file (signs with its active key).' },
    iss: { type: 'string', value: 'URL', required: true, description: 'Issuer identifier, the iss partners trust (https; http only on the loopback).' },
    sub: { type: 'string', value: 'ID', required: true, description: 'The customer\'s identifier at the issuer.' },
    aud: { type: 'string', value: 'URL', description: 'The partner the token is for (required unless --disclosable).' },
    level: { type: 'string', value: LEVELS.join('|'), required: true, description: 'Assurance level reached.' },
    method: { type: 'string', value: 'LIST', multiple: true, required: true, description: `Verification methods used, comma-separated or repeated: ${METHODS.join(', ')}.` },
    risk: { type: 'string', value: RISK_TIERS.join('|'), required: true, description: 'The customer\'s risk tier (decides when re-verification is due).' },
    'verified-at': { type: 'string', value: 'ISO', description: 'When the verification happened (default: now).' },
    ttl: { type: 'string', value: 'DURATION', description: 'Token lifetime: 600, 10m, 1h (default 1h; at most the key set\'s max token TTL, 1d by default).' },
    attr: { type: 'string', value: 'NAME=VALUE', multiple: true, description: 'An attribute to disclose: age_over_18=true (true/false become booleans, numbers become numbers).' },
    'pairwise-secret-file': { type: 'string', value: 'FILE', description: 'A file holding a secret of at least 32 bytes: the token\'s sub becomes a pairwise id, different for each --aud, so partners cannot correlate customers.' },
    consent: { type: 'string', value: 'FILE', description: 'The customer\'s consent record (JSON, from @candor/core/consent): refuse to issue unless it lists --aud for --sub (exit 1, consent_required).' },
    disclosable: { type: 'string', value: 'LIST', multiple: true, description: 'Issue an SD-JWT VC (RFC 9901) instead, in which these claims (--attr names, dotted paths) are selectively disclosable; comma-separated or repeated.' },
    vct: { type: 'string', value: 'URL', description: 'With --disclosable: the credential type (vct).' },
    'holder-key': { type: 'string', value: 'FILE', description: 'With --disclosable: the holder key file (from `candor keys holder`; only its public key is used), bound as cnf.jwk.' },
    decoys: { type: 'string', value: 'N', description: 'With --disclosable: decoy digests per _sd array (default 2, at most 16).' },
    'status-uri': { type: 'string', value: 'URL', description: 'Give the token a status list entry at this URL (the list `candor serve --status-store` publishes), so it can be revoked. Needs --status-store.' },
    'status-store': { type: 'string', value: 'FILE', description: 'The status store file (created if missing) recording each token\'s jti and index, for `candor status revoke`.' },
    json: { type: 'boolean', description: 'Print {"token", "kid", "alg", "expiresAt", "claims"} instead of the bare token ({"sdJwt", ...} with --disclosable).' },
  },
  examples: [
    'candor issue --keys keys.json --iss https://bank.example --sub cust-123 --aud https://partner.example \\\n    --level substantial --method document,liveness --risk low --attr age_over_18=true',
    'candor issue ... --ttl 10m --json',
    'candor issue --keys keys.json --iss https://bank.example --sub cust-123 --level substantial --method document --risk low \\\n    --attr age_over_18=true --attr birthdate=1990-04-01 --disclosable age_over_18,birthdate \\\n    --vct https://bank.example/credentials/verified-customer --holder-key holder.json',
    'candor issue ... --status-uri http://127.0.0.1:8787/status/1 --status-store status.json --json',
  ],
  async run(flags, _positionals, ctx) {
    const cmd = this.name;
    const level = choice(cmd, 'level', requiredFlag(cmd, flags, 'level'), LEVELS);
    const riskTier = choice(cmd, 'risk', requiredFlag(cmd, flags, 'risk'), RISK_TIERS);
    const methods = listFlag(flags, 'method').map((m) => choice(cmd, 'method', m, METHODS));
    if (methods.length === 0) throw new CliError('usage', `${cmd}: --method needs at least one of ${METHODS.join(', ')}.`);
    const verifiedAtFlag = stringFlag(flags, 'verified-at');
    const verifiedAt = verifiedAtFlag === undefined ? new Date() : parseDate(cmd, 'verified-at', verifiedAtFlag);
    const ttlFlag = stringFlag(flags, 'ttl');
    const ttlSeconds = ttlFlag === undefined ? undefined : parseDuration(cmd, 'ttl', ttlFlag);
    const attributes = parseAttributes(cmd, listAttr(flags.attr));

    const secretFile = stringFlag(flags, 'pairwise-secret-file');
    // Trailing newlines from `openssl rand -base64 48 > secret` are not part of the secret.
    const pairwiseSecret = secretFile === undefined ? undefined : (await readTextFile(secretFile, { what: 'pairwise secret file', maxBytes: 4096 })).replace(/[\r\n]+$/, '');
    const consentFile = stringFlag(flags, 'consent');
    // The record's shape is checked by the issuer against the one ConsentRecord schema.
    const consent = consentFile === undefined ? undefined : await readJsonFile(consentFile, { what: 'consent record file', maxBytes: 64 * 1024 });

    const statusUri = stringFlag(flags, 'status-uri');
    const statusStore = stringFlag(flags, 'status-store');
    if ((statusUri === undefined) !== (statusStore === undefined)) {
      throw new CliError('usage', `${cmd}: --status-uri and --status-store go together: the token points at the list, the store remembers its index for \`candor status revoke\`.`);
    }
    const status = statusUri !== undefined ? { store: new FileStatusListStore(statusStore!), uri: parseUrl(cmd, 'status-uri', statusUri).href } : undefined;

    const keysFile = requiredFlag(cmd, flags, 'keys');
    const disclosable = listFlag(flags, 'disclosable');
    const sdOnly = (['vct', 'holder-key', 'decoys'] as const).filter((f) => flags[f] !== undefined);
    if (flags.disclosable === undefined && sdOnly.length > 0) {
      throw new CliError('usage', `${cmd}: --${sdOnly[0]} is for SD-JWT credentials; pass --disclosable LIST too (the claims the holder may disclose one by one).`);
    }
    if (flags.disclosable !== undefined) {
      const tokenOnly = (['aud', 'pairwise-secret-file', 'consent'] as const).filter((f) => flags[f] !== undefined);
      if (tokenOnly.length > 0) {
        throw new CliError('usage', `${cmd}: --${tokenOnly[0]} is for Candor tokens, not SD-JWT credentials: an SD-JWT is not issued for one partner; the holder binds each presentation to its partner (candor present --audience).`);
      }
      const decoysFlag = stringFlag(flags, 'decoys');
      return issueSdJwtCommand(
        {
          cmd,
          keys: await loadKeySet(keysFile),
          issuer: requiredFlag(cmd, flags, 'iss'),
          vct: stringFlag(flags, 'vct'),
          disclosable,
          holderKeyFile: stringFlag(flags, 'holder-key'),
          claims: {
            sub: requiredFlag(cmd, flags, 'sub'),
            verification: { level, methods, verifiedAt: Math.floor(verifiedAt.getTime() / 1000), riskTier },
            ...attributes,
          },
          ttlSeconds,
          decoys: decoysFlag === undefined ? undefined : parseInteger(cmd, 'decoys', decoysFlag, 0, 16),
          ...(status ? { statusList: status } : {}),
          json: flags.json === true,
        },
        ctx,
      );
    }
    if (flags.aud === undefined) throw new CliError('usage', `${cmd}: missing --aud URL (the partner the token is for), or pass --disclosable LIST to issue an SD-JWT credential.`);
    const keys = await loadKeySet(keysFile);
    // Every limit on the claims is the issuer's (its claims schema and the key set's TTL ceiling);
    // the CLI reports its refusals in terms of the flags.
    let token: string;
    try {
      const issuer = createIssuer({
        issuer: requiredFlag(cmd, flags, 'iss'),
        keys,
        ...(pairwiseSecret !== undefined ? { pairwiseSecret } : {}),
        ...(consent !== undefined ? { requireConsentForAudiences: true } : {}),
        ...(status ? { status } : {}),
      });
      token = await issuer.issue({
        subject: requiredFlag(cmd, flags, 'sub'),
        audience: requiredFlag(cmd, flags, 'aud'),
        verification: { level, methods, verifiedAt, riskTier },
        ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
        ...(ttlSeconds !== undefined ? { ttlSeconds } : {}),
        ...(consent !== undefined ? { consent: consent as ConsentRecord } : {}),
      });
    } catch (e) {
      if (isCandorError(e) && e.field === 'ttlSeconds' && ttlSeconds !== undefined) {
        throw new CliError(
          'usage',
          `${cmd}: --ttl ${ttlFlag} (${formatDuration(ttlSeconds)}) is longer than the key set ${keysFile} signs: at most ${formatDuration(keys.maxTokenTtlSeconds)}. ` +
            'Pass a shorter --ttl, or create keys for longer-lived tokens with `candor keys generate --max-token-ttl DURATION`.',
        );
      }
      if (isCandorError(e) && e.field === 'pairwiseSecret' && pairwiseSecret !== undefined) {
        throw new CliError(
          'usage',
          `${cmd}: --pairwise-secret-file ${secretFile} holds ${new TextEncoder().encode(pairwiseSecret).length} bytes; a pairwise secret needs at least 32. Make one with \`openssl rand -base64 48 > ${secretFile}\` and keep it as secret as the keys.`,
        );
      }
      throw e;
    }
    if (flags.json) {
      const header = decodeSegment(token, 0);
      const claims = decodeSegment(token, 1);
      const exp = typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : null;
      printJson(ctx, { token, kid: header.kid, alg: header.alg, expiresAt: exp, claims });
    } else {
      ctx.out(`${token}\n`);
    }
    return ExitCode.ok;
  },
};

/** --attr values are not split on commas: an attribute value may contain one. */
function listAttr(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

/**
 * Turns NAME=VALUE pairs into typed attributes (true/false and numbers are not left as strings).
 * Which names are allowed is the claims schema's rule, applied by the issuer.
 */
export function parseAttributes(cmd: string, pairs: string[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (eq < 1) {
      throw new CliError('usage', `${cmd}: --attr must look like NAME=VALUE, e.g. age_over_18=true; got "${pair}".`);
    }
    if (Object.hasOwn(out, name)) throw new CliError('usage', `${cmd}: --attr ${name} is given twice.`);
    const raw = pair.slice(eq + 1);
    const value = raw === 'true' ? true : raw === 'false' ? false : /^-?\d{1,15}(\.\d{1,15})?$/.test(raw) ? Number(raw) : raw;
    // An own property even for "__proto__" (plain assignment would set the prototype and drop it), so the issuer sees and refuses it.
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function decodeSegment(token: string, index: number): Record<string, unknown> {
  const part = token.split('.')[index] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}
