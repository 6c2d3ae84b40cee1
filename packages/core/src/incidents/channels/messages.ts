/** incidentMessages(): the texts of one incident for e-mail, SMS, push and in-app, all stating the same facts. */
import { affectedServices } from '../affected.js';
import { CandorError } from '../../errors.js';
import { IncidentSchema, type Incident } from '../../models/incident.js';
import { readClock, systemClock, type Clock } from '../../models/clock.js';
import { checkValue, summarizeIssues } from '../../models/issues.js';
import { isTimeZone, secureUrl } from '../../models/text.js';
import { clockOption, describeValue, optionError, wholeNumber } from '../../lib/options.js';
import { LOOPBACK_HOSTS_TEXT } from '../../lib/urls.js';
import { nextUpdateState } from '../next-update.js';
import { smsSegments, type SmsEncoding } from './sms.js';
import { ar } from './templates.ar.js';
import { en } from './templates.en.js';
import {
  MESSAGE_CHANNELS,
  fill,
  isLoadedTemplates,
  loadIncidentTemplates,
  placeholdersOf,
  templatesFor,
  type CompiledTemplate,
  type IncidentTemplateSet,
  type IncidentTemplates,
  type MessageChannel,
  type TemplatePlaceholder,
} from './templates.js';
import { wordsFor, type IncidentWords } from './words.js';

/** A status-page link: the model's rule for links (https, at most 2048 characters, one bare link). */
const LINK = secureUrl();

/**
 * The templates Candor ships, by language: start an organisation's own set from these.
 *
 * @example
 * loadIncidentTemplates({ en: { ...INCIDENT_TEMPLATES.en, sms: { text: '{title}: {status}. …{link}' } } });
 */
export const INCIDENT_TEMPLATES: Readonly<Record<'en' | 'ar', IncidentTemplateSet>> = Object.freeze({ en, ar });

let shipped: IncidentTemplates | undefined;

/** Options of {@link incidentMessages}. */
export interface IncidentMessageOptions<C extends MessageChannel = MessageChannel> {
  /** `email`, `sms`, `push` or `in-app`. */
  channel: C;
  /** The language and formats (BCP 47); default the incident's `locale`. */
  locale?: string;
  /** Templates from `loadIncidentTemplates`; default the shipped English and Arabic ones. */
  templates?: IncidentTemplates;
  /** The clock that decides whether the promised update is late; default the real time. */
  now?: Clock;
  /** The IANA time zone times are shown in, with its name (`UTC`, `CET`); default `UTC`. */
  timeZone?: string;
  /**
   * SMS only: the most segments a text may take (whole number 1–10); default 5, because the
   * facts of an Arabic (UCS-2, 67 units a part) incident alone take about four parts.
   */
  maxSmsSegments?: number;
  /** The status page to link to when the incident has no `statusPageUrl` (https). */
  statusPageUrl?: string;
}

/** The facts every channel states, as they were worded: what a log or an audit can compare. */
export interface IncidentFacts {
  readonly status: string;
  readonly severity: string;
  /** Each affected service: its name and its state in words. */
  readonly services: readonly { readonly name: string; readonly state: string }[];
  /** The data-impact sentence (it names the data, when the incident does). */
  readonly dataImpact: string;
  /** The promised next-update time as shown (locale and time zone), when one is promised and the incident is open. */
  readonly nextUpdateTime?: string;
  /** The next-update sentence. */
  readonly nextUpdate: string;
  readonly link: string;
}

interface MessageBase {
  /** The locale of the templates used. */
  readonly locale: string;
  readonly facts: IncidentFacts;
}

/** The texts of one channel; switch on `channel`. */
export type IncidentMessage =
  | (MessageBase & { readonly channel: 'email'; readonly subject: string; readonly body: string })
  | (MessageBase & {
      readonly channel: 'sms';
      readonly text: string;
      readonly encoding: SmsEncoding;
      /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
      readonly units: number;
      readonly segments: number;
      /** True when the latest update (then the apology) was cut to fit `maxSmsSegments`. */
      readonly shortened: boolean;
    })
  | (MessageBase & { readonly channel: 'push'; readonly title: string; readonly body: string })
  | (MessageBase & { readonly channel: 'in-app'; readonly title: string; readonly body: string });

