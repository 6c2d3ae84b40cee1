/**
 * Channel templates: plain-text strings with named placeholders (`{status}`), checked when an
 * organisation loads them, so a wrong placeholder is found at deploy time, not during an incident.
 */
import { CandorError } from '../../errors.js';
import { primaryLanguage } from '../../lib/language.js';
import { summarizeIssues, type ValidationIssue } from '../../models/issues.js';
import { wordsFor } from './words.js';

/**
 * The channels an incident can be told on.
 *
 * @example
 * for (const channel of MESSAGE_CHANNELS) queue(incidentMessages(incident, { channel }));
 */
export const MESSAGE_CHANNELS = ['email', 'sms', 'push', 'in-app'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * The texts of each channel: e-mail has a subject and a body, SMS one text, push and in-app a title and a body.
 *
 * @example
 * TEMPLATE_KEYS.push; // ['title', 'body']
 */
export const TEMPLATE_KEYS = {
  email: ['subject', 'body'],
  sms: ['text'],
  push: ['title', 'body'],
  'in-app': ['title', 'body'],
} as const satisfies Record<MessageChannel, readonly string[]>;

/** One language's templates: every channel, every key, each a string. */
export type IncidentTemplateSet = {
  readonly [C in MessageChannel]: { readonly [K in (typeof TEMPLATE_KEYS)[C][number]]: string };
};

/**
 * Every placeholder, and what it becomes: what a template editor can offer.
 *
 * @example
 * Object.keys(TEMPLATE_PLACEHOLDERS).map((p) => `{${p}}`); // ['{title}', '{status}', …]
 */
export const TEMPLATE_PLACEHOLDERS = {
  title: "the incident's title",
  status: 'the status in words',
  severity: 'the severity in words',
  services: 'each affected service with its state, as a list',
  dataImpact: 'the data-impact sentence, naming which data',
  nextUpdate: 'the next-update sentence, with the promised time in the locale and time zone',
  when: 'when it started (incident) or the planned window (maintenance)',
  latest: 'the latest update message',
  apology: 'the apology, once resolved with a summary; empty before',
  link: 'the status-page link',
  actions: 'what the customer can do now, as a list under a heading (e-mail body only)',
  remedies: 'the remedies, with eligibility, deadline and link (e-mail body only)',
  summary: 'what happened, what we did, what we are changing, once resolved (e-mail body only)',
} as const;
export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;

/** Placeholders that render as several lines: only the e-mail body has room for them. */
const MULTILINE: readonly TemplatePlaceholder[] = ['actions', 'remedies', 'summary'];
/**
 * The facts every channel must state, in any of its texts: the same story everywhere.
 *
 * @example
 * REQUIRED_PLACEHOLDERS.includes('nextUpdate'); // true
 */
export const REQUIRED_PLACEHOLDERS: readonly TemplatePlaceholder[] = ['status', 'severity', 'services', 'dataImpact', 'nextUpdate', 'link'];
/** Longest template string accepted. */
const MAX_TEMPLATE_CHARS = 10_000;

/** A parsed template: literal text and placeholders, in order. */
export type CompiledTemplate = readonly (string | { readonly placeholder: TemplatePlaceholder })[];

/** Templates checked by {@link loadIncidentTemplates}; pass them to `incidentMessages` as `templates`. */
export interface IncidentTemplates {
  /** The locales (as given) the set has templates for. */
  readonly locales: readonly string[];
}

const compiled = new WeakMap<IncidentTemplates, ReadonlyMap<string, ReadonlyMap<string, CompiledTemplate>>>();

const allowedIn = (channel: MessageChannel, key: string): TemplatePlaceholder[] =>
  (Object.keys(TEMPLATE_PLACEHOLDERS) as TemplatePlaceholder[]).filter((p) => (channel === 'email' && key === 'body') || !MULTILINE.includes(p));

const braces = (names: readonly string[]) => names.map((n) => `{${n}}`).join(', ');

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Parses one template string: the parts, or the issues found in it. `{{` and `}}` are literal braces. */
function parse(source: string, path: string, allowed: readonly TemplatePlaceholder[]): { parts: CompiledTemplate; issues: ValidationIssue[] } {
  const parts: (string | { placeholder: TemplatePlaceholder })[] = [];
  const issues: ValidationIssue[] = [];
  let literal = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if ((c === '{' || c === '}') && source[i + 1] === c) {
      literal += c;
      i++;
    } else if (c === '}') {
      issues.push({ path, message: `${path} has a "}" at position ${i} with no "{" before it; write "}}" for a literal brace` });
    } else if (c === '{') {
      const end = source.indexOf('}', i + 1);
      const nextOpen = source.indexOf('{', i + 1);
      if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
        issues.push({ path, message: `${path} opens a "{" at position ${i} that is never closed; write "{{" for a literal brace` });
        continue;
      }
      const name = source.slice(i + 1, end);
      if (!(allowed as readonly string[]).includes(name)) {
        const where = Object.hasOwn(TEMPLATE_PLACEHOLDERS, name) ? ' (it is for the e-mail body only)' : '';
        issues.push({ path, message: `${path} uses the unknown placeholder {${name}}${where}; allowed here: ${braces(allowed)}` });
      } else {
        if (literal) parts.push(literal);
        literal = '';
        parts.push({ placeholder: name as TemplatePlaceholder });
      }
      i = end;
    } else {
      literal += c;
    }
  }
  if (literal) parts.push(literal);
  return { parts, issues };
}

