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

  it('allows what zod ignores: other members of status and status_list, which Candor accepts (draft-ietf-oauth-status-list §6.1)', () => {
    const schema = JSON.parse(readFileSync(committedPath, 'utf8'));
    const claims = {
      iss: 'https://id.example.com',
      sub: 'cust_1',
      aud: 'https://partner.example',
      iat: 1_780_000_000,
      exp: 1_780_003_600,
      jti: 'a8Kd93jfLq0Zp1xYtR5wQv',
      verification: { level: 'low', methods: ['document'], verifiedAt: 1_779_990_000, riskTier: 'low' },
      status: { status_list: { idx: 7, uri: 'https://id.example.com/status/1', note: 'x' }, other_mechanism: {} },
    };
    expect(VerificationClaimsSchema.safeParse(claims).success).to.equal(true);
    expect(schema.properties.status.additionalProperties).to.equal(undefined);
    expect(schema.properties.status.properties.status_list.additionalProperties).to.equal(undefined);
    // The strict objects stay strict: unknown claims and verification members are refused by both.
    expect(VerificationClaimsSchema.safeParse({ ...claims, extra: 1 }).success).to.equal(false);
    expect(schema.properties.verification.additionalProperties).to.equal(false);
  });
});
