/**
 * The headings of a consent receipt, apart from the code that builds receipts, so a component
 * can carry them in its message catalogue without loading that code.
 */
/** The headings of a receipt's human-readable lines; `<candor-consent>` passes translated ones. */
export interface ReceiptLabels {
  title: string;
  controller: string;
  recordedAt: string;
  event: string;
  decision: string;
  withdrawal: string;
  noticeVersion: string;
  allowed: string;
  declined: string;
  reuse: string;
  none: string;
  recordId: string;
}

/** English headings, used when no labels are passed. */
export const DEFAULT_RECEIPT_LABELS: ReceiptLabels = {
  title: 'Consent receipt',
  controller: 'Organisation',
  recordedAt: 'Recorded at',
  event: 'What happened',
  decision: 'Choices saved',
  withdrawal: 'Consent withdrawn',
  noticeVersion: 'Notice version',
  allowed: 'Allowed',
  declined: 'Declined',
  reuse: 'Partners who may reuse your verification',
  none: 'none',
  recordId: 'Record id',
};
