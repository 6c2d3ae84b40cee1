/**
 * The language of a BCP 47 tag, lower-cased: `ar-EG` → `ar`, `en` → `en`. Every "same
 * language" rule in Candor (FAQ entries and incidents per language, catalogues, templates,
 * writing direction) compares these.
 */
export const primaryLanguage = (tag: string): string => (tag.split('-')[0] ?? tag).toLowerCase();
