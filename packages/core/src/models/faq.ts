/**
 * Self-service answers: one definition shared by `<candor-faq>`, the search index, the JSON-LD
 * for servers, stories, tests and examples. Every text is plain text, every link https, every
 * time ISO 8601. The ways to reach a person are in `contact.ts`.
 */
import * as z from 'zod/mini';
import { primaryLanguage } from '../lib/language.js';
import { identifier, isoTime, localeTag, numberIn, secureUrl, text } from './text.js';

/** A link inside an answer ("Order a new card"). */
export const FaqLinkSchema = z.object({
  label: text(120),
  url: secureUrl(),
});
export type FaqLink = z.infer<typeof FaqLinkSchema>;

/** The answer: plain-text paragraphs, optional ordered steps, optional links. */
export const FaqAnswerSchema = z.object({
  paragraphs: z.array(text(2000)).check(z.minLength(1), z.maxLength(20)),
  steps: z.optional(z.array(text(500)).check(z.maxLength(20))),
  links: z.optional(z.array(FaqLinkSchema).check(z.maxLength(10))),
});
export type FaqAnswer = z.infer<typeof FaqAnswerSchema>;

/** What an entry answers questions about: incidents and services (for known issues). */
export const FaqRelationsSchema = z.object({
  incidents: z.optional(z.array(identifier()).check(z.maxLength(20))),
  services: z.optional(z.array(identifier()).check(z.maxLength(20))),
});
export type FaqRelations = z.infer<typeof FaqRelationsSchema>;

/** One question and its answer. */
export const FaqEntrySchema = z.object({
  /** Stable and deep-linkable: `#faq-<id>` opens it. */
  id: identifier(),
  question: text(300),
  answer: FaqAnswerSchema,
  /** The category it is filed under, as customers read it ("Cards"). */
  category: text(80),
  /** The words customers actually type for it, synonyms included ("pin", "code", "forgot"). */
  keywords: z.optional(z.array(text(60)).check(z.maxLength(50))),
  locale: localeTag(),
  /** When the answer was last checked or changed ("Updated 3 days ago"). */
  updatedAt: isoTime(),
  relatesTo: z.optional(FaqRelationsSchema),
  /** How useful it is to most customers (0–1000, higher first): what shows before anything is typed. */
  priority: z.optional(numberIn(0, 1000, true)),
});
export type FaqEntry = z.infer<typeof FaqEntrySchema>;

/**
 * A list of entries: at most 2,000, ids unique within each language (the English and the Arabic
 * answer to one question share an id, so `#faq-<id>` opens it in either language).
 */
export const FaqEntriesSchema = z.array(FaqEntrySchema).check(
  z.maxLength(2000),
  z.refine((list) => new Set(list.map((e) => `${primaryLanguage(e.locale)} ${e.id}`)).size === list.length, {
    message: 'must not repeat an entry id within one language',
  }),
);
