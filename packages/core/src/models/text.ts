/** Shared building blocks for the models: bounded strings and identifiers. */
import * as z from 'zod/mini';
import { LOOPBACK_HOSTS_TEXT, parseSecureUrl } from '../lib/urls.js';

/** A non-empty, bounded, human-readable string (rendered as text, never as markup). */
export const text = (max = 500) => z.string().check(z.minLength(1), z.maxLength(max));

/** A stable identifier: letters, digits, `-`, `_`, `.`, `:`; 1–64 characters. */
export const identifier = () => z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/));

/** A BCP 47 language tag such as `en`, `ar`, `ar-EG`. */
export const localeTag = () => z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

/** An instant in ISO 8601 with a zone offset or `Z`, e.g. `2026-11-23T10:00:00Z`. */
export const isoTime = () => z.iso.datetime({ offset: true });

/**
 * A link a customer may follow: https, or plain http only on this machine (the same rule as
 * issuer and JWKS URLs), at most 2048 characters. `javascript:`, `data:` and other schemes are refused.
 */
export const secureUrl = () =>
  z.string().check(
    z.maxLength(2048),
    z.refine((v) => parseSecureUrl(v) !== undefined, { message: `must be an https URL (plain http only on ${LOOPBACK_HOSTS_TEXT})` }),
  );

/** Zones already accepted: building a formatter to test one costs more than most other checks. */
const knownZones = new Set<string>();

/** Whether `tz` is an IANA time zone this runtime knows (`Europe/London`, `UTC`). */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string') return false;
  if (knownZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  if (knownZones.size < 100) knownZones.add(tz);
  return true;
}

/** An IANA time zone such as `Europe/London` (see {@link isTimeZone}). */
export const timeZone = () => z.string().check(z.refine(isTimeZone, { message: 'must be an IANA time zone such as "Europe/London"' }));
