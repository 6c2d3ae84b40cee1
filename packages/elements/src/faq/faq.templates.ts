/**
 * Templates of `<candor-faq>`: pure functions of plain data and callbacks. Text from entries and
 * channels is only ever bound as text (matches in `<mark>`), in `<bdi>` or `dir="auto"` elements.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FaqEntry, Incident } from '@candor/core/models';
import type { MessageParams } from '../shared/localize.js';
import { FEEDBACK_REASONS, type FeedbackReason } from './events/faq-feedback-event.js';
import { segments, type Range } from './faq.logic.js';
import type { FaqMessages } from './faq.messages.js';

type Key = keyof FaqMessages & string;

/** Formatting the templates need, bound to the component's language and clock. */
export interface Formatters {
  t(key: Key, params?: MessageParams): string;
  relative(iso: string): string;
  when(iso: string): string;
}

/** The ways to reach a person, about `entry` (or about the search when it is undefined); `nothing` when there are none. */
export type ContactsView = (entry: FaqEntry | undefined) => TemplateResult | typeof nothing;

/** What the customer can do, as callbacks. */
export interface FaqActions {
  input(e: Event): void;
  keydown(e: KeyboardEvent): void;
  category(c: string | undefined): void;
  categoryKeydown(e: KeyboardEvent): void;
  toggle(e: Event, id: string): void;
  helpful(entry: FaqEntry, helpful: boolean): void;
  reason(entry: FaqEntry, reason: FeedbackReason): void;
  send(entry: FaqEntry): void;
}

/** Where the customer is with "Was this helpful?" for one answer. */
export type FeedbackState = { step: 'ask' } | { step: 'reasons'; reason?: FeedbackReason } | { step: 'done'; helpful: boolean };

/** One entry as listed. */
export interface EntryView {
  readonly entry: FaqEntry;
  readonly open: boolean;
  /** The open incident it is about, for "Known issue, updated 10:42". */
  readonly known?: Incident;
  /** Matched ranges by field and index: `question`, `answer:<paragraph>`, `steps:<n>`. */
  readonly marks: ReadonlyMap<string, readonly Range[]>;
  readonly feedback: FeedbackState;
}

const REASON_KEY: Record<FeedbackReason, Key> = { unclear: 'reasonUnclear', 'out-of-date': 'reasonOutdated', 'did-not-solve': 'reasonUnsolved', other: 'reasonOther' };

/** `text` with its matched ranges in `<mark part="highlight">`, everything as text. */
export function highlighted(text: string, ranges: readonly Range[] | undefined): TemplateResult {
  return html`${segments(text, ranges).map((s) => (s.mark ? html`<mark part="highlight">${s.text}</mark>` : s.text))}`;
}

function feedbackTemplate(v: EntryView, f: Formatters, on: FaqActions, contacts: ContactsView): TemplateResult {
  const { entry, feedback } = v;
  const id = `fb-${entry.id}`;
  if (feedback.step === 'done') {
    return html`<p part="feedback" class="muted">${f.t('thanks')}</p>${feedback.helpful ? nothing : contacts(entry)}`;
  }
  if (feedback.step === 'reasons') {
    return html`<fieldset part="feedback" class="reasons">
        <legend>${f.t('reasonLegend')}</legend>
        ${FEEDBACK_REASONS.map(
          (r) => html`<label><input type="radio" name=${id} value=${r} .checked=${feedback.reason === r} @change=${() => on.reason(entry, r)} />
              ${f.t(REASON_KEY[r])}</label>`,
        )}
        <button part="feedback-send" type="button" @click=${() => on.send(entry)}>${f.t('sendFeedback')}</button>
      </fieldset>
      ${contacts(entry)}`;
  }
  return html`<div part="feedback" class="helpful" role="group" aria-labelledby=${id}>
    <span id=${id}>${f.t('helpfulQuestion')}</span>
    <button part="feedback-yes" type="button" @click=${() => on.helpful(entry, true)}>${f.t('yes')}</button>
    <button part="feedback-no" type="button" @click=${() => on.helpful(entry, false)}>${f.t('no')}</button>
  </div>`;
}

