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
 * True when an object in `json` (text that `JSON.parse` accepted) has a member name twice, as
 * written or through escapes (`"a"` and `"\u0061"` are one name). `JSON.parse` silently keeps the
 * last one, other parsers keep the first or refuse (RFC 8259 §4: "the behavior of software that
 * receives such an object is unpredictable"), so a partner's verifier and Candor could read
 * different claims out of one signed payload. RFC 7515 §5.2 and RFC 7519 §4 let a verifier refuse
 * such a JWS; Candor does.
 */
export function hasDuplicateMemberName(json: string): boolean {
  /** One entry per open object (the names seen so far) or array (undefined). */
  const open: (Set<string> | undefined)[] = [];
  let expectName = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      let escaped = false;
      for (let d = json.charCodeAt(end); d !== 0x22; d = json.charCodeAt(++end)) {
        if (d === 0x5c /* \ */) {
          escaped = true;
          end++;
        }
      }
      if (expectName) {
        const name = escaped ? (JSON.parse(json.slice(i, end + 1)) as string) : json.slice(i + 1, end);
        const names = open[open.length - 1]!;
        if (names.has(name)) return true;
        names.add(name);
        expectName = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      open.push(new Set());
      expectName = true;
    } else if (c === 0x5b /* [ */) {
      open.push(undefined);
      expectName = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
      expectName = false;
    } else if (c === 0x2c /* , */) {
      expectName = open[open.length - 1] !== undefined;
    }
  }
  return false;
}

/** Strict UTF-8, then JSON; undefined unless a plain object with no member name twice. */
function parseJsonObjectText(text: string): Record<string, unknown> | undefined {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return hasDuplicateMemberName(text) ? undefined : (value as Record<string, unknown>);
}

/**
 * Decodes a base64url segment holding a JSON object. Returns undefined when the segment is not
 * valid base64url, not UTF-8, not JSON, not a plain object, or has a member name twice
 * ({@link hasDuplicateMemberName}), so callers pick the error code.
 */
export function decodeJsonObject(segment: string): Record<string, unknown> | undefined {
  try {
    const bytes = decodeBase64url(segment);
    return bytes ? parseJsonObjectText(utf8.decode(bytes)) : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes bytes as strict UTF-8 and parses JSON; undefined unless a plain object with no member name twice. */
export function parseJsonObjectBytes(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    return parseJsonObjectText(utf8.decode(bytes));
  } catch {
    return undefined;
  }
}

const TABLE = (() => {
  const t = new Int16Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
})();

/**
 * Strict base64url decoding: the URL-safe alphabet only (no padding, no `+`/`/`, no
 * whitespace); undefined for any other character or an impossible length. Strict so that one
 * token has one spelling: a lenient decoder (atob, Buffer) also accepts padding, `+`/`/` and
 * whitespace, so several strings would verify as the same signed token and slip past anything
 * keyed by the token string, such as a caller's list of refused tokens, the result cache or a
 * log search. The verifier also requires the canonical last character (no stray bits).
 */
export function decodeBase64url(segment: string): Uint8Array | undefined {
  const n = segment.length;
  if (n % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = TABLE[segment.charCodeAt(i)] ?? -1;
    const b = TABLE[segment.charCodeAt(i + 1)] ?? -1;
    const c = TABLE[segment.charCodeAt(i + 2)] ?? -1;
    const d = TABLE[segment.charCodeAt(i + 3)] ?? -1;
    if ((a | b | c | d) < 0) return undefined;
    out[o++] = (a << 2) | (b >> 4);
    out[o++] = ((b & 15) << 4) | (c >> 2);
    out[o++] = ((c & 3) << 6) | d;
  }
  const rest = n - i;
  if (rest >= 2) {
    const a = TABLE[segment.charCodeAt(i)] ?? -1;
    const b = TABLE[segment.charCodeAt(i + 1)] ?? -1;
    if ((a | b) < 0) return undefined;
    out[o++] = (a << 2) | (b >> 4);
    if (rest === 3) {
      const c = TABLE[segment.charCodeAt(i + 2)] ?? -1;
      if (c < 0) return undefined;
      out[o++] = ((b & 15) << 4) | (c >> 2);
    }
  }
  return out;
}
