// Builds the JSON Schema (draft 2020-12) of the verification claims from the built zod schema.
// Shared by the generator script and by the test that checks the committed file has not drifted.
import * as z from 'zod';
import { VerificationClaimsSchema, MAX_ATTRIBUTES, TOKEN_TYPE } from '@candor/core/tokens';
import { SdJwtVcClaimsSchema } from '@candor/core/sd-jwt';

/** The JSON Schema partners use to validate a verified token's payload. */
export async function generateClaimsJsonSchema() {
  const schema = z.toJSONSchema(VerificationClaimsSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    // zod refinements have no JSON Schema form; write the ones the claims rely on by hand.
    override(ctx) {
      const s = ctx.jsonSchema;
      if (s.type === 'object' && s.propertyNames && s.additionalProperties && !s.properties) s.maxProperties = MAX_ATTRIBUTES;
      if (s.type === 'array' && s.items && s.items.enum) s.uniqueItems = true;
    },
  });
  return {
    $schema: schema.$schema,
    title: 'Candor verification token claims',
    description: `Payload of a JWS whose protected header has typ "${TOKEN_TYPE}". Verify the signature, typ, iss, aud, exp and iat first; then validate the payload against this schema.`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** The JSON Schema of the processed claims of an SD-JWT VC (after the disclosures are put back). */
export async function generateSdJwtVcClaimsJsonSchema() {
  const schema = z.toJSONSchema(SdJwtVcClaimsSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    override(ctx) {
      const s = ctx.jsonSchema;
      if (s.type === 'array' && s.items && s.items.enum) s.uniqueItems = true;
    },
  });
  return {
    $schema: schema.$schema,
    title: 'Candor SD-JWT VC claims (processed)',
    description:
      'The claims of an SD-JWT VC (typ "dc+sd-jwt") after verification: verify the issuer JWT, put each disclosure back where its digest is (RFC 9901 §7.1), check iss, vct, exp, nbf and the key-binding JWT; then validate the processed claims against this schema. _sd and _sd_alg never remain.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
