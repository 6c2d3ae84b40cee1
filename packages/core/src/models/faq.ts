/**
 * Self-service answers and the ways to reach a person: one definition shared by `<candor-faq>`,
 * the search index, the JSON-LD for servers, stories, tests and examples. Every text is plain
 * text, every link https (contact links may also be `tel:` and `mailto:`), every time ISO 8601.
 */
import * as z from 'zod/mini';
import { identifier, isoTime, localeTag, secureUrl, text, timeZone, numberIn } from './text.js';

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
  z.refine((list) => new Set(list.map((e) => `${e.locale.split('-')[0]!.toLowerCase()} ${e.id}`)).size === list.length, {
    message: 'must not repeat an entry id within one language',
  }),
);

/** Ways to reach a person. */
export const CONTACT_KINDS = ['phone', 'chat', 'email', 'branch', 'callback'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Days of the week, as the keys of {@link ContactChannelSchema}'s `hours`. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const openingTime = () => z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time of day as HH:MM (00:00 to 23:59)' }));
const closingTime = () => z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'must be a time of day as HH:MM (00:00 to 24:00)' }));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const calendarDate = () =>
  z.string().check(
    z.regex(DATE, { message: 'must be a date as YYYY-MM-DD' }),
    // Only a YYYY-MM-DD string is checked against the calendar, so a malformed date gets one issue, not two.
    z.refine((d) => {
      if (!DATE.test(d)) return true;
      const t = new Date(`${d}T00:00:00Z`);
      return Number.isFinite(t.getTime()) && t.toISOString().startsWith(d);
    }, { message: 'must be a real calendar date' }),
  );

/**
 * Opening hours on one day: `closes` after `opens`, or at or before it for hours that run past
 * midnight (`22:00`–`02:00` closes at 02:00 the next day). `24:00` (closing only) is midnight at the
 * end of the day, the same as `00:00` as a closing time.
 */
export const OpeningHoursSchema = z.object({ opens: openingTime(), closes: closingTime() }).check(
  z.refine((h) => h.opens !== h.closes, { message: 'opens and closes at the same time; leave the day out if it is closed', path: ['closes'] }),
);
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

/** A day or days the channel is closed (public holidays), in the channel's time zone. */
export const ClosureSchema = z
  .object({
    from: calendarDate(),
    /** The last closed day; default: `from`. */
    to: z.optional(calendarDate()),
    reason: z.optional(text(120)),
  })
  .check(z.refine((c) => c.to === undefined || c.to >= c.from, { message: 'must not be before from', path: ['to'] }));
export type Closure = z.infer<typeof ClosureSchema>;

/** `tel:` and `mailto:` links, or https (http only on this machine). */
const contactHref = () =>
  z.string().check(
    z.maxLength(2048),
    z.refine((v) => /^tel:\+?[0-9 ()./-]{3,32}$/.test(v) || /^mailto:[^\s<>"]+@[^\s<>"]+$/.test(v) || secureUrl().safeParse(v).success, {
      message: 'must be a tel: or mailto: link or an https URL',
    }),
  );

/** `hours`: each weekday optional, any other key refused (a record over the weekdays, written as an object: zod's record schema costs every FAQ bundle 0.6 KB). */
type DayHours = { [D in Weekday]: z.ZodMiniOptional<z.ZodMiniArray<typeof OpeningHoursSchema>> };

/** A way to reach a person, when it is open and how fast it answers. */
export const ContactChannelSchema = z.object({
  id: identifier(),
  kind: z.enum(CONTACT_KINDS),
  /** What the customer reads ("Chat with us", "Call 0800 123 456"). */
  label: text(80),
  href: z.optional(contactHref()),
  /** The IANA time zone the hours and closures are in. */
  timeZone: timeZone(),
  /** Opening hours per weekday; a day left out is closed. Absent: always open. */
  hours: z.optional(z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, z.optional(z.array(OpeningHoursSchema).check(z.maxLength(4)))])) as DayHours)),
  closures: z.optional(z.array(ClosureSchema).check(z.maxLength(100))),
  /** Typical time to a reply, in minutes ("replies in about 2 minutes"). */
  responseMinutes: z.optional(numberIn(0, 60 * 24 * 14, true)),
});
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

export const ContactChannelsSchema = z.array(ContactChannelSchema).check(
  z.maxLength(10),
  z.refine((list) => new Set(list.map((c) => c.id)).size === list.length, { message: 'must not repeat a channel id' }),
);
