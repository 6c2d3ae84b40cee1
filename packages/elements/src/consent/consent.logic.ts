/** What `<candor-consent>` shows, derived from the notice, the latest record and the switches: pure functions, tested in Node. */
import {
  compareWithNotice,
  controllerKey,
  purposeTitle,
  reusers,
  type ConsentStorage,
  type NoticeComparison,
  type UnreadableConsentData,
} from '@candor/core/consent';
import type { ConsentNotice, ConsentPurpose, ConsentRecord, Recipient } from '@candor/core/models';

/** Required purposes on; optional ones as last recorded, else off (nothing is assumed). */
export function initialChoices(notice: ConsentNotice, latest: ConsentRecord | undefined): Record<string, boolean> {
  const granted = new Set(latest?.purposesGranted ?? []);
  return Object.fromEntries(notice.purposes.map((p) => [p.id, p.required || granted.has(p.id)]));
}

/** One line of "What changed": the host's own text, or a message of the catalogue with its values. */
export type ChangeItem =
  | { readonly text: string }
  | { readonly message: 'newPurpose' | 'nowRequired'; readonly params: { readonly title: string } }
  | { readonly message: 'newReuse'; readonly params: { readonly recipient: string } }
  | { readonly message: 'removedPurposes'; readonly params: { readonly count: number } };

/**
 * What changed since the record, for a customer asked again: the notice's own `changes`, then
 * new purposes, purposes now required and new partners reusing the verification (by name), and
 * a count of removed purposes (records keep ids, not titles, so those are never named).
 * Empty when the customer is not asked again.
 */
export function changeItems(notice: ConsentNotice, comparison: NoticeComparison | undefined): ChangeItem[] {
  if (!comparison?.askAgain) return [];
  const recipientOf = (audience: string) =>
    notice.purposes.flatMap((p) => reusers(p)).find((r) => r.audience === audience)?.name ?? audience;
  return [
    ...(notice.changes ?? []).map((text) => ({ text })),
    ...comparison.addedPurposes.map((id) => ({ message: 'newPurpose' as const, params: { title: purposeTitle(notice, id) } })),
    ...comparison.nowRequired.map((id) => ({ message: 'nowRequired' as const, params: { title: purposeTitle(notice, id) } })),
    ...comparison.addedAudiences.map((a) => ({ message: 'newReuse' as const, params: { recipient: recipientOf(a) } })),
    ...(comparison.removedPurposes.length ? [{ message: 'removedPurposes' as const, params: { count: comparison.removedPurposes.length } }] : []),
  ];
}

/** One purpose as shown: whether its switch is on and who would reuse the verification under it. */
export interface PurposeItem {
  readonly purpose: ConsentPurpose;
  readonly on: boolean;
  readonly reusers: readonly Recipient[];
}

/** Every purpose of the notice with its switch state (required ones always on). */
export function purposeItems(notice: ConsentNotice, choices: Readonly<Record<string, boolean>>): PurposeItem[] {
  return notice.purposes.map((purpose) => ({ purpose, on: purpose.required || choices[purpose.id] === true, reusers: reusers(purpose) }));
}

/** The saved state in short: titles allowed and declined, and whether anything optional is left to withdraw. */
export interface SavedSummary {
  readonly allowed: readonly string[];
  readonly declined: readonly string[];
  readonly canWithdraw: boolean;
}

/** What the record says, in the notice's titles. */
export function savedSummary(notice: ConsentNotice, record: ConsentRecord): SavedSummary {
  return {
    allowed: record.purposesGranted.map((id) => purposeTitle(notice, id)),
    declined: record.purposesDenied.map((id) => purposeTitle(notice, id)),
    canWithdraw: notice.purposes.some((p) => !p.required && record.purposesGranted.includes(p.id)),
  };
}

/** What one load found in storage. */
export interface Loaded {
  /** The latest record of this controller and subject, if any. */
  latest?: ConsentRecord;
  /** How the notice shown now differs from the one `latest` was made under. */
  comparison?: NoticeComparison;
  /** Stored data that could not all be read (set aside by the storage). */
  unreadable?: UnreadableConsentData;
  /** Why storage could not be read; the customer can still choose. */
  failure?: unknown;
}

/**
 * Reads the latest record (with the storage's report of unreadable data, when it has `read`)
 * and compares it with the notice. Never throws: a failure is returned, and anything that is
 * not a record of this subject counts as nothing stored.
 */
export async function loadSaved(storage: ConsentStorage | undefined, notice: ConsentNotice, subject: string, locale: string): Promise<Loaded> {
  const loaded: Loaded = {};
  try {
    if (!storage) throw new TypeError('no usable storage');
    const controller = controllerKey(notice.controller);
    const read = typeof storage.read === 'function' ? await storage.read(controller, subject) : undefined;
    if (read?.unreadable) loaded.unreadable = read.unreadable;
    const latest = read ? read.records.at(-1) : await storage.latest(controller, subject);
    if (latest !== undefined && latest.subject === subject) {
      loaded.comparison = await compareWithNotice(latest, notice, { locale });
      loaded.latest = latest;
    }
  } catch (e) {
    loaded.failure = e;
  }
  return loaded;
}
