/**
 * @candor/core/consent: consent records (ISO/IEC TS 27560 shaped), the canonical notice text and
 * its hash, storage, receipts, and signing with the same keys as verification tokens.
 * Browser components import only what they use; signing pulls in jose, the rest does not.
 */
export { noticeText, hashNotice, normalizeNoticeValue, NOTICE_HASH_PREFIX } from './notice-text.js';
export { createConsentRecord, DEFAULT_COLLECTION_METHOD, type ConsentDecisionInput } from './create-record.js';
export { createWithdrawalRecord, type ConsentWithdrawalInput } from './withdraw.js';
export { compareWithNotice, type CompareWithNoticeOptions, type NoticeComparison } from './compare.js';
export { purposeTitle, reusers, reuseAudiences } from './purposes.js';
export { controllerKey, type ConsentStorage, type ConsentStorageRead, type UnreadableConsentData } from './storage.js';
export { MemoryConsentStorage } from './memory-storage.js';
export { LocalStorageConsentStorage, UNREADABLE_KEY_INFIX, type LocalStorageConsentStorageOptions } from './local-storage.js';
export { consentReceipt, type ConsentReceipt, type ConsentReceiptFile } from './receipt.js';
export { DEFAULT_RECEIPT_LABELS, type ReceiptLabels } from './receipt-labels.js';
export { CONSENT_RECORD_TYPE } from './consent-type.js';
export { signConsentRecord } from './sign.js';
export { verifyConsentRecord, DEFAULT_MAX_CONSENT_JWS_BYTES, type VerifyConsentRecordOptions } from './verify.js';
