/** Every string `<candor-consent>` shows or announces (ARIA and receipt headings included), in English (other languages: `../locales/`). */
import { DEFAULT_RECEIPT_LABELS, type ReceiptLabels } from '@candor/core/consent';
import type { MessagesOf } from '../shared/localize.js';

/** The catalogue key of a receipt heading: `title` → `receiptTitle`. */
export type ReceiptMessageKey<K extends keyof ReceiptLabels = keyof ReceiptLabels> = `receipt${Capitalize<K>}`;

const receiptKey = <K extends keyof ReceiptLabels>(label: K): ReceiptMessageKey<K> =>
  `receipt${label.charAt(0).toUpperCase()}${label.slice(1)}` as ReceiptMessageKey<K>;

/** Core's English receipt headings as catalogue entries, so English is written once. */
const receiptMessages = Object.fromEntries(
  Object.entries(DEFAULT_RECEIPT_LABELS).map(([label, text]) => [receiptKey(label as keyof ReceiptLabels), text]),
) as { readonly [K in keyof ReceiptLabels as ReceiptMessageKey<K>]: string };

/**
 * The receipt headings in the component's language: every label of core's `ReceiptLabels`,
 * looked up under its catalogue key.
 */
export function receiptLabels(t: (key: ReceiptMessageKey) => string): ReceiptLabels {
  return Object.fromEntries(Object.keys(DEFAULT_RECEIPT_LABELS).map((label) => [label, t(receiptKey(label as keyof ReceiptLabels))])) as unknown as ReceiptLabels;
}

const en = {
  title: 'Your privacy choices',
  from: 'From {controller}',
  purposesLegend: 'Choose what you allow',
  required: 'Always on',
  requiredWhy: 'We need this to provide the service, so it cannot be switched off.',
  optional: 'Optional',
  allowed: 'Allowed',
  declined: 'Declined',
  details: 'Details',
  data: 'Data we use',
  retention: 'How long we keep it',
  recipients: 'Who receives it',
  noRecipients: 'No one else',
  legalBasis: 'Why we are allowed to',
  basisConsent: 'Your consent. You can change your mind at any time.',
  basisContract: 'Needed for your contract with us',
  basisLegalObligation: 'Required by law',
  basisVitalInterests: "To protect your life or someone else's",
  basisPublicTask: 'A task in the public interest',
  basisLegitimateInterests: 'Our legitimate interests',
  roleController: 'responsible for your data',
  roleProcessor: 'works for us',
  rolePartner: 'partner',
  reusesVerification: 'reuses your verification result',
  reusesVerificationAs: 'reuses your verification result as {audience}',
  // The partners that may reuse the verification, completed by reuseNote (asking) or reuseAllowed (saved).
  reuseCount: {
    one: '{count} partner can reuse your identity check without asking you again: {names}.',
    other: '{count} partners can reuse your identity check without asking you again: {names}.',
  },
  reuseNote: 'If you allow this, {reuse}',
  reuseAllowed: 'You allowed this: {reuse}',
  reuseDeclined: 'You declined this: no partner reuses your identity check.',
  acceptAll: 'Accept all',
  rejectOptional: 'Reject optional',
  saveChoices: 'Save my choices',
  changeChoices: 'Change my choices',
  cancel: 'Cancel',
  withdraw: 'Withdraw consent',
  receipt: 'Download receipt',
  policy: 'Read the full privacy policy',
  savedStatus: 'Your choices are saved ({date}).',
  withdrawnStatus: 'You withdrew your consent ({date}). Optional uses of your data are off.',
  allowedList: 'Allowed: {list}',
  declinedList: 'Declined: {list}',
  listNone: 'nothing',
  changedIntro: 'We have updated this notice since you last chose ({date}). Please review it and choose again.',
  changesHeading: 'What changed',
  newPurpose: 'New: {title}',
  nowRequired: 'Now required: {title}',
  newReuse: 'New: {recipient} would reuse your verification',
  // Records keep purpose ids, not titles, so a removed purpose is counted, never named by its id.
  removedPurposes: {
    one: 'One purpose from your earlier choices is no longer asked for.',
    other: '{count} purposes from your earlier choices are no longer asked for.',
  },
  announceSaved: 'Your choices have been saved.',
  announceWithdrawn: 'Your consent has been withdrawn.',
  loading: 'Loading your privacy choices…',
  invalid: "We can't show your privacy choices right now.",
  storageLoadFailed: "We couldn't read your saved choices on this device. You can still choose now.",
  storageSaveFailed: "We couldn't save your choices on this device. Try again, or reload the page if it keeps failing.",
  storageQuota: "This device has no storage space left, so your choices couldn't be saved.",
  receiptFailed: "We couldn't prepare your receipt. Reload the page and try again.",
  storageUnreadable: "Some of your earlier choices saved on this device couldn't be read. Nothing was deleted. What we could read is shown below.",
  ...receiptMessages,
} as const;

/** The keys and shapes every locale of `<candor-consent>` supplies. */
export type ConsentMessages = MessagesOf<typeof en>;


/** Built-in catalogues of `<candor-consent>`; override or add locales with `registerMessages('candor-consent', …)`. */
export const consentMessages = { en };

declare global {
  interface CandorMessageCatalogues {
    'candor-consent': ConsentMessages;
  }
}
