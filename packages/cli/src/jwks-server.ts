/** A local JWKS server (Node only): publishes a key set's public keys at /.well-known/jwks.json on 127.0.0.1. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';
import { toPublicJwk } from '@candor/core/keys';
import { issuerMetadataUrl } from '@candor/core/sd-jwt';

/** The path partners fetch, as RFC 8414 / OpenID discovery conventions place it. */
export const JWKS_PATH = '/.well-known/jwks.json';

/** Anything that can list public keys: a `KeySet` from `@candor/core/keys`, or a function. */
export type JwksSource = { publicJwks(): { keys: JWK[] } } | (() => { keys: JWK[] });

/** Options of {@link serveJwks}. */
export interface ServeJwksOptions {
  /** The keys to publish; read on every request, so a rotation shows up at once. */
  keys: JwksSource;
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** `cache-control: max-age` in seconds that partners may cache the set for (default 300). */
  maxAgeSeconds?: number;
  /**
   * Also publish SD-JWT VC issuer metadata (`/.well-known/jwt-vc-issuer`, naming this server's
   * JWKS as `jwks_uri`) for this issuer identifier; `true` uses the server's own URL.
   */
  issuer?: string | true;
  /**
   * Other documents to publish: called with the path of each GET or HEAD that is not the JWKS;
   * resolves to the document (e.g. a status list token) or undefined for a 404.
   */
  documents?: (path: string) => Promise<{ contentType: string; body: string; maxAgeSeconds: number } | undefined>;
  /** Called after each response, e.g. to log that a partner fetched the keys. */
  onRequest?: (info: { method: string; path: string; status: number }) => void;
}

/** A running JWKS server. */
export interface JwksServer {
  /** Base URL, e.g. `http://127.0.0.1:43567`. */
  url: string;
  /** Full JWKS URL, e.g. `http://127.0.0.1:43567/.well-known/jwks.json`. */
  jwksUrl: string;
  /** With the `issuer` option: the issuer identifier and where its metadata is served. */
  issuer?: string;
  issuerMetadataUrl?: string;
  port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Starts a JWKS server on 127.0.0.1. GET (and HEAD) `/.well-known/jwks.json` returns the public
 * keys as `application/jwk-set+json` with `cache-control: public, max-age=N` and
 * `access-control-allow-origin: *` (browser partners); other paths get a JSON 404, other
 * methods a JSON 405.
 *
 * @example
 * import { KeySet } from '@candor/core/keys';
 * import { serveJwks } from '@candor/cli';
 * const keys = await KeySet.generate('ES256');
 * const server = await serveJwks({ keys });
 * console.log(server.jwksUrl); // http://127.0.0.1:43567/.well-known/jwks.json
 * await server.close();
 */
export async function serveJwks(options: ServeJwksOptions): Promise<JwksServer> {
  const maxAge = options.maxAgeSeconds ?? 300;
  if (!Number.isInteger(maxAge) || maxAge < 0) throw new RangeError(`maxAgeSeconds must be a whole number of seconds >= 0, got ${String(options.maxAgeSeconds)}.`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be a whole number from 0 to 65535, got ${String(options.port)}.`);
  const source = options.keys;
  const read = typeof source === 'function' ? source : () => source.publicJwks();

  if (options.issuer !== undefined && options.issuer !== true) issuerMetadataUrl(options.issuer);
  const onRequest = options.onRequest;
  /** Set once listening: the metadata path and document. */
  let metadata: { path: string; body: string } | undefined;
  const server = createServer((req, res) => {
    if (onRequest) {
      res.once('finish', () => {
        try {
          onRequest({ method: req.method ?? '', path: (req.url ?? '/').split('?')[0] ?? '/', status: res.statusCode });
        } catch {
          // A logging callback must not take the server down.
        }
      });
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const documents = options.documents;
    if (documents && path !== JWKS_PATH && path !== metadata?.path && (req.method === 'GET' || req.method === 'HEAD')) {
      documents(path).then(
        (doc) => {
          if (!doc) return handle(req, res, read, maxAge, metadata);
          res.setHeader('access-control-allow-origin', '*');
          res.setHeader('x-content-type-options', 'nosniff');
          res.writeHead(200, { 'content-type': doc.contentType, 'content-length': Buffer.byteLength(doc.body), 'cache-control': `public, max-age=${doc.maxAgeSeconds}` });
          res.end(req.method === 'HEAD' ? undefined : doc.body);
        },
        () => sendJson(res, 500, { error: 'document_unavailable', message: 'The document could not be produced.' }, req.method === 'HEAD'),
      );
      return;
    }
    handle(req, res, read, maxAge, metadata);
  });
  // A JWKS request has no body; don't let a slow client hold a socket for long.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 1_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  const jwksUrl = `${url}${JWKS_PATH}`;
  let issuerInfo: { issuer: string; issuerMetadataUrl: string } | undefined;
  if (options.issuer !== undefined) {
    const issuer = options.issuer === true ? url : options.issuer;
    const at = issuerMetadataUrl(issuer);
    metadata = { path: at.pathname, body: JSON.stringify({ issuer, jwks_uri: jwksUrl }) };
    issuerInfo = { issuer, issuerMetadataUrl: `${url}${at.pathname}` };
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    jwksUrl,
    ...issuerInfo,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function handle(req: IncomingMessage, res: ServerResponse, read: () => { keys: JWK[] }, maxAge: number, metadata?: { path: string; body: string }): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('x-content-type-options', 'nosniff');
  const path = (req.url ?? '/').split('?')[0];
  const isMetadata = metadata !== undefined && path === metadata.path;
  if (path !== JWKS_PATH && !isMetadata) {
    const where = metadata ? `${JWKS_PATH} and the issuer metadata at ${metadata.path}` : JWKS_PATH;
    sendJson(res, 404, { error: 'not_found', message: `Nothing here. The key set is at ${where}.` }, req.method === 'HEAD');
    return;
  }
  if (req.method === 'OPTIONS') {
    // CORS preflight from a browser partner.
    res.writeHead(204, { 'access-control-allow-methods': 'GET, HEAD, OPTIONS', 'access-control-max-age': '86400' });
    res.end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD, OPTIONS');
    sendJson(res, 405, { error: 'method_not_allowed', message: `${req.method ?? 'This method'} is not allowed; use GET.` }, false);
    return;
  }
  if (isMetadata) {
    res.setHeader('cache-control', `public, max-age=${maxAge}`);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(metadata!.body) });
    res.end(req.method === 'HEAD' ? undefined : metadata!.body);
    return;
  }
  let jwks: { keys: JWK[] };
  try {
    // Core's allow-list decides what is published, even from a source that holds private keys.
    jwks = { keys: read().keys.map(toPublicJwk) };
  } catch {
    sendJson(res, 500, { error: 'keys_unavailable', message: 'The key set could not be read.' }, req.method === 'HEAD');
    return;
  }
  res.setHeader('cache-control', `public, max-age=${maxAge}`);
  const body = JSON.stringify(jwks);
  res.writeHead(200, { 'content-type': 'application/jwk-set+json', 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headOnly: boolean): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(headOnly ? undefined : text);
}
