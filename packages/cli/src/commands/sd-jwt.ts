/** The SD-JWT side of the CLI: `candor keys holder`, `candor present`, and the SD-JWT paths of `candor issue` and `candor verify`. */
import type { JWK } from 'jose';
import { exportPrivateJwk, generateKey, toPublicJwk, type KeySet } from '@candor/core/keys';
import { createSdJwtVerifier, importHolderKey, issueSdJwt, present as presentSdJwt, type SdJwtVerifierOptions } from '@candor/core/sd-jwt';
import { isCandorError } from '@candor/core/errors';
import type { StatusListAssignment } from '@candor/core/status-list';
import { listFlag, requiredFlag, stringFlag } from '../args.js';
import { printJson, type CliContext, type Command } from '../command.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { pathExists, readJsonFile, writePrivateFile } from '../io.js';
import { readToken } from './verify.js';

/** Reads a JWK file; `private` says whether it must hold the private key (present) or may hold either (issue). */
async function readJwkFile(cmd: string, path: string, needPrivate: boolean): Promise<JWK> {
  const json = await readJsonFile(path, { what: 'holder key file', maxBytes: 16 * 1024 });
  if (json === null || typeof json !== 'object' || Array.isArray(json) || typeof (json as JWK).kty !== 'string') {
    throw new CliError('invalid_keys', `${cmd}: the holder key file ${path} is not a JWK. Create one with \`candor keys holder --out ${path}\`.`);
  }
  const jwk = json as JWK;
  if (needPrivate && typeof jwk.d !== 'string') {
    throw new CliError('invalid_keys', `${cmd}: the holder key file ${path} has no private key ("d"); presenting with key binding needs the holder's private key file from \`candor keys holder\`.`);
  }
  return jwk;
}

export const keysHolder: Command = {
  name: 'keys holder',
  summary: 'Generate a holder key (ES256) for SD-JWT key binding: the private JWK to a file, the public JWK on stdout.',
  usage: 'keys holder --out FILE [--force]',
  flags: {
    out: { type: 'string', value: 'FILE', required: true, description: 'Write the private holder key to FILE (mode 0600).' },
    force: { type: 'boolean', description: 'Overwrite FILE if it already exists.' },
  },
  notes: ['Prints the public JWK: give it (or FILE itself) to `candor issue --holder-key` so the credential is bound to this key.'],
  examples: ['candor keys holder --out holder.json'],
  async run(flags, _positionals, ctx) {
    const out = requiredFlag(this.name, flags, 'out');
    if (!flags.force && (await pathExists(out))) {
      throw new CliError('usage', `keys holder: ${out} already exists. Pass --force to replace it (credentials bound to the old key can then no longer be presented with key binding).`);
    }
    const key = await generateKey('ES256');
    const { kid: _kid, alg: _alg, use: _use, ...priv } = await exportPrivateJwk(key);
    await writePrivateFile(out, `${JSON.stringify(priv, null, 2)}\n`);
    printJson(ctx, toPublicJwk({ ...priv, kid: key.kid }));
    return ExitCode.ok;
  },
};

/** The inputs of `candor issue` that an SD-JWT uses. */
export interface SdJwtIssueInput {
  cmd: string;
  keys: KeySet;
  issuer: string;
  vct: string | undefined;
  disclosable: string[];
  holderKeyFile: string | undefined;
  claims: Record<string, unknown>;
  ttlSeconds: number | undefined;
  decoys: number | undefined;
  /** `--status-uri` / `--status-store`: the credential's entry in a status list. */
  statusList?: StatusListAssignment;
  json: boolean;
}

