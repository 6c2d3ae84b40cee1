/** Templates of `<candor-consent>`: functions of plain data and callbacks, no component state. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentNotice, ConsentPurpose, LegalBasis, Recipient } from '@candor/core/models';
import type { MessageParams } from '../shared/localize.js';
import type { ChangeItem, PurposeItem, SavedSummary } from './consent.logic.js';
import type { ConsentMessages } from './consent.messages.js';

/** The formatters every template uses, in the component's language. */
export interface Formatters {
  t(key: keyof ConsentMessages & string, params?: MessageParams): string;
  /** Items joined as the language writes a list; "nothing" when empty. */
  list(items: readonly string[]): string;
  date(iso: string): string;
}

/** What the buttons and switches call back. */
export interface ConsentActions {
  acceptAll(): void;
  rejectOptional(): void;
  saveChoices(): void;
  change(): void;
  cancel(): void;
  withdraw(): void;
  receipt(): void;
  toggle(e: Event, purpose: ConsentPurpose): void;
}

/** A storage problem to tell the customer about, each with its message. */
export type Problem = 'load' | 'save' | 'quota' | 'receipt';

const PROBLEM_KEY = { load: 'storageLoadFailed', save: 'storageSaveFailed', quota: 'storageQuota', receipt: 'receiptFailed' } as const;

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

/** Storage problems: one alert for a failed read or save, and a note when stored choices could not all be read. */
export function problemsTemplate(f: Formatters, problem: Problem | undefined, unreadable: boolean): TemplateResult {
  return html`${unreadable ? html`<p part="problem unreadable" class="problem" role="alert">${f.t('storageUnreadable')}</p>` : nothing}
  ${problem ? html`<p part="problem" class="problem" role="alert">${f.t(PROBLEM_KEY[problem])}</p>` : nothing}`;
}

/** "We have updated this notice…" and the list of what changed. */
export function changesTemplate(f: Formatters, items: readonly ChangeItem[], since: string): TemplateResult {
  return html`
    <div part="changes" class="changes" role="group" aria-labelledby="changes-title">
      <p>${f.t('changedIntro', { date: f.date(since) })}</p>
      ${items.length
        ? html`<p id="changes-title" class="changes-title">${f.t('changesHeading')}</p>
            <ul>
              ${items.map((i) => html`<li>${'text' in i ? html`<bdi>${i.text}</bdi>` : f.t(i.message, i.params)}</li>`)}
            </ul>`
        : html`<span id="changes-title" hidden>${f.t('changesHeading')}</span>`}
    </div>
  `;
}

/** The saved state: when, what is allowed and declined, every purpose read-only, and the actions. */
export function savedTemplate(
  f: Formatters,
  o: { withdrawn: boolean; timestamp: string; summary: SavedSummary; purposes: readonly PurposeItem[]; busy: boolean },
  on: ConsentActions,
): TemplateResult {
  return html`
    <p part="status" class="status ${o.withdrawn ? 'withdrawn' : 'saved'}" tabindex="-1">
      ${f.t(o.withdrawn ? 'withdrawnStatus' : 'savedStatus', { date: f.date(o.timestamp) })}
    </p>
    <ul part="choices-summary" class="choices-summary">
      <li>${f.t('allowedList', { list: f.list(o.summary.allowed) })}</li>
      <li>${f.t('declinedList', { list: f.list(o.summary.declined) })}</li>
    </ul>
    <ul part="purposes" class="purposes">
      ${o.purposes.map((p) => purposeTemplate(f, p, { editable: false, busy: o.busy }, on))}
    </ul>
    <div part="actions" class="actions">
      <button part="button button-primary" class="primary" type="button" @click=${on.change}>${f.t('changeChoices')}</button>
      ${o.summary.canWithdraw
        ? html`<button part="button" type="button" ?disabled=${o.busy} @click=${on.withdraw}>${f.t('withdraw')}</button>`
        : nothing}
      <button part="button" type="button" @click=${on.receipt}>${f.t('receipt')}</button>
    </div>
  `;
}

/** The question: what changed (if anything), every purpose with its switch, and the three decisions. */
export function askTemplate(
  f: Formatters,
  o: { purposes: readonly PurposeItem[]; busy: boolean; cancellable: boolean; changes?: TemplateResult },
  on: ConsentActions,
): TemplateResult {
  return html`
    ${o.changes ?? nothing}
    <fieldset part="purposes" class="purposes">
      <legend>${f.t('purposesLegend')}</legend>
      <ul>
        ${o.purposes.map((p) => purposeTemplate(f, p, { editable: true, busy: o.busy }, on))}
      </ul>
    </fieldset>
    <div part="actions" class="actions">
      <button part="button" type="button" ?disabled=${o.busy} @click=${on.acceptAll}>${f.t('acceptAll')}</button>
      <button part="button" type="button" ?disabled=${o.busy} @click=${on.rejectOptional}>${f.t('rejectOptional')}</button>
      <button part="button button-primary" class="primary" type="button" ?disabled=${o.busy} @click=${on.saveChoices}>
        ${f.t('saveChoices')}
      </button>
      ${o.cancellable ? html`<button part="button" type="button" @click=${on.cancel}>${f.t('cancel')}</button>` : nothing}
    </div>
  `;
}

