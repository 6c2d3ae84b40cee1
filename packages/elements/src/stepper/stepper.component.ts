/** The `<candor-stepper>` class: onboarding progress weighted by effort, with assisted help. */
import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import * as z from 'zod/mini';
import { ASSIST_CHANNELS, OnboardingStepSchema, OnboardingStepsSchema, systemClock, type AssistChannel, type Clock, type OnboardingStep, type ValidationIssue } from '@candor/core/models';
import { AnnouncerController } from '../shared/announcer-controller.js';
import { CandorElement } from '../shared/candor-element.js';
import { ChildrenController } from '../shared/children-controller.js';
import { ClockController } from '../shared/clock-controller.js';
import { LocalizeController } from '../shared/localize.js';
import { ResizeController } from '../shared/resize-controller.js';
import { RovingTabindexController } from '../shared/roving-tabindex-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { reportBadClock, reportInvalid } from '../shared/validate.js';
import { AssistRequestEvent } from './events/assist-request-event.js';
import { BeforeAssistRequestEvent, type AssistReason } from './events/before-assist-request-event.js';
import { BeforeStepChangeEvent } from './events/before-step-change-event.js';
import { StepChangeEvent } from './events/step-change-event.js';
import { BeforeStepSkipEvent } from './events/before-step-skip-event.js';
import { StepSkipEvent } from './events/step-skip-event.js';
import { readStepElement } from './step.component.js';
import {
  applyProgress,
  applyState,
  recordProgress,
  saveState,
  StepperStateSchema,
  type ProgressOverlay,
  type StepperState,
  type StepProgress,
} from './stepper-state.js';
import { journey, layoutFor, reachable, type Journey } from './stepper.logic.js';
import { stepperMessages, type StepperMessages } from './stepper.messages.js';
import { stepperStyles } from './stepper.styles.js';
import { journeyTemplate, OFFER_KEY } from './stepper.templates.js';

export { ASSIST_CHANNELS, type AssistChannel } from '@candor/core/models';
export { BeforeAssistRequestEvent, type AssistReason, type AssistRequestDetail } from './events/before-assist-request-event.js';
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

