/** How old a verification may be, per risk tier, before the customer should verify again. */
import { CandorError } from '../errors.js';
import { wholeNumber } from '../lib/options.js';
import { RISK_TIERS, type RiskTier } from './claims.js';

const DAY = 24 * 60 * 60;

/**
 * Default maximum age of a verification (`verifiedAt`), in seconds, per risk tier.
 *
 * - `high`: 90 days. High-risk relationships get enhanced, ongoing due diligence (FATF
 *   Recommendation 10, EU AMLD Art. 18); a quarterly refresh keeps the evidence current.
 * - `medium`: 180 days, half-yearly: between the two.
 * - `low`: 365 days. A yearly refresh catches expired documents and changed circumstances
 *   without asking low-risk customers more than once a year.
 *
 * These are defaults, not legal advice: set `reverificationPolicy` to your own risk assessment.
 *
 * @example
 * ```ts
 * createVerifier({ ...options, reverificationPolicy: { high: DEFAULT_REVERIFICATION_POLICY.high / 3 } });
 * ```
 */
export const DEFAULT_REVERIFICATION_POLICY: Readonly<Record<RiskTier, number>> = Object.freeze({
  high: 90 * DAY,
  medium: 180 * DAY,
  low: 365 * DAY,
});

/** A full policy: the defaults with `overrides` applied, validated. */
export function resolveReverificationPolicy(overrides: unknown): Readonly<Record<RiskTier, number>> {
  if (overrides === undefined) return DEFAULT_REVERIFICATION_POLICY;
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new CandorError('invalid_options', 'reverificationPolicy must be an object like { high: 7776000 } (seconds per risk tier).', {
      field: 'reverificationPolicy',
    });
  }
  const out: Record<RiskTier, number> = { ...DEFAULT_REVERIFICATION_POLICY };
  for (const [tier, value] of Object.entries(overrides)) {
    const field = `reverificationPolicy.${tier}`;
    if (!(RISK_TIERS as readonly string[]).includes(tier)) {
      throw new CandorError('invalid_options', `${field} is not a risk tier; use ${RISK_TIERS.join(', ')}.`, { field });
    }
    if (value === undefined) continue;
    out[tier as RiskTier] = wholeNumber(value, field, { min: 1, unit: 'seconds' });
  }
  return Object.freeze(out);
}
