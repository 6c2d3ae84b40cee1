/** `candor keys generate|rotate|prune`: the issuer's private key set file. */
import { generateKey, KeySet, MAX_TOKEN_TTL_CEILING_SECONDS, SIGNING_ALGORITHMS as ALGORITHMS } from '@candor/core/keys';
import { choice, formatDuration, parseDate, parseDuration, requiredFlag, stringFlag } from '../args.js';
import { printJson, type Command } from '../command.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { pathExists } from '../io.js';
import { loadKeySet, saveKeySet } from '../key-store.js';

/** Summary of a key set that is safe to print: kids and algorithms, never key material. */
function describe(keys: KeySet) {
  return {
    active: { kid: keys.active.kid, alg: keys.active.alg },
    retired: keys.retired.map((r) => ({ kid: r.key.kid, alg: r.key.alg, retiredAt: r.retiredAt.toISOString(), removableAt: r.removableAt.toISOString() })),
  };
}

export const keysGenerate: Command = {
  name: 'keys generate',
  summary: 'Generate a new private key set for an issuer.',
  usage: 'keys generate [--alg ES256|EdDSA] [--max-token-ttl DURATION] [--out FILE [--force]]',
  flags: {
    alg: { type: 'string', value: 'ES256|EdDSA', description: 'Signing algorithm of the new key (default ES256).' },
    'max-token-ttl': { type: 'string', value: 'DURATION', description: 'Longest token lifetime these keys sign, e.g. 1h or 1d (default 1d); a retired key stays published this long.' },
    out: { type: 'string', value: 'FILE', description: 'Write the key set to FILE (mode 0600) instead of printing it.' },
    force: { type: 'boolean', description: 'Overwrite FILE if it already exists.' },
  },
  notes: [
    'The key set holds PRIVATE keys: keep it out of version control. Publish only `candor jwks`.',
    'With --out, prints {"written", "active", "retired"} on stdout (no key material); without it, prints the key set JSON.',
  ],
  examples: ['candor keys generate --out keys.json', 'candor keys generate --alg EdDSA --out keys.json --force'],
  async run(flags, _positionals, ctx) {
    const alg = choice(this.name, 'alg', stringFlag(flags, 'alg') ?? 'ES256', ALGORITHMS);
    const out = stringFlag(flags, 'out');
    if (out !== undefined && !flags.force && (await pathExists(out))) {
      throw new CliError('usage', `keys generate: ${out} already exists. Pass --force to replace it (its keys are lost), or use \`candor keys rotate --keys ${out}\` to add a new key.`);
    }
    const ttlFlag = stringFlag(flags, 'max-token-ttl');
    const maxTokenTtlSeconds = ttlFlag === undefined ? undefined : parseDuration(this.name, 'max-token-ttl', ttlFlag);
    if (maxTokenTtlSeconds !== undefined && maxTokenTtlSeconds > MAX_TOKEN_TTL_CEILING_SECONDS) {
      throw new CliError('usage', `keys generate: --max-token-ttl ${ttlFlag} (${formatDuration(maxTokenTtlSeconds)}) is over the longest a key set allows, ${formatDuration(MAX_TOKEN_TTL_CEILING_SECONDS)}.`);
    }
    const keys = await KeySet.generate(alg, maxTokenTtlSeconds === undefined ? {} : { maxTokenTtlSeconds });
    if (out === undefined) {
      printJson(ctx, await keys.toJSON());
    } else {
      await saveKeySet(out, keys);
      printJson(ctx, { written: out, ...describe(keys) });
    }
    return ExitCode.ok;
  },
};

export const keysRotate: Command = {
  name: 'keys rotate',
  summary: 'Make a new active signing key; the old one stays published until its tokens expire.',
  usage: 'keys rotate --keys FILE [--alg ES256|EdDSA]',
  flags: {
    keys: { type: 'string', value: 'FILE', required: true, description: 'The key set file to rotate (rewritten in place, mode 0600).' },
    alg: { type: 'string', value: 'ES256|EdDSA', description: 'Algorithm of the new key (default: the current active key\'s).' },
  },
  notes: ['Serve or publish the JWKS again after rotating, so partners see the new key before tokens use it.'],
  examples: ['candor keys rotate --keys keys.json', 'candor keys rotate --keys keys.json --alg EdDSA'],
  async run(flags, _positionals, ctx) {
    const path = requiredFlag(this.name, flags, 'keys');
    const algFlag = stringFlag(flags, 'alg');
    const alg = algFlag === undefined ? undefined : choice(this.name, 'alg', algFlag, ALGORITHMS);
    const keys = await loadKeySet(path);
    const previous = keys.active.kid;
    await keys.rotate(alg ? await generateKey(alg) : undefined);
    await saveKeySet(path, keys);
    printJson(ctx, { written: path, previous, ...describe(keys) });
    return ExitCode.ok;
  },
};

export const keysPrune: Command = {
  name: 'keys prune',
  summary: 'Drop retired keys whose last possible token has expired.',
  usage: 'keys prune --keys FILE [--now ISO]',
  flags: {
    keys: { type: 'string', value: 'FILE', required: true, description: 'The key set file to prune (rewritten in place, mode 0600).' },
    now: { type: 'string', value: 'ISO', description: 'Prune as of this date-time instead of now (for planning).' },
  },
  examples: ['candor keys prune --keys keys.json'],
  async run(flags, _positionals, ctx) {
    const path = requiredFlag(this.name, flags, 'keys');
    const nowFlag = stringFlag(flags, 'now');
    const now = nowFlag === undefined ? new Date() : parseDate(this.name, 'now', nowFlag);
    const keys = await loadKeySet(path);
    const pruned = keys.prune(now);
    if (pruned.length > 0) await saveKeySet(path, keys);
    printJson(ctx, { written: pruned.length > 0 ? path : null, pruned, ...describe(keys) });
    return ExitCode.ok;
  },
};
