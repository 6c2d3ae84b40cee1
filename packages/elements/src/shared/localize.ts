/**
 * Localisation for Candor components: per-component message catalogues (English built in, other
 * languages registered as modules such as `@candor/elements/locales/ar.js` or loaded on first
 * need), host overrides and extra locales, plurals with Intl.PluralRules, numbers, dates and
 * lists with Intl.NumberFormat, Intl.DateTimeFormat and Intl.ListFormat, and the language/direction
 * the component renders in.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { primaryLanguage } from '@candor/core/models';
import { resolveDirection, resolveLang, watchEnvironment } from './environment.js';

/** A message whose wording depends on a count. `other` is required; Arabic also uses zero/one/two/few/many. */
export type PluralMessage = { readonly other: string } & { readonly [C in Exclude<Intl.LDMLPluralRule, 'other'>]?: string };

/** One entry of a catalogue: text with `{name}` placeholders, or a plural message. */
export type Message = string | PluralMessage;

/** A component's catalogue shape: every key a locale must supply, plural where English is plural. */
export type MessagesOf<T> = { readonly [K in keyof T]: T[K] extends string ? string : PluralMessage };

/** A component's built-in catalogues: complete English, and any language it carries itself; Candor's own components carry only English and get the rest from the registry. */
export type ComponentMessages<M> = { readonly en: M } & { readonly [locale: string]: M };

/** Values substituted into `{name}` placeholders; numbers are formatted for the locale. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Per-component catalogues, extended by each component (`'candor-stepper': StepperMessages`)
 * so `registerMessages` checks keys at compile time.
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CandorMessageCatalogues {}
}

// Kept on globalThis so two copies of the package on one page still share host overrides.
const REGISTRY_KEY = Symbol.for('candor.messages');
type Registry = Map<string, Map<string, Partial<Record<string, Message>>>>;
const registry: Registry = ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] as Registry | undefined) ??
  ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = new Map());
const live = new Set<LocalizeController<object>>();

/**
 * Adds a locale or overrides strings of a component. Keys you leave out fall back to the
 * built-in catalogue of that locale, then to English. Components on the page re-render.
 *
 * @example
 * registerMessages('candor-stepper', 'fr', { stepOf: 'Étape {current} sur {total}' });
 * registerMessages('candor-stepper', 'en', { helpAction: 'Talk to us' }); // override
 */
export function registerMessages<C extends keyof CandorMessageCatalogues>(
  component: C,
  locale: string,
  messages: Partial<CandorMessageCatalogues[C]>,
): void;
export function registerMessages(component: string, locale: string, messages: Partial<Record<string, Message>>): void;
export function registerMessages(component: string, locale: string, messages: Partial<Record<string, Message>>): void {
  const byLocale = registry.get(component) ?? new Map<string, Partial<Record<string, Message>>>();
  registry.set(component, byLocale);
  const key = locale.toLowerCase();
  byLocale.set(key, { ...byLocale.get(key), ...messages });
  for (const c of live) if (c.component === component) c.host.requestUpdate();
}

/** A whole language for several components at once: `{ 'candor-stepper': {...}, 'candor-faq': {...} }`. */
export type Catalogue = { readonly [C in keyof CandorMessageCatalogues]?: Partial<CandorMessageCatalogues[C]> };

/** Languages whose catalogue was registered whole with {@link registerCatalogue}: nothing to load for them. */
const complete = new Set<string>();

/**
 * Registers a language for every component it covers, the way `@candor/elements/locales/ar.js`
 * registers Arabic. An organisation's own translation registers the same way; a language
 * registered like this is never fetched by the {@link setLocaleLoader | locale loader}.
 *
 * @example
 * registerCatalogue('fr', {
 *   'candor-stepper': { stepOf: 'Étape {current} sur {total}', allDone: 'Toutes les étapes sont faites' },
 *   'candor-faq': { searchLabel: 'Rechercher dans l’aide' },
 * });
 */
export function registerCatalogue(locale: string, catalogue: Catalogue): void {
  complete.add(primaryLanguage(locale));
  for (const [component, messages] of Object.entries(catalogue)) {
    if (messages) registerMessages(component, locale, messages as Partial<Record<string, Message>>);
  }
}

/**
 * Loads the catalogue of a language (its primary subtag: `ar` for `ar-EG`), or returns
 * undefined when there is nothing to load for it.
 */
export type LocaleLoader = (language: string) => Promise<unknown> | undefined;

/** The languages Candor ships beyond English, loaded when a component first renders in one. */
const builtInLoader: LocaleLoader = (language) => (language === 'ar' ? import('../locales/ar.js') : undefined);
let loader: LocaleLoader | undefined = builtInLoader;
/** Loads by language: the promise while under way, `null` once settled (a language is loaded once). */
const loads = new Map<string, Promise<void> | null>();

