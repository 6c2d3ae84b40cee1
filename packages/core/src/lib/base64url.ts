/** Base64url and JSON helpers for token parsing, web APIs only (no Buffer). */
import { base64url } from 'jose';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** Encodes bytes or a UTF-8 string as unpadded base64url. */
export function encodeBase64url(input: Uint8Array | string): string {
  return base64url.encode(typeof input === 'string' ? utf8Encoder.encode(input) : input);
}

/** Encodes a value as base64url JSON (a JOSE header or payload segment). */
export function encodeJsonSegment(value: unknown): string {
  return encodeBase64url(JSON.stringify(value));
}

/**
 * Decodes a base64url segment holding a JSON object. Returns undefined when the segment is not
 * valid base64url, not UTF-8, not JSON, or not a plain object, so callers pick the error code.
 */
export function decodeJsonObject(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(utf8.decode(base64url.decode(segment)));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes bytes as strict UTF-8 and parses JSON; undefined unless the result is a plain object. */
export function parseJsonObjectBytes(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
