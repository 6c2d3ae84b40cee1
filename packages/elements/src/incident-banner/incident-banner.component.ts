/** `<candor-incident-banner>`: what is wrong, what it means for the customer, and when they will hear more. */
import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import * as z from 'zod/mini';
import { IncidentsSchema, numberIn, secureUrl, systemClock, timeZone, type Clock, type Incident, type Remedy } from '@candor/core/models';
import { incidentsInLanguage, nextUpdateState, type NextUpdateState } from '@candor/core/incidents';
import { AnnouncerController } from '../shared/announcer-controller.js';
import { HeadingLevelSchema } from '../shared/heading-level.js';
import { CandorElement } from '../shared/candor-element.js';
import { ClockController } from '../shared/clock-controller.js';
import { LazyLoader, LazyModule } from '../shared/lazy-module.js';
import { LocalizeController, relativeTime, timeOrDate } from '../shared/localize.js';
import { buttonStyles } from '../shared/button.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { StoredMapController, type KeyValueStorage } from '../shared/stored-map-controller.js';
import { reportBadClock, reportInvalid } from '../shared/validate.js';
import { BeforeIncidentDismissEvent, type IncidentDismissDetail } from './events/before-incident-dismiss-event.js';
import { IncidentDismissEvent } from './events/incident-dismiss-event.js';
import { IncidentUpdateEvent } from './events/incident-update-event.js';
import { RemedySelectEvent } from './events/remedy-select-event.js';
import type { FeedController, FeedFailure } from './feed-controller.js';
import { acceptDismissal, nextChange, shownIncidents, type Shown } from './incident-banner.logic.js';
import { incidentBannerMessages, type IncidentBannerMessages } from './incident-banner.messages.js';
import { incidentBannerStyles } from './incident-banner.styles.js';
import { bannerTemplate, SEVERITY_KEY, STATUS_KEY, type BannerActions, type CardView, type Formatters } from './incident-banner.templates.js';

export { BeforeIncidentDismissEvent, type IncidentDismissDetail } from './events/before-incident-dismiss-event.js';
export { IncidentDismissEvent } from './events/incident-dismiss-event.js';
export { IncidentUpdateEvent, type IncidentUpdateDetail } from './events/incident-update-event.js';
export { RemedySelectEvent, type RemedySelectDetail } from './events/remedy-select-event.js';
export type { FeedFailure } from './feed-controller.js';
export { incidentBannerMessages, type IncidentBannerMessages } from './incident-banner.messages.js';

