/** The `<candor-stepper>` class: onboarding progress weighted by effort, with assisted help. */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as z from 'zod/mini';
import { OnboardingStepsSchema, type OnboardingStep, type StepStatus, type ValidationIssue } from '@candor/core/models';
import { CandorElement } from '../shared/candor-element.js';
import { LocalizeController } from '../shared/localize.js';
import { themeStyles } from '../shared/theme.styles.js';
import { reportInvalid } from '../shared/validate.js';
import { AssistRequestEvent } from './events/assist-request-event.js';
import {
  ASSIST_CHANNELS,
  BeforeAssistRequestEvent,
  type AssistChannel,
  type AssistReason,
} from './events/before-assist-request-event.js';
import { BeforeStepChangeEvent } from './events/before-step-change-event.js';
import { StepChangeEvent } from './events/step-change-event.js';
import { BeforeStepSkipEvent } from './events/before-step-skip-event.js';
import { StepSkipEvent } from './events/step-skip-event.js';
import { isDone, weightedProgress } from './progress.js';
import { readStepElement } from './step.component.js';
import { STEPPER_STATE_VERSION, StepperStateSchema, type StepperState } from './stepper-state.js';
import { stepperMessages, type StepperMessages } from './stepper.messages.js';
import { stepperStyles } from './stepper.styles.js';

export { ASSIST_CHANNELS, BeforeAssistRequestEvent, type AssistChannel, type AssistReason, type AssistRequestDetail } from './events/before-assist-request-event.js';
export { AssistRequestEvent } from './events/assist-request-event.js';
export { BeforeStepChangeEvent, type StepChangeDetail } from './events/before-step-change-event.js';
export { StepChangeEvent } from './events/step-change-event.js';
export { BeforeStepSkipEvent, type StepSkipDetail } from './events/before-step-skip-event.js';
export { StepSkipEvent } from './events/step-skip-event.js';
export { STEPPER_STATE_VERSION, StepperStateSchema, type StepperState } from './stepper-state.js';
export { stepperMessages, type StepperMessages } from './stepper.messages.js';
export { weightedProgress } from './progress.js';

/** Layouts: side by side, stacked, or chosen from the available width. */
export type StepperOrientation = 'horizontal' | 'vertical' | 'auto';

/** Why help is shown without being asked for. */
type Offer = 'failures' | 'overtime' | 'needs-help';

const OrientationSchema = z.enum(['horizontal', 'vertical', 'auto']);
const ChannelsSchema = z.array(z.enum(ASSIST_CHANNELS)).check(z.maxLength(ASSIST_CHANNELS.length));
const FailuresThresholdSchema = z.int().check(z.gte(0), z.lte(1000));

/** In `auto`, each step needs this much inline space (px) to sit side by side. */
const MIN_STEP_WIDTH = 144;
/** Statuses on which the customer is actively working, where help can be offered unasked. */
const ACTIVE: readonly StepStatus[] = ['current', 'error', 'needs-help'];
/** setTimeout's maximum delay; longer estimates are re-armed when the timer fires. */
const MAX_DELAY = 2 ** 31 - 1;

const STATUS_KEY: Record<StepStatus, keyof StepperMessages> = {
  upcoming: 'statusUpcoming',
  current: 'statusCurrent',
  complete: 'statusComplete',
  error: 'statusError',
  waiting: 'statusWaiting',
  'needs-help': 'statusNeedsHelp',
  skipped: 'statusSkipped',
};
const MARKER: Partial<Record<StepStatus, string>> = {
  complete: '✓',
  error: '!',
  waiting: '…',
  'needs-help': '?',
  skipped: '–',
};
const CHANNEL_KEY: Record<AssistChannel, keyof StepperMessages> = {
  call: 'channelCall',
  chat: 'channelChat',
  appointment: 'channelAppointment',
};
const OFFER_KEY: Record<Offer, keyof StepperMessages> = {
  failures: 'helpOfferFailures',
  overtime: 'helpOfferOvertime',
  'needs-help': 'helpOfferNeedsHelp',
};

