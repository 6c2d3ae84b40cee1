/** The Token Status List itself (draft-ietf-oauth-status-list §4): packed statuses, zlib DEFLATE, base64url; inflating with a hard cap. */
import { readCapped } from '../lib/read-capped.js';
import { CandorError } from '../errors.js';
import { decodeBase64url, encodeBase64url } from '../lib/base64url.js';
import { isCanonicalBase64url } from '../lib/jws.js';
import { describeValue } from '../lib/options.js';

/** The bit sizes a status list may use: 1, 2, 4 or 8 bits per token. @example `STATUS_BITS.includes(list.bits)` */
export const STATUS_BITS = Object.freeze([1, 2, 4, 8] as const);
/** One of {@link STATUS_BITS}. @example `const bits: StatusBits = 2` */
export type StatusBits = (typeof STATUS_BITS)[number];

/**
 * The status values the draft defines. `VALID` 0x00, `INVALID` 0x01 (revoked, final),
 * `SUSPENDED` 0x02 (needs `bits` of at least 2). Other values are application specific, and
 * a Candor partner refuses them.
 *
 * @example
 * ```ts
 * if (list.get(idx) === STATUS.INVALID) refuse();
 * ```
 */
export const STATUS = Object.freeze({ VALID: 0x00, INVALID: 0x01, SUSPENDED: 0x02 } as const);

/** Default cap on the inflated size of a list a partner accepts: 4 MiB (32 million 1-bit statuses). @example `createStatusChecker({ ...options, maxInflatedBytes: DEFAULT_MAX_INFLATED_BYTES / 4 })` */
export const DEFAULT_MAX_INFLATED_BYTES = 4 * 1024 * 1024;

/** The JSON form of a list, the `status_list` claim of a status list token. @example `{ bits: 1, lst: 'eNrbuRgAAhcBXQ' }` */
export interface StatusListJson {
  bits: StatusBits;
  lst: string;
}

const isBits = (value: unknown): value is StatusBits => (STATUS_BITS as readonly unknown[]).includes(value);

/** The byte holding bit number `bit`. Not `bit >>> 3`: a list of 2^31 8-bit statuses has bit numbers past 2^32, which 32-bit shifts wrap. */
const byteOf = (bit: number) => Math.floor(bit / 8);

/**
 * A status list in memory: `size` statuses of `bits` bits each. Status `i` sits in byte
 * `floor(i * bits / 8)` at bit offset `(i * bits) % 8`, least significant bit first.
 *
 * @example
 * ```ts
 * const list = new StatusList(2, 1024);
 * list.set(7, STATUS.SUSPENDED);
 * const json = await encodeStatusList(list); // { bits: 2, lst: 'eNo...' }
 * ```
 */
export class StatusList {
  /** Bits per status. */
  readonly bits: StatusBits;
  /** The packed statuses (length `ceil(size * bits / 8)`). */
  readonly bytes: Uint8Array;

  /** An all-VALID list of `size` statuses, or one over existing packed `bytes` (not copied). */
  constructor(bits: StatusBits, sizeOrBytes: number | Uint8Array) {
    if (!isBits(bits)) throw new CandorError('invalid_options', `bits must be 1, 2, 4 or 8; got ${describeValue(bits)}.`, { field: 'bits' });
    if (sizeOrBytes instanceof Uint8Array) this.bytes = sizeOrBytes;
    else {
      if (!Number.isInteger(sizeOrBytes) || sizeOrBytes < 1 || sizeOrBytes > 2 ** 31) {
        throw new CandorError('invalid_options', `size must be a whole number from 1 to 2^31; got ${String(sizeOrBytes)}.`, { field: 'size' });
      }
      this.bytes = new Uint8Array(Math.ceil((sizeOrBytes * bits) / 8));
    }
    this.bits = bits;
  }

  /** How many statuses the list holds (every whole slot of the bytes). */
  get size(): number {
    return (this.bytes.length * 8) / this.bits;
  }

