/** @candor/core/tokens: issue and verify reusable-verification tokens. */
export {
  TOKEN_TYPE,
  ASSURANCE_LEVELS,
  VERIFICATION_METHODS,
  RISK_TIERS,
  MAX_ATTRIBUTES,
  MAX_ATTRIBUTE_STRING_LENGTH,
  FORBIDDEN_ATTRIBUTE_NAMES,
  RESERVED_ATTRIBUTE_NAMES,
  ATTRIBUTE_NAME_PATTERN,
  REQUIRED_CLAIMS,
  VerificationClaimsSchema,
  VerificationBlockSchema,
  AttributesSchema,
  AttributeValueSchema,
  type VerificationClaims,
  type VerificationBlock,
  type AssuranceLevel,
  type VerificationMethod,
  type RiskTier,
} from './claims.js';
export { createIssuer, type Issuer, type IssuerOptions, type IssueInput } from './issue.js';
export {
  createVerifier,
  DEFAULT_MAX_TOKEN_BYTES,
  DEFAULT_MAX_LIFETIME_SECONDS,
  DEFAULT_CLOCK_TOLERANCE_SECONDS,
  DEFAULT_RESULT_CACHE_ENTRIES,
  MAX_CLOCK_TOLERANCE_SECONDS,
  type Verifier,
  type VerifierOptions,
  type VerificationResult,
  type ValidResult,
  type ReverificationDueResult,
  type VerifiedHeader,
} from './verify.js';
export { DEFAULT_REVERIFICATION_POLICY } from './reverification.js';
export { MemoryReplayStore, type ReplayStore } from './replay-store.js';
export type { RemoteJwksOptions, KeyResolver } from '../lib/key-source.js';
export { MAX_REMOTE_JWKS_BYTES, usableJwk } from '../lib/key-source.js';
export {
  JWS_KINDS,
  DEFAULT_MAX_JWS_BYTES,
  createJwsVerifier,
  verifyCompactJws,
  typMatches,
  type JwsKind,
  type JwsVerifierOptions,
  type VerifiedJws,
  type VerifiedJwsHeader,
} from '../lib/jws.js';
export { isLoopbackHost, parseSecureUrl, LOOPBACK_HOSTS_TEXT } from '../lib/urls.js';