/**
 * Shows where a customer is in an onboarding journey: an ordered list of steps with their
 * status in words, progress weighted by estimated effort, the time left, why each step is
 * asked for, and a way to get help — offered unasked after repeated failures or when a step
 * runs past its estimate. Steps come from the `steps` property or `<candor-step>` children.
 *
 * @summary Onboarding progress with effort-weighted progress, time left and assisted help.
 *
 * @slot - `<candor-step>` elements declaring the steps (used when `steps` is not set). They are not rendered themselves.
 *
 * @csspart base - The themed wrapper (carries `lang`, `dir`, theme).
 * @csspart header - Position, time left and the progress bar.
 * @csspart summary - The "Step 3 of 5" / time-left line.
 * @csspart position - "Step 3 of 5".
 * @csspart time-left - "About 7 minutes left".
 * @csspart progress - The progress bar track (`role="progressbar"`).
 * @csspart progress-indicator - The filled part of the progress bar.
 * @csspart list - The ordered list of steps.
 * @csspart step - Each list item; also `step-<status>` (e.g. `step-complete`) and `step-active` for the step shown.
 * @csspart step-button - The focusable control of a step.
 * @csspart marker - The circle with the step number or status symbol.
 * @csspart step-title - A step's title.
 * @csspart step-status - A step's status in words (and "Optional").
 * @csspart details - The panel about the step shown: status note, why we ask, what you'll need, estimate, help.
 * @csspart details-title - Title of the step shown.
 * @csspart status-note - Explanation for `waiting` and `error` steps.
 * @csspart purpose - "Why we ask".
 * @csspart requirements - "What you'll need".
 * @csspart estimate - The step's estimated time.
 * @csspart skip - The "Skip this step" button of an optional step.
 * @csspart help - The help area.
 * @csspart help-offer - The message shown when help is offered unasked.
 * @csspart help-toggle - The "Get help with this step" button.
 * @csspart help-channels - The group of channel buttons.
 * @csspart help-channel - Each channel button (`data-channel` is call, chat or appointment).
 * @csspart live - The polite live region (visually hidden).
 * @csspart empty - The message shown when there are no steps.
 * @csspart fallback - The message shown instead of invalid steps.
 *
 * @cssprop --candor-color-text - Text colour.
 * @cssprop --candor-color-text-muted - Secondary text (status words, time left).
 * @cssprop --candor-color-surface - Background.
 * @cssprop --candor-color-surface-alt - Progress track, the step shown.
 * @cssprop --candor-color-border - Borders and upcoming markers.
 * @cssprop --candor-color-accent - Progress, current marker, buttons.
 * @cssprop --candor-color-on-accent - Text on the accent colour.
 * @cssprop --candor-color-success - Completed markers.
 * @cssprop --candor-color-warning - Waiting / needs-help markers.
 * @cssprop --candor-color-danger - Error markers.
 * @cssprop --candor-font-family - Font.
 * @cssprop --candor-font-size - Base font size.
 * @cssprop --candor-radius - Corner radius.
 * @cssprop --candor-spacing - Base spacing unit.
 * @cssprop --candor-focus-ring-color - Focus outline colour.
 * @cssprop --candor-focus-ring-width - Focus outline width.
 * @cssprop --candor-transition-duration - Progress animation (0 under reduced motion).
 *
 * @fires {BeforeStepChangeEvent} candor-before-step-change - Cancelable. The user activated another reachable step; detail `{ from, to }`.
 * @fires {StepChangeEvent} candor-step-change - The user moved to another step; detail `{ from, to }`.
 * @fires {BeforeStepSkipEvent} candor-before-step-skip - Cancelable. The customer chose to skip an optional step; detail `{ stepId }`.
 * @fires {StepSkipEvent} candor-step-skip - An optional step was marked skipped; detail `{ stepId }`.
 * @fires {BeforeAssistRequestEvent} candor-before-assist-request - Cancelable. The customer picked a help channel; detail `{ stepId, channel, reason }`.
 * @fires {AssistRequestEvent} candor-assist-request - The customer asked for help; detail `{ stepId, channel, reason }` (reason: user, failures, overtime).
 * @fires {CandorErrorEvent} candor-error - Steps, children, a property or a restored state were invalid; detail `{ component, property, issues, message }`.
 *
 * @example
 * <candor-stepper assist-channels="chat call"></candor-stepper>
 * <script type="module">
 *   import '@candor/elements/stepper';
 *   document.querySelector('candor-stepper').steps = [
 *     { id: 'details', title: 'Your details', estimatedMinutes: 2, status: 'complete' },
 *     { id: 'identity', title: 'Verify your identity', estimatedMinutes: 3, status: 'current',
 *       purpose: 'The law requires us to confirm who you are.' },
 *   ];
 * </script>
 */
