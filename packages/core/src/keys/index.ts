/** @candor/core/keys: signing keys (ES256 default, EdDSA) and key sets with rotation. */
export { generateKey, importKey, exportPrivateJwk, isCandorKey, SIGNING_ALGORITHMS, type CandorKey, type SigningAlgorithm, type JWK } from './key.js';
export {
  KeySet,
  isKeySet,
  DEFAULT_MAX_TOKEN_TTL_SECONDS,
  RETIREMENT_GRACE_SECONDS,
  MAX_TOKEN_TTL_CEILING_SECONDS,
  type KeySetJSON,
  type KeySetOptions,
  type RetiredKey,
} from './key-set.js';
export { toPublicJwk, PRIVATE_JWK_MEMBERS } from '../lib/jwk.js';
