// Builds the JSON Schema (draft 2020-12) of the verification claims from the built zod schema.
// Shared by the generator script and by the test that checks the committed file has not drifted.
import * as z from 'zod';
import { VerificationClaimsSchema, MAX_ATTRIBUTES, TOKEN_TYPE } from '@candor/core/tokens';
import { SdJwtVcClaimsSchema } from '@candor/core/sd-jwt';

/**
 * A zod schema as the JSON Schema partners get: draft 2020-12, with `title` and `description`
 * first. zod refinements have no JSON Schema form; the ones the claims rely on are written here:
 * enum arrays are unique, and with `maxRecordProperties` a record (an object of free names) has
 * at most that many members. zod writes `additionalProperties: false` for every object, but only a
 * strict object refuses unknown members; a plain `z.object` (the `status` claim) ignores them, so
 * its JSON Schema must allow them too, or a partner would refuse what Candor accepts.
 */
function partnerJsonSchema(zodSchema, { title, description, maxRecordProperties }) {
  const schema = z.toJSONSchema(zodSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    override(ctx) {
      const s = ctx.jsonSchema;
      if (maxRecordProperties !== undefined && s.type === 'object' && s.propertyNames && s.additionalProperties && !s.properties) s.maxProperties = maxRecordProperties;
      if (s.type === 'array' && s.items && s.items.enum) s.uniqueItems = true;
      const def = ctx.zodSchema._zod.def;
      if (def.type === 'object' && def.catchall === undefined && s.additionalProperties === false) delete s.additionalProperties;
    },
  });
  return {
    $schema: schema.$schema,
    title,
    description,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** The JSON Schema partners use to validate a verified token's payload. */
export async function generateClaimsJsonSchema() {
  return partnerJsonSchema(VerificationClaimsSchema, {
    title: 'Candor verification token claims',
    description: `Payload of a JWS whose protected header has typ "${TOKEN_TYPE}". Verify the signature, typ, iss, aud, exp and iat first; then validate the payload against this schema.`,
    maxRecordProperties: MAX_ATTRIBUTES,
  });
}

/** The JSON Schema of the processed claims of an SD-JWT VC (after the disclosures are put back). */
export async function generateSdJwtVcClaimsJsonSchema() {
  return partnerJsonSchema(SdJwtVcClaimsSchema, {
    title: 'Candor SD-JWT VC claims (processed)',
    description:
      'The claims of an SD-JWT VC (typ "dc+sd-jwt") after verification: verify the issuer JWT, put each disclosure back where its digest is (RFC 9901 §7.1), check iss, vct, exp, nbf and the key-binding JWT; then validate the processed claims against this schema. _sd and _sd_alg never remain.',
  });
}