/**
 * One purpose: switch (when editable) and title on one row with the badge, why, the reuse
 * sentence (what would happen, or in the saved state what the customer chose) and the details.
 * Text from the notice sits in `<bdi>` (or a `dir="auto"` paragraph), so an English notice on an
 * Arabic page keeps its own direction without leaving its label or bullet.
 */
export function purposeTemplate(
  f: Formatters,
  { purpose: p, on, reusers }: PurposeItem,
  o: { editable: boolean; busy: boolean },
  actions: ConsentActions,
): TemplateResult {
  const id = `purpose-${p.id}`;
  const described = [`${id}-badge`, `${id}-why`, p.required ? `${id}-required` : '', reusers.length ? `${id}-reuse` : ''].filter(Boolean).join(' ');
  const state = o.editable ? (p.required ? 'required' : 'optional') : on ? 'allowed' : 'declined';
  const count = f.t('reuseCount', { count: reusers.length, names: f.list(reusers.map((r) => r.name)) });
  const reuse = o.editable ? f.t('reuseNote', { reuse: count }) : on ? f.t('reuseAllowed', { reuse: count }) : f.t('reuseDeclined');
  return html`
    <li part="purpose purpose-${p.required ? 'required' : 'optional'}" class="purpose" data-purpose=${p.id}>
      <div class="head">
        ${o.editable
          ? html`<input
                part="toggle"
                class="toggle"
                type="checkbox"
                role="switch"
                id=${id}
                .checked=${on}
                ?disabled=${p.required || o.busy}
                aria-describedby=${described}
                @change=${(e: Event) => actions.toggle(e, p)}
              /><label part="purpose-title" class="purpose-title" for=${id}><bdi>${p.title}</bdi></label>`
          : html`<span part="purpose-title" class="purpose-title"><bdi>${p.title}</bdi></span>`}
        <span part="badge" class="badge ${state}" id="${id}-badge">${f.t(state)}</span>
      </div>
      <p part="why" class="why" id="${id}-why" dir="auto">${p.why}</p>
      ${p.required ? html`<p class="required-why" id="${id}-required">${f.t('requiredWhy')}</p>` : nothing}
      ${reusers.length ? html`<p part="reuse" class="reuse" id="${id}-reuse">${reuse}</p>` : nothing}
      <details part="details" class="details">
        <summary>${f.t('details')}</summary>
        <dl>
          <dt>${f.t('data')}</dt>
          <dd>
            <ul class="data-categories">
              ${p.dataCategories.map((c) => html`<li><bdi>${c}</bdi></li>`)}
            </ul>
          </dd>
          <dt>${f.t('retention')}</dt>
          <dd class="retention"><bdi>${p.retention}</bdi></dd>
          <dt>${f.t('recipients')}</dt>
          <dd>
            ${p.recipients.length
              ? html`<ul>
                  ${p.recipients.map((r) => recipientTemplate(f, r))}
                </ul>`
              : f.t('noRecipients')}
          </dd>
          <dt>${f.t('legalBasis')}</dt>
          <dd data-basis=${p.legalBasis}>${f.t(BASIS_KEY[p.legalBasis])}</dd>
        </dl>
      </details>
    </li>
  `;
}

/** A recipient: name, role, and whether (and as which audience) it reuses the verification. */
export function recipientTemplate(f: Formatters, r: Recipient): TemplateResult {
  const reuse = r.reusesVerification
    ? html` — <strong class="reuses">${r.audience ? f.t('reusesVerificationAs', { audience: r.audience }) : f.t('reusesVerification')}</strong>`
    : nothing;
  return html`<li><bdi class="recipient-name">${r.name}</bdi> (${f.t(ROLE_KEY[r.role])})${reuse}</li>`;
}

/** The heading, controller, summary, body (or loading line), policy link and live region. */
export function frameTemplate(
  f: Formatters,
  o: { notice: ConsentNotice; level: number; busy: boolean; loading: boolean; live: TemplateResult; body: TemplateResult | typeof nothing },
): TemplateResult {
  return html`
    <section class="consent" aria-labelledby="title" aria-busy=${o.busy ? 'true' : 'false'}>
      <div id="title" part="title" class="title" role="heading" aria-level=${o.level}>${f.t('title')}</div>
      <p part="controller" class="controller">${f.t('from', { controller: o.notice.controller.name })}</p>
      <p part="summary" class="summary" dir="auto">${o.notice.summary}</p>
      ${o.loading ? html`<p class="loading">${f.t('loading')}</p>` : o.body}
      ${o.notice.policyUrl
        ? html`<p class="policy"><a part="policy" href=${o.notice.policyUrl} target="_blank" rel="noopener noreferrer">${f.t('policy')}</a></p>`
        : nothing}
      ${o.live}
    </section>
  `;
}
