/** Shared building blocks for the models: bounded strings and identifiers. */
import * as z from 'zod/mini';

/** A non-empty, bounded, human-readable string (rendered as text, never as markup). */
export const text = (max = 500) => z.string().check(z.minLength(1), z.maxLength(max));

/** A stable identifier: letters, digits, `-`, `_`, `.`, `:`; 1–64 characters. */
export const identifier = () => z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/));

/** A BCP 47 language tag such as `en`, `ar`, `ar-EG`. */
export const localeTag = () => z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));
