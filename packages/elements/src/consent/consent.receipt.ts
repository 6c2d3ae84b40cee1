/**
 * What `<candor-consent>` loads the first time a receipt is asked for: building the receipt file
 * and offering it as a download. Pages where nobody downloads a receipt never fetch it.
 */
export { consentReceipt } from '@candor/core/consent';
export { offerDownload } from './consent.download.js';
