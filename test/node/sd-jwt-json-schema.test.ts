// The committed SD-JWT VC claims schema must equal a fresh generation from the zod definition the
// verifier uses, so partners in other languages check the processed claims as Candor does.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { KeySet } from '@candor/core/keys';
import { createSdJwtVerifier, issueSdJwt, present, SdJwtVcClaimsSchema } from '@candor/core/sd-jwt';
// @ts-expect-error: plain ESM build script without type declarations
import { generateSdJwtVcClaimsJsonSchema } from '../../packages/core/scripts/json-schema-source.mjs';

const committedPath = new URL('../../packages/core/schema/sd-jwt-vc-claims.schema.json', import.meta.url);

describe('SD-JWT VC claims JSON Schema', () => {
  it('is committed exactly as a fresh generation produces it (run node packages/core/scripts/json-schema.mjs)', async () => {
    const fresh = `${JSON.stringify(await generateSdJwtVcClaimsJsonSchema(), null, 2)}\n`;
    expect(readFileSync(committedPath, 'utf8')).to.equal(fresh);
  });

  it('requires iss, vct and exp, describes cnf and status, and forbids _sd and _sd_alg after processing', () => {
    const schema = JSON.parse(readFileSync(committedPath, 'utf8'));
    expect(schema.required).to.have.members(['iss', 'vct', 'exp']);
    expect(schema.properties.status.properties.status_list.required).to.have.members(['idx', 'uri']);
    expect(schema.properties.cnf.required).to.deep.equal(['jwk']);
    expect(schema.properties._sd).to.deep.equal({ not: {} });
    expect(schema.properties._sd_alg).to.deep.equal({ not: {} });
  });

  it('accepts what the verifier returns for a Candor credential, and refuses the issuer JWT before processing', async () => {
    const keys = await KeySet.generate();
    const sdJwt = await issueSdJwt({
      issuer: 'https://id.example.com',
      keys,
      vct: 'https://id.example.com/age',
      claims: { sub: 'c1', verification: { level: 'substantial', methods: ['document'], verifiedAt: 1_700_000_000, riskTier: 'low' }, age_over_18: true },
      disclosable: ['age_over_18'],
      status: { status_list: { idx: 4, uri: 'https://id.example.com/statuslists/1' } },
    });
    const verifier = createSdJwtVerifier({ issuer: 'https://id.example.com', keys: keys.publicJwks(), audience: 'https://p.example', requireKeyBinding: false });
    const { claims } = await verifier.verify(await present(sdJwt, { disclose: ['age_over_18'] }));
    expect(SdJwtVcClaimsSchema.safeParse(claims).success).to.equal(true);
    const unprocessed = JSON.parse(Buffer.from(sdJwt.split('.')[1]!, 'base64url').toString('utf8'));
    expect(SdJwtVcClaimsSchema.safeParse(unprocessed).success).to.equal(false);
  });
});