/** The placeholders a parsed template uses. */
export const placeholdersOf = (t: CompiledTemplate): TemplatePlaceholder[] =>
  t.flatMap((p) => (typeof p === 'string' ? [] : [p.placeholder]));

/**
 * Checks an organisation's approved templates and returns them ready for `incidentMessages`.
 * `input` maps a locale (`en`, `ar`, `ar-EG`; a language Candor has words for) to a set with
 * `email.subject`, `email.body`, `sms.text`, `push.title`, `push.body`, `in-app.title` and
 * `in-app.body`. Refused, with a `CandorError` `invalid_template` whose `issues` name each key:
 * an unknown placeholder (the message lists the allowed ones), a missing or unknown key, a value
 * that is not a string, an unbalanced brace, a channel that does not state every fact
 * ({@link REQUIRED_PLACEHOLDERS}), and an SMS text that does not end with `{link}`.
 *
 * @example
 * const templates = loadIncidentTemplates({ en: { ...INCIDENT_TEMPLATES.en, push: { title: '{title}', body: '…' } } });
 * incidentMessages(incident, { channel: 'push', templates });
 */
export function loadIncidentTemplates(input: unknown): IncidentTemplates {
  const issues: ValidationIssue[] = [];
  const sets = new Map<string, Map<string, CompiledTemplate>>();
  try {
    readTemplates(input, issues, sets);
  } catch {
    // A getter or Proxy that throws: what it threw is as hostile as the rest, so it is not looked at.
    issues.push({ path: '(root)', message: '(root) could not be read: a getter or Proxy in it threw; pass the templates as plain objects of strings (parsed JSON)' });
  }
  if (issues.length) {
    const shown = issues.slice(0, 5);
    const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
    throw new CandorError('invalid_template', `The incident templates were refused: ${summarizeIssues(shown)}${more}.`, { field: issues[0]!.path, issues });
  }
  const templates: IncidentTemplates = Object.freeze({ locales: Object.freeze([...sets.keys()]) });
  compiled.set(templates, sets);
  return templates;
}

