/** The JOSE `typ` of a Candor verification token, in a module of its own so the JWS pipeline can name it without the claim schemas. */

/**
 * The media type in every token's `typ` header (RFC 8725 §3.11 explicit typing).
 *
 * @example
 * ```ts
 * decodeProtectedHeader(token).typ === TOKEN_TYPE; // 'candor-verification+jwt'
 * ```
 */
export const TOKEN_TYPE = 'candor-verification+jwt';