/**
 * Chooses how components get a language they have no catalogue for. By default Candor loads
 * the languages it ships (Arabic) the first time a component renders in one, as a separate file,
 * so an English page downloads no Arabic; components wait for it before their first render in
 * that language. Pass your own loader to fetch your organisation's catalogues (or to load them
 * from elsewhere), or `undefined` to load nothing (then import `@candor/elements/locales/ar.js`
 * yourself). Returns the loader it replaced.
 *
 * @example
 * setLocaleLoader(async (language) => {
 *   if (language === 'ar') return import('@candor/elements/locales/ar.js');
 *   if (language === 'fr') registerCatalogue('fr', await (await fetch('/i18n/candor-fr.json')).json());
 *   return undefined;
 * });
 */
export function setLocaleLoader(next: LocaleLoader | undefined): LocaleLoader | undefined {
  const previous = loader;
  loader = next;
  return previous;
}

/** The load of `language` still under way, starting it if nobody has asked for it yet. */
function loading(language: string): Promise<void> | undefined {
  if (language === 'en' || complete.has(language)) return undefined;
  if (loads.has(language)) return loads.get(language) ?? undefined;
  let request: Promise<unknown> | undefined;
  try {
    request = loader?.(language);
  } catch (error) {
    request = Promise.reject(error);
  }
  if (!request) return undefined; // nothing to load; ask again if the loader changes
  const load = Promise.resolve(request).then(
    () => undefined,
    (error: unknown) => {
      // The page keeps working in English; the warning says which language and why.
      console.warn(`Candor could not load its "${language}" catalogue; showing English instead.`, error);
    },
  ).finally(() => {
    loads.set(language, null);
    for (const c of live) if (primaryLanguage(c.lang) === language) c.host.requestUpdate();
  });
  loads.set(language, load);
  return load;
}


type Formatter = Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat | Intl.ListFormat | Intl.RelativeTimeFormat;
const cache = new Map<string, Formatter>();
/**
 * The cached formatter `kind` (`p` plural rules, `n` numbers, `d` dates, `l` lists, `r` relative times) of `locale`
 * with `options`, made with `make`; English when the locale tag is invalid.
 */
function intl<T extends Formatter>(kind: string, options: object | undefined, locale: string, make: (l: string) => T): T {
  const key = `${kind}${options ? JSON.stringify(options) : ''}|${locale}`;
  let v = cache.get(key) as T | undefined;
  if (!v) {
    try {
      v = make(locale);
    } catch {
      v = make('en'); // an invalid lang attribute must not break rendering
    }
    cache.set(key, v);
  }
  return v;
}

/** Units of {@link relativeTime}: the unit, its length in seconds, and where the next unit takes over. */
const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['minute', 60, 3600],
  ['hour', 3600, 86_400],
  ['day', 86_400, 7 * 86_400],
  ['week', 7 * 86_400, 30 * 86_400],
  ['month', 30 * 86_400, 365 * 86_400],
];

/**
 * How long ago (or how soon) `value` is from `now`, in the language of `localize`, in the
 * largest whole unit that fits: "now" under a minute, "5 minutes ago", "in 2 hours",
 * "yesterday", "3 days ago". A value that is not a date is returned as text. (A function, not a
 * method, so components that show no relative time do not carry it.)
 *
 * @example
 * relativeTime(this.localize, update.at, this.#clock.now()) // "12 minutes ago", "قبل ١٢ دقيقة"
 */
export function relativeTime(localize: { readonly lang: string }, value: Date | string, now: Date): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const seconds = (d.getTime() - now.getTime()) / 1000;
  const f = intl('r', undefined, localize.lang, (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }));
  const abs = Math.abs(seconds);
  if (abs < 60) return f.format(0, 'second');
  for (const [unit, size, limit] of RELATIVE_UNITS) {
    if (abs < limit) return f.format(Math.trunc(seconds / size), unit);
  }
  return f.format(Math.trunc(seconds / 31_536_000), 'year');
}

/**
 * A time as a customer reads it: the time alone ("10:42") when it falls on the same day as
 * `now`, else formatted with `otherDay` (a date, or a weekday, with the time); both in
 * `timeZone` when given, else the customer's own.
 *
 * @example
 * timeOrDate(this.localize, update.at, clock.now(), { dateStyle: 'medium', timeStyle: 'short' });
 */
export function timeOrDate(
  localize: Pick<LocalizeController<object>, 'date'>,
  value: Date | string,
  now: Date,
  otherDay: Intl.DateTimeFormatOptions,
  timeZone?: string,
): string {
  const zone = timeZone ? { timeZone } : {};
  const day = (d: Date | string) => localize.date(d, { dateStyle: 'short', ...zone });
  return localize.date(value, day(value) === day(now) ? { timeStyle: 'short', ...zone } : { ...otherDay, ...zone });
}

