/** Offers a consent receipt to the customer as a file download. */
import type { ConsentReceiptFile } from '@candor/core/consent';

/** Starts the download of `file` through a temporary blob URL (revoked once the browser has read it). */
export function offerDownload(file: ConsentReceiptFile): void {
  const url = URL.createObjectURL(new Blob([file.json], { type: file.mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  a.click();
  // Revoke later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
