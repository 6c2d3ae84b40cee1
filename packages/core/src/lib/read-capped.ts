/** Reading a stream (a response body, an inflating stream) without ever holding more than a cap. */
import type { CandorError } from '../errors.js';

/**
 * Reads `readable` to its end, or stops as soon as more than `cap` bytes have come (cancelling
 * the stream, so the rest is never produced: a decompression bomb or an endless response) and
 * throws `onOver(total)`.
 *
 * @example
 * const bytes = await readCapped(response.body!, 64 * 1024, () => new CandorError('too_large', 'Over 64 KiB.'));
 */
export async function readCapped(readable: ReadableStream<Uint8Array>, cap: number, onOver: (total: number) => CandorError): Promise<Uint8Array> {
  const reader = readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      reader.cancel().catch(() => {});
      throw onOver(total);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
