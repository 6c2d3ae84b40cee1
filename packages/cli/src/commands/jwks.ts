/** `candor jwks`: print the public JWKS of a key set (what partners fetch). */
import { toPublicJwk } from '@candor/core/keys';
import { requiredFlag, stringFlag } from '../args.js';
import { printJson, type Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { writePrivateFile } from '../io.js';
import { loadKeySet } from '../key-store.js';

export const jwks: Command = {
  name: 'jwks',
  summary: 'Print the public JWKS of a key set (active and retired keys, no private members).',
  usage: 'jwks --keys FILE [--out FILE]',
  flags: {
    keys: { type: 'string', value: 'FILE', required: true, description: 'The private key set file.' },
    out: { type: 'string', value: 'FILE', description: 'Also write the JWKS to FILE (for static hosting).' },
  },
  examples: ['candor jwks --keys keys.json > public/.well-known/jwks.json', 'candor jwks --keys keys.json --out jwks.json'],
  async run(flags, _positionals, ctx) {
    const keys = await loadKeySet(requiredFlag(this.name, flags, 'keys'));
    // Core's public-JWK allow-list again here: what this prints is meant to be published.
    const set = { keys: keys.publicJwks().keys.map(toPublicJwk) };
    const out = stringFlag(flags, 'out');
    if (out !== undefined) await writePrivateFile(out, `${JSON.stringify(set, null, 2)}\n`, 0o644); // public by design
    printJson(ctx, set);
    return ExitCode.ok;
  },
};
