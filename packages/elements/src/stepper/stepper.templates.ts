/** The templates of `<candor-stepper>`: pure functions of the derived journey, the localisation and callbacks. */
import { html, nothing, type TemplateResult } from 'lit';
import type { AssistChannel, OnboardingStep, StepStatus } from '@candor/core/models';
import type { LocalizeController } from '../shared/localize.js';
import { isDone } from './progress.js';
import { ACTIVE, reachable, showsHelp, type Journey, type Offer } from './stepper.logic.js';
import type { StepperMessages } from './stepper.messages.js';

type Localize = LocalizeController<StepperMessages>;

const STATUS_KEY: Record<StepStatus, keyof StepperMessages> = {
  upcoming: 'statusUpcoming',
  current: 'statusCurrent',
  complete: 'statusComplete',
  error: 'statusError',
  waiting: 'statusWaiting',
  'needs-help': 'statusNeedsHelp',
  skipped: 'statusSkipped',
};
const MARKER: Partial<Record<StepStatus, string>> = { complete: '✓', error: '!', waiting: '…', 'needs-help': '?', skipped: '–' };
const CHANNEL_KEY: Record<AssistChannel, keyof StepperMessages> = { call: 'channelCall', chat: 'channelChat', appointment: 'channelAppointment' };
/** The message announced and shown when help is offered for this reason. */
export const OFFER_KEY: Record<Offer, keyof StepperMessages> = {
  failures: 'helpOfferFailures',
  overtime: 'helpOfferOvertime',
  'needs-help': 'helpOfferNeedsHelp',
};

/** What the journey template shows besides the journey itself. */
export interface JourneyView extends Journey {
  channels: readonly AssistChannel[];
  /** Whether the help channels are shown. */
  helpOpen: boolean;
  /** The tabindex of step `i` (roving tabindex). */
  tabindex: (i: number) => number;
  /** The live regions (the component's AnnouncerController). */
  live: TemplateResult;
}

/** What the customer can do. */
export interface JourneyActions {
  keydown: (e: KeyboardEvent) => void;
  activate: (index: number) => void;
  focus: (index: number) => void;
  skip: (step: OnboardingStep) => void;
  toggleHelp: () => void;
  assist: (step: OnboardingStep, channel: AssistChannel) => void;
}

/**
 * Text from the host's data, isolated so it keeps its own direction (an English title on an
 * Arabic page) while staying inline, next to its marker, bullet or label.
 */
const data = (text: string) => html`<bdi>${text}</bdi>`;

/** Header (position, time left, progress bar), the list of steps, the details of the step shown and the live region. */
export function journeyTemplate(view: JourneyView, t: Localize, on: JourneyActions): TemplateResult {
  const { steps, index, fraction } = view;
  const timeLeft = view.allDone ? t.t('allDone') : t.t('timeLeft', { count: view.minutesLeft });
  const percent = Math.round(fraction * 100);
  // The fill's width is a property binding (element.style, i.e. CSSOM), not a style="" attribute:
  // pages with a strict CSP (style-src 'self') refuse style attributes, never CSSOM.
  // No indentation inside the markup: template text is shipped as written (minifiers leave it).
  return html`<div part="header">
<p part="summary"><span part="position">${t.t('stepOf', { current: index + 1, total: steps.length })}</span> <span part="time-left">${timeLeft}</span></p>
<div part="progress" role="progressbar" aria-label=${t.t('progressLabel')} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent}
 aria-valuetext=${t.t('progressText', { percent: t.number(fraction, { style: 'percent' }), timeLeft })}>
<div part="progress-indicator" .style=${`--_progress: ${percent}%`}></div>
</div>
</div>
<ol part="list" aria-label=${t.t('listLabel')} @keydown=${on.keydown}>${steps.map((s, i) => stepTemplate(s, i, i === index, view, t, on))}</ol>
${detailsTemplate(view, t, on)}
${view.live}`;
}

function stepTemplate(step: OnboardingStep, i: number, active: boolean, view: JourneyView, t: Localize, on: JourneyActions): TemplateResult {
  return html`<li part="step step-${step.status}${active ? ' step-active' : ''}" data-status=${step.status}>
<button part="step-button" type="button" data-step-id=${step.id} tabindex=${view.tabindex(i)} aria-current=${active ? 'step' : nothing}
 aria-disabled=${reachable(step) ? nothing : 'true'} @click=${() => on.activate(i)} @focus=${() => on.focus(i)}>
<span part="marker" aria-hidden="true">${MARKER[step.status] ?? t.number(i + 1)}</span>
<span class="text"><span part="step-title">${data(step.title)}</span>
<span part="step-status">${t.t(STATUS_KEY[step.status])}${step.optional ? html`<span class="optional">${t.t('optional')}</span>` : nothing}</span></span>
</button>
</li>`;
}

function detailsTemplate(view: JourneyView, t: Localize, on: JourneyActions): TemplateResult {
  const { step } = view;
  const note = step.status === 'waiting' ? t.t('detailWaiting') : step.status === 'error' ? t.t('detailError') : undefined;
  return html`<div part="details">
<p part="details-title">${data(step.title)}</p>
${note ? html`<p part="status-note">${note}</p>` : nothing}
${step.purpose ? html`<div part="purpose"><p class="label">${t.t('whyWeAsk')}</p><p>${data(step.purpose)}</p></div>` : nothing}
${step.requirements?.length
  ? html`<div part="requirements"><p class="label" id="requirements-label">${t.t('youWillNeed')}</p>
<ul aria-labelledby="requirements-label">${step.requirements.map((r) => html`<li>${data(r)}</li>`)}</ul></div>`
  : nothing}
${isDone(step) || step.status === 'upcoming' ? nothing : html`<p part="estimate">${t.t('estimate', { count: Math.ceil(step.estimatedMinutes) })}</p>`}
${step.optional && ACTIVE.includes(step.status) ? html`<button part="skip" type="button" @click=${() => on.skip(step)}>${t.t('skipAction')}</button>` : nothing}
${showsHelp(step, view.channels) ? helpTemplate(view, t, on) : nothing}
</div>`;
}

function helpTemplate({ step, offer, helpOpen, channels }: JourneyView, t: Localize, on: JourneyActions): TemplateResult {
  return html`<div part="help">
${offer ? html`<p part="help-offer">${t.t(OFFER_KEY[offer])}</p>` : nothing}
<button part="help-toggle" type="button" aria-expanded=${helpOpen ? 'true' : 'false'} aria-controls="help-channels" @click=${on.toggleHelp}>${t.t('helpAction')}</button>
<div part="help-channels" id="help-channels" role="group" aria-label=${t.t('helpChannels')} ?hidden=${!helpOpen}>
${channels.map((c) => html`<button part="help-channel" type="button" data-channel=${c} @click=${() => on.assist(step, c)}>${t.t(CHANNEL_KEY[c])}</button>`)}
</div>
</div>`;
}
