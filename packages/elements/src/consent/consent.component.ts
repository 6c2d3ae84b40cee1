/** The `<candor-consent>` class: a plain-language privacy explainer whose every decision becomes a stored, verifiable record. */
import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { initialState, Task } from '@lit/task';
import {
  LocalStorageConsentStorage,
  type ConsentReceiptFile,
  type ConsentStorage,
  type NoticeComparison,
} from '@candor/core/consent';
import { ConsentNoticeSchema, localeTag, text, type ConsentNotice, type ConsentPurpose, type ConsentRecord } from '@candor/core/models';
import { AnnouncerController } from '../shared/announcer-controller.js';
import { CandorElement } from '../shared/candor-element.js';
import { HeadingLevelSchema } from '../shared/heading-level.js';
import { LazyModule } from '../shared/lazy-module.js';
import { LocalizeController } from '../shared/localize.js';
import { themeStyles } from '../shared/theme.styles.js';
import { reportInvalid } from '../shared/validate.js';
import { BeforeConsentChangeEvent } from './events/before-consent-change-event.js';
import { BeforeConsentWithdrawEvent } from './events/before-consent-withdraw-event.js';
import { ConsentChangeEvent } from './events/consent-change-event.js';
import { ConsentWithdrawEvent } from './events/consent-withdraw-event.js';
import { changeItems, initialChoices, loadSaved, purposeItems, savedSummary, type Loaded, type PurposeItem } from './consent.logic.js';
import { consentMessages, receiptLabels, type ConsentMessages } from './consent.messages.js';
import { consentStyles } from './consent.styles.js';
import { askTemplate, changesTemplate, frameTemplate, problemsTemplate, savedTemplate, type ConsentActions, type Formatters, type Problem } from './consent.templates.js';

export { BeforeConsentChangeEvent } from './events/before-consent-change-event.js';
export { ConsentChangeEvent } from './events/consent-change-event.js';
export { BeforeConsentWithdrawEvent } from './events/before-consent-withdraw-event.js';
export { ConsentWithdrawEvent } from './events/consent-withdraw-event.js';
export { consentMessages, type ConsentMessages } from './consent.messages.js';

/** Building and downloading receipts, loaded the first time a receipt is asked for. */
const receiptCode = new LazyModule(() => import('./consent.receipt.js'));
/** Building records, loaded when the customer first points at or focuses the component (and at the latest when they decide). */
const recordCode = new LazyModule(() => import('./consent.records.js'));

/** The record-building code, with a failure to download it said as such. */
const recordBuilder = () =>
  recordCode.get().catch((e: unknown) => {
    throw new Error(`the code that builds consent records could not be loaded (${e instanceof Error ? e.message : String(e)})`);
  });

/**
 * What the component shows: `loading` (reading storage), `ask` (first visit, a changed notice,
 * or the customer changing their mind), `saved` (choices or withdrawal on record for this
 * notice) or `invalid` (the fallback for unusable input).
 */
export type ConsentView = 'loading' | 'ask' | 'saved' | 'invalid';

const SubjectSchema = text(256);
const LocaleSchema = localeTag();

const isStorage = (s: unknown): s is ConsentStorage =>
  s !== null && typeof s === 'object' && ['save', 'latest', 'history'].every((m) => typeof (s as Record<string, unknown>)[m] === 'function');

/** `value` as text for a report; never throws, whatever a storage returned. */
const textOf = (value: unknown): string => {
  try {
    return String(value);
  } catch {
    return 'a value that cannot be shown';
  }
};