/** `candor issue --disclosable ...`: prints the SD-JWT (or JSON with --json). */
export async function issueSdJwtCommand(input: SdJwtIssueInput, ctx: CliContext): Promise<ExitCode> {
  const { cmd } = input;
  if (input.vct === undefined) {
    throw new CliError('usage', `${cmd}: --disclosable issues an SD-JWT VC, which needs --vct URL (its credential type, e.g. https://bank.example/credentials/verified-customer).`);
  }
  let holderKey: JWK | undefined;
  if (input.holderKeyFile !== undefined) {
    // The file may be the holder's private key file; only its public members are bound.
    holderKey = toPublicJwk(await readJwkFile(cmd, input.holderKeyFile, false));
    delete holderKey.kid;
  }
  const sdJwt = await issueSdJwt({
    issuer: input.issuer,
    keys: input.keys,
    vct: input.vct,
    claims: input.claims,
    disclosable: input.disclosable,
    ...(holderKey ? { holderKey } : {}),
    ...(input.ttlSeconds !== undefined ? { ttlSeconds: input.ttlSeconds } : {}),
    ...(input.decoys !== undefined ? { decoys: input.decoys } : {}),
    ...(input.statusList ? { statusList: input.statusList } : {}),
  }).catch((e: unknown) => {
    if (isCandorError(e) && (e.code === 'invalid_options' || e.code === 'not_disclosable' || e.code === 'reserved_claim_name')) {
      throw new CliError('usage', `${cmd}: ${e.message}`);
    }
    if (isCandorError(e) && e.field === 'holderKey') throw new CliError('invalid_keys', `${cmd}: --holder-key ${input.holderKeyFile}: ${e.message}`);
    throw e;
  });
  if (input.json) {
    const [jwt] = sdJwt.split('~');
    const [h, p] = (jwt ?? '').split('.');
    const header = JSON.parse(Buffer.from(h ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    printJson(ctx, {
      sdJwt,
      format: 'dc+sd-jwt',
      kid: header.kid,
      alg: header.alg,
      expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000).toISOString() : null,
      disclosable: input.disclosable,
      keyBound: holderKey !== undefined,
      ...(typeof payload.jti === 'string' ? { jti: payload.jti } : {}),
      ...(payload.status !== undefined ? { status: payload.status } : {}),
    });
  } else ctx.out(`${sdJwt}\n`);
  return ExitCode.ok;
}

export const present: Command = {
  name: 'present',
  summary: 'Make an SD-JWT presentation: keep only the chosen claims, and bind it to a partner and nonce with the holder key.',
  usage: 'present --disclose LIST [--holder-key FILE --audience URL --nonce NONCE] SDJWT|-|@FILE',
  maxPositionals: 1,
  flags: {
    disclose: { type: 'string', value: 'LIST', multiple: true, required: true, description: 'Claims to disclose, comma-separated or repeated: names or dotted paths (address.locality).' },
    'holder-key': { type: 'string', value: 'FILE', description: 'The holder\'s private key file (from `candor keys holder`): adds a key-binding JWT.' },
    audience: { type: 'string', value: 'URL', description: 'The partner the presentation is for (with --holder-key).' },
    nonce: { type: 'string', value: 'NONCE', description: 'The nonce the partner gave for this request (with --holder-key).' },
  },
  notes: ['Prints the presentation on stdout. Without --holder-key it ends with "~" and carries no proof of who presents it.'],
  examples: [
    'candor present --disclose age_over_18 --holder-key holder.json --audience https://partner.example --nonce "$NONCE" @credential.txt',
  ],
  async run(flags, positionals, ctx) {
    const cmd = this.name;
    const arg = positionals[0];
    if (arg === undefined) throw new CliError('usage', `${cmd}: missing SDJWT. Pass the SD-JWT as the last argument, - to read it from stdin, or @FILE.`);
    const disclose = listFlag(flags, 'disclose');
    const holderFile = stringFlag(flags, 'holder-key');
    const audience = stringFlag(flags, 'audience');
    const nonce = stringFlag(flags, 'nonce');
    if (holderFile === undefined && (audience !== undefined || nonce !== undefined)) {
      throw new CliError('usage', `${cmd}: --audience and --nonce bind the presentation with the holder key; pass --holder-key FILE too.`);
    }
    if (holderFile !== undefined && (audience === undefined || nonce === undefined)) {
      throw new CliError('usage', `${cmd}: --holder-key needs --audience URL (the partner) and --nonce NONCE (from the partner's request).`);
    }
    let key;
    if (holderFile !== undefined) {
      key = await importHolderKey(await readJwkFile(cmd, holderFile, true)).catch((e: unknown) => {
        throw new CliError('invalid_keys', `${cmd}: --holder-key ${holderFile}: ${isCandorError(e) ? e.message : String(e)}`);
      });
    }
    const sdJwt = await readToken(cmd, arg, ctx);
    try {
      ctx.out(`${await presentSdJwt(sdJwt, { disclose, ...(key ? { keyBinding: { audience: audience!, nonce: nonce!, key } } : {}) })}\n`);
    } catch (e) {
      if (isCandorError(e) && e.code === 'invalid_options') throw new CliError('usage', `${cmd}: ${e.message.replace(/^disclose\.\d+ /, '--disclose ')}`);
      if (isCandorError(e)) throw new CliError('usage', `${cmd}: the SD-JWT cannot be presented: ${e.message}`);
      throw e;
    }
    return ExitCode.ok;
  },
};

/** What `candor verify` passes for an SD-JWT. */
export interface SdJwtVerifyInput {
  options: SdJwtVerifierOptions;
  nonce: string | undefined;
}

/** `candor verify` for a presentation with `~`: the same JSON verdicts and exit codes as for tokens. */
export async function verifySdJwtCommand(presentation: string, input: SdJwtVerifyInput, ctx: CliContext): Promise<ExitCode> {
  let verifier;
  try {
    verifier = createSdJwtVerifier(input.options);
  } catch (e) {
    if (isCandorError(e)) throw new CliError('usage', `verify: ${e.message}`);
    throw e;
  }
  try {
    const result = await verifier.verify(presentation, input.nonce === undefined ? {} : { nonce: input.nonce });
    printJson(ctx, {
      valid: true,
      outcome: 'valid',
      format: 'dc+sd-jwt',
      kid: result.header.kid,
      alg: result.header.alg,
      disclosed: result.disclosed,
      keyBound: result.keyBinding !== undefined,
      claims: result.claims,
    });
    return ExitCode.ok;
  } catch (e) {
    if (isCandorError(e)) {
      if (e.code === 'invalid_options') {
        const flag = e.field === 'nonce' ? '--nonce' : e.field;
        throw new CliError('usage', `verify: ${flag === '--nonce' ? '--require-key-binding needs --nonce NONCE (the nonce you gave the holder).' : e.message}`);
      }
      if (e.code === 'invalid_key') throw new CliError('invalid_keys', `verify: --jwks holds a key that cannot be used: ${e.message}`);
      printJson(ctx, { valid: false, code: e.code, message: e.message });
      return ExitCode.invalid;
    }
    throw e;
  }
}
