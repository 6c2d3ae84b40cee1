// The committed JSON Schema must equal a fresh generation from the zod claims schema, and must
// accept and refuse the same payloads, so partners in other languages validate what we validate.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { MAX_ATTRIBUTES, RESERVED_ATTRIBUTE_NAMES, VerificationClaimsSchema } from '@candor/core/tokens';
// @ts-expect-error: plain ESM build script without type declarations
import { generateClaimsJsonSchema } from '../../packages/core/scripts/json-schema-source.mjs';

const committedPath = new URL('../../packages/core/schema/verification-claims.schema.json', import.meta.url);

describe('verification claims JSON Schema', () => {
  it('is committed exactly as a fresh generation produces it (run node packages/core/scripts/json-schema.mjs)', async () => {
    const fresh = `${JSON.stringify(await generateClaimsJsonSchema(), null, 2)}\n`;
    expect(readFileSync(committedPath, 'utf8')).to.equal(fresh);
  });

  it('carries the rules partners need: required claims, no extra claims, forbidden attribute names, bounds', () => {
    const schema = JSON.parse(readFileSync(committedPath, 'utf8'));
    expect(schema.required).to.have.members(['iss', 'sub', 'aud', 'iat', 'exp', 'jti', 'verification']);
    expect(schema.additionalProperties).to.equal(false);
    const names = new RegExp(schema.properties.attributes.propertyNames.pattern);
    expect(names.test('age_over_18')).to.equal(true);
    expect(names.test('date_of_birth')).to.equal(false);
    expect(names.test('birthdate')).to.equal(false);
    expect(schema.properties.attributes.maxProperties).to.equal(MAX_ATTRIBUTES);
    expect(schema.properties.verification.properties.methods.uniqueItems).to.equal(true);
    // zod applies the same name rule as the published pattern, for the names JavaScript objects
    // treat specially too (JSON.parse makes "__proto__" an own key, as a token payload would).
    for (const name of ['age_over_18', 'date_of_birth', 'Email', 'document_number', 'resident_country', ...RESERVED_ATTRIBUTE_NAMES, 'constructor_ok']) {
      const zodOk = VerificationClaimsSchema.shape.attributes.safeParse(JSON.parse(JSON.stringify({ [name]: true }))).success;
      expect(zodOk, name).to.equal(names.test(name));
    }
    for (const name of RESERVED_ATTRIBUTE_NAMES) expect(names.test(name), name).to.equal(false);
  });
});