/** Free texts an SMS may cut, in the order they are cut; everything else is a fact and stays whole. */
const SMS_CUTTABLE: readonly TemplatePlaceholder[] = ['latest', 'apology'];
/** The fewest words a cut text keeps; shorter, it is left out. */
const MIN_WORDS_KEPT = 3;

/**
 * The texts of `incident` for one channel, from the templates of `locale`: e-mail (subject and
 * plain-text body), SMS (one text within `maxSmsSegments`), push and in-app (title and body).
 * Each states the same status, severity, affected services with their state, data impact,
 * next-update time and status-page link; once resolved, the e-mail carries the whole summary
 * and the apology, the other channels the apology. Times are formatted with `Intl` in the
 * locale and `timeZone` (default UTC, named in the text).
 *
 * An SMS too long for `maxSmsSegments` has its latest update (then its apology) cut at a word
 * boundary, ending with "…" ("..." while the text is GSM-7, which has no "…"), or left out
 * when fewer than three words would remain; the text still ends with the link.
 *
 * @throws {CandorError} `invalid_incident` (the incident fails `IncidentSchema`, or has no
 * status page and none was passed; `issues` name the paths), `invalid_options` (naming the
 * option), `message_too_long` (an SMS whose facts and link alone exceed `maxSmsSegments`).
 * @example
 * const sms = incidentMessages(incident, { channel: 'sms', locale: 'ar', maxSmsSegments: 4 });
 * send(phone, sms.text); // billed as sms.segments segments
 */
export function incidentMessages<C extends MessageChannel>(incident: unknown, options: IncidentMessageOptions<C>): Extract<IncidentMessage, { channel: C }>;
export function incidentMessages(incident: unknown, options: IncidentMessageOptions): IncidentMessage {
  if (options === null || typeof options !== 'object') throw optionError('options', 'must be an object with at least { channel }.');
  const { channel } = options;
  if (!(MESSAGE_CHANNELS as readonly unknown[]).includes(channel)) {
    throw optionError('channel', `must be one of ${MESSAGE_CHANNELS.join(', ')}; got ${describeValue(channel)}.`);
  }
  const parsed = checkValue(IncidentSchema, incident);
  if (!parsed.ok) {
    const { issues } = parsed;
    throw new CandorError('invalid_incident', `The incident is not valid: ${summarizeIssues(issues.slice(0, 5))}.`, { field: issues[0]!.path, issues });
  }
  const inc = parsed.value;
  const locale = localeOption(options.locale ?? inc.locale);
  const timeZone = timeZoneOption(options.timeZone);
  const maxSegments = wholeNumber(options.maxSmsSegments, 'maxSmsSegments', { fallback: 5, min: 1, max: 10 });
  const clock = clockOption(options.now) ?? systemClock;
  if (options.templates !== undefined && !isLoadedTemplates(options.templates)) {
    throw optionError('templates', 'must be the result of loadIncidentTemplates(); load an approved set once, then pass it here.');
  }
  const templates = options.templates ?? (shipped ??= loadIncidentTemplates(INCIDENT_TEMPLATES));
  const chosen = templatesFor(templates, locale, channel);
  if (!chosen) throw optionError('locale', `${locale} has no templates; the templates are for ${templates.locales.join(', ')}.`);
  // The same rule as the incident's own statusPageUrl (the model's secureUrl).
  if (options.statusPageUrl !== undefined && !LINK.safeParse(options.statusPageUrl).success) {
    throw optionError('statusPageUrl', `must be an https URL (plain http only on ${LOOPBACK_HOSTS_TEXT}) of at most 2048 characters, with no spaces or hidden characters.`);
  }
  const link = inc.statusPageUrl ?? options.statusPageUrl;
  if (link === undefined) {
    const issue = { path: 'statusPageUrl', message: 'statusPageUrl is missing: every channel text ends with the status-page link; set it on the incident or pass the statusPageUrl option' };
    throw new CandorError('invalid_incident', `The incident cannot be told: ${issue.message}.`, { field: issue.path, issues: [issue] });
  }

  const words = wordsFor(chosen.locale)!;
  const f = formatters(locale, timeZone);
  const { facts, values } = worded(inc, words, f, link, readClock(clock), channel !== 'email');
  const base = { locale: chosen.locale, facts };
  const text = (key: string) => fill(chosen.get(key), values);
  switch (channel) {
    case 'email':
      // A subject is one header line: a line break in a title must not end it (nor start another header).
      return { channel, ...base, subject: text('subject').replace(/\s+/g, ' '), body: text('body') };
    case 'push':
    case 'in-app':
      return { channel, ...base, title: text('title'), body: text('body') };
    case 'sms': {
      const fitted = fitSms(chosen.get('text'), values, maxSegments);
      return { channel, ...base, text: fitted.text, ...smsSegments(fitted.text), shortened: fitted.shortened };
    }
  }
}

