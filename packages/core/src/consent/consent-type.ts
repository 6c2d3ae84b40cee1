/** The JOSE `typ` of a signed consent record, kept apart from the verification token's type. */

/** `typ` of every signed consent record (RFC 8725 §3.11 explicit typing), never accepted as a token. */
export const CONSENT_RECORD_TYPE = 'candor-consent+jwt';