const codeOf = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Explains, in plain words, what happens to a customer's data and lets them decide per purpose.
 * A one-sentence summary comes first; each purpose shows its title, why, and (on demand) the
 * data used, how long it is kept, who receives it (naming partners that would reuse the
 * verification) and the legal basis. Required purposes are shown as always on, with the reason.
 *
 * Every decision (accept all, reject optional, save choices) and every withdrawal becomes a
 * consent record from `@candor/core/consent`, stored before the change event fires. On connect
 * the latest stored record is read: under the same notice, or a translation of the same version
 * (records are filed under `controller.id`), the saved choices are shown; under another version,
 * changed terms or, in the same language, different wording, the customer is asked again and
 * shown what changed. Stored data that cannot all be read is never lost: the readable records
 * are used, the rest is set aside by the storage, the customer sees a note and `candor-error` fires.
 *
 * @summary Consent & privacy explainer producing verifiable consent records.
 *
 * @csspart base - The themed wrapper (carries `lang`, `dir`, theme).
 * @csspart title - The "Your privacy choices" heading.
 * @csspart controller - "From Acme Bank".
 * @csspart summary - The notice's one-sentence summary.
 * @csspart status - The saved / withdrawn message (focused after a save).
 * @csspart choices-summary - "Allowed: … / Declined: …" in the saved state.
 * @csspart changes - What changed since the customer last chose (notice changed).
 * @csspart problem - A storage problem message; also `unreadable` for the note that earlier choices could not all be read.
 * @csspart purposes - The fieldset of purposes.
 * @csspart purpose - Each purpose; also `purpose-required` or `purpose-optional`.
 * @csspart toggle - The switch (a checkbox with `role="switch"`) of a purpose.
 * @csspart purpose-title - A purpose's title (the switch's label).
 * @csspart badge - "Always on" / "Optional" / "Allowed" / "Declined".
 * @csspart why - The purpose's plain-language reason.
 * @csspart reuse - The sentence naming the partners that would reuse the verification (in the saved state: that may, or that none does).
 * @csspart details - The `<details>` disclosure of a purpose (its summary shows a chevron that turns when open).
 * @csspart actions - The row of buttons.
 * @csspart button - Every button; also `button-primary` for the main action.
 * @csspart policy - The privacy policy link.
 * @csspart live - The polite live region (visually hidden).
 * @csspart fallback - The message shown instead of invalid input.
 *
 * @cssprop --candor-color-text - Text colour.
 * @cssprop --candor-color-text-muted - Secondary text (why, details).
 * @cssprop --candor-color-surface - Background.
 * @cssprop --candor-color-surface-alt - Purpose cards, the changes box.
 * @cssprop --candor-color-border - Borders, the switch track when off.
 * @cssprop --candor-color-accent - Primary button, the switch when on, links.
 * @cssprop --candor-color-on-accent - Text on the accent colour.
 * @cssprop --candor-color-success - The saved message.
 * @cssprop --candor-color-warning - The changes box and storage problems.
 * @cssprop --candor-font-family - Font.
 * @cssprop --candor-font-size - Base font size.
 * @cssprop --candor-radius - Corner radius.
 * @cssprop --candor-spacing - Base spacing unit.
 * @cssprop --candor-focus-ring-color - Focus outline colour.
 * @cssprop --candor-focus-ring-width - Focus outline width.
 * @cssprop --candor-transition-duration - Switch animation (0 under reduced motion).
 *
 * @fires {BeforeConsentChangeEvent} candor-before-consent-change - Cancelable. A decision is about to be stored; detail: the ConsentRecord. `preventDefault()` stores nothing.
 * @fires {ConsentChangeEvent} candor-consent-change - A decision was stored (storage already has it); detail: the ConsentRecord.
 * @fires {BeforeConsentWithdrawEvent} candor-before-consent-withdraw - Cancelable. A withdrawal is about to be stored; detail: the withdrawal record.
 * @fires {ConsentWithdrawEvent} candor-consent-withdraw - A withdrawal was stored; detail: the withdrawal record.
 * @fires {CandorErrorEvent} candor-error - `notice`, `subject` or `storage` is invalid, storage or the code that builds records failed (property `storage`), stored data could not all be read (it is set aside, never deleted), or a receipt could not be made (property `receipt`); detail `{ component, property, issues, message }`.
 *
 * @example
 * <candor-consent subject="cust_7f3a"></candor-consent>
 * <script type="module">
 *   import '@candor/elements/consent';
 *   const el = document.querySelector('candor-consent');
 *   el.notice = await (await fetch('/privacy/notice.json')).json();
 *   el.addEventListener('candor-consent-change', (e) => sendToServer(e.detail));
 * </script>
 */