function localeOption(locale: unknown): string {
  try {
    if (typeof locale !== 'string') throw new TypeError();
    return Intl.getCanonicalLocales(locale)[0]!;
  } catch {
    throw optionError('locale', `must be a BCP 47 language tag such as en or ar-EG; got ${describeValue(locale)}.`);
  }
}

function timeZoneOption(timeZone: unknown): string {
  if (timeZone === undefined) return 'UTC';
  if (isTimeZone(timeZone)) return timeZone;
  throw optionError('timeZone', `must be an IANA time zone such as UTC or Europe/Paris; got ${describeValue(timeZone)}.`);
}

interface Formatters {
  time(iso: string): string;
  window(from: string, until: string | undefined): string;
  day(iso: string): string;
  list(items: readonly string[]): string;
}

function formatters(locale: string, timeZone: string): Formatters {
  const time = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    time: (iso) => time.format(new Date(iso)),
    window: (from, until) => (until === undefined ? time.format(new Date(from)) : time.formatRange(new Date(from), new Date(until))),
    day: (iso) => day.format(new Date(iso)),
    list: (items) => list.format(items),
  };
}

/** Fills a phrase of the words (trusted data) in one pass. */
const phrase = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

/** The facts of `inc` in `words`, and the value of every placeholder. */
function worded(inc: Incident, words: IncidentWords, f: Formatters, link: string, now: Date, oneLine: boolean) {
  const flat = (s: string) => (oneLine ? s.replace(/\s+/g, ' ').trim() : s.trim());
  const closed = inc.status === 'resolved' || inc.status === 'completed';
  const services = affectedServices(inc).map((s) => ({ name: s.name, state: words.serviceState[s.state] }));
  const data = inc.dataImpact.data ?? [];
  const dataImpact =
    inc.dataImpact.level === 'none' || data.length === 0
      ? words.dataImpact[inc.dataImpact.level]
      : phrase(words.dataImpactNamed[inc.dataImpact.level], { data: f.list(data) });

  const next = nextUpdateState(inc, now);
  const nextUpdateTime = next.state === 'none' ? undefined : f.time(inc.nextUpdateAt!);
  const nextUpdate =
    nextUpdateTime === undefined
      ? closed
        ? inc.kind === 'maintenance'
          ? words.nextUpdate.completed
          : words.nextUpdate.resolved
        : words.nextUpdate.unpromised
      : phrase(next.state === 'overdue' ? words.nextUpdate.overdue : words.nextUpdate.promised, { time: nextUpdateTime });

  const when =
    inc.kind === 'maintenance' && inc.scheduledFor !== undefined
      ? phrase(words.when.planned, { window: f.window(inc.scheduledFor, inc.scheduledUntil) })
      : phrase(words.when.started, { time: f.time(inc.startedAt) });

  const section = (heading: string, lines: string[]) => (lines.length ? [heading, ...lines].join('\n') : '');
  const actions = section(words.headings.actions, (inc.actions ?? []).map((a) => `- ${a.text}${a.url ? ` ${a.url}` : ''}`));
  const remedies = section(
    words.headings.remedies,
    (inc.remedies ?? []).map((r) =>
      [
        `- ${r.title}: ${r.how}`,
        r.eligibility && phrase(words.remedy.eligibility, { eligibility: r.eligibility }),
        r.deadline && phrase(words.remedy.deadline, { deadline: f.day(r.deadline) }),
        r.url && phrase(words.remedy.link, { url: r.url }),
      ]
        .filter(Boolean)
        .join('\n'),
    ),
  );
  const s = closed ? inc.summary : undefined;
  const summary = s
    ? [
        `${words.headings.whatHappened}\n${s.whatHappened}`,
        `${words.headings.whatWeDid}\n${s.whatWeDid}`,
        `${words.headings.whatWeAreChanging}\n${s.whatWeAreChanging}`,
      ].join('\n\n')
    : '';

  const values: Record<TemplatePlaceholder, string> = {
    title: flat(inc.title),
    status: words.status[inc.status],
    severity: words.severity[inc.severity],
    services: services.length ? flat(f.list(services.map((x) => phrase(words.service, x)))) : words.noServices,
    // A sentence, on one line in every channel: facts.dataImpact is the same wherever it is told.
    dataImpact: dataImpact.replace(/\s+/g, ' ').trim(),
    nextUpdate,
    when,
    latest: flat(inc.updates.at(-1)?.message ?? ''),
    apology: s ? flat(s.apology) : '',
    link,
    actions,
    remedies,
    summary,
  };
  const facts: IncidentFacts = {
    status: values.status,
    severity: values.severity,
    services,
    dataImpact: values.dataImpact,
    ...(nextUpdateTime === undefined ? {} : { nextUpdateTime }),
    nextUpdate,
    link,
  };
  return { facts, values };
}