/** Reads `input` into `sets`, one issue per problem (loadIncidentTemplates). */
function readTemplates(input: unknown, issues: ValidationIssue[], sets: Map<string, Map<string, CompiledTemplate>>): void {
  if (!isPlainObject(input) || Object.keys(input).length === 0) {
    issues.push({ path: '(root)', message: `(root) must be an object mapping a locale to its templates, e.g. { en: { email: {…}, sms: {…}, push: {…}, 'in-app': {…} } }; got ${isPlainObject(input) ? 'an empty object' : kind(input)}` });
  } else {
    for (const [locale, set] of Object.entries(input)) {
      if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) || !wordsFor(locale)) {
        issues.push({ path: locale, message: `${locale} is not a locale Candor has incident words for; use en or ar (optionally with a region, e.g. ar-EG)` });
        continue;
      }
      if (!isPlainObject(set)) {
        issues.push({ path: locale, message: `${locale} must be an object with email, sms, push and in-app; got ${kind(set)}` });
        continue;
      }
      const compiledSet = new Map<string, CompiledTemplate>();
      for (const extra of Object.keys(set).filter((k) => !(MESSAGE_CHANNELS as readonly string[]).includes(k))) {
        issues.push({ path: `${locale}.${extra}`, message: `${locale}.${extra} is not a channel; the channels are ${MESSAGE_CHANNELS.join(', ')}` });
      }
      for (const channel of MESSAGE_CHANNELS) {
        const keys: readonly string[] = TEMPLATE_KEYS[channel];
        const where = `${locale}.${channel}`;
        const texts = set[channel];
        if (!isPlainObject(texts)) {
          issues.push({ path: where, message: `${where} ${texts === undefined ? 'is missing' : `must be an object, got ${kind(texts)}`}; it needs ${keys.join(' and ')}` });
          continue;
        }
        for (const extra of Object.keys(texts).filter((k) => !keys.includes(k))) {
          issues.push({ path: `${where}.${extra}`, message: `${where}.${extra} is not a ${channel} text; ${channel} has ${keys.join(' and ')}` });
        }
        const used = new Set<TemplatePlaceholder>();
        let complete = true;
        for (const key of keys) {
          const path = `${where}.${key}`;
          const source = texts[key];
          if (typeof source !== 'string') {
            issues.push({ path, message: `${path} ${source === undefined ? 'is missing' : `must be a string, got ${kind(source)}`}` });
            complete = false;
            continue;
          }
          if (source.trim() === '' || source.length > MAX_TEMPLATE_CHARS) {
            issues.push({ path, message: `${path} must be 1 to ${MAX_TEMPLATE_CHARS} characters of text` });
            complete = false;
            continue;
          }
          const parsed = parse(source, path, allowedIn(channel, key));
          issues.push(...parsed.issues);
          if (parsed.issues.length) complete = false;
          for (const p of placeholdersOf(parsed.parts)) used.add(p);
          compiledSet.set(`${channel}.${key}`, parsed.parts);
          if (channel === 'sms' && !/\{link\}\s*$/.test(source)) {
            issues.push({ path, message: `${path} must end with {link}: an SMS that is shortened still ends with the status-page link` });
          }
        }
        const missing = REQUIRED_PLACEHOLDERS.filter((p) => !used.has(p));
        if (complete && missing.length) {
          issues.push({ path: where, message: `${where} does not state ${braces(missing)}; every channel states ${braces(REQUIRED_PLACEHOLDERS)} in one of its texts` });
        }
      }
      sets.set(locale, compiledSet);
    }
  }
}

/**
 * The compiled templates of `channel` for `locale`: the exact locale, else its language
 * (`ar-EG` → `ar`), else any locale of that language. Undefined when the set has none.
 */
export function templatesFor(templates: IncidentTemplates, locale: string, channel: MessageChannel): { locale: string; get: (key: string) => CompiledTemplate } | undefined {
  const sets = compiled.get(templates);
  if (!sets) return undefined;
  const lang = primaryLanguage(locale);
  const found =
    [...sets.keys()].find((l) => l.toLowerCase() === locale.toLowerCase()) ??
    [...sets.keys()].find((l) => l.toLowerCase() === lang) ??
    [...sets.keys()].find((l) => primaryLanguage(l) === lang);
  if (found === undefined) return undefined;
  const set = sets.get(found)!;
  return { locale: found, get: (key) => set.get(`${channel}.${key}`)! };
}

/** True when `t` came from {@link loadIncidentTemplates}. */
export const isLoadedTemplates = (t: unknown): t is IncidentTemplates => typeof t === 'object' && t !== null && compiled.has(t as IncidentTemplates);

/** Bidi embedding, override and isolate controls: in a plain text they can show words reversed or hide where an inserted value ends. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Fills a template in one pass: a value is inserted as it is and never read again, so braces in
 * an incident's text stay text. Bidi controls are dropped (plain-text channels have no markup to
 * isolate a value with; the Unicode bidi algorithm still lays out Arabic and English). Spaces
 * left by an empty value are closed up and blank lines kept to one.
 */
export function fill(template: CompiledTemplate, values: Readonly<Record<TemplatePlaceholder, string>>): string {
  const raw = template.map((p) => (typeof p === 'string' ? p : values[p.placeholder])).join('').replace(BIDI_CONTROLS, '');
  return raw
    .split('\n')
    .map((line) => line.replace(/[ \t]{2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
