/** Shared building blocks for the models: bounded strings and identifiers. */
import * as z from 'zod/mini';
import { isBareLink, LOOPBACK_HOSTS_TEXT, parseSecureUrl } from '../lib/urls.js';

/** A non-empty, bounded, human-readable string (rendered as text, never as markup). */
export const text = (max = 500) => z.string().check(z.minLength(1), z.maxLength(max));

/** A stable identifier: letters, digits, `-`, `_`, `.`, `:`; 1–64 characters. */
export const identifier = () => z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/));

/** A BCP 47 language tag such as `en`, `ar`, `ar-EG`. */
export const localeTag = () => z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

/*
 * The formats below check with zod's own patterns (`z.regexes`) or one refinement instead of
 * zod's format schemas (`z.iso.datetime`, `z.uuid`, `z.int().check(z.gte(), z.lte())`): the same
 * rules, and about 0.9 KB less gzipped in every component bundle that validates with them.
 */

/**
 * An instant in ISO 8601 with seconds and a zone, e.g. `2026-11-23T10:00:00Z`; with `offset`
 * (the default) also `+03:00`, without it `Z` only. The same rule as `z.iso.datetime({ offset })`.
 */
export const isoTime = (offset = true) =>
  z.string().check(
    z.regex(z.regexes.datetime({ offset, local: false, precision: null }), {
      message: `must be an ISO 8601 datetime with seconds and ${offset ? 'a zone (Z or +03:00)' : 'Z'}, e.g. 2026-11-23T10:00:00Z`,
    }),
  );

/** A UUID (RFC 9562), the same rule as `z.uuid()`. */
export const uuid = () => z.string().check(z.regex(z.regexes.uuid(), { message: 'must be a UUID such as 0b8e3f4c-5d6a-4b7c-8d9e-0f1a2b3c4d5e' }));

/**
 * A finite number from `min` to `max` inclusive; with `whole`, an integer too. The issue says
 * which bound was missed: `must be at least 0`, `must be at most 1000`, `must be a whole number`.
 */
export const numberIn = (min: number, max: number, whole = false) =>
  z.number().check(
    z.refine((n) => (!whole || Number.isInteger(n)) && n >= min && n <= max, {
      error: ({ input }) => {
        const n = input as number;
        return n < min ? `must be at least ${min}` : n > max ? `must be at most ${max}` : `must be a whole number from ${min} to ${max}`;
      },
    }),
  );

/**
 * A link a customer may follow: https, or plain http only on this machine (the same rule as
 * issuer and JWKS URLs), at most 2048 characters. `javascript:`, `data:` and other schemes are
 * refused, and so is a link holding a space, line break, control or invisible character
 * ({@link isBareLink}): the URL parser would drop it, while a text that prints the link would not.
 */
export const secureUrl = () =>
  z.string().check(
    z.maxLength(2048),
    // One rule, one issue: the https rule and the one-link rule in a single message.
    z.refine((v) => isBareLink(v) && parseSecureUrl(v), {
      message: `must be an https URL (plain http only on ${LOOPBACK_HOSTS_TEXT}) with no spaces or hidden characters`,
    }),
  );

/**
 * Any absolute URL the WHATWG URL parser accepts (`https:`, `mailto:`, …), as stored in signed
 * consent records; links a page renders use {@link secureUrl}.
 */
export const absoluteUrl = () =>
  z.string().check(
    z.maxLength(2048),
    z.refine(
      (v) => {
        try {
          return Boolean(new URL(v));
        } catch {
          return false;
        }
      },
      { message: 'must be an absolute URL' },
    ),
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
