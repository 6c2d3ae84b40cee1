// SD-JWT+KB verification: Candor's createSdJwtVerifier against @sd-jwt/sd-jwt-vc (0.20.0) on the
// SAME presentation (issued by Candor, three disclosures, key-bound), in the same run, with the
// same compare() as bench/run.mjs. The library gets WebCrypto for signatures (as Candor uses) and
// node:crypto's synchronous SHA-256 for digests (its fastest configuration in Node).
import { createHash, randomBytes } from 'node:crypto';
import { importJWK } from 'jose';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { KeySet } from '@candor/core/keys';
import { createHolderKey, createSdJwtVerifier, issueSdJwt, present } from '@candor/core/sd-jwt';

const ISS = 'https://bank.example';
const AUD = 'https://partner.example';
const NONCE = 'bench-nonce-0001';
const ES256 = { name: 'ECDSA', hash: 'SHA-256' };
/** Candor's speed relative to @sd-jwt/core, by CPU time per operation. */
export const SD_JWT_TARGET = 1.0;

export async function benchSdJwt(compare) {
  const keys = await KeySet.generate('ES256');
  const holder = await createHolderKey();
  const sdJwt = await issueSdJwt({
    issuer: ISS,
    keys,
    vct: 'https://bank.example/credentials/verified-customer',
    claims: { sub: 'customer-0042', age_over_18: true, resident_country: 'FR', birthdate: '1990-04-01', given_name: 'Ada' },
    disclosable: ['age_over_18', 'resident_country', 'birthdate', 'given_name'],
    holderKey: holder.publicJwk,
  });
  const presentation = await present(sdJwt, { disclose: ['age_over_18', 'resident_country', 'birthdate'], keyBinding: { audience: AUD, nonce: NONCE, key: holder } });

  const verifier = createSdJwtVerifier({ issuer: ISS, keys: keys.publicJwks(), audience: AUD, requireKeyBinding: true, maxIatAgeSeconds: 3600 });
  const issuerKey = keys.active.publicKey;
  const holderKeys = new Map();
  const library = new SDJwtVcInstance({
    hasher: (data) => new Uint8Array(createHash('sha256').update(data).digest()),
    hashAlg: 'sha-256',
    saltGenerator: (n) => randomBytes(n).toString('base64url'),
    verifier: async (data, sig) => crypto.subtle.verify(ES256, issuerKey, Buffer.from(sig, 'base64url'), new TextEncoder().encode(data)),
    // The holder key imported once and reused, as Candor's verifier does (an LRU by key).
    kbVerifier: async (data, sig, payload) => {
      const id = JSON.stringify(payload.cnf.jwk);
      let key = holderKeys.get(id);
      if (!key) holderKeys.set(id, (key = await importJWK(payload.cnf.jwk, 'ES256')));
      return crypto.subtle.verify(ES256, key, Buffer.from(sig, 'base64url'), new TextEncoder().encode(data));
    },
  });
  const candorVerify = () => verifier.verify(presentation, { nonce: NONCE });
  const libraryVerify = () => library.verify(presentation, { keyBindingNonce: NONCE });
  // Both must accept the presentation and see the same three disclosures, or the comparison means nothing.
  const mine = await candorVerify();
  const theirs = await libraryVerify();
  for (const name of ['age_over_18', 'resident_country', 'birthdate']) {
    if (mine.claims[name] === undefined || theirs.payload[name] === undefined) throw new Error(`${name} is missing from a verified result`);
  }
  if (mine.disclosed.length !== 3) throw new Error(`expected 3 disclosures, Candor saw ${mine.disclosed.length}`);
  return { verify: await compare(libraryVerify, candorVerify) };
}