/** Locales to try in order: `ar-EG`, `ar`, `en`. */
function chain(lang: string): string[] {
  return [...new Set([lang.toLowerCase(), primaryLanguage(lang), 'en'])];
}

/** Options of a {@link LocalizeController}. */
export interface LocalizeOptions<M> {
  /** Tag name of the component, the key for `registerMessages`. */
  component: string;
  /** Built-in catalogue (English). */
  messages: ComponentMessages<M>;
}

/**
 * Gives a component its language, direction and translated strings, and re-renders it when
 * `lang`/`dir` change on it, an ancestor or `<html>`, or when a host registers messages.
 *
 * @example
 * readonly localize = new LocalizeController(this, { component: 'candor-stepper', messages: stepperMessages });
 * render() { return html`<p>${this.localize.t('stepOf', { current: 2, total: 5 })}</p>`; }
 */
export class LocalizeController<M extends object> implements ReactiveController {
  /** Resolved language tag, e.g. `ar` or `en-GB`. */
  lang = 'en';
  /** Resolved writing direction. */
  dir: 'ltr' | 'rtl' = 'ltr';
  readonly host: ReactiveControllerHost & HTMLElement;
  readonly component: string;
  readonly #messages: ComponentMessages<M>;
  #unwatch?: () => void;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LocalizeOptions<M>) {
    this.host = host;
    this.component = options.component;
    this.#messages = options.messages;
    host.addController(this);
  }

  hostConnected(): void {
    live.add(this);
    this.#resolve();
    this.#unwatch = watchEnvironment(this.host, () => {
      if (this.#resolve()) this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    live.delete(this);
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  /** Re-reads lang/dir; true when either changed. */
  #resolve(): boolean {
    const lang = resolveLang(this.host);
    const dir = resolveDirection(this.host);
    const changed = lang !== this.lang || dir !== this.dir;
    this.lang = lang;
    this.dir = dir;
    return changed;
  }

  /**
   * While the catalogue of the current language is still loading, the promise of that load
   * (the component waits for it before rendering); otherwise undefined.
   */
  get loading(): Promise<void> | undefined {
    return loading(primaryLanguage(this.lang));
  }

  #lookup(key: string): Message | undefined {
    const own = this.#messages as unknown as Record<string, Record<string, Message> | undefined>;
    for (const locale of chain(this.lang)) {
      const found = registry.get(this.component)?.get(locale)?.[key] ?? own[locale]?.[key];
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Formats a number for the current locale (Arabic gets Arabic-Indic digits where CLDR says so). */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return intl('n', options, this.lang, (l) => new Intl.NumberFormat(l, options)).format(value);
  }

  /**
   * Formats a date (a `Date` or an ISO 8601 string) for the current locale. A value that is not
   * a date is returned as text rather than thrown.
   *
   * @example
   * this.localize.date(record.timestamp, { dateStyle: 'long', timeStyle: 'short' }) // "December 1, 2026 at 10:30 AM" in English
   */
  date(value: Date | string, options?: Intl.DateTimeFormatOptions): string {
    const d = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(d.getTime())) return String(value);
    return intl('d', options, this.lang, (l) => new Intl.DateTimeFormat(l, options)).format(d);
  }

  /**
   * Joins items as the current locale writes a list: "A, B and C", "أ وب وج".
   *
   * @example
   * this.localize.list(['Shield Insurance', 'Nest Mortgages']) // "Shield Insurance and Nest Mortgages"
   * this.localize.list(['SMS', 'e-mail'], { type: 'disjunction' }) // "SMS or e-mail"
   */
  list(items: readonly string[], options?: Intl.ListFormatOptions): string {
    return intl('l', options, this.lang, (l) => new Intl.ListFormat(l, options)).format(items);
  }

  /**
   * The translated message `key` with `{name}` placeholders filled. Plural messages pick the
   * form for `params.count` with the locale's plural rules. Missing keys fall back to English.
   */
  t(key: keyof M & string, params: MessageParams = {}): string {
    const message = this.#lookup(key);
    if (message === undefined) return key;
    let template: string;
    if (typeof message === 'string') template = message;
    else {
      const count = Number(params['count'] ?? 0);
      const category = intl('p', undefined, this.lang, (l) => new Intl.PluralRules(l)).select(count);
      // An explicit zero form wins for 0 in every language ("no partners"), before the locale's category.
      const exact = count === 0 ? message.zero : undefined;
      template = exact ?? message[category] ?? message.other;
    }
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = params[name];
      return v === undefined ? whole : typeof v === 'number' ? this.number(v) : v;
    });
  }
}
