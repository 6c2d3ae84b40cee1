/** `candor serve`: run the local JWKS server for a key file until interrupted, picking up rotations. */
import { watchFile, unwatchFile } from 'node:fs';
import type { KeySet } from '@candor/core/keys';
import { createStatusListToken, STATUS_LIST_MEDIA_TYPE } from '@candor/core/status-list';
import { parseDuration, parseInteger, parseUrl, requiredFlag, stringFlag } from '../args.js';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { serveJwks, type JwksServer } from '../jwks-server.js';
import { loadKeySet } from '../key-store.js';
import { FileStatusListStore } from '../status-store.js';

export const serve: Command = {
  name: 'serve',
  summary: 'Serve a key set\'s public JWKS on http://127.0.0.1:PORT/.well-known/jwks.json, SD-JWT VC issuer metadata, and status lists.',
  usage: 'serve --keys FILE [--port N] [--max-age SECONDS] [--iss URL] [--status-store FILE --iss URL [--status-ttl DURATION]]',
  flags: {
    keys: { type: 'string', value: 'FILE', required: true, description: 'The private key set file (re-read when it changes, e.g. after `candor keys rotate`).' },
    port: { type: 'string', value: 'N', description: 'Port on 127.0.0.1 (default 0: a free port, printed at start).' },
    'max-age': { type: 'string', value: 'SECONDS', description: 'cache-control max-age partners may cache the set for (default 300).' },
    'status-store': { type: 'string', value: 'FILE', description: 'Also publish the status lists of this store (from `candor issue --status-store`), each at the path of its URI, signed with the current key. Needs --iss.' },
    iss: { type: 'string', value: 'URL', description: 'The issuer identifier for /.well-known/jwt-vc-issuer (default: this server\'s URL, http://127.0.0.1:PORT); with --status-store, also the issuer the status list tokens name (the --iss tokens were issued with).' },
    'status-ttl': { type: 'string', value: 'DURATION', description: 'How long partners may cache a status list (its ttl; default 300s). A revocation shows after at most this long.' },
  },
  notes: [
    'Prints {"url", "jwksUrl", "issuer", "issuerMetadataUrl"} as one JSON line on stdout once listening; stops cleanly on Ctrl-C (SIGINT) or SIGTERM.',
    'The SD-JWT VC issuer metadata {"issuer", "jwks_uri"} lets partners find the keys from the credential\'s iss (candor verify --issuer-metadata).',
    'Listens on 127.0.0.1 only: for development and tests. In production publish `candor jwks` output over https.',
  ],
  examples: [
    'candor serve --keys keys.json --port 8787',
    'curl http://127.0.0.1:8787/.well-known/jwks.json',
    'candor serve --keys keys.json --port 8787 --status-store status.json --iss https://bank.example --status-ttl 60',
  ],
  async run(flags, _positionals, ctx) {
    const cmd = this.name;
    const path = requiredFlag(cmd, flags, 'keys');
    const portFlag = stringFlag(flags, 'port');
    const port = portFlag === undefined ? 0 : parseInteger(cmd, 'port', portFlag, 0, 65535);
    const maxAgeFlag = stringFlag(flags, 'max-age');
    const maxAgeSeconds = maxAgeFlag === undefined ? 300 : parseInteger(cmd, 'max-age', maxAgeFlag, 0, 86400);
    const issFlag = stringFlag(flags, 'iss');
    const issuer = issFlag === undefined ? true : parseUrl(cmd, 'iss', issFlag) && issFlag;
    let keys = await loadKeySet(path);
    const storeFile = stringFlag(flags, 'status-store');
    if (storeFile !== undefined && issFlag === undefined) throw new CliError('usage', `${cmd}: --status-store needs --iss, the issuer the status list tokens name (the --iss of \`candor issue\`).`);
    const ttlFlag = stringFlag(flags, 'status-ttl');
    const statusTtl = ttlFlag === undefined ? 300 : parseDuration(cmd, 'status-ttl', ttlFlag);
    const documents = storeFile === undefined ? undefined : statusDocuments(new FileStatusListStore(storeFile), issFlag!, () => keys, statusTtl);
    const server = await listen(cmd, port, () => serveJwks({ keys: () => keys.publicJwks(), port, maxAgeSeconds, issuer, ...(documents ? { documents } : {}) }));
    // Reload on change; a half-written or broken file keeps the last good set published.
    watchFile(path, { interval: 500 }, () => {
      loadKeySet(path).then(
        (next) => {
          keys = next;
          ctx.err(`candor serve: reloaded ${path} (active kid ${next.active.kid})\n`);
        },
        (e: unknown) => ctx.err(`candor serve: kept the previous keys; ${e instanceof Error ? e.message : String(e)}\n`),
      );
    });
    ctx.out(`${JSON.stringify({ url: server.url, jwksUrl: server.jwksUrl, issuer: server.issuer, issuerMetadataUrl: server.issuerMetadataUrl })}\n`);
    ctx.err(`candor serve: publishing ${path} at ${server.jwksUrl} (Ctrl-C to stop)\n`);
    const signal = await ctx.stopSignal();
    unwatchFile(path);
    await server.close();
    ctx.err(`candor serve: stopped (${signal})\n`);
    return ExitCode.ok;
  },
};

/**
 * The status list tokens of `store`, by the path of their URI: signed on each request with the
 * current key, so a revocation or a key rotation is published at once.
 */
function statusDocuments(store: FileStatusListStore, issuer: string, keys: () => KeySet, ttlSeconds: number) {
  return async (path: string) => {
    const uri = (await store.uris()).find((u) => new URL(u).pathname === path);
    if (uri === undefined) return undefined;
    const body = await createStatusListToken({ store, uri, keys: keys(), issuer, ttlSeconds });
    return { contentType: STATUS_LIST_MEDIA_TYPE, body, maxAgeSeconds: ttlSeconds };
  };
}

/** Starts the server; a port that is taken or not allowed is the user's to change (exit 2), not a bug. */
async function listen(cmd: string, port: number, start: () => Promise<JwksServer>): Promise<JwksServer> {
  try {
    return await start();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EADDRINUSE') {
      throw new CliError('port_unavailable', `${cmd}: --port ${port} is already in use on 127.0.0.1. Stop what is using it, pick another --port, or leave --port out for a free one.`);
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new CliError('port_unavailable', `${cmd}: --port ${port} needs privileges this user does not have (ports below 1024 usually do). Pick a port from 1024 to 65535.`);
    }
    if (code === 'EADDRNOTAVAIL') throw new CliError('port_unavailable', `${cmd}: cannot listen on 127.0.0.1 here (${code}); check the loopback interface.`);
    throw e;
  }
}