export class CandorStepper extends CandorElement {
  static override styles = [themeStyles, stepperStyles];

  protected readonly localize = new LocalizeController<StepperMessages>(this, {
    component: 'candor-stepper',
    messages: stepperMessages,
  });

  /** The journey's steps (shared `OnboardingStep` model). When unset, `<candor-step>` children are used. */
  @property({ attribute: false }) steps?: OnboardingStep[];

  /** Id of the step shown. Defaults to the first step being worked on; changes when the user moves to a step. */
  @property({ reflect: true }) current?: string;

  /** `horizontal`, `vertical`, or `auto` (side by side when every step gets at least 144 px). */
  @property({ reflect: true }) orientation: StepperOrientation = 'auto';

  /** Help channels offered, in order (`call`, `chat`, `appointment`); attribute: space-separated. Empty hides help. */
  @property({
    attribute: 'assist-channels',
    converter: {
      fromAttribute: (v: string | null) => (v ?? '').split(/[\s,]+/).filter(Boolean),
      toAttribute: (v: unknown) => (Array.isArray(v) ? v.join(' ') : v),
    },
  })
  assistChannels: AssistChannel[] = ['chat', 'call', 'appointment'];

  /** Offer help unasked once a step has failed this many times (0 turns it off). */
  @property({ type: Number, attribute: 'assist-after-failures' }) assistAfterFailures = 2;

  /** Clock (ms since epoch) for running past a step's estimate; replace it in tests and simulations. */
  @property({ attribute: false }) now: () => number = () => Date.now();

  /** Steps read from `<candor-step>` children (unvalidated). */
  @state() private childSteps: Record<string, unknown>[] = [];
  /** Resolved layout (from `orientation` and, in auto, the width). */
  @state() private layout: 'horizontal' | 'vertical' = 'vertical';
  /** Text of the polite live region. */
  @state() private announcement = '';
  /** The user opened (true) or closed (false) the help channels; undefined follows the offer. */
  @state() private helpOpen?: boolean;
  /** Index of the step that takes Tab focus (roving tabindex). */
  @state() private focusIndex = 0;

