/** The canonical text of a consent notice and its hash: what the customer saw, in a form a server can recompute. */
import type { ConsentNotice } from '../models/consent.js';
import { parseNotice } from './validate.js';

/** Prefix of every notice hash (the algorithm), followed by 64 lowercase hex digits. */
export const NOTICE_HASH_PREFIX = 'sha256:';

/**
 * Collapses every run of white space (spaces, tabs, line breaks) to one space and trims the ends.
 * This is how a browser renders text with the default `white-space: normal`, so the canonical text
 * is the text the customer actually saw, and a value can never spill onto the next line. White
 * space is JavaScript's `\s` (U+0009–U+000D, U+0020, U+00A0, U+1680, U+2000–U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000, U+FEFF), as docs/consent-records.md lists it for other languages.
 *
 * @example
 * normalizeNoticeValue('  We check\n your ID. ') // 'We check your ID.'
 */
export function normalizeNoticeValue(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

/**
 * The deterministic canonical text of a notice: one `name: value` field per line, joined by `\n`
 * (no trailing newline), each value normalised with {@link normalizeNoticeValue}. In order:
 *
 * ```text
 * controller: <controller.name>
 * summary: <summary>
 * then, for each purpose in notice order:
 * purpose: <id>
 * title: <title>
 * why: <why>
 * data: <one line per data category, in order>
 * retention: <retention>
 * recipient: <name> (<role>)                          one line per recipient, in order;
 * recipient: <name> (<role>; reuses verification)     when reusesVerification is true;
 * recipient: <name> (<role>; reuses verification as <audience>)  with an audience
 * legal-basis: <legalBasis>
 * required: yes | no
 * ```
 *
 * Labels are fixed English field names (not translated) so that a server in any language can
 * rebuild exactly the same text from the notice JSON; the values are the notice's own wording,
 * which `<candor-consent>` renders as text. Version, policy URL and `changes` are not part of it:
 * the record stores the version separately, and `changes` only describes the difference to an
 * earlier version.
 *
 * @throws {CandorError} `invalid_consent` when the notice does not match `ConsentNoticeSchema`.
 * @example
 * noticeText(notice).split('\n')[1] // 'summary: We verify your identity once and ...'
 */
export function noticeText(input: ConsentNotice): string {
  const notice = parseNotice(input);
  const lines: string[] = [];
  const field = (name: string, value: string) => lines.push(`${name}: ${normalizeNoticeValue(value)}`);
  field('controller', notice.controller.name);
  field('summary', notice.summary);
  for (const p of notice.purposes) {
    field('purpose', p.id);
    field('title', p.title);
    field('why', p.why);
    for (const c of p.dataCategories) field('data', c);
    field('retention', p.retention);
    for (const r of p.recipients) {
      const reuse = r.reusesVerification ? `; reuses verification${r.audience ? ` as ${r.audience}` : ''}` : '';
      field('recipient', `${r.name} (${r.role}${reuse})`);
    }
    field('legal-basis', p.legalBasis);
    field('required', p.required ? 'yes' : 'no');
  }
  return lines.join('\n');
}

const hex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * `sha256:` + lowercase hex of the SHA-256 of the UTF-8 bytes of {@link noticeText}. Uses WebCrypto,
 * so it runs the same in browsers, Node 20+ and edge runtimes.
 *
 * @throws {CandorError} `invalid_consent` when the notice does not match `ConsentNoticeSchema`.
 * @example
 * const hash = await hashNotice(notice); // 'sha256:3f5a…'
 * // Server side (any language): sha256(utf8(noticeText(notice))) as hex, prefixed with "sha256:".
 */
export async function hashNotice(notice: ConsentNotice): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(noticeText(notice)));
  return NOTICE_HASH_PREFIX + hex(digest);
}
