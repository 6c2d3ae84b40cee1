/** signConsentRecord: a consent record as a compact JWS, signed with the same keys as tokens. */
import { CompactSign } from 'jose';
import type { ConsentRecord } from '../models/consent.js';
import { CandorError } from '../errors.js';
import { isCandorKey, type CandorKey } from '../keys/key.js';
import { isKeySet, type KeySet } from '../keys/key-set.js';
import { toCandorError } from '../lib/jose-errors.js';
import { CONSENT_RECORD_TYPE } from './consent-type.js';
import { parseRecord } from './validate.js';

/**
 * Signs a consent record: compact JWS whose payload is the record's JSON and whose protected
 * header is `{ alg, kid, typ: "candor-consent+jwt" }`. A KeySet signs with its active key. The
 * distinct `typ` means a signed record can never pass as a verification token, nor the reverse.
 *
 * @throws {CandorError} `invalid_consent` for an invalid record, `invalid_key` for a key that cannot sign.
 * @example
 * const keys = await KeySet.generate();
 * const jws = await signConsentRecord(record, keys);
 * const same = await verifyConsentRecord(jws, keys.publicJwks());
 */
export async function signConsentRecord(record: ConsentRecord, key: CandorKey | KeySet): Promise<string> {
  const valid = parseRecord(record);
  const signer = isKeySet(key) ? key.active : isCandorKey(key) ? key : undefined;
  if (!signer) throw new CandorError('invalid_key', 'signConsentRecord needs a CandorKey or a KeySet (see generateKey / KeySet.generate).', { field: 'key' });
  if (!signer.privateKey) throw new CandorError('invalid_key', `Key ${signer.kid} has no private key, so it cannot sign.`, { field: 'key' });
  try {
    return await new CompactSign(new TextEncoder().encode(JSON.stringify(valid)))
      .setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: CONSENT_RECORD_TYPE })
      .sign(signer.privateKey);
  } catch (e) {
    throw toCandorError(e, 'invalid_key', 'Signing the consent record');
  }
}
