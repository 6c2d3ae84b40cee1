/**
 * What `<candor-consent>` loads when the customer first reaches for its controls (points at or
 * focuses it): building consent and withdrawal records. It is in place by the time they choose;
 * a page where nobody decides never downloads it.
 */
export { createConsentRecord, createWithdrawalRecord } from '@candor/core/consent';
