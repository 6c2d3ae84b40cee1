/** The JOSE `typ` of a signed consent record, kept apart from the verification token's type. */

/** `typ` of every signed consent record (RFC 8725 §3.11 explicit typing), never accepted as a token. */
export const CONSENT_RECORD_TYPE = 'candor-consent+jwt';

/** RFC 7515 §4.1.9: `typ` compares case-insensitively and may omit the `application/` prefix. */
export function isConsentRecordType(typ: unknown): boolean {
  if (typeof typ !== 'string') return false;
  const t = typ.toLowerCase();
  return t === CONSENT_RECORD_TYPE || t === `application/${CONSENT_RECORD_TYPE}`;
}
