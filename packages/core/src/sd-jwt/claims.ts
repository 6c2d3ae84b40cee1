/**
 * The processed claims of an SD-JWT VC as a partner sees them after verification: defined once
 * here (zod/mini), checked by the verifier, and published as JSON Schema
 * (schema/sd-jwt-vc-claims.schema.json) for partners verifying in other languages.
 */
import * as z from 'zod/mini';
import { VerificationBlockSchema } from '../tokens/claims.js';

const NUMERIC_DATE_MAX = 253402300799; // 9999-12-31T23:59:59Z
const numericDate = () => z.int().check(z.gte(0), z.lte(NUMERIC_DATE_MAX));
const boundedText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/**
 * The `status` claim (Token Status List): where the credential's status is kept. Always in the
 * clear, never disclosable.
 *
 * @example
 * ```ts
 * SdJwtStatusClaimSchema.parse({ status_list: { idx: 412, uri: 'https://id.example.com/statuslists/1' } });
 * ```
 */
export const SdJwtStatusClaimSchema = z.looseObject({
  status_list: z.strictObject({
    /** The credential's index in the list. */
    idx: z.int().check(z.gte(0)),
    /** The status list token's URL (its `sub`). */
    uri: boundedText(2048),
  }),
});

/**
 * The processed SD-JWT VC claims: the issuer-signed claims in the clear plus the disclosed ones.
 * `_sd`, `_sd_alg` and `...` never remain after processing. Claims other than those named here
 * are whatever the issuer put in (Candor's CLI puts `sub`, `verification` and the attributes).
 *
 * @example
 * ```ts
 * const ok = SdJwtVcClaimsSchema.safeParse(result.claims).success;
 * ```
 */
export const SdJwtVcClaimsSchema = z.catchall(
  z.object({
    /** Issuer URL. */
    iss: boundedText(2048),
    /** The credential type. */
    vct: boundedText(2048),
    /** Issued at (NumericDate). */
    iat: z.optional(numericDate()),
    /** Expires at (NumericDate); Candor's verifier requires it. */
    exp: numericDate(),
    /** Not before (NumericDate). */
    nbf: z.optional(numericDate()),
    /** The holder key the credential is bound to. */
    cnf: z.optional(z.looseObject({ jwk: z.looseObject({ kty: z.string() }) })),
    /** The Token Status List reference. */
    status: z.optional(SdJwtStatusClaimSchema),
    /** The customer's reference at the issuer, when disclosed or in the clear. */
    sub: z.optional(boundedText(256)),
    /** The verification Candor issuers describe (the same block as in Candor tokens). */
    verification: z.optional(VerificationBlockSchema),
    /** Reserved by RFC 9901: never present after processing. */
    _sd: z.optional(z.never()),
    _sd_alg: z.optional(z.never()),
  }),
  z.unknown(),
);
/** The processed claims of a verified SD-JWT VC. @example `const { iss, vct }: SdJwtVcClaims = result.claims` */
export type SdJwtVcClaims = z.infer<typeof SdJwtVcClaimsSchema>;
