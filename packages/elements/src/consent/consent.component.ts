/** The `<candor-consent>` class: a plain-language privacy explainer whose every decision becomes a stored, verifiable record. */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  compareWithNotice,
  consentReceipt,
  controllerKey,
  createConsentRecord,
  createWithdrawalRecord,
  LocalStorageConsentStorage,
  type ConsentReceiptFile,
  type ConsentStorage,
  type NoticeComparison,
  type ReceiptLabels,
} from '@candor/core/consent';
import {
  ConsentNoticeSchema,
  localeTag,
  text,
  type ConsentNotice,
  type ConsentPurpose,
  type ConsentRecord,
  type LegalBasis,
  type Recipient,
} from '@candor/core/models';
import { CandorElement } from '../shared/candor-element.js';
import { CandorErrorEvent } from '../shared/candor-error-event.js';
import { LocalizeController } from '../shared/localize.js';
import { themeStyles } from '../shared/theme.styles.js';
import { reportInvalid } from '../shared/validate.js';
import { BeforeConsentChangeEvent } from './events/before-consent-change-event.js';
import { BeforeConsentWithdrawEvent } from './events/before-consent-withdraw-event.js';
import { ConsentChangeEvent } from './events/consent-change-event.js';
import { ConsentWithdrawEvent } from './events/consent-withdraw-event.js';
import { consentMessages, type ConsentMessages } from './consent.messages.js';
import { consentStyles } from './consent.styles.js';

export { BeforeConsentChangeEvent } from './events/before-consent-change-event.js';
export { ConsentChangeEvent } from './events/consent-change-event.js';
export { BeforeConsentWithdrawEvent } from './events/before-consent-withdraw-event.js';
export { ConsentWithdrawEvent } from './events/consent-withdraw-event.js';
export { consentMessages, type ConsentMessages } from './consent.messages.js';

/**
 * What the component shows: `loading` (reading storage), `ask` (first visit, a changed notice,
 * or the customer changing their mind), `saved` (choices or withdrawal on record for this
 * notice) or `invalid` (the fallback for unusable input).
 */
export type ConsentView = 'loading' | 'ask' | 'saved' | 'invalid';

type Problem = 'load' | 'save' | 'quota';

const SubjectSchema = text(256);
const LocaleSchema = localeTag();

const BASIS_KEY: Record<LegalBasis, keyof ConsentMessages> = {
  consent: 'basisConsent',
  contract: 'basisContract',
  'legal-obligation': 'basisLegalObligation',
  'vital-interests': 'basisVitalInterests',
  'public-task': 'basisPublicTask',
  'legitimate-interests': 'basisLegitimateInterests',
};
const ROLE_KEY: Record<Recipient['role'], keyof ConsentMessages> = {
  controller: 'roleController',
  processor: 'roleProcessor',
  partner: 'rolePartner',
};

