/** Facts read off a notice's purposes, shared by records, comparisons, receipts and `<candor-consent>`. */
import type { ConsentNotice, ConsentPurpose, Recipient } from '../models/consent.js';

/**
 * The title of purpose `id` in `notice`, or `id` itself when the notice has no such purpose.
 *
 * @example
 * purposeTitle(notice, 'marketing') // 'Product news'
 */
export function purposeTitle(notice: Pick<ConsentNotice, 'purposes'>, id: string): string {
  return notice.purposes.find((p) => p.id === id)?.title ?? id;
}

/**
 * The recipients of a purpose that would reuse the customer's verification result.
 *
 * @example
 * reusers(purpose).map((r) => r.name) // ['Shield Insurance', 'Nest Mortgages']
 */
export function reusers(purpose: Pick<ConsentPurpose, 'recipients'>): Recipient[] {
  return purpose.recipients.filter((r) => r.reusesVerification === true);
}

/**
 * The token audiences that reuse the verification under `purposes`, each once, in notice order.
 *
 * @example
 * reuseAudiences(notice.purposes.filter((p) => granted.has(p.id))) // ['https://insure.example']
 */
export function reuseAudiences(purposes: readonly Pick<ConsentPurpose, 'recipients'>[]): string[] {
  return [...new Set(purposes.flatMap((p) => reusers(p).flatMap((r) => (r.audience ? [r.audience] : []))))];
}
