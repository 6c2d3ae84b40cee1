/** `<candor-faq>`: answers in seconds, in the customer's language, and a person when they do not help. */
import { nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import {
  FaqEntriesSchema,
  numberIn,
  primaryLanguage,
  systemClock,
  type Clock,
  type ContactChannel,
  type FaqEntry,
  type Incident,
} from '@candor/core/models';
import { indexFaqEntries, type FaqIndex } from '@candor/core/faq';
import { AnnouncerController } from '../shared/announcer-controller.js';
import { HeadingLevelSchema } from '../shared/heading-level.js';
import { CandorElement } from '../shared/candor-element.js';
import { ChildrenController } from '../shared/children-controller.js';
import { ClockController } from '../shared/clock-controller.js';
import { LazyLoader, LazyModule } from '../shared/lazy-module.js';
import { LocalizeController, relativeTime, timeOrDate } from '../shared/localize.js';
import { RovingTabindexController } from '../shared/roving-tabindex-controller.js';
import { StoredMapController, type KeyValueStorage } from '../shared/stored-map-controller.js';
import { buttonStyles } from '../shared/button.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { reportBadClock, reportInvalid, type Parser } from '../shared/validate.js';
import { FaqFeedbackEvent, type FeedbackReason } from './events/faq-feedback-event.js';
import { FaqSearchEvent } from './events/faq-search-event.js';
import { categoriesOf, feedbackKey, idFromHash, knownFirst, popular, type Range } from './faq.logic.js';
import { faqMessages, type FaqMessages } from './faq.messages.js';
import { faqStyles } from './faq.styles.js';
import { faqTemplate, type EntryView, type FaqActions, type FeedbackState, type Formatters } from './faq.templates.js';

export { BeforeContactRequestEvent, type ContactRequestDetail } from './events/before-contact-request-event.js';
export { ContactRequestEvent } from './events/contact-request-event.js';
export { FaqFeedbackEvent, FEEDBACK_REASONS, type FaqFeedbackDetail, type FeedbackReason } from './events/faq-feedback-event.js';
export { FaqSearchEvent, type FaqSearchDetail } from './events/faq-search-event.js';
export { faqMessages, type FaqMessages } from './faq.messages.js';

/** How long typing must pause before the count is announced and `candor-faq-search` fires. */
export const TYPING_PAUSE_MS = 600;
/** Optional features' code, downloaded when a page first uses them (see faq.contacts.ts and its siblings). */
const contactsCode = new LazyModule(() => import('./faq.contacts.js'));
const incidentsCode = new LazyModule(() => import('./faq.incidents.js'));
const jsonLdCode = new LazyModule(() => import('./faq.json-ld.js'));
const childrenCode = new LazyModule(() => import('./faq.children.js'));

const TopSchema = numberIn(1, 50, true);

/** A remembered answer to "Was this helpful?". */
interface Given {
  helpful: boolean;
  at: number;
}
const acceptGiven = (v: unknown): Given | undefined => {
  const g = v as Partial<Given> | null;
  return g && typeof g.helpful === 'boolean' && typeof g.at === 'number' ? { helpful: g.helpful, at: g.at } : undefined;
};

/**
 * A self-service panel: a search box whose results update as the customer types (prefix
 * matching, one typo forgiven, Arabic normalised and lightly stemmed), categories, each answer a
 * disclosure with its matches highlighted, "Was this helpful?", and a path to a person with the
 * question already filled in. Entries related to an open incident come first as known issues.
 *
 * @summary Self-service answers, feedback and a way to reach a person.
 *
 * @slot - `<candor-faq-entry>` children, when `entries` is not set.
 *
 * @csspart base - The themed root.
 * @csspart faq - The panel.
 * @csspart title - Its heading.
 * @csspart search - The search area; `search-input` the box.
 * @csspart search-input - The search box.
 * @csspart categories - The category filter (a toolbar); `category` each button (`aria-pressed`).
 * @csspart category - One category button.
 * @csspart count - "5 answers for “pin”" or "Most asked".
 * @csspart list - The entries.
 * @csspart entry - One entry (`<details>`).
 * @csspart question - Its question (`<summary>`).
 * @csspart known-issue - "Known issue, updated 10:42".
 * @csspart answer - The answer.
 * @csspart steps - Its steps.
 * @csspart links - Its links.
 * @csspart highlight - A search match (`<mark>`).
 * @csspart updated - "Updated 3 days ago".
 * @csspart feedback - "Was this helpful?" and what follows.
 * @csspart feedback-yes - The Yes button.
 * @csspart feedback-no - The No button.
 * @csspart feedback-send - The Send button under the reasons.
 * @csspart contact - The ways to reach a person.
 * @csspart contact-channel - One channel's link or button.
 * @csspart availability - Whether it is open and how fast it replies.
 * @csspart no-results - Shown when nothing matches.
 * @csspart live - The polite live region.
 * @csspart alert - The assertive live region.
 * @csspart fallback - The message shown instead of invalid input.
 *
 * @cssprop --candor-color-text - Text colour.
 * @cssprop --candor-color-text-muted - Dates, availability.
 * @cssprop --candor-color-surface - Background.
 * @cssprop --candor-color-surface-alt - Open entries, highlights.
 * @cssprop --candor-color-border - Borders.
 * @cssprop --candor-color-accent - Links, buttons, the chosen category.
 * @cssprop --candor-color-on-accent - Text on the chosen category.
 * @cssprop --candor-color-warning - Known issues.
 * @cssprop --candor-font-family - Font.
 * @cssprop --candor-font-size - Base font size.
 * @cssprop --candor-radius - Corner radius.
 * @cssprop --candor-spacing - Base spacing unit.
 * @cssprop --candor-focus-ring-color - Focus outline colour.
 * @cssprop --candor-focus-ring-width - Focus outline width.
 *
 * @fires {FaqSearchEvent} candor-faq-search - Typing paused; detail `{ query, results, category }`.
 * @fires {FaqFeedbackEvent} candor-faq-feedback - "Was this helpful?" answered; detail `{ entryId, updatedAt, helpful, reason, query }`.
 * @fires {BeforeContactRequestEvent} candor-before-contact-request - Cancelable. A contact channel was chosen; detail `{ channelId, kind, href, query, entryId, question }`.
 * @fires {ContactRequestEvent} candor-contact-request - The customer is on their way to a person (same detail).
 * @fires {CandorErrorEvent} candor-error - Invalid `entries`, children, `contacts`, `incidents` or options, or storage that failed.
 *
 * @example
 * <candor-faq incident-banner="status" update-hash></candor-faq>
 * <script type="module">
 *   import '@candor/elements/faq';
 *   const faq = document.querySelector('candor-faq');
 *   faq.entries = await (await fetch('/help/faq.json')).json();
 *   faq.contacts = await (await fetch('/help/channels.json')).json();
 * </script>
 */
export class CandorFaq extends CandorElement {
  static override styles = [themeStyles, buttonStyles, faqStyles];
  /** Reactive properties and state; each is documented where it is declared below. */
  static override properties: PropertyDeclarations = {
    entries: { attribute: false },
    contacts: { attribute: false },
    incidents: { attribute: false },
    incidentBanner: { attribute: 'incident-banner' },
    open: { reflect: true },
    updateHash: { type: Boolean, attribute: 'update-hash' },
    jsonLd: { type: Boolean, attribute: 'json-ld' },
    top: { type: Number },
    headingLevel: { type: Number, attribute: 'heading-level' },
    feedbackStorage: { attribute: false },
    storageKey: { attribute: 'storage-key' },
    now: { attribute: false },
    query: { state: true, attribute: false },
    category: { state: true, attribute: false },
    opened: { state: true, attribute: false },
    feedback: { state: true, attribute: false },
  };

  protected readonly localize = new LocalizeController<FaqMessages>(this, { component: 'candor-faq', messages: faqMessages });
  /** The `<candor-faq-entry>` children as entries; undefined while the code that reads them downloads (or when it could not). */
  readonly #children = new ChildrenController<Record<string, unknown>[] | undefined>(
    this,
    () => {
      const kids = [...this.children].filter((c) => c.localName === 'candor-faq-entry');
      const read = childrenCode.value?.readFaqEntryElement;
      if (read || !kids.length) return read ? kids.map((c) => read(c, this.localize.lang)) : [];
      this.#loadFor('children', childrenCode, 'The entries written as markup are not shown.', () => this.#children.refresh());
      return undefined;
    },
    [],
  );
  readonly #clock = new ClockController(this, () => this.now, { tick: 60_000 });
  readonly #live = new AnnouncerController(this);
  readonly #lazy = new LazyLoader(this);
  readonly #roving = new RovingTabindexController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="category"]')],
    dir: () => this.localize.dir,
  });
  readonly #given = new StoredMapController(this, {
    storage: () => this.feedbackStorage,
    key: () => this.storageKey,
    accept: acceptGiven,
    stamp: (g) => g.at,
    cap: 500,
    onProblem: (message) =>
      reportInvalid(this, 'candor-faq', 'feedbackStorage', [{ path: 'feedbackStorage', message: `feedbackStorage ${message}` }], 'Feedback is remembered for this page only.'),
  });

  /** The entries (`FaqEntry[]`); when unset, `<candor-faq-entry>` children are read. Entries in another language than the panel's are left out unless none match. */
  entries?: unknown;

  /** Ways to reach a person (`ContactChannel[]`), shown after "No" and when nothing is found. */
  contacts?: unknown;

  /** Incidents (`Incident[]`): entries about an open one come first as known issues. */
  incidents?: unknown;

  /** The id of a `<candor-incident-banner>` on the page to take the incidents from, instead of `incidents`. */
  incidentBanner?: string;

  /** The id of the entry to open (and scroll to); `#faq-<id>` in the address does the same. */
  open?: string;

  /** Write `#faq-<id>` to the address when the customer opens an entry (replacing, not adding, a history entry). */
  updateHash = false;

  /** Add the entries as schema.org FAQPage JSON-LD to the document's head (not possible under Trusted Types enforcement: render `faqJsonLdScript()` on the server instead). */
  jsonLd = false;

  /** How many entries show before anything is typed (the most useful first). */
  top = 5;

  /** Level (2–6) of the panel's heading. */
  headingLevel = 2;

  /** Where answers to "Was this helpful?" are remembered (`getItem`/`setItem`); default `localStorage`. */
  feedbackStorage?: KeyValueStorage;

  /** The storage key for them. */
  storageKey = 'candor-faq-feedback';

  /** The clock (`() => Date`): relative dates and channel opening hours. */
  now: Clock = systemClock;

  private query = '';
  private category?: string;
  private opened: ReadonlySet<string> = new Set();
  private feedback: ReadonlyMap<string, FeedbackState> = new Map();

  #input?: unknown;
  #lang?: string;
  #entries?: FaqEntry[];
  #index?: FaqIndex;
  #contacts: ContactChannel[] = [];
  #incidents: Incident[] = [];
  #items: EntryView[] = [];
  #categories: string[] = [];
  #top = 5;
  #heading = 2;
  #pause?: ReturnType<typeof setTimeout>;
  #scrollTo?: string;
  /** The last `open` applied, so it is applied once (and again when it changes). */
  #applied?: string;
  /** An entry opened by a deep link: listed even when it is not among the most asked. */
  #pinned?: string;
  #script?: HTMLScriptElement;
  #knownRequested = false;
  readonly #onHash = () => this.#openFromHash();
  readonly #onIncident = () => this.requestUpdate();

  /** The first render with `<candor-faq-entry>` children waits for the code that reads them. */
  protected override async scheduleUpdate(): Promise<void> {
    const reading = this.entries === undefined && this.#children.value === undefined ? childrenCode.pending : undefined;
    if (reading) await reading.catch(() => {}); // a failure is reported by the read that started it
    return super.scheduleUpdate();
  }

  /** Also waits for the code of contacts, incidents or JSON-LD when it is still downloading. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#lazy.settled(() => super.getUpdateComplete());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
    document.addEventListener('candor-incident-update', this.#onIncident);
    this.#openFromHash();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
    document.removeEventListener('candor-incident-update', this.#onIncident);
    clearTimeout(this.#pause);
    this.#script?.remove();
    this.#script = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const fromChildren = this.entries === undefined;
    const input: unknown = fromChildren ? this.#children.value : this.entries;
    // The entries are filtered to the panel's language: read them again when either changes.
    // Children not read yet (their code is downloading, or could not be): nothing to show, nothing more to report.
    if (input === undefined) this.#entries = this.#input = undefined;
    else if (input !== this.#input || primaryLanguage(this.localize.lang) !== this.#lang) {
      this.#input = input;
      this.#lang = primaryLanguage(this.localize.lang);
      const all = Array.isArray(input) && input.length === 0 ? [] : this.accept(fromChildren ? 'children' : 'entries', FaqEntriesSchema, input);
      const mine = all?.filter((e) => primaryLanguage(e.locale) === this.#lang);
      this.#entries = mine?.length ? mine : all;
      this.#index = this.#entries ? indexFaqEntries(this.#entries, { locale: this.localize.lang }) : undefined; // validated just above
      this.#categories = categoriesOf(this.#entries ?? []);
      if (this.category !== undefined && !this.#categories.includes(this.category)) this.category = undefined;
    }
    if (changed.has('contacts')) {
      this.#contacts = [];
      this.#validateLater('contacts', contactsCode, (m) => m.ContactChannelsSchema, 'No contact channels are shown.', (v) => (this.#contacts = v));
    }
    if (changed.has('incidents')) {
      if (this.incidents === undefined) this.#incidents = [];
      this.#validateLater('incidents', incidentsCode, (m) => m.IncidentsSchema, 'No known issues are shown.', (v) => (this.#incidents = v));
    }
    if (changed.has('top')) this.#top = this.option('top', TopSchema, this.top, 5, 'The default, 5, is used.');
    if (changed.has('headingLevel')) this.#heading = this.option('headingLevel', HeadingLevelSchema, this.headingLevel, 2, 'Level 2 is used.');
    if (changed.has('now')) reportBadClock(this, 'candor-faq', this.now);
    if (this.open && this.open !== this.#applied && this.#entries?.some((e) => e.id === this.open)) {
      this.#applied = this.open;
      this.#show(this.open);
    }
    this.#derive();
  }

  /** The incidents to check entries against: the linked banner's, else the `incidents` property. */
  #currentIncidents(): readonly Incident[] {
    if (!this.incidentBanner) return this.#incidents;
    const banner = (this.getRootNode() as Document | ShadowRoot).getElementById?.(this.incidentBanner) as { currentIncidents?: readonly Incident[] } | null;
    return banner?.currentIncidents ?? this.#incidents;
  }

  #derive(): void {
    const entries = this.#entries ?? [];
    const incidents = this.#currentIncidents();
    // Which entries are known issues is worked out by code loaded with the first incidents.
    if (incidents.length && !incidentsCode.value && !this.#knownRequested) {
      this.#knownRequested = true; // once: a failed download is reported, not retried on every update
      const property = this.incidentBanner ? 'incidentBanner' : 'incidents';
      this.#loadFor(property, incidentsCode, 'No known issues are shown.', () => {});
    }
    const known = incidents.length && incidentsCode.value ? incidentsCode.value.knownIssues(entries, incidents) : new Map<string, Incident>();
    const q = this.query.trim();
    const found = q && this.#index ? knownFirst(this.#index.search(q, { limit: 20, category: this.category }), known) : undefined;
    let shown = popular(entries, known, this.category, this.#top);
    const pinned = entries.find((e) => e.id === this.#pinned);
    if (pinned && !shown.includes(pinned)) shown = [pinned, ...shown];
    const list = found ?? shown.map((entry) => ({ entry, matches: [] as { field: string; index?: number; start: number; end: number }[] }));
    this.#items = list.map(({ entry, matches }) => {
      const marks = new Map<string, Range[]>();
      for (const m of matches) {
        const key = m.field === 'question' ? 'question' : `${m.field}:${m.index ?? 0}`;
        marks.set(key, [...(marks.get(key) ?? []), m]);
      }
      const given = this.#given.map.get(feedbackKey(entry));
      return {
        entry,
        open: this.opened.has(entry.id),
        known: known.get(entry.id),
        marks,
        feedback: given ? { step: 'done', helpful: given.helpful } : (this.feedback.get(entry.id) ?? { step: 'ask' }),
      };
    });
    this.#roving.index = Math.min(this.#roving.index, this.#categories.length);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#scrollTo) {
      const el = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(this.#scrollTo)}"]`);
      if (el) {
        el.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
        el.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
        this.#scrollTo = undefined;
      }
    }
    if (this.jsonLd && this.#entries) this.#writeJsonLd(this.#entries);
    else if (!this.jsonLd) (this.#script?.remove(), (this.#script = undefined));
  }

  override render(): TemplateResult {
    if (this.#entries === undefined) return this.frame(this.renderFallback(this.localize.t('invalid')));
    return this.frame(
      faqTemplate(
        {
          headingLevel: this.#heading,
          query: this.query,
          categories: this.#categories,
          category: this.category,
          tabindex: (i) => this.#roving.tabindex(i),
          items: this.#items,
          contacts: (entry) =>
            contactsCode.value && this.#contacts.length
              ? contactsCode.value.contactsTemplate(this.#contacts, entry, { host: this, query: this.query.trim(), now: this.#clock.now() }, this.#formatters)
              : nothing,
          live: this.#live.regions(),
        },
        this.#formatters,
        this.#actions,
      ),
    );
  }

  /** Opens entry `id` and scrolls to it, clearing a search or category that hides it. */
  #show(id: string): void {
    this.#pinned = id;
    if (this.query.trim() || (this.category !== undefined && this.#entries?.find((e) => e.id === id)?.category !== this.category)) {
      this.query = '';
      this.category = undefined;
    }
    this.opened = new Set([...this.opened, id]);
    this.#scrollTo = id;
  }

  #openFromHash(): void {
    const id = idFromHash(location.hash);
    if (id) {
      this.open = id;
      this.requestUpdate();
    }
  }

  /** Runs `use` with an optional feature's code; if it cannot be downloaded, `property` is reported with `outcome`. */
  #loadFor<T>(property: string, code: LazyModule<T>, outcome: string, use: (module: T) => void): void {
    this.#lazy.load(code, use, (e) =>
      reportInvalid(this, 'candor-faq', property, [{ path: property, message: `the code for ${property} could not be loaded (${e instanceof Error ? e.message : String(e)})` }], outcome),
    );
  }

  /**
   * Validates `property` (a list) with a schema from lazily loaded `code` and hands the result to
   * `set` ([] when invalid), unless the property was unset or has changed again by then.
   */
  #validateLater<M, T>(property: 'contacts' | 'incidents', code: LazyModule<M>, schemaOf: (module: M) => Parser<T[]>, outcome: string, set: (value: T[]) => void): void {
    const value = this[property];
    if (value === undefined) return;
    this.#loadFor(property, code, outcome, (module) => {
      if (value === this[property]) set(this.accept(property, schemaOf(module), value, outcome) ?? []);
    });
  }

  #writeJsonLd(entries: readonly FaqEntry[]): void {
    this.#loadFor('jsonLd', jsonLdCode, 'No JSON-LD was added.', ({ writeJsonLd }) => {
      if (!this.jsonLd || !this.isConnected || this.#entries !== entries) return;
      try {
        this.#script = writeJsonLd(this.#script, entries);
      } catch (e) {
        this.#script = undefined;
        reportInvalid(this, 'candor-faq', 'jsonLd', [{ path: 'jsonLd', message: (e as Error).message }], 'No JSON-LD was added.');
      }
    });
  }

  #typed(): void {
    clearTimeout(this.#pause);
    this.#pause = setTimeout(() => {
      const query = this.query.trim();
      if (!query) return;
      const results = this.#items.length;
      this.#live.announce(this.localize.t('results', { count: results }));
      this.dispatchEvent(new FaqSearchEvent({ query, results, ...(this.category === undefined ? {} : { category: this.category }) }));
    }, TYPING_PAUSE_MS);
  }

  #feedbackDone(entry: FaqEntry, helpful: boolean, reason?: FeedbackReason): void {
    this.#given.set(feedbackKey(entry), { helpful, at: this.#clock.now().getTime() });
    this.dispatchEvent(
      new FaqFeedbackEvent({ entryId: entry.id, updatedAt: entry.updatedAt, helpful, ...(reason ? { reason } : {}), query: this.query.trim() }),
    );
    this.#setFeedback(entry.id, { step: 'done', helpful });
  }

  #setFeedback(id: string, s: FeedbackState): void {
    this.feedback = new Map(this.feedback).set(id, s);
  }

  readonly #formatters: Formatters = {
    t: (key, params) => this.localize.t(key, params),
    relative: (iso) => relativeTime(this.localize, iso, this.#clock.now()),
    when: (iso) => timeOrDate(this.localize, iso, this.#clock.now(), { weekday: 'short', hour: 'numeric', minute: '2-digit' }),
  };

  readonly #actions: FaqActions = {
    input: (e) => {
      this.query = (e.target as HTMLInputElement).value;
      this.#typed();
    },
    keydown: (e) => {
      if (e.key === 'Escape' && this.query) {
        e.preventDefault();
        this.query = '';
        (e.target as HTMLInputElement).value = '';
        clearTimeout(this.#pause);
      }
    },
    category: (c) => {
      this.category = c;
      this.#roving.index = c === undefined ? 0 : this.#categories.indexOf(c) + 1;
      if (this.query.trim()) this.#typed();
    },
    categoryKeydown: (e) => this.#roving.onKeyDown(e),
    toggle: (e, id) => {
      const open = (e.target as HTMLDetailsElement).open;
      if (open === this.opened.has(id)) return;
      const next = new Set(this.opened);
      if (open) next.add(id);
      else next.delete(id);
      this.opened = next;
      if (open && this.updateHash) history.replaceState(history.state, '', `#faq-${encodeURIComponent(id)}`);
    },
    helpful: (entry, helpful) => (helpful ? this.#feedbackDone(entry, true) : this.#setFeedback(entry.id, { step: 'reasons' })),
    reason: (entry, reason) => this.#setFeedback(entry.id, { step: 'reasons', reason }),
    send: (entry) => {
      const s = this.feedback.get(entry.id);
      this.#feedbackDone(entry, false, s?.step === 'reasons' ? s.reason : undefined);
    },
  };
}