const OrientationSchema = z.enum(['horizontal', 'vertical', 'auto']);
const ChannelsSchema = z.array(z.enum(ASSIST_CHANNELS)).check(z.maxLength(ASSIST_CHANNELS.length));
/** The failure threshold counts failures: the model's own failures field (a whole number, 0–1000). */
const FailuresThresholdSchema = OnboardingStepSchema.shape.failures;
/** What the console warning of a rejected restoreState() says happened. */
/** The help channels offered when the page names none, in order. */
const DEFAULT_CHANNELS: readonly AssistChannel[] = ['chat', 'call', 'appointment'];
const NOT_RESTORED = 'Nothing was restored.';

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
 * @csspart step-title - A step's title (host text, isolated in a `<bdi>` so it keeps its own direction).
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
  /** Reactive properties and state; each is documented where it is declared below. */
  static override properties: PropertyDeclarations = {
    steps: { attribute: false },
    current: { reflect: true },
    orientation: { reflect: true },
    assistChannels: {
      attribute: 'assist-channels',
      converter: {
        fromAttribute: (v: string | null) => (v ?? '').split(/[\s,]+/).filter(Boolean),
        toAttribute: (v: unknown) => (Array.isArray(v) ? v.join(' ') : v),
      },
    },
    assistAfterFailures: { type: Number, attribute: 'assist-after-failures' },
    now: { attribute: false },
    helpOpen: { state: true, attribute: false },
  };

  protected readonly localize = new LocalizeController<StepperMessages>(this, {
    component: 'candor-stepper',
    messages: stepperMessages,
  });
  readonly #children = new ChildrenController<Record<string, unknown>[]>(
    this,
    () => [...this.children].filter((c) => c.localName === 'candor-step').map(readStepElement),
    [],
  );
  readonly #clock = new ClockController(this, () => this.now);
  readonly #live = new AnnouncerController(this);
  // A zero-height sizer, not the host: switching layout changes the host's height, which would
  // feed back into the observation (a ResizeObserver loop); the sizer's width does not change.
  readonly #size = new ResizeController(this, () => this.renderRoot.querySelector('.sizer'));
  readonly #roving = new RovingTabindexController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="step-button"]')],
    dir: () => this.localize.dir,
  });

  /** The journey's steps (shared `OnboardingStep` model). When unset, `<candor-step>` children are used. */
  steps?: OnboardingStep[];

  /** Id of the step shown. Defaults to the first step being worked on; changes when the user moves to a step. */
  current?: string;

  /** `horizontal`, `vertical`, or `auto` (side by side when every step gets at least 144 px). */
  orientation: StepperOrientation = 'auto';

  /** Help channels offered, in order (`call`, `chat`, `appointment`); attribute: space-separated. Empty hides help. */
  assistChannels: AssistChannel[] = [...DEFAULT_CHANNELS];

  /** Offer help unasked once a step has failed this many times (0 turns it off). */
  assistAfterFailures = 2;

  /** The clock (`() => Date`, the shared `Clock`) for running past a step's estimate; replace it in tests and simulations. A clock that is not a function, throws or returns no valid `Date` fires `candor-error` and the real time is used. */
  now: Clock = systemClock;

  /** The user opened (true) or closed (false) the help channels; undefined follows the offer. */
  private helpOpen?: boolean;

  /** The steps input last validated (the `steps` array or the children's data), so each is validated once. */
  #input?: unknown;
  /** Validated host steps, `null` when there are none, `undefined` when the input was invalid. */
  #source: OnboardingStep[] | null | undefined = null;
  /** Progress recorded by the stepper itself, applied over the host's steps. */
  #overlay: ProgressOverlay = new Map();
  /** The derived state of this update (undefined without valid steps). */
  #journey?: Journey;
  #channels: readonly AssistChannel[] = [];
  #threshold = 2;
  #orientation: StepperOrientation = 'auto';
  #layout: 'horizontal' | 'vertical' = 'vertical';
  #lastCurrent?: string;
  #lastOffer?: string;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const fromChildren = this.steps === undefined;
    const input: unknown = fromChildren ? this.#children.value : this.steps;
    if (input !== this.#input) {
      this.#input = input;
      this.#source =
        Array.isArray(input) && input.length === 0 ? null : this.accept(fromChildren ? 'children' : 'steps', OnboardingStepsSchema, input) ?? undefined;
    }
    if (changed.has('assistChannels')) {
      // Unset (a framework dropping the prop): the default channels.
      const ok = this.assistChannels == null ? DEFAULT_CHANNELS : this.accept('assistChannels', ChannelsSchema, this.assistChannels, 'Only the known channels are offered.');
      this.#channels = ok ?? (Array.isArray(this.assistChannels) ? this.assistChannels : []).filter((c) => ASSIST_CHANNELS.includes(c));
    }
    if (changed.has('assistAfterFailures'))
      this.#threshold = this.option('assistAfterFailures', FailuresThresholdSchema, this.assistAfterFailures, 2, 'The default, 2, is used.') ?? 2;
    if (changed.has('now')) reportBadClock(this, 'candor-stepper', this.now);
    if (changed.has('orientation')) this.#orientation = this.option('orientation', OrientationSchema, this.orientation, 'auto', 'auto is used.');
    this.#derive();
    this.#layout = layoutFor(this.#orientation, this.#size.width, this.#journey?.steps.length ?? 0);
    this.#announceChanges();
  }

  /** Applies the recorded progress to the host's steps and derives what to show, once per update. */
  #derive(): void {
    if (!this.#source) {
      this.#journey = undefined;
      return;
    }
    const { steps, overlay } = applyProgress(this.#source, this.#overlay);
    this.#overlay = overlay;
    this.#journey = journey(steps, { current: this.current, channels: this.#channels, threshold: this.#threshold, now: this.#clock.now().getTime() });
  }

  /** Queues "Step 3 of 5: …" when the shown step changes and the help offer when it appears. */
  #announceChanges(): void {
    const j = this.#journey;
    if (!j) return;
    const { index, step, offer } = j;
    const parts: string[] = [];
    if (this.#lastCurrent !== undefined && this.#lastCurrent !== step.id) {
      parts.push(this.localize.t('stepOfTitled', { current: index + 1, total: j.steps.length, title: step.title }));
      this.helpOpen = undefined;
    }
    // The Tab stop follows the step shown; it stays where the user arrowed to otherwise.
    if (this.#lastCurrent !== step.id || this.#roving.index >= j.steps.length) this.#roving.index = index;
    const offerKey = offer && `${step.id}:${offer}`;
    if (offerKey && offerKey !== this.#lastOffer) parts.push(this.localize.t(OFFER_KEY[offer]));
    this.#lastOffer = offerKey;
    this.#lastCurrent = step.id;
    if (parts.length) this.#live.announce(parts.join(' '));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Re-render when the step shown reaches the end of its estimate, so help is offered on time.
    this.#clock.updateAt(this.#journey?.deadline);
  }

  // ——— event handlers ———

  #activate(index: number): void {
    const j = this.#journey;
    const to = j?.steps[index];
    if (!to || !reachable(to)) return;
    const from = j!.step.id;
    if (from === to.id) return;
    if (!this.dispatchEvent(new BeforeStepChangeEvent({ from, to: to.id }))) return;
    this.current = to.id;
    this.dispatchEvent(new StepChangeEvent({ from, to: to.id }));
  }

  #skip(step: OnboardingStep): void {
    if (!this.dispatchEvent(new BeforeStepSkipEvent({ stepId: step.id }))) return;
    this.#record(new Map([[step.id, { status: 'skipped' }]]));
    // Move on to the next step to work on rather than staying on the skipped one.
    if (this.current === step.id) this.current = undefined;
    this.dispatchEvent(new StepSkipEvent({ stepId: step.id }));
  }

  #requestAssist(step: OnboardingStep, channel: AssistChannel): void {
    // Help is only shown for the step shown, so its offer is the journey's.
    const offer = this.#journey?.offer;
    const reason: AssistReason = offer === 'failures' || offer === 'overtime' ? offer : 'user';
    const detail = { stepId: step.id, channel, reason };
    if (!this.dispatchEvent(new BeforeAssistRequestEvent(detail))) return;
    this.dispatchEvent(new AssistRequestEvent(detail));
  }

  /** Records progress the stepper made itself, over the host's steps (never written onto them). */
  #record(changes: ReadonlyMap<string, StepProgress>): void {
    for (const s of this.#source ?? []) {
      const change = changes.get(s.id);
      if (change) this.#overlay = recordProgress(this.#overlay, s, change);
    }
    this.requestUpdate();
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
    this.#derive(); // progress recorded since the last update counts
    const j = this.#journey;
    return j && saveState(j.steps, j.step.id);
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
        return this.#reject([{ path: '(root)', message: '(root) is not valid JSON; pass the object saveState() returned' }]);
      }
    }
    const saved = this.accept('restoreState', StepperStateSchema, value, NOT_RESTORED);
    if (!saved) return false;
    if (!this.#source) return this.#reject([{ path: '(root)', message: '(root) cannot be applied: the stepper has no valid steps yet; set steps first' }]);
    const { issues, progress } = applyState(this.#source, saved);
    if (issues.length) return this.#reject(issues);
    this.#record(progress);
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
    this.#derive();
    const j = this.#journey;
    const step = j?.steps.find((s) => s.id === (stepId ?? j.step.id));
    if (step) this.#record(new Map([[step.id, { failures: (step.failures ?? 0) + 1 }]]));
  }

  #reject(issues: ValidationIssue[]): false {
    reportInvalid(this, 'candor-stepper', 'restoreState', issues, NOT_RESTORED);
    return false;
  }

  // ——— rendering ———

  override render(): TemplateResult {
    const j = this.#journey;
    const content =
      this.#source === undefined
        ? this.renderFallback(this.localize.t('invalid'))
        : !j
          ? html`<p part="empty">${this.localize.t('empty')}</p>`
          : journeyTemplate(
              {
                ...j,
                channels: this.#channels,
                helpOpen: this.helpOpen ?? j.offer !== undefined,
                tabindex: (i) => this.#roving.tabindex(i),
                live: this.#live.regions(),
              },
              this.localize,
              this.#actions,
            );
    return this.frame(html`<div class="sizer"></div>${content}`, this.#layout);
  }

  readonly #actions = {
    keydown: this.#roving.onKeyDown,
    activate: (i: number) => this.#activate(i),
    focus: (i: number) => this.#roving.focus(i, false),
    skip: (s: OnboardingStep) => this.#skip(s),
    toggleHelp: () => (this.helpOpen = !(this.helpOpen ?? this.#journey?.offer !== undefined)),
    assist: (s: OnboardingStep, c: AssistChannel) => this.#requestAssist(s, c),
  };
}