export class CandorConsent extends CandorElement {
  static override styles = [themeStyles, consentStyles];
  /** Reactive properties and state; each is documented where it is declared below. */
  static override properties: PropertyDeclarations = {
    notice: { attribute: false },
    subject: {},
    storage: { attribute: false },
    headingLevel: { attribute: 'heading-level', type: Number },
    view: { state: true, attribute: false },
    choices: { state: true, attribute: false },
    latest: { state: true, attribute: false },
    comparison: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    unreadable: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  protected readonly localize = new LocalizeController<ConsentMessages>(this, {
    component: 'candor-consent',
    messages: consentMessages,
  });

  readonly #live = new AnnouncerController(this);
  /** Reads storage whenever the notice, subject or storage change or the element is re-attached; a newer load supersedes a pending one. */
  readonly #loading = new Task(this, {
    task: ([notice, subject, storage]: readonly [ConsentNotice | undefined, string | undefined, ConsentStorage | undefined, number]) =>
      notice && subject ? loadSaved(storage, notice, subject, this.#locale()) : initialState,
    args: () => [this.#notice, this.#subject, this.#storage(), this.#generation] as const,
    onComplete: (loaded: Loaded) => this.#show(loaded),
  });

  /** The notice to explain (a `ConsentNotice`); validated, invalid input shows a fallback and fires `candor-error`. */
  notice?: unknown;

  /** Pseudonymous reference to the customer (never an e-mail address or name), recorded in every record. */
  subject?: string;

  /** Where records are kept (a `ConsentStorage`); defaults to `LocalStorageConsentStorage` (localStorage). */
  storage?: ConsentStorage;

  /** Level (2–6) of the title heading, to fit the host page's outline. */
  headingLevel = 2;

  protected view: ConsentView = 'loading';
  protected choices: Record<string, boolean> = {};
  protected latest?: ConsentRecord;
  protected comparison?: NoticeComparison;
  protected problem?: Problem;
  protected unreadable = false;
  protected busy = false;

  #notice?: ConsentNotice;
  #subject?: string;
  #defaultStorage?: ConsentStorage;
  /** Bumped for every (re)load, so a save that finishes after one knows the state it started from is gone. */
  #generation = 0;
  #needsLoad = true;
  #purposes: PurposeItem[] = [];
  #heading = 2;

  /** The latest stored record for this notice's controller and subject (after loading), if any. */
  get record(): ConsentRecord | undefined {
    return this.latest;
  }

  /** What is shown now (`loading`, `ask`, `saved`, `invalid`); useful for hosts and tests. */
  get state(): ConsentView {
    return this.view;
  }

  /** Starts downloading the record code as the customer reaches for a control. */
  readonly #prefetch = () => void recordBuilder().catch(() => {}); // a failure is reported when they decide

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of ['pointerover', 'focusin']) this.addEventListener(type, this.#prefetch, { once: true });
    // Re-attached (e.g. moved in the DOM): read storage again, another tab may have decided.
    this.#needsLoad = true;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('notice') || changed.has('subject') || changed.has('storage')) this.#needsLoad = true;
    if (this.#needsLoad) this.#prepareLoad();
    if (changed.has('headingLevel')) this.#heading = this.option('headingLevel', HeadingLevelSchema, this.headingLevel, 2, 'Level 2 is used.');
    if (this.#notice) this.#purposes = purposeItems(this.#notice, this.choices);
  }

  /** Validates the input and, when it is usable, starts a new load (the Task runs on the new generation). */
  #prepareLoad(): void {
    this.#needsLoad = false;
    this.#generation++;
    this.#notice = this.accept('notice', ConsentNoticeSchema, this.notice);
    this.#subject = this.#notice ? this.accept('subject', SubjectSchema, this.subject) : undefined;
    if (!this.#notice || !this.#subject) {
      this.view = 'invalid';
      return;
    }
    if (this.storage !== undefined && !isStorage(this.storage)) {
      reportInvalid(this, 'candor-consent', 'storage', [
        { path: 'storage', message: 'storage must have save(record), latest(controller, subject) and history(controller, subject) methods' },
      ]);
    }
    this.view = 'loading';
    this.problem = undefined;
    this.unreadable = false;
    this.comparison = undefined;
  }

  // ---- storage ---------------------------------------------------------------------------

  #storage(): ConsentStorage | undefined {
    if (this.storage !== undefined) return isStorage(this.storage) ? this.storage : undefined;
    return (this.#defaultStorage ??= new LocalStorageConsentStorage());
  }

  /** A storage failure is reported like invalid input (`candor-error`, property `storage`) so hosts see it in one place. */
  #reportStorage(e: unknown, action: 'read' | 'save'): void {
    const detail = textOf(e instanceof Error ? e.message : e);
    this.#report(
      `storage could not ${action} consent records (${codeOf(e) ?? 'error'}): ${detail}`,
      action === 'read' ? 'The customer is asked again.' : 'Nothing was stored.',
    );
  }

  #report(message: string, outcome: string, property = 'storage'): void {
    // Storage messages are sentences; the report adds its own full stop before the outcome.
    const issue = message.replace(/\.+$/, '');
    reportInvalid(this, 'candor-consent', property, [{ path: property, message: issue }], outcome);
  }

  /** Shows what the current load found (the Task calls this for the newest load only). */
  #show({ latest, comparison, unreadable, failure }: Loaded): void {
    // State first: a report that cannot print a hostile storage's values must not leave it loading.
    this.latest = latest;
    this.choices = initialChoices(this.#notice!, latest);
    const saved = latest && comparison && !comparison.askAgain;
    this.comparison = saved ? undefined : comparison;
    this.view = saved ? 'saved' : 'ask';
    if (failure !== undefined) {
      this.problem = 'load';
      this.#reportStorage(failure, 'read');
    }
    if (unreadable) {
      this.unreadable = true;
      this.#report(`stored consent records could not all be read: ${textOf(unreadable.message)}`, 'The readable records are used.');
    }
  }

  // ---- actions -----------------------------------------------------------------------------

  /** Records consent to every purpose. Resolves with the stored record, or undefined when vetoed or it failed. */
  acceptAll(): Promise<ConsentRecord | undefined> {
    return this.#decide(() => true);
  }

  /** Records only the required purposes, declining every optional one. */
  rejectOptional(): Promise<ConsentRecord | undefined> {
    return this.#decide((p) => p.required);
  }

  /** Records the choices currently shown on the switches. */
  saveChoices(): Promise<ConsentRecord | undefined> {
    return this.#decide((p) => p.required || this.choices[p.id] === true);
  }

  /**
   * Withdraws consent: records a withdrawal (every optional purpose declined) linked to the
   * latest record. Resolves with the stored withdrawal, or undefined when vetoed, failed, or
   * there is nothing to withdraw.
   */
  async withdraw(): Promise<ConsentRecord | undefined> {
    const notice = this.#notice;
    const subject = this.#subject;
    const previous = this.latest;
    if (!notice || !subject || !previous || this.busy) return undefined;
    return this.#commit(
      async () => (await recordBuilder()).createWithdrawalRecord({ notice, subject, locale: this.#locale(), previousRecordId: previous.recordId }),
      (r) => new BeforeConsentWithdrawEvent(r),
      (r) => new ConsentWithdrawEvent(r),
      'announceWithdrawn',
    );
  }

  /**
   * The receipt of the latest record (record + notice + canonical text + a summary in the
   * component's language), or undefined when there is none for the current notice.
   */
  async receipt(): Promise<ConsentReceiptFile | undefined> {
    const notice = this.#notice;
    if (!notice || !this.latest || this.view !== 'saved') return undefined;
    try {
      const { consentReceipt } = await receiptCode.get();
      const file = await consentReceipt(this.latest, notice, receiptLabels((key) => this.localize.t(key)));
      if (this.problem === 'receipt') this.problem = undefined;
      return file;
    } catch (e) {
      // Its code did not download, or this page cannot hash (Web Crypto needs https).
      this.problem = 'receipt';
      this.#report(`the receipt could not be made: ${textOf(e instanceof Error ? e.message : e)}`, 'No receipt was offered.', 'receipt');
      return undefined;
    }
  }

  /** Offers the receipt as a JSON file download. Resolves with what was offered. */
  async downloadReceipt(): Promise<ConsentReceiptFile | undefined> {
    const file = await this.receipt();
    if (file) (await receiptCode.get()).offerDownload(file);
    return file;
  }

  #locale(): string {
    return LocaleSchema.safeParse(this.localize.lang).success ? this.localize.lang : 'und';
  }

  #decide(grant: (p: ConsentPurpose) => boolean): Promise<ConsentRecord | undefined> {
    const notice = this.#notice;
    const subject = this.#subject;
    if (!notice || !subject || this.busy || this.view === 'loading' || this.view === 'invalid') return Promise.resolve(undefined);
    const choices = Object.fromEntries(notice.purposes.map((p) => [p.id, grant(p)]));
    return this.#commit(
      async () =>
        (await recordBuilder()).createConsentRecord({
          notice,
          subject,
          choices,
          locale: this.#locale(),
          ...(this.latest ? { previousRecordId: this.latest.recordId } : {}),
        }),
      (r) => new BeforeConsentChangeEvent(r),
      (r) => new ConsentChangeEvent(r),
      'announceSaved',
    );
  }

  /** Create → before-event (veto stops here) → store → state, announcement, after-event. Never throws. */
  async #commit(
    create: () => Promise<ConsentRecord>,
    before: (r: ConsentRecord) => Event,
    after: (r: ConsentRecord) => Event,
    announce: 'announceSaved' | 'announceWithdrawn',
  ): Promise<ConsentRecord | undefined> {
    this.busy = true;
    const generation = this.#generation;
    try {
      const record = await create();
      if (!this.dispatchEvent(before(record))) return undefined;
      const storage = this.#storage();
      try {
        if (!storage) throw new TypeError('no usable storage');
        await storage.save(record);
      } catch (e) {
        this.problem = codeOf(e) === 'storage_quota_exceeded' ? 'quota' : 'save';
        this.#reportStorage(e, 'save');
        return undefined;
      }
      // If the notice or subject changed while saving, the reload under way shows the new
      // state; the record is stored all the same, so the host still hears about it.
      const current = generation === this.#generation;
      if (current) {
        this.latest = record;
        this.comparison = undefined;
        this.problem = undefined;
        this.unreadable = false;
        this.choices = initialChoices(this.#notice!, record);
        this.view = 'saved';
        this.#live.announce(this.localize.t(announce));
      }
      this.dispatchEvent(after(record));
      if (current) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part~="status"]')?.focus();
      }
      return record;
    } catch (e) {
      this.problem = 'save';
      this.#reportStorage(e, 'save');
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  #onToggle(e: Event, purpose: ConsentPurpose): void {
    const input = e.target as HTMLInputElement;
    if (purpose.required) {
      input.checked = true;
      return;
    }
    this.choices = { ...this.choices, [purpose.id]: input.checked };
  }

  async #onChange(): Promise<void> {
    this.view = 'ask';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input:not([disabled])')?.focus();
  }

  async #onCancel(): Promise<void> {
    if (!this.#notice) return;
    this.choices = initialChoices(this.#notice, this.latest);
    this.view = 'saved';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="status"]')?.focus();
  }

  // ---- rendering ---------------------------------------------------------------------------

  readonly #formatters: Formatters = {
    t: (key, params) => this.localize.t(key, params),
    list: (items) => (items.length ? this.localize.list(items) : this.localize.t('listNone')),
    date: (iso) => this.localize.date(iso, { dateStyle: 'long', timeStyle: 'short' }),
  };

  readonly #actions: ConsentActions = {
    acceptAll: () => void this.acceptAll(),
    rejectOptional: () => void this.rejectOptional(),
    saveChoices: () => void this.saveChoices(),
    change: () => void this.#onChange(),
    cancel: () => void this.#onCancel(),
    withdraw: () => void this.withdraw(),
    receipt: () => void this.downloadReceipt(),
    toggle: (e, p) => this.#onToggle(e, p),
  };

  override render(): TemplateResult {
    const f = this.#formatters;
    const notice = this.#notice;
    if (this.view === 'invalid' || !notice) return this.frame(this.renderFallback(f.t('invalid')));
    const loading = this.view === 'loading';
    return this.frame(
      frameTemplate(f, {
        notice,
        level: this.#heading,
        busy: loading || this.busy,
        loading,
        live: this.#live.regions(),
        body: loading ? nothing : this.#renderBody(notice),
      }),
    );
  }

  #renderBody(notice: ConsentNotice): TemplateResult {
    const f = this.#formatters;
    const latest = this.latest;
    const body =
      this.view === 'saved' && latest
        ? savedTemplate(
            f,
            { withdrawn: latest.event === 'withdrawal', timestamp: latest.timestamp, summary: savedSummary(notice, latest), purposes: this.#purposes, busy: this.busy },
            this.#actions,
          )
        : askTemplate(
            f,
            {
              purposes: this.#purposes,
              busy: this.busy,
              cancellable: latest !== undefined && this.comparison === undefined && !this.problem && latest.notice.version === notice.version,
              ...(latest && this.comparison?.askAgain ? { changes: changesTemplate(f, changeItems(notice, this.comparison), latest.timestamp) } : {}),
            },
            this.#actions,
          );
    return html`${problemsTemplate(f, this.problem, this.unreadable)}${body}`;
  }
}