const isStorage = (s: unknown): s is ConsentStorage =>
  s !== null && typeof s === 'object' && ['save', 'latest', 'history'].every((m) => typeof (s as Record<string, unknown>)[m] === 'function');

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
 * shown what changed.
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
 * @csspart problem - A storage problem message.
 * @csspart purposes - The fieldset of purposes.
 * @csspart purpose - Each purpose; also `purpose-required` or `purpose-optional`.
 * @csspart toggle - The switch (a checkbox with `role="switch"`) of a purpose.
 * @csspart purpose-title - A purpose's title (the switch's label).
 * @csspart badge - "Always on" / "Optional" / "Allowed" / "Declined".
 * @csspart why - The purpose's plain-language reason.
 * @csspart reuse - The sentence naming partners that would reuse the verification.
 * @csspart details - The `<details>` disclosure of a purpose.
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
 * @fires {CandorErrorEvent} candor-error - `notice`, `subject` or `storage` is invalid, or storage failed; detail `{ component, property, issues, message }`.
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

  protected readonly localize = new LocalizeController<ConsentMessages>(this, {
    component: 'candor-consent',
    messages: consentMessages,
  });

  /** The notice to explain (a `ConsentNotice`); validated, invalid input shows a fallback and fires `candor-error`. */
  @property({ attribute: false }) notice?: unknown;

  /** Pseudonymous reference to the customer (never an e-mail address or name), recorded in every record. */
  @property() subject?: string;

  /** Where records are kept (a `ConsentStorage`); defaults to `LocalStorageConsentStorage` (localStorage). */
  @property({ attribute: false }) storage?: ConsentStorage;

  /** Level (2–6) of the title heading, to fit the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() protected view: ConsentView = 'loading';
  @state() protected choices: Record<string, boolean> = {};
  @state() protected latest?: ConsentRecord;
  @state() protected comparison?: NoticeComparison;
  @state() protected problem?: Problem;
  @state() protected announcement = '';
  @state() protected busy = false;

  #notice?: ConsentNotice;
  #subject?: string;
  #defaultStorage?: ConsentStorage;
  #loadSeq = 0;
  #needsLoad = true;

  /** The latest stored record for this notice's controller and subject (after loading), if any. */
  get record(): ConsentRecord | undefined {
    return this.latest;
  }

  /** What is shown now (`loading`, `ask`, `saved`, `invalid`); useful for hosts and tests. */
  get state(): ConsentView {
    return this.view;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached (e.g. moved in the DOM): read storage again, another tab may have decided.
    this.#needsLoad = true;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('notice') || changed.has('subject') || changed.has('storage')) this.#needsLoad = true;
    if (!this.#needsLoad) return;
    this.#needsLoad = false;
    this.#notice = this.accept('notice', ConsentNoticeSchema, this.notice);
    this.#subject = this.#notice ? this.accept('subject', SubjectSchema, this.subject) : undefined;
    if (!this.#notice || !this.#subject) {
      this.#loadSeq++;
      this.view = 'invalid';
      return;
    }
    if (this.storage !== undefined && !isStorage(this.storage)) {
      reportInvalid(this, 'candor-consent', 'storage', [
        { path: 'storage', message: 'storage must have save(record), latest(controller, subject) and history(controller, subject) methods' },
      ]);
    }
    void this.#load(this.#notice, this.#subject);
  }

  // ---- storage ---------------------------------------------------------------------------

  #storage(): ConsentStorage | undefined {
    if (this.storage !== undefined) return isStorage(this.storage) ? this.storage : undefined;
    return (this.#defaultStorage ??= new LocalStorageConsentStorage());
  }

  /** A storage failure is reported like invalid input (`candor-error`, property `storage`) so hosts see it in one place. */
  #reportStorage(e: unknown, action: 'read' | 'save'): void {
    const detail = e instanceof Error ? e.message : String(e);
    const message = `<candor-consent> storage could not ${action} consent records (${codeOf(e) ?? 'error'}): ${detail}`;
    console.warn(message);
    this.dispatchEvent(new CandorErrorEvent({ component: 'candor-consent', property: 'storage', issues: [{ path: 'storage', message }], message }));
  }

  async #load(notice: ConsentNotice, subject: string): Promise<void> {
    const seq = ++this.#loadSeq;
    this.view = 'loading';
    this.problem = undefined;
    this.comparison = undefined;
    let latest: ConsentRecord | undefined;
    try {
      const storage = this.#storage();
      if (!storage) throw new TypeError('no usable storage');
      latest = await storage.latest(controllerKey(notice.controller), subject);
      if (latest !== undefined && latest.subject !== subject) latest = undefined;
    } catch (e) {
      if (seq !== this.#loadSeq) return;
      this.problem = 'load';
      this.#reportStorage(e, 'read');
      latest = undefined;
    }
    let comparison: NoticeComparison | undefined;
    try {
      if (latest) comparison = await compareWithNotice(latest, notice, { locale: this.#locale() });
    } catch (e) {
      // A storage returning something that is not a record: treat as nothing stored.
      if (seq === this.#loadSeq) this.#reportStorage(e, 'read');
      latest = undefined;
    }
    if (seq !== this.#loadSeq) return;
    this.latest = latest;
    this.choices = this.#initialChoices(notice, latest);
    if (latest && comparison && !comparison.askAgain) {
      this.view = 'saved';
    } else {
      this.comparison = comparison;
      this.view = 'ask';
    }
  }

  /** Required purposes on; optional ones as last recorded, else off (nothing is assumed). */
  #initialChoices(notice: ConsentNotice, latest: ConsentRecord | undefined): Record<string, boolean> {
    const granted = new Set(latest?.purposesGranted ?? []);
    return Object.fromEntries(notice.purposes.map((p) => [p.id, p.required || granted.has(p.id)]));
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
      () => createWithdrawalRecord({ notice, subject, locale: this.#locale(), previousRecordId: previous.recordId }),
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
    const t = (k: keyof ConsentMessages) => this.localize.t(k);
    const labels: ReceiptLabels = {
      title: t('receiptTitle'),
      controller: t('receiptController'),
      recordedAt: t('receiptRecordedAt'),
      event: t('receiptEvent'),
      decision: t('receiptDecision'),
      withdrawal: t('receiptWithdrawal'),
      noticeVersion: t('receiptNoticeVersion'),
      allowed: t('receiptAllowed'),
      declined: t('receiptDeclined'),
      reuse: t('receiptReuse'),
      none: t('receiptNone'),
      recordId: t('receiptRecordId'),
    };
    try {
      return await consentReceipt(this.latest, notice, labels);
    } catch {
      return undefined;
    }
  }

  /** Offers the receipt as a JSON file download. Resolves with what was offered. */
  async downloadReceipt(): Promise<ConsentReceiptFile | undefined> {
    const file = await this.receipt();
    if (!file) return undefined;
    const url = URL.createObjectURL(new Blob([file.json], { type: file.mediaType }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    a.rel = 'noopener';
    a.click();
    // Revoke later: the download reads the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
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
      () =>
        createConsentRecord({
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
    const seq = this.#loadSeq;
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
      const current = seq === this.#loadSeq;
      if (current) {
        this.latest = record;
        this.comparison = undefined;
        this.problem = undefined;
        this.choices = this.#initialChoices(this.#notice!, record);
        this.view = 'saved';
        void this.#announce(this.localize.t(announce));
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

  async #announce(message: string): Promise<void> {
    // Clearing first makes a repeated message a change the screen reader announces again.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
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
    this.choices = this.#initialChoices(this.#notice, this.latest);
    this.view = 'saved';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="status"]')?.focus();
  }

  // ---- rendering ---------------------------------------------------------------------------

  #date(iso: string): string {
    const d = new Date(iso);
    try {
      return new Intl.DateTimeFormat(this.localize.lang, { dateStyle: 'long', timeStyle: 'short' }).format(d);
    } catch {
      return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(d);
    }
  }

  #list(items: string[]): string {
    return items.length ? items.join(this.localize.t('listSeparator')) : this.localize.t('listNone');
  }

  override render(): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const notice = this.#notice;
    if (this.view === 'invalid' || !notice) return this.frame(this.renderFallback(t('invalid')));
    const level = Math.min(6, Math.max(2, Math.trunc(Number(this.headingLevel)) || 2));
    return this.frame(html`
      <section class="consent" aria-labelledby="title" aria-busy=${this.view === 'loading' || this.busy ? 'true' : 'false'}>
        <div id="title" part="title" class="title" role="heading" aria-level=${level}>${t('title')}</div>
        <p part="controller" class="controller">${t('from', { controller: notice.controller.name })}</p>
        <p part="summary" class="summary">${notice.summary}</p>
        ${this.view === 'loading' ? html`<p class="loading">${t('loading')}</p>` : this.#renderBody(notice)}
        ${notice.policyUrl
          ? html`<p class="policy"><a part="policy" href=${notice.policyUrl} target="_blank" rel="noopener noreferrer">${t('policy')}</a></p>`
          : nothing}
        <div part="live" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </section>
    `);
  }

  #renderBody(notice: ConsentNotice): TemplateResult {
    return html`
      ${this.#renderProblem()}
      ${this.view === 'saved' ? this.#renderSaved(notice) : this.#renderAsk(notice)}
    `;
  }

  #renderProblem(): TemplateResult | typeof nothing {
    if (!this.problem) return nothing;
    const key = this.problem === 'load' ? 'storageLoadFailed' : this.problem === 'quota' ? 'storageQuota' : 'storageSaveFailed';
    return html`<p part="problem" class="problem" role="alert">${this.localize.t(key)}</p>`;
  }

  #renderSaved(notice: ConsentNotice): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const record = this.latest!;
    const title = (id: string) => notice.purposes.find((p) => p.id === id)?.title ?? id;
    const withdrawn = record.event === 'withdrawal';
    const optionalGranted = notice.purposes.some((p) => !p.required && record.purposesGranted.includes(p.id));
    return html`
      <p part="status" class="status ${withdrawn ? 'withdrawn' : 'saved'}" tabindex="-1">
        ${t(withdrawn ? 'withdrawnStatus' : 'savedStatus', { date: this.#date(record.timestamp) })}
      </p>
      <ul part="choices-summary" class="choices-summary">
        <li>${t('allowedList', { list: this.#list(record.purposesGranted.map(title)) })}</li>
        <li>${t('declinedList', { list: this.#list(record.purposesDenied.map(title)) })}</li>
      </ul>
      <ul part="purposes" class="purposes">
        ${notice.purposes.map((p) => this.#renderPurpose(p, false))}
      </ul>
      <div part="actions" class="actions">
        <button part="button button-primary" class="primary" type="button" @click=${this.#onChange}>${t('changeChoices')}</button>
        ${optionalGranted
          ? html`<button part="button" type="button" ?disabled=${this.busy} @click=${() => void this.withdraw()}>${t('withdraw')}</button>`
          : nothing}
        <button part="button" type="button" @click=${() => void this.downloadReceipt()}>${t('receipt')}</button>
      </div>
    `;
  }

  #renderAsk(notice: ConsentNotice): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const editing = this.latest !== undefined && this.comparison === undefined && !this.problem;
    return html`
      ${this.#renderChanges(notice)}
      <fieldset part="purposes" class="purposes">
        <legend>${t('purposesLegend')}</legend>
        <ul>
          ${notice.purposes.map((p) => this.#renderPurpose(p, true))}
        </ul>
      </fieldset>
      <div part="actions" class="actions">
        <button part="button" type="button" ?disabled=${this.busy} @click=${() => void this.acceptAll()}>${t('acceptAll')}</button>
        <button part="button" type="button" ?disabled=${this.busy} @click=${() => void this.rejectOptional()}>${t('rejectOptional')}</button>
        <button part="button button-primary" class="primary" type="button" ?disabled=${this.busy} @click=${() => void this.saveChoices()}>
          ${t('saveChoices')}
        </button>
        ${editing && this.latest?.notice.version === notice.version
          ? html`<button part="button" type="button" @click=${this.#onCancel}>${t('cancel')}</button>`
          : nothing}
      </div>
    `;
  }

  #renderChanges(notice: ConsentNotice): TemplateResult | typeof nothing {
    const c = this.comparison;
    if (!c?.askAgain || !this.latest) return nothing;
    const t = this.localize.t.bind(this.localize);
    const titleOf = (id: string) => notice.purposes.find((p) => p.id === id)?.title ?? id;
    const recipientOf = (audience: string) =>
      notice.purposes.flatMap((p) => p.recipients).find((r) => r.reusesVerification && r.audience === audience)?.name ?? audience;
    const items = [
      ...(notice.changes ?? []),
      ...c.addedPurposes.map((id) => t('newPurpose', { title: titleOf(id) })),
      ...c.nowRequired.map((id) => t('nowRequired', { title: titleOf(id) })),
      ...c.addedAudiences.map((audience) => t('newReuse', { recipient: recipientOf(audience) })),
      ...(c.removedPurposes.length ? [t('removedPurposes', { count: c.removedPurposes.length })] : []),
    ];
    return html`
      <div part="changes" class="changes" role="group" aria-labelledby="changes-title">
        <p>${t('changedIntro', { date: this.#date(this.latest.timestamp) })}</p>
        ${items.length
          ? html`<p id="changes-title" class="changes-title">${t('changesHeading')}</p>
              <ul>
                ${items.map((i) => html`<li>${i}</li>`)}
              </ul>`
          : html`<span id="changes-title" hidden>${t('changesHeading')}</span>`}
      </div>
    `;
  }

  #renderPurpose(p: ConsentPurpose, editable: boolean): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const id = `purpose-${p.id}`;
    const on = p.required || this.choices[p.id] === true;
    const reusers = p.recipients.filter((r) => r.reusesVerification);
    const described = [`${id}-why`, p.required ? `${id}-required` : '', reusers.length ? `${id}-reuse` : ''].filter(Boolean).join(' ');
    const badge = editable ? t(p.required ? 'required' : 'optional') : t(on ? 'allowed' : 'declined');
    return html`
      <li part="purpose purpose-${p.required ? 'required' : 'optional'}" class="purpose" data-purpose=${p.id}>
        <div class="head">
          ${editable
            ? html`<input
                part="toggle"
                class="toggle"
                type="checkbox"
                role="switch"
                id=${id}
                .checked=${on}
                ?disabled=${p.required || this.busy}
                aria-describedby=${described}
                @change=${(e: Event) => this.#onToggle(e, p)}
              />`
            : nothing}
          ${editable
            ? html`<label part="purpose-title" class="purpose-title" for=${id}>${p.title}</label>`
            : html`<span part="purpose-title" class="purpose-title">${p.title}</span>`}
          <span part="badge" class="badge ${editable ? (p.required ? 'required' : 'optional') : on ? 'allowed' : 'declined'}">${badge}</span>
        </div>
        <p part="why" class="why" id="${id}-why">${p.why}</p>
        ${p.required ? html`<p class="required-why" id="${id}-required">${t('requiredWhy')}</p>` : nothing}
        ${reusers.length
          ? html`<p part="reuse" class="reuse" id="${id}-reuse">
              ${t('reuseNote', { count: reusers.length, names: this.#list(reusers.map((r) => r.name)) })}
            </p>`
          : nothing}
        <details part="details" class="details">
          <summary>${t('details')}<span class="visually-hidden">: ${p.title}</span></summary>
          <dl>
            <dt>${t('data')}</dt>
            <dd>
              <ul class="data-categories">
                ${p.dataCategories.map((c) => html`<li>${c}</li>`)}
              </ul>
            </dd>
            <dt>${t('retention')}</dt>
            <dd class="retention">${p.retention}</dd>
            <dt>${t('recipients')}</dt>
            <dd>
              ${p.recipients.length
                ? html`<ul>
                    ${p.recipients.map((r) => this.#renderRecipient(r))}
                  </ul>`
                : t('noRecipients')}
            </dd>
            <dt>${t('legalBasis')}</dt>
            <dd data-basis=${p.legalBasis}>${t(BASIS_KEY[p.legalBasis])}</dd>
          </dl>
        </details>
      </li>
    `;
  }

  #renderRecipient(r: Recipient): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const reuse = r.reusesVerification
      ? html` — <strong class="reuses">${r.audience ? t('reusesVerificationAs', { audience: r.audience }) : t('reusesVerification')}</strong>`
      : nothing;
    return html`<li><span class="recipient-name">${r.name}</span> (${t(ROLE_KEY[r.role])})${reuse}</li>`;
  }
}
