/** SD-JWT VC issuer metadata (`/.well-known/jwt-vc-issuer`): where a verifier finds an issuer's keys from its `iss`. */
import { readResponseCapped } from '../lib/read-capped.js';
import type { JWK } from 'jose';
import { CandorError } from '../errors.js';
import { keyResolver, type KeyResolver, type RemoteJwksOptions } from '../lib/key-source.js';
import { describeValue, optionError } from '../lib/options.js';
import { LOOPBACK_HOSTS_TEXT, parseSecureUrl } from '../lib/urls.js';

/** The well-known path SD-JWT VC §5 defines. @example `new URL(JWT_VC_ISSUER_PATH, 'https://id.example.com')` */
export const JWT_VC_ISSUER_PATH = '/.well-known/jwt-vc-issuer';
/** Largest metadata document read: 64 KiB. @example `MAX_ISSUER_METADATA_BYTES / 1024 // 64` */
export const MAX_ISSUER_METADATA_BYTES = 64 * 1024;

/** The issuer metadata document. @example `{ issuer: 'https://id.example.com', jwks_uri: 'https://id.example.com/.well-known/jwks.json' }` */
export interface JwtVcIssuerMetadata {
  issuer: string;
  jwks_uri?: string;
  jwks?: { keys: JWK[] };
}

/**
 * The URL of an issuer's metadata: the well-known path goes between the host and the issuer's
 * path (`https://id.example.com/tenant` → `https://id.example.com/.well-known/jwt-vc-issuer/tenant`).
 *
 * @example
 * ```ts
 * issuerMetadataUrl('https://id.example.com').href; // 'https://id.example.com/.well-known/jwt-vc-issuer'
 * ```
 */
export function issuerMetadataUrl(issuer: string): URL {
  const url = typeof issuer === 'string' ? parseSecureUrl(issuer) : undefined;
  if (!url || url.search || url.hash || url.username || url.password) {
    throw optionError('issuer', `must be an https URL without query or fragment (http only on this machine: ${LOOPBACK_HOSTS_TEXT}); got ${describeValue(issuer)}.`);
  }
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return new URL(`${url.origin}${JWT_VC_ISSUER_PATH}${path}`);
}

/**
 * The metadata document an issuer publishes.
 *
 * @example
 * ```ts
 * const doc = createIssuerMetadata({ issuer: 'https://id.example.com', jwksUri: 'https://id.example.com/.well-known/jwks.json' });
 * ```
 */
export function createIssuerMetadata(options: { issuer: string; jwksUri: string }): JwtVcIssuerMetadata {
  issuerMetadataUrl(options.issuer);
  if (typeof options.jwksUri !== 'string' || !parseSecureUrl(options.jwksUri)) throw optionError('jwksUri', `must be an https URL (http only on this machine: ${LOOPBACK_HOSTS_TEXT}).`);
  return { issuer: options.issuer, jwks_uri: options.jwksUri };
}

const unavailable = (url: URL, why: string, cause?: unknown) =>
  new CandorError('jwks_unavailable', `The issuer metadata at ${url.href} ${why}; the issuer's keys cannot be found. Check the issuer and the network, then retry.`, cause === undefined ? {} : { cause });

async function readLimited(response: Response, url: URL): Promise<string> {
  const all = await readResponseCapped(response, MAX_ISSUER_METADATA_BYTES, (announced) =>
    unavailable(url, `is ${announced === undefined ? '' : `${announced} bytes, `}over the ${MAX_ISSUER_METADATA_BYTES}-byte limit`),
  );
  return new TextDecoder('utf-8', { fatal: true }).decode(all);
}

/**
 * Fetches and checks an issuer's metadata: https (http only on the loopback), at most 64 KiB,
 * JSON with `issuer` equal to the issuer asked for, and either an https `jwks_uri` or an inline
 * `jwks`.
 *
 * @throws {CandorError} `jwks_unavailable` (unreachable, too large, not JSON, neither jwks_uri
 * nor jwks), `wrong_issuer` (the document names another issuer).
 * @example
 * ```ts
 * const metadata = await fetchIssuerMetadata('https://id.example.com');
 * ```
 */
export async function fetchIssuerMetadata(issuer: string, options: { timeoutMs?: number } = {}): Promise<JwtVcIssuerMetadata> {
  const url = issuerMetadataUrl(issuer);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
  } catch (cause) {
    throw unavailable(url, `could not be fetched (${String((cause as Error)?.message ?? cause)})`, cause);
  }
  if (!response.ok) throw unavailable(url, `answered HTTP ${response.status}`);
  let doc: unknown;
  try {
    doc = JSON.parse(await readLimited(response, url));
  } catch (cause) {
    if (cause instanceof CandorError) throw cause;
    throw unavailable(url, 'is not JSON', cause);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw unavailable(url, 'is not a JSON object');
  const m = doc as Record<string, unknown>;
  if (m.issuer !== issuer) {
    throw new CandorError('wrong_issuer', `The issuer metadata at ${url.href} is for ${describeValue(m.issuer)}, not ${describeValue(issuer)}; its keys are not this issuer's.`, { field: 'issuer' });
  }
  if (typeof m.jwks_uri === 'string') {
    if (!parseSecureUrl(m.jwks_uri)) throw unavailable(url, `names a jwks_uri that is not https (${describeValue(m.jwks_uri)})`);
    return { issuer, jwks_uri: m.jwks_uri };
  }
  const jwks = m.jwks as { keys?: unknown } | undefined;
  if (jwks !== null && typeof jwks === 'object' && Array.isArray(jwks.keys)) return { issuer, jwks: jwks as { keys: JWK[] } };
  throw unavailable(url, 'has neither jwks_uri nor jwks');
}

/**
 * A key resolver that finds the issuer's keys through its metadata on first use, remembers them,
 * and looks again after a failure (so a network blip is not remembered forever).
 */
export function metadataKeyResolver(issuer: string, jwks: RemoteJwksOptions = {}): KeyResolver {
  issuerMetadataUrl(issuer);
  let resolver: Promise<KeyResolver> | undefined;
  return async (alg, kid) => {
    resolver ??= fetchIssuerMetadata(issuer, jwks.timeoutMs === undefined ? {} : { timeoutMs: jwks.timeoutMs }).then(
      (m) => keyResolver(m.jwks_uri ?? m.jwks, jwks),
      (e: unknown) => {
        resolver = undefined;
        throw e;
      },
    );
    return (await resolver)(alg, kid);
  };
}
