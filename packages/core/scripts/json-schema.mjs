// Writes packages/core/schema/verification-claims.schema.json and sd-jwt-vc-claims.schema.json from
// the one zod definition of each (VerificationClaimsSchema, SdJwtVcClaimsSchema), so partners verifying in other languages validate the same
// shape. Run after building core: `node packages/core/scripts/json-schema.mjs` (part of `npm run build`).
// `--check` exits 1 when the committed file differs from a fresh generation.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClaimsJsonSchema, generateSdJwtVcClaimsJsonSchema } from './json-schema-source.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const files = [
  ['verification-claims.schema.json', generateClaimsJsonSchema],
  ['sd-jwt-vc-claims.schema.json', generateSdJwtVcClaimsJsonSchema],
];

for (const [name, generate] of files) {
  const target = join(here, '..', 'schema', name);
  const text = `${JSON.stringify(await generate(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${target} is out of date: run node packages/core/scripts/json-schema.mjs`);
      process.exitCode = 1;
    }
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