  /** Validated steps, `null` when there are none, `undefined` when the input was invalid. */
  #steps: OnboardingStep[] | null | undefined = null;
  #channels: AssistChannel[] = [];
  #threshold = 2;
  #lastCurrent?: string;
  #lastOffer?: string;
  #childJson = '';
  #timer?: ReturnType<typeof setTimeout>;
  #childObserver?: MutationObserver;
  #resizeObserver?: ResizeObserver;
  #observed?: Element;
  #width = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readChildren();
    this.#childObserver = new MutationObserver(() => this.#readChildren());
    this.#childObserver.observe(this, { childList: true, subtree: true, attributes: true, characterData: true });
    // Observes a zero-height sizer, not the host: switching layout changes the host's height,
    // which would feed back into the observation (a ResizeObserver loop); the sizer's width does not change.
    this.#resizeObserver = new ResizeObserver((entries) => {
      this.#width = entries[entries.length - 1]?.contentRect.width ?? 0;
      this.#updateLayout();
    });
    this.#observed = undefined;
    if (this.hasUpdated) {
      this.#observeSizer();
      this.#armOvertimeTimer();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#childObserver?.disconnect();
    this.#resizeObserver?.disconnect();
    clearTimeout(this.#timer);
  }

  // ——— input ———

  #readChildren(): void {
    const data = [...this.children].filter((c) => c.localName === 'candor-step').map(readStepElement);
    const json = JSON.stringify(data);
    if (json !== this.#childJson) {
      this.#childJson = json;
      this.childSteps = data;
    }
  }

  #updateLayout(): void {
    const count = this.#steps?.length ?? 0;
    const fits = count > 0 && this.#width >= count * MIN_STEP_WIDTH;
    const orientation = OrientationSchema.safeParse(this.orientation).data ?? 'auto';
    this.layout = orientation === 'auto' ? (fits ? 'horizontal' : 'vertical') : orientation;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('steps') || changed.has('childSteps')) {
      const fromChildren = this.steps === undefined;
      const source: unknown = fromChildren ? this.childSteps : this.steps;
      this.#steps =
        Array.isArray(source) && source.length === 0
          ? null
          : this.accept(fromChildren ? 'children' : 'steps', OnboardingStepsSchema, source) ?? undefined;
    }
    if (changed.has('assistChannels')) {
      const ok = this.accept('assistChannels', ChannelsSchema, this.assistChannels);
      this.#channels = ok ?? (Array.isArray(this.assistChannels) ? this.assistChannels : []).filter((c) => ASSIST_CHANNELS.includes(c));
    }
    if (changed.has('assistAfterFailures')) this.#threshold = this.accept('assistAfterFailures', FailuresThresholdSchema, this.assistAfterFailures) ?? 2;
    if (changed.has('orientation')) this.accept('orientation', OrientationSchema, this.orientation);
    this.#updateLayout();
    this.#announceChanges();
  }

  /** Queues "Step 3 of 5: …" when the shown step changes and the help offer when it appears. */
  #announceChanges(): void {
    const steps = this.#steps;
    if (!steps) return;
    const index = this.#currentIndex(steps);
    const step = steps[index]!;
    const parts: string[] = [];
    if (this.#lastCurrent !== undefined && this.#lastCurrent !== step.id) {
      parts.push(this.localize.t('stepOfTitled', { current: index + 1, total: steps.length, title: step.title }));
      this.helpOpen = undefined;
    }
    // The Tab stop follows the step shown; it stays where the user arrowed to otherwise.
    if (this.#lastCurrent !== step.id || this.focusIndex >= steps.length) this.focusIndex = index;
    const offer = this.#offer(step);
    const offerKey = offer && `${step.id}:${offer}`;
    if (offerKey && offerKey !== this.#lastOffer) parts.push(this.localize.t(OFFER_KEY[offer]));
    this.#lastOffer = offerKey;
    this.#lastCurrent = step.id;
    if (parts.length) this.announcement = parts.join(' ');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#observeSizer();
    this.#armOvertimeTimer();
  }

  #observeSizer(): void {
    const sizer = this.renderRoot.querySelector('.sizer');
    if (!sizer || sizer === this.#observed) return;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver?.observe(sizer);
    this.#observed = sizer;
  }

  /** Re-renders when the shown step reaches the end of its estimate, so help is offered on time. */
  #armOvertimeTimer(): void {
    clearTimeout(this.#timer);
    const steps = this.#steps;
    const step = steps?.[this.#currentIndex(steps)];
    const deadline = step && this.#deadline(step);
    if (deadline === undefined) return;
    const wait = deadline - this.#clock();
    if (wait > 0) this.#timer = setTimeout(() => this.requestUpdate(), Math.min(wait + 1, MAX_DELAY));
  }

  // ——— derived state ———

  /** The host's clock, or the real one if it is not a function or throws (never break rendering). */
  #clock(): number {
    try {
      const t = typeof this.now === 'function' ? this.now() : NaN;
      return Number.isFinite(t) ? t : Date.now();
    } catch {
      return Date.now();
    }
  }

  /** The step shown: `current` if it names a step, else the first being worked on, else the first not started, else the last. */
  #currentIndex(steps: readonly OnboardingStep[]): number {
    const pick = [
      steps.findIndex((s) => s.id === this.current),
      steps.findIndex((s) => ACTIVE.includes(s.status)),
      steps.findIndex((s) => s.status === 'upcoming'),
    ].find((i) => i >= 0);
    return pick ?? steps.length - 1;
  }

  #deadline(step: OnboardingStep): number | undefined {
    if (!step.startedAt || step.estimatedMinutes <= 0 || !ACTIVE.includes(step.status)) return undefined;
    return Date.parse(step.startedAt) + step.estimatedMinutes * 60_000;
  }

  /** Why help should be shown for `step` without being asked, if at all. */
  #offer(step: OnboardingStep): Offer | undefined {
    if (!this.#channels.length || !ACTIVE.includes(step.status)) return undefined;
    if (step.status === 'needs-help') return 'needs-help';
    if (this.#threshold > 0 && (step.failures ?? 0) >= this.#threshold) return 'failures';
    const deadline = this.#deadline(step);
    if (deadline !== undefined && this.#clock() >= deadline) return 'overtime';
    return undefined;
  }

  /** The customer can open completed and in-progress steps; not-yet-started ones wait their turn. */
  #reachable(step: OnboardingStep): boolean {
    return step.status !== 'upcoming';
  }

  #buttons(): HTMLButtonElement[] {
    return [...(this.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="step-button"]') ?? [])];
  }

  // ——— event handlers ———

  #onKeyDown(e: KeyboardEvent): void {
    const count = this.#steps?.length ?? 0;
    const back = this.localize.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const forward = this.localize.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    let next: number;
    if (e.key === forward || e.key === 'ArrowDown') next = this.focusIndex + 1;
    else if (e.key === back || e.key === 'ArrowUp') next = this.focusIndex - 1;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = count - 1;
    else return;
    e.preventDefault();
    this.focusIndex = Math.max(0, Math.min(count - 1, next));
    void this.updateComplete.then(() => this.#buttons()[this.focusIndex]?.focus());
  }

  #activate(index: number): void {
    const steps = this.#steps;
    const to = steps?.[index];
    if (!steps || !to || !this.#reachable(to)) return;
    const from = steps[this.#currentIndex(steps)]?.id;
    if (from === to.id) return;
    if (!this.dispatchEvent(new BeforeStepChangeEvent({ from, to: to.id }))) return;
    this.current = to.id;
    this.dispatchEvent(new StepChangeEvent({ from, to: to.id }));
  }

  #skip(step: OnboardingStep): void {
    if (!this.dispatchEvent(new BeforeStepSkipEvent({ stepId: step.id }))) return;
    this.#patch((s) => (s.id === step.id ? { status: 'skipped' } : undefined));
    // Move on to the next step to work on rather than staying on the skipped one.
    if (this.current === step.id) this.current = undefined;
    this.dispatchEvent(new StepSkipEvent({ stepId: step.id }));
  }

  #requestAssist(step: OnboardingStep, channel: AssistChannel): void {
    const offer = this.#offer(step);
    const reason: AssistReason = offer === 'failures' || offer === 'overtime' ? offer : 'user';
    const detail = { stepId: step.id, channel, reason };
    if (!this.dispatchEvent(new BeforeAssistRequestEvent(detail))) return;
    this.dispatchEvent(new AssistRequestEvent(detail));
  }

  // ——— public methods ———

  /**
   * The journey's progress as a JSON-safe, versioned object to store and resume later (on any
   * device) with {@link restoreState}. `undefined` while there are no valid steps.
   *
   * @example
   * localStorage.setItem('journey', JSON.stringify(stepper.saveState()));
   */
  saveState(): StepperState | undefined {
    const steps = this.#steps;
    if (!steps) return undefined;
    return {
      version: STEPPER_STATE_VERSION,
      current: steps[this.#currentIndex(steps)]!.id,
      steps: steps.map((s) => ({
        id: s.id,
        status: s.status,
        failures: s.failures ?? 0,
        ...(s.startedAt ? { startedAt: s.startedAt } : {}),
      })),
    };
  }

  /**
   * Validates a saved state (object or JSON string) and applies its statuses, failures, start
   * times and current step. Returns false, fires `candor-error` and changes nothing when the
   * state is invalid or names steps this journey does not have. Never throws.
   *
   * @example
   * stepper.restoreState(JSON.parse(localStorage.getItem('journey') ?? 'null'));
   */
  restoreState(input: unknown): boolean {
    let value = input;
    if (typeof input === 'string') {
      try {
        value = JSON.parse(input);
      } catch {
        return this.#reject('restoreState', [{ path: '(root)', message: '(root) is not valid JSON; pass the object saveState() returned' }]);
      }
    }
    const saved = this.accept('restoreState', StepperStateSchema, value);
    if (!saved) return false;
    const steps = this.#steps;
    if (!steps) return this.#reject('restoreState', [{ path: '(root)', message: '(root) cannot be applied: the stepper has no valid steps yet; set steps first' }]);
    const known = new Set(steps.map((s) => s.id));
    const issues: ValidationIssue[] = saved.steps.flatMap((s, i) =>
      known.has(s.id) ? [] : [{ path: `steps.${i}.id`, message: `steps.${i}.id "${s.id}" is not a step of this journey` }],
    );
    if (saved.current !== undefined && !known.has(saved.current))
      issues.push({ path: 'current', message: `current "${saved.current}" is not a step of this journey` });
    if (issues.length) return this.#reject('restoreState', issues);
    const byId = new Map(saved.steps.map((s) => [s.id, s]));
    this.#patch((s) => {
      const p = byId.get(s.id);
      return p ? { status: p.status, failures: p.failures, startedAt: p.startedAt } : undefined;
    });
    this.current = saved.current;
    return true;
  }

  /**
   * Counts a failed attempt on a step (default: the step shown); help is offered once a step
   * reaches `assistAfterFailures`.
   *
   * @example
   * if (!documentAccepted) stepper.recordFailure('identity');
   */
  recordFailure(stepId?: string): void {
    const steps = this.#steps;
    if (!steps) return;
    const id = stepId ?? steps[this.#currentIndex(steps)]!.id;
    this.#patch((s) => (s.id === id ? { failures: (s.failures ?? 0) + 1 } : undefined));
  }

  #reject(property: string, issues: ValidationIssue[]): false {
    reportInvalid(this, 'candor-stepper', property, issues);
    return false;
  }

  /** Applies progress changes to wherever the steps come from: a new `steps` array, or the children's attributes. */
  #patch(change: (s: OnboardingStep) => Partial<Pick<OnboardingStep, 'status' | 'failures' | 'startedAt'>> | undefined): void {
    const steps = this.#steps;
    if (!steps) return;
    if (this.steps !== undefined) {
      this.steps = steps.map((s) => {
        const c = change(s);
        if (!c) return s;
        const next: OnboardingStep = { ...s, ...c };
        if (next.startedAt === undefined) delete next.startedAt;
        if (next.failures === undefined) delete next.failures;
        return next;
      });
      return;
    }
    for (const el of this.children) {
      if (el.localName !== 'candor-step') continue;
      const s = steps.find((x) => x.id === el.getAttribute('step-id'));
      const c = s && change(s);
      if (!c) continue;
      if (c.status) el.setAttribute('status', c.status);
      if ('failures' in c) c.failures === undefined ? el.removeAttribute('failures') : el.setAttribute('failures', String(c.failures));
      if ('startedAt' in c) c.startedAt === undefined ? el.removeAttribute('started-at') : el.setAttribute('started-at', c.startedAt);
    }
    this.#readChildren();
  }

  // ——— rendering ———

  override render(): TemplateResult {
    const steps = this.#steps;
    const content =
      steps === undefined
        ? this.renderFallback(this.localize.t('invalid'))
        : steps === null
          ? html`<p part="empty">${this.localize.t('empty')}</p>`
          : this.#renderJourney(steps);
    return this.frame(html`<div class="sizer"></div>${content}`, this.layout);
  }

  #renderJourney(steps: OnboardingStep[]): TemplateResult {
    const t = this.localize;
    const index = this.#currentIndex(steps);
    const { fraction, minutesLeft } = weightedProgress(steps);
    const allDone = steps.every(isDone);
    const timeLeft = allDone ? t.t('allDone') : t.t('timeLeft', { count: minutesLeft });
    const percent = Math.round(fraction * 100);
    return html`
      <div part="header">
        <p part="summary">
          <span part="position">${t.t('stepOf', { current: index + 1, total: steps.length })}</span>
          <span part="time-left">${timeLeft}</span>
        </p>
        <div
          part="progress"
          role="progressbar"
          aria-label=${t.t('progressLabel')}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${percent}
          aria-valuetext=${t.t('progressText', { percent: t.number(fraction, { style: 'percent' }), timeLeft })}
        >
          <div part="progress-indicator" style="inline-size: ${percent}%"></div>
        </div>
      </div>
      <ol part="list" aria-label=${t.t('listLabel')} @keydown=${this.#onKeyDown}>
        ${steps.map((s, i) => this.#renderStep(s, i, i === index))}
      </ol>
      ${this.#renderDetails(steps[index]!)}
      <div part="live" class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }

  #renderStep(step: OnboardingStep, i: number, active: boolean): TemplateResult {
    const reachable = this.#reachable(step);
    return html`<li part="step step-${step.status}${active ? ' step-active' : ''}" data-status=${step.status}>
      <button
        part="step-button"
        type="button"
        data-step-id=${step.id}
        tabindex=${i === this.focusIndex ? 0 : -1}
        aria-current=${active ? 'step' : nothing}
        aria-disabled=${reachable ? nothing : 'true'}
        @click=${() => this.#activate(i)}
        @focus=${() => (this.focusIndex = i)}
      >
        <span part="marker" aria-hidden="true">${MARKER[step.status] ?? this.localize.number(i + 1)}</span>
        <span class="text">
          <span part="step-title">${step.title}</span>
          <span part="step-status"
            >${this.localize.t(STATUS_KEY[step.status])}${step.optional
              ? html`<span class="optional">${this.localize.t('optional')}</span>`
              : nothing}</span
          >
        </span>
      </button>
    </li>`;
  }

  #renderDetails(step: OnboardingStep): TemplateResult {
    const t = this.localize;
    const note = step.status === 'waiting' ? t.t('detailWaiting') : step.status === 'error' ? t.t('detailError') : undefined;
    return html`<div part="details">
      <p part="details-title">${step.title}</p>
      ${note ? html`<p part="status-note">${note}</p>` : nothing}
      ${step.purpose
        ? html`<div part="purpose"><p class="label">${t.t('whyWeAsk')}</p><p>${step.purpose}</p></div>`
        : nothing}
      ${step.requirements?.length
        ? html`<div part="requirements">
            <p class="label" id="requirements-label">${t.t('youWillNeed')}</p>
            <ul aria-labelledby="requirements-label">${step.requirements.map((r) => html`<li>${r}</li>`)}</ul>
          </div>`
        : nothing}
      ${isDone(step) || step.status === 'upcoming'
        ? nothing
        : html`<p part="estimate">${t.t('estimate', { count: Math.ceil(step.estimatedMinutes) })}</p>`}
      ${step.optional && ACTIVE.includes(step.status)
        ? html`<button part="skip" type="button" @click=${() => this.#skip(step)}>${t.t('skipAction')}</button>`
        : nothing}
      ${this.#renderHelp(step)}
    </div>`;
  }

  #renderHelp(step: OnboardingStep): TemplateResult | typeof nothing {
    if (!this.#channels.length || !(ACTIVE.includes(step.status) || step.status === 'waiting')) return nothing;
    const offer = this.#offer(step);
    const open = this.helpOpen ?? offer !== undefined;
    return html`<div part="help">
      ${offer ? html`<p part="help-offer">${this.localize.t(OFFER_KEY[offer])}</p>` : nothing}
      <button
        part="help-toggle"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="help-channels"
        @click=${() => (this.helpOpen = !open)}
      >
        ${this.localize.t('helpAction')}
      </button>
      <div part="help-channels" id="help-channels" role="group" aria-label=${this.localize.t('helpChannels')} ?hidden=${!open}>
        ${this.#channels.map(
          (c) => html`<button part="help-channel" type="button" data-channel=${c} @click=${() => this.#requestAssist(step, c)}>
            ${this.localize.t(CHANNEL_KEY[c])}
          </button>`,
        )}
      </div>
    </div>`;
  }
}
