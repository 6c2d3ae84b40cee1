/** @candor/core/sd-jwt: SD-JWT VC (RFC 9901) with holder key binding: issue, present, verify, and issuer metadata. */
export {
  SD_ALG,
  NEVER_DISCLOSABLE,
  RESERVED_NAMES,
  type ClaimPath,
  type ClaimPathSegment,
} from './disclosure.js';
export { SdJwtVcClaimsSchema, SdJwtStatusClaimSchema, type SdJwtVcClaims } from './claims.js';
export { issueSdJwt, DEFAULT_DECOYS, DEFAULT_SD_JWT_TTL_SECONDS, type SdJwtIssueOptions } from './issue.js';
export { present, type PresentOptions, type KeyBindingOptions } from './present.js';
export {
  createHolderKey,
  importHolderKey,
  createMemoryHolderKeyStore,
  createIndexedDbHolderKeyStore,
  type HolderKey,
  type HolderKeyStore,
  type IndexedDbHolderKeyStoreOptions,
} from './holder-key.js';
export {
  createSdJwtVerifier,
  DEFAULT_MAX_SD_JWT_BYTES,
  DEFAULT_MAX_IAT_AGE_SECONDS,
  type SdJwtVerifier,
  type SdJwtVerifierOptions,
  type SdJwtVerifyCallOptions,
  type SdJwtVerificationResult,
  type VerifiedKeyBinding,
} from './verify.js';
export {
  JWT_VC_ISSUER_PATH,
  MAX_ISSUER_METADATA_BYTES,
  issuerMetadataUrl,
  createIssuerMetadata,
  fetchIssuerMetadata,
  type JwtVcIssuerMetadata,
} from './metadata.js';