  /** The status at `index`; undefined when the list does not reach that far. */
  get(index: number): number | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) return undefined;
    const bit = index * this.bits;
    return (this.bytes[byteOf(bit)]! >>> (bit % 8)) & ((1 << this.bits) - 1);
  }

  /** Sets the status at `index` to `value` (0 to 2^bits - 1). */
  set(index: number, value: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new CandorError('invalid_options', `index ${index} is outside the list (0 to ${this.size - 1}).`, { field: 'idx' });
    }
    const mask = (1 << this.bits) - 1;
    if (!Number.isInteger(value) || value < 0 || value > mask) {
      throw new CandorError('invalid_options', `status ${value} does not fit in ${this.bits} bits (0 to ${mask}).`, { field: 'status' });
    }
    const bit = index * this.bits;
    const byte = byteOf(bit);
    const shift = bit % 8;
    this.bytes[byte] = (this.bytes[byte]! & ~(mask << shift)) | (value << shift);
  }
}


/**
 * Encodes a list as the draft's JSON form: `lst` is base64url of the zlib (RFC 1950) DEFLATE of
 * the packed bytes. Uses the platform's CompressionStream (browsers, Node 20+).
 *
 * @example
 * ```ts
 * await encodeStatusList(new StatusList(1, new Uint8Array([0xb9, 0xa3]))); // { bits: 1, lst: ... }
 * ```
 */
export async function encodeStatusList(list: StatusList): Promise<StatusListJson> {
  const stream = new Blob([list.bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  const bytes = await readCapped(stream, Number.MAX_SAFE_INTEGER, () => new CandorError('too_large', 'unreachable'));
  return { bits: list.bits, lst: encodeBase64url(bytes) };
}

/**
 * Decodes the JSON form of a list, refusing anything but the draft's shape: `bits` 1, 2, 4 or 8,
 * `lst` canonical base64url of a complete zlib stream. Inflating stops as soon as the output
 * passes `maxInflatedBytes` (a few hundred bytes of `lst` can inflate to gigabytes).
 *
 * @throws {CandorError} `invalid_status_list` for a bad shape, `bits`, `lst` or zlib data; `too_large` over the cap.
 * @example
 * ```ts
 * const list = await decodeStatusList({ bits: 1, lst: 'eNrbuRgAAhcBXQ' });
 * list.get(0); // 1
 * ```
 */
export async function decodeStatusList(json: unknown, options: { maxInflatedBytes?: number } = {}): Promise<StatusList> {
  const cap = options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  const bad = (message: string, field: string) => new CandorError('invalid_status_list', message, { field });
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw bad('The status_list claim must be an object { bits, lst }.', 'status_list');
  const { bits, lst } = json as Record<string, unknown>;
  if (!isBits(bits)) throw bad(`The status list's bits must be 1, 2, 4 or 8; got ${describeValue(bits)}.`, 'status_list.bits');
  if (typeof lst !== 'string' || !isCanonicalBase64url(lst)) {
    throw bad('The status list lst must be non-empty canonical base64url (A-Z a-z 0-9 - _, no padding, no stray bits).', 'status_list.lst');
  }
  // Canonical base64url has already been checked, so this cannot fail.
  const compressed = decodeBase64url(lst)!;
  let bytes: Uint8Array;
  try {
    const stream = new Blob([compressed as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
    bytes = await readCapped(stream, cap, () =>
      new CandorError('too_large', `The status list inflates to more than ${cap} bytes (maxInflatedBytes); it was refused before inflating further.`, { field: 'status_list.lst' }),
    );
  } catch (e) {
    if (e instanceof CandorError) throw e;
    throw new CandorError('invalid_status_list', `The status list lst is not valid zlib DEFLATE data (${String((e as Error)?.message ?? e)}).`, { field: 'status_list.lst', cause: e });
  }
  if (bytes.length === 0) throw bad('The status list is empty.', 'status_list.lst');
  // A zlib stream ends with the Adler-32 of what it holds. Some runtimes' DecompressionStream (Node)
  // ignore bytes after the stream and others (Chromium) refuse them: checking that the data ends
  // with that checksum refuses them everywhere, so one list means one thing on every runtime.
  const n = compressed.length;
  const tail = ((compressed[n - 4]! << 24) | (compressed[n - 3]! << 16) | (compressed[n - 2]! << 8) | compressed[n - 1]!) >>> 0;
  if (tail !== adler32(bytes)) throw bad('The status list lst has data after the end of its zlib stream; it must be exactly one zlib stream.', 'status_list.lst');
  return new StatusList(bits, bytes);
}

/** The Adler-32 checksum of `bytes` (RFC 1950 §9), summed in blocks of 5552 so the sums stay exact. */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; ) {
    for (const end = Math.min(i + 5552, bytes.length); i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