/**
 * The SMS within `max` segments: as written when it fits; else with the latest update, then the
 * apology, cut at the longest word boundary that fits. The facts and the link are never cut.
 */
function fitSms(template: CompiledTemplate, values: Record<TemplatePlaceholder, string>, max: number): { text: string; shortened: boolean } {
  const fits = (v: Record<TemplatePlaceholder, string>) => {
    const text = fill(template, v);
    return smsSegments(text).segments <= max ? text : undefined;
  };
  const whole = fits(values);
  if (whole !== undefined) return { text: whole, shortened: false };
  const cuttable = SMS_CUTTABLE.filter((p) => placeholdersOf(template).includes(p));
  const bare = { ...values, ...Object.fromEntries(cuttable.map((p) => [p, ''])) };
  if (fits(bare) === undefined) {
    const need = smsSegments(fill(template, bare));
    throw new CandorError(
      'message_too_long',
      `The SMS needs ${need.segments} segments (${need.units} ${need.encoding} units) for its facts and link alone, over maxSmsSegments ${max}; raise maxSmsSegments or shorten the sms.text template or the title.`,
      { field: 'maxSmsSegments' },
    );
  }
  const current = { ...values };
  for (const p of cuttable) {
    const full = current[p];
    // Word boundaries, longest prefix first: a cut never falls inside a word (nor a surrogate pair).
    const ends = [...full.matchAll(/\s+/g)].map((m) => m.index).reverse();
    for (const end of ends) {
      // A cut after a full stop or comma ends with the ellipsis in its place.
      const kept = full.slice(0, end).replace(/[\s.,;:،؛]+$/u, '');
      // A stub of one or two words says nothing; leave the text out instead.
      if (kept.split(/\s+/).length < MIN_WORDS_KEPT) break;
      const ellipsis = smsSegments(fill(template, { ...current, [p]: kept })).encoding === 'gsm-7' ? '...' : '…';
      const text = fits({ ...current, [p]: kept + ellipsis });
      if (text !== undefined) return { text, shortened: true };
    }
    current[p] = '';
    const text = fits(current);
    if (text !== undefined) return { text, shortened: true };
  }
  // Unreachable: with every cuttable text empty the SMS fits (checked above).
  return { text: fits(bare)!, shortened: true };
}
