// Test fixtures for consent: the shared sample notices and a deep-copy helper.
export { noticeV1, noticeV2, noticeArV1 } from '../../examples/fixtures/consent-notices.js';

/** A deep copy, so a test can change one field without touching the shared fixture. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