export function entryTemplate(v: EntryView, f: Formatters, on: FaqActions, contacts: ContactsView): TemplateResult {
  const { entry, known, marks } = v;
  const { answer } = entry;
  const latest = known?.updates[known.updates.length - 1]?.at ?? known?.startedAt;
  return html`<li>
    <details part="entry" id="faq-${entry.id}" data-id=${entry.id} ?open=${v.open} @toggle=${(e: Event) => on.toggle(e, entry.id)}>
      <summary part="question"><bdi lang=${entry.locale}>${highlighted(entry.question, marks.get('question'))}</bdi>${known && latest
          ? html` <span part="known-issue" class="badge">${f.t('knownIssue', { time: f.when(latest) })}</span>`
          : nothing}</summary>
      <div part="answer" class="answer">
        ${answer.paragraphs.map((p, i) => html`<p dir="auto" lang=${entry.locale}>${highlighted(p, marks.get(`answer:${i}`))}</p>`)}
        ${answer.steps?.length
          ? html`<p class="label">${f.t('steps')}</p>
              <ol part="steps">${answer.steps.map((s, i) => html`<li dir="auto" lang=${entry.locale}>${highlighted(s, marks.get(`steps:${i}`))}</li>`)}</ol>`
          : nothing}
        ${answer.links?.length
          ? html`<ul part="links" class="links">${answer.links.map((l) => html`<li><a href=${l.url}><bdi lang=${entry.locale}>${l.label}</bdi></a></li>`)}</ul>`
          : nothing}
        <p part="updated" class="muted"><time datetime=${entry.updatedAt}>${f.t('updated', { relative: f.relative(entry.updatedAt) })}</time></p>
        ${feedbackTemplate(v, f, on, contacts)}
      </div>
    </details>
  </li>`;
}

/** The heading, search box, categories, count, entries, and the path to a person when nothing is found. */
export function faqTemplate(
  o: {
    headingLevel: number;
    query: string;
    categories: readonly string[];
    category?: string;
    tabindex: (i: number) => number;
    items: readonly EntryView[];
    contacts: ContactsView;
    live: TemplateResult;
  },
  f: Formatters,
  on: FaqActions,
): TemplateResult {
  const q = o.query.trim();
  const count = q ? f.t('resultsFor', { count: o.items.length, query: q }) : f.t('popular');
  const all = [undefined, ...o.categories];
  return html`<section part="faq" class="faq" aria-labelledby="faq-title">
    <div part="title" class="title" id="faq-title" role="heading" aria-level=${o.headingLevel}>${f.t('title')}</div>
    <div part="search" class="search" role="search">
      <label for="q">${f.t('searchLabel')}</label>
      <input id="q" part="search-input" type="search" autocomplete="off" spellcheck="false" dir="auto" .value=${o.query}
        placeholder=${f.t('searchPlaceholder')} aria-describedby="count" aria-controls="list" @input=${on.input} @keydown=${on.keydown} />
    </div>
    ${o.categories.length > 1
      ? html`<div part="categories" class="categories" role="toolbar" aria-label=${f.t('categoriesLabel')} @keydown=${on.categoryKeydown}>
          ${all.map(
            (c, i) => html`<button part="category" type="button" data-category=${c ?? ''} aria-pressed=${o.category === c ? 'true' : 'false'}
              tabindex=${o.tabindex(i)} @click=${() => on.category(c)}>${c === undefined ? f.t('allCategories') : html`<bdi>${c}</bdi>`}</button>`,
          )}
        </div>`
      : nothing}
    <p part="count" class="count" id="count">${count}</p>
    ${o.items.length
      ? html`<ul part="list" class="list" id="list">${o.items.map((v) => entryTemplate(v, f, on, o.contacts))}</ul>`
      : html`<div part="no-results" class="none" id="list">
          <p>${q ? f.t('noResults', { query: q }) : f.t('empty')}</p>
          ${o.contacts(undefined)}
        </div>`}
    ${o.live}
  </section>`;
}
