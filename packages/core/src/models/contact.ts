/**
 * The ways to reach a person (`<candor-faq>`'s contact channels) and their opening hours: one
 * definition shared by the panel, `channelAvailability`, stories, tests and examples. Labels
 * are plain text; links are `tel:`, `mailto:` or https; hours are in an IANA time zone. Its own
 * module, so a page that shows no contact channels does not build their schemas.
 */
import * as z from 'zod/mini';
import { identifier, secureUrl, text, timeZone, numberIn } from './text.js';

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
