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

/**
 * Reads a response body up to `cap` bytes. A Content-Length that announces more is refused at
 * once, the body cancelled unread; otherwise the body is read with {@link readCapped}. `onOver`
 * gets the announced size, or nothing when the body ran past the cap while it was read (its size
 * is then unknown). A response without a body reads as empty.
 *
 * @example
 * const bytes = await readResponseCapped(response, 64 * 1024, (size) => new CandorError('too_large', `${size ?? 'More than 65536'} bytes.`));
 */
export async function readResponseCapped(response: Response, cap: number, onOver: (announced?: number) => CandorError): Promise<Uint8Array> {
  const announced = Number(response.headers.get('content-length'));
  if (announced > cap) {
    response.body?.cancel().catch(() => {});
    throw onOver(announced);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  return readCapped(response.body, cap, () => onOver());
}