/** Feed formats `src` can be in. */
export const FEED_FORMATS = ['candor', 'statuspage', 'instatus', 'cstate'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** Where dismissals are kept: `localStorage` by default, or anything with the same two methods. */
export type DismissalStorage = KeyValueStorage;

const HOUR = 3_600_000;
/** Polling `src`, loaded with the first feed URL, so a banner given `incidents` never downloads it. */
const feedCode = new LazyModule(() => import('./incident-banner.feed.js'));
const SrcSchema = secureUrl();
const FormatSchema = z.enum(FEED_FORMATS);
const RefreshSchema = z.number().check(
  z.refine((n) => n === 0 || (n >= 1 && n <= 86_400), { message: 'must be 0 (no polling) or a number of seconds from 1 to 86400' }),
);
const HoursSchema = numberIn(0, 24 * 90);
const TimeZoneSchema = timeZone();

/**
 * Shows the most pressing incident or maintenance, with what the customer needs: how bad it is
 * (in words and as a shape), its status, the latest update and when it was posted, affected
 * services, whether their data is affected, what they can do now, remedies, the promised next
 * update with an honest overdue state, links, and the whole timeline on demand. Other notices
 * follow behind "2 more notices". Fed by the `incidents` property or polled from `src`.
 *
 * @summary Timely, honest incident and maintenance notices.
 *
 * @csspart base - The themed root.
 * @csspart banner - The region holding every notice.
 * @csspart incident - One notice (`data-phase`: active, in-progress, upcoming, resolved).
 * @csspart severity - The severity shape and word.
 * @csspart status - The status word.
 * @csspart dismiss - The dismiss (or show less / show more) button.
 * @csspart title - The incident's title.
 * @csspart window - The maintenance window.
 * @csspart resolved - When it was resolved.
 * @csspart update - The latest update.
 * @csspart update-message - Its text.
 * @csspart update-time - When it was posted.
 * @csspart next-update - The promised next update (`data-state`: on-time, due, overdue).
 * @csspart data-impact - Whether customers' data is affected (`data-level`).
 * @csspart services - The affected services.
 * @csspart summary - The closing summary of a resolved incident.
 * @csspart actions - What the customer can do now.
 * @csspart remedies - What is offered.
 * @csspart remedy - One remedy.
 * @csspart remedy-action - Its "How to get it" link or button.
 * @csspart links - Status page and FAQ links.
 * @csspart status-page - The status page link.
 * @csspart faq - The FAQ link.
 * @csspart timeline-toggle - The button showing every update.
 * @csspart timeline - Every update, newest first.
 * @csspart locked-note - Why a notice cannot be hidden.
 * @csspart more - The "2 more notices" button.
 * @csspart updated - When the feed was last read, or that it could not be refreshed.
 * @csspart live - The polite live region.
 * @csspart alert - The assertive live region.
 * @csspart fallback - The message shown instead of invalid input.
 *
 * @cssprop --candor-color-text - Text colour.
 * @cssprop --candor-color-text-muted - Times and labels.
 * @cssprop --candor-color-surface - Background.
 * @cssprop --candor-color-surface-alt - The data impact box.
 * @cssprop --candor-color-border - Borders.
 * @cssprop --candor-color-accent - Links and buttons; maintenance.
 * @cssprop --candor-color-success - Resolved notices.
 * @cssprop --candor-color-warning - Minor and major incidents, the overdue note.
 * @cssprop --candor-color-danger - Critical incidents, data impact.
 * @cssprop --candor-font-family - Font.
 * @cssprop --candor-font-size - Base font size.
 * @cssprop --candor-radius - Corner radius.
 * @cssprop --candor-spacing - Base spacing unit.
 * @cssprop --candor-focus-ring-color - Focus outline colour.
 * @cssprop --candor-focus-ring-width - Focus outline width.
 *
 * @fires {BeforeIncidentDismissEvent} candor-before-incident-dismiss - Cancelable. The customer is dismissing (or collapsing) a notice; detail `{ incidentId, updateId, action }`.
 * @fires {IncidentDismissEvent} candor-incident-dismiss - A notice was hidden (or collapsed) and that was stored.
 * @fires {IncidentUpdateEvent} candor-incident-update - An update was shown for the first time; detail `{ incidentId, updateId, status, severity }`.
 * @fires {RemedySelectEvent} candor-remedy-select - Cancelable. The customer chose a remedy; detail `{ incidentId, remedyId, kind, url }`.
 * @fires {CandorErrorEvent} candor-error - Invalid `incidents` or options, a feed that failed or was refused, storage that failed; detail `{ component, property, issues, message }`.
 *
 * @example
 * <candor-incident-banner src="https://status.bank.example/api/v2/summary.json" format="statuspage" refresh="60"></candor-incident-banner>
 * <script type="module">import '@candor/elements/incident-banner';</script>
 */
export class CandorIncidentBanner extends CandorElement {
  static override styles = [themeStyles, buttonStyles, incidentBannerStyles];
  /** Reactive properties and state; each is documented where it is declared below. */
  static override properties: PropertyDeclarations = {
    incidents: { attribute: false },
    src: {},
    format: {},
    refresh: { type: Number },
    maintenanceAhead: { type: Number, attribute: 'maintenance-ahead' },
    resolvedFor: { type: Number, attribute: 'resolved-for' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    timeZone: { attribute: 'time-zone' },
    dismissalStorage: { attribute: false },
    storageKey: { attribute: 'storage-key' },
    now: { attribute: false },
    timelineOpen: { state: true, attribute: false },
    moreOpen: { state: true, attribute: false },
  };

  protected readonly localize = new LocalizeController<IncidentBannerMessages>(this, {
    component: 'candor-incident-banner',
    messages: incidentBannerMessages,
  });
  readonly #clock = new ClockController(this, () => this.now, { tick: 30_000 });
  readonly #live = new AnnouncerController(this);
  /** Polls `src` (see `feedCode`). */
  #feed?: FeedController<Incident[]>;
  /** The feed code could not be downloaded (the footer says the status is unavailable). */
  #feedCodeFailed = false;
  readonly #lazy = new LazyLoader(this);
  readonly #dismissed = new StoredMapController(this, {
    storage: () => this.dismissalStorage,
    key: () => this.storageKey,
    accept: acceptDismissal,
    stamp: (d) => d.at,
    onProblem: (message) =>
      reportInvalid(this, this.localize.component, 'dismissalStorage', [{ path: 'dismissalStorage', message: `dismissalStorage ${message}` }], 'Dismissals are kept for this page only.'),
  });

  /** The incidents to show (an `Incident[]`, see `IncidentSchema`); used when `src` is not set. Invalid input shows a fallback and fires `candor-error`. */
  incidents?: unknown;

  /** A feed URL to poll instead of `incidents` (https, or http on localhost). The server must allow this origin (CORS) and should expose `ETag`. */
  src?: string;

  /** The feed's format: `candor` (an `Incident[]` or `{ incidents }`), `statuspage`, `instatus` or `cstate`. */
  format: FeedFormat = 'candor';

  /** Seconds between polls of `src` (at least 1; 0 fetches once). Failures back off, doubling up to 15 minutes. */
  refresh = 60;

  /** Hours ahead that scheduled maintenance appears. */
  maintenanceAhead = 72;

  /** Hours a resolved incident's closing summary stays. */
  resolvedFor = 24;

  /** Level (2–6) of each notice's title heading, to fit the host page's outline. */
  headingLevel = 2;

  /** IANA time zone for times and maintenance windows; unset: the customer's own. */
  timeZone?: string;

  /** Where dismissals are kept (`getItem`/`setItem`); default `localStorage`. */
  dismissalStorage?: DismissalStorage;

  /** The storage key for dismissals. */
  storageKey = 'candor-incident-dismissals';

  /** The clock (`() => Date`); replace it in tests and simulations. A broken clock fires `candor-error` and the real time is used. */
  now: Clock = systemClock;

  /** The valid incidents the banner works from now (the `incidents` property, or the feed's last good data). `<candor-faq incident-banner="…">` reads it. */
  get currentIncidents(): readonly Incident[] {
    return (this.#src ? this.#feed?.data : this.#incidents) ?? [];
  }

  /** Also waits for the feed code while it downloads (the first time a banner is given `src`). */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#lazy.settled(() => super.getUpdateComplete());
  }

  /** Polls `src` now (after your page posted an update, or from a "Check again" button), unless the page is hidden. */
  refreshNow(): void {
    this.#feed?.refreshNow(); // not loaded yet: it fetches as soon as it is
  }

  #loadFeed(): void {
    if (this.#feed) return;
    this.#lazy.load(
      feedCode,
      ({ FeedController, readIncidentFeed }) => {
        // Added while connected, it starts at once; its first hostUpdated reads the URL and fetches.
        this.#feed ??= new FeedController<Incident[]>(this, {
          url: () => this.#src,
          refresh: () => this.#refresh * 1000,
          parse: (body) =>
            readIncidentFeed(body, this.#format, (issues) => reportInvalid(this, this.localize.component, 'src', issues, 'The incidents that could be read are shown.')),
          now: () => this.#clock.now().getTime(),
          onFailure: (f) => this.#reportFeed(f),
        });
      },
      (error: unknown) => {
        this.#feedCodeFailed = true;
        this.#reportFeed({ kind: 'network', message: `The banner's feed code could not be loaded, so ${this.#src} is not read: ${error instanceof Error ? error.message : String(error)}` });
      },
    );
  }

  private timelineOpen: ReadonlySet<string> = new Set();
  private moreOpen = false;

  #incidents?: Incident[];
  /** `src` resolved against the page and checked; undefined when unset or refused. */
  #src?: string;
  #srcRefused = false;
  #format: FeedFormat = 'candor';
  #refresh = 60;
  #ahead = 72 * HOUR;
  #resolvedFor = 24 * HOUR;
  #heading = 2;
  #timeZone?: string;
  /** The incidents in the banner's language (see {@link incidentsInLanguage}). */
  #incidentsNow: Incident[] = [];
  #shown: Shown[] = [];
  #next: NextUpdateState[] = [];
  /** Incident + update keys already shown (announced and reported once each). */
  readonly #seen = new Set<string>();
  #fresh: Shown[] = [];
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('incidents')) this.#incidents = this.incidents === undefined ? [] : this.accept('incidents', IncidentsSchema, this.incidents);
    if (changed.has('src')) {
      // A relative URL is the page's own origin; the absolute URL it makes must still be https (or loopback http).
      let absolute: string | undefined;
      try {
        absolute = this.src ? new URL(this.src, document.baseURI).href : undefined;
      } catch {
        absolute = this.src;
      }
      this.#src = absolute === undefined ? undefined : this.accept('src', SrcSchema, absolute, 'Nothing is fetched.');
      this.#srcRefused = absolute !== undefined && this.#src === undefined;
      if (this.#src) this.#loadFeed();
    }
    if (changed.has('format')) {
      this.#format = this.option('format', FormatSchema, this.format, 'candor', 'candor is used.');
      // The same feed read another way: read it again now.
      if (changed.get('format') !== undefined) this.#feed?.refreshNow();
    }
    if (changed.has('refresh')) this.#refresh = this.option('refresh', RefreshSchema, this.refresh, 60, 'The default, 60 seconds, is used.');
    if (changed.has('maintenanceAhead')) this.#ahead = this.option('maintenanceAhead', HoursSchema, this.maintenanceAhead, 72, 'The default, 72 hours, is used.') * HOUR;
    if (changed.has('resolvedFor')) this.#resolvedFor = this.option('resolvedFor', HoursSchema, this.resolvedFor, 24, 'The default, 24 hours, is used.') * HOUR;
    if (changed.has('headingLevel')) this.#heading = this.option('headingLevel', HeadingLevelSchema, this.headingLevel, 2, 'Level 2 is used.');
    if (changed.has('timeZone')) {
      // Unset or empty: the customer's own.
      this.#timeZone = this.timeZone ? this.accept('timeZone', TimeZoneSchema, this.timeZone, "The customer's own time zone is used.") : undefined;
    }
    if (changed.has('now')) reportBadClock(this, this.localize.component, this.now);
    this.#derive();
  }

  /** The incidents to show now, and which of them are new to this customer. */
  #derive(): void {
    const now = this.#clock.now();
    // One version of each incident: the one in the banner's language where the feed has it.
    this.#incidentsNow = incidentsInLanguage(this.currentIncidents, this.localize.lang);
    this.#shown = shownIncidents(this.#incidentsNow, { now: now.getTime(), maintenanceAhead: this.#ahead, resolvedFor: this.#resolvedFor, dismissed: this.#dismissed.map });
    // Where each shown incident's promised update stands: rendered, and the next deadline armed, from this one reading.
    this.#next = this.#shown.map(({ incident }) => nextUpdateState(incident, now));
    const fresh = this.#shown.filter((s) => !this.#seen.has(s.key));
    for (const s of fresh) this.#seen.add(s.key);
    if (!fresh.length) return;
    this.#fresh = [...this.#fresh, ...fresh];
    // The most pressing new update is announced, once; critical or data impact interrupts.
    const top = fresh[0]!;
    const { incident, latest } = top;
    const t = this.localize;
    this.#live.announce(
      t.t(incident.kind === 'maintenance' ? 'announceMaintenance' : 'announce', {
        severity: t.t(SEVERITY_KEY[incident.severity]),
        kind: t.t(incident.kind === 'maintenance' ? 'kindMaintenance' : 'kindIncident'),
        title: incident.title,
        status: t.t(STATUS_KEY[incident.status]),
        message: latest?.message ?? '',
      }),
      fresh.some((s) => s.urgent) ? 'assertive' : 'polite',
    );
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const fresh = this.#fresh;
    this.#fresh = [];
    for (const { incident, latest } of fresh) {
      this.dispatchEvent(new IncidentUpdateEvent({ incidentId: incident.id, updateId: latest?.id ?? '', status: incident.status, severity: incident.severity }));
    }
    // Re-render when the shown set changes by itself or the next update comes due or goes overdue.
    const deadlines = this.#next.flatMap((s) => (s.state === 'on-time' ? [s.at] : s.state === 'due' ? [s.at + 5 * 60_000] : []));
    const change = nextChange(this.#incidentsNow, { now: this.#clock.now().getTime(), maintenanceAhead: this.#ahead, resolvedFor: this.#resolvedFor });
    if (change !== undefined) deadlines.push(change);
    this.#clock.updateAt(deadlines.length ? Math.min(...deadlines) : undefined);
  }

  override render(): TemplateResult {
    if (this.#srcRefused || (!this.#src && this.#incidents === undefined)) return this.frame(html`${this.renderFallback(this.localize.t('invalid'))}${this.#live.regions()}`);
    const cards: CardView[] = this.#shown.map((shown, i) => ({
      shown,
      next: this.#next[i]!,
      timelineOpen: this.timelineOpen.has(shown.incident.id),
      headingLevel: this.#heading,
    }));
    return this.frame(bannerTemplate(cards, { moreOpen: this.moreOpen, footer: this.#footer(), live: this.#live.regions() }, this.#formatters, this.#actions));
  }

  /** When the feed was read, or that it could not be: never a blank, never a false all-clear. */
  #footer(): TemplateResult | typeof nothing {
    if (!this.#src) return nothing;
    const { data, failure, updatedAt } = this.#feed ?? { failure: this.#feedCodeFailed || undefined };
    if (!data) return failure ? html`<p part="updated" class="feed-note problem" role="status">${this.localize.t('unavailable')}</p>` : nothing;
    if (updatedAt === undefined) return nothing;
    const relative = this.#formatters.relative(new Date(updatedAt).toISOString());
    return html`<p part="updated" class="feed-note${failure ? ' problem' : ''}" data-stale=${failure ? 'true' : 'false'}>
      ${this.localize.t(failure ? 'stale' : 'updated', { relative })}
    </p>`;
  }

  #reportFeed(f: FeedFailure): void {
    reportInvalid(this, this.localize.component, 'src', [{ path: 'src', message: f.message }], 'The last good data stays on screen, marked with its age.');
  }

  async #dismiss(s: Shown): Promise<void> {
    const { incident, latest } = s;
    if (s.collapsed) {
      // Expanding a collapsed notice again needs no veto.
      this.#dismissed.delete(incident.id);
      return;
    }
    const detail: IncidentDismissDetail = { incidentId: incident.id, updateId: latest?.id ?? '', action: s.locked ? 'collapse' : 'hide' };
    if (!this.dispatchEvent(new BeforeIncidentDismissEvent(detail))) return;
    this.#dismissed.set(incident.id, { update: detail.updateId, severity: incident.severity, at: this.#clock.now().getTime() });
    this.dispatchEvent(new IncidentDismissEvent(detail));
    await this.updateComplete;
    // Keep keyboard users in the banner: the next notice's button, or this one's when it stayed.
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="dismiss"], [part~="more"]')];
    const same = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(incident.id)}"] [part~="dismiss"]`);
    (same ?? buttons[0])?.focus();
  }

  readonly #formatters: Formatters = {
    t: (key, params) => this.localize.t(key, params),
    when: (iso) => timeOrDate(this.localize, iso, this.#clock.now(), { dateStyle: 'medium', timeStyle: 'short' }, this.#timeZone),
    day: (iso) =>
      this.localize.date(iso, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', ...(this.#timeZone ? { timeZone: this.#timeZone } : {}) }),
    relative: (iso) => relativeTime(this.localize, iso, this.#clock.now()),
    list: (items) => this.localize.list(items),
  };

  readonly #actions: BannerActions = {
    dismiss: (s) => void this.#dismiss(s),
    toggleTimeline: (id) => {
      const next = new Set(this.timelineOpen);
      if (!next.delete(id)) next.add(id);
      this.timelineOpen = next;
    },
    toggleMore: () => {
      this.moreOpen = !this.moreOpen;
    },
    remedy: (e: Event, incident: Incident, remedy: Remedy) => {
      const ok = this.dispatchEvent(new RemedySelectEvent({ incidentId: incident.id, remedyId: remedy.id, kind: remedy.kind, ...(remedy.url ? { url: remedy.url } : {}) }));
      if (!ok) e.preventDefault();
    },
  };
}
