/** The one way a claims-schema refusal becomes a CandorError, for the issuer and the verifier alike. */
import { CandorError } from '../errors.js';
import { summarizeIssues, toValidationIssues } from '../models/issues.js';

/**
 * `invalid_claims` for what the claims schema refuses: `prefix`, then up to five issues in one
 * sentence; every issue in `issues`, the first one's path as `field`. `under` prefixes the paths
 * (an issuer input checked with a claim's schema, named as the caller's input).
 *
 * @example
 * if (!parsed.success) throw claimsError("The token's claims are not valid Candor claims", parsed.error.issues);
 */
export function claimsError(prefix: string, zodIssues: Parameters<typeof toValidationIssues>[0], under?: string): CandorError {
  const issues = toValidationIssues(under === undefined ? zodIssues : zodIssues.map((i) => ({ ...i, path: [under, ...i.path] })), 5);
  return new CandorError('invalid_claims', `${prefix}: ${summarizeIssues(issues)}.`, { ...(issues[0] ? { field: issues[0].path } : {}), issues });
}
