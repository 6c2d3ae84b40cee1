// Stories of <candor-stepper>: every step status, each orientation, help offered (after failures,
// past the estimate, on request), empty and invalid input, declarative children, and Arabic.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { AssistChannel, OnboardingStep, StepStatus } from '@candor/core/models';
import '@candor/elements/stepper';
import type { StepperOrientation } from '@candor/elements/stepper';
import { onboardingJourney, onboardingJourneyAr } from '../examples/fixtures/onboarding-journey.js';

interface StepperArgs {
  steps: unknown;
  orientation: StepperOrientation;
  current?: string;
  assistChannels: AssistChannel[];
  assistAfterFailures: number;
  /** Width of the box around the stepper, to show `auto` and narrow screens. */
  width?: string;
  /** `lang` of a wrapper around the stepper (the toolbar sets the page's). */
  lang?: string;
}

/**
 * The shared bank account opening journey (12 minutes in all), with the step being worked on
 * ("identity") given `status` and `extra`.
 */
const journey = (status: StepStatus = 'current', extra: Partial<OnboardingStep> = {}): OnboardingStep[] =>
  onboardingJourney.map((s) => (s.id === 'identity' ? { ...s, status, ...extra } : { ...s }));

/** The same journey in Arabic, help offered after two failed attempts. */
const arabicJourney: OnboardingStep[] = onboardingJourneyAr.map((s) => (s.id === 'identity' ? { ...s, failures: 2 } : { ...s }));

const meta: Meta<StepperArgs> = {
  title: 'Components/Stepper',
  component: 'candor-stepper',
  args: {
    steps: journey(),
    orientation: 'auto',
    assistChannels: ['chat', 'call', 'appointment'],
    assistAfterFailures: 2,
    width: '100%',
  },
  argTypes: {
    orientation: { control: 'inline-radio', options: ['auto', 'horizontal', 'vertical'] },
    assistChannels: { control: 'check', options: ['chat', 'call', 'appointment'] },
    assistAfterFailures: { control: { type: 'number', min: 0, max: 10 } },
    width: { control: 'text', description: 'Width of the box around the stepper (story only).', table: { category: 'Story' } },
    lang: { control: 'text', description: '`lang` and `dir` of a wrapper element, as a page would set them (story only).', table: { category: 'Story' } },
  },
  render: (args) => html`<div style="inline-size: ${args.width ?? '100%'}; max-inline-size: 100%" lang=${args.lang ?? nothing} dir=${args.lang ? (args.lang === 'ar' ? 'rtl' : 'ltr') : nothing}>
    <candor-stepper
      .steps=${args.steps as OnboardingStep[]}
      orientation=${args.orientation}
      current=${args.current ?? nothing}
      .assistChannels=${args.assistChannels}
      assist-after-failures=${args.assistAfterFailures}
    ></candor-stepper>
  </div>`,
};
export default meta;

type Story = StoryObj<StepperArgs>;

/** Two steps done, the third in progress: progress is weighted by minutes (3 of 12 = 25 %). */
export const Current: Story = {};

/** Nothing started yet. */
export const Upcoming: Story = {
  args: { steps: journey('upcoming').map((s) => ({ ...s, status: 'upcoming' as const })) },
};

/** Every step done. */
export const Complete: Story = {
  args: { steps: journey('complete').map((s) => ({ ...s, status: 'complete' as const })) },
};

/** The identity check failed once: the step says so in words. */
export const ErrorStatus: Story = { name: 'Error', args: { steps: journey('error', { failures: 1 }) } };

/** Waiting on us: the document is under review, nothing for the customer to do. */
export const Waiting: Story = { args: { steps: journey('waiting') } };

/** The customer said they need help: help is open with the channels. */
export const NeedsHelp: Story = { args: { steps: journey('needs-help') } };

/** An optional step was skipped. */
export const Skipped: Story = {
  args: {
    steps: journey('complete').map((s) =>
      s.id === 'review' ? { ...s, status: 'skipped' as const } : { ...s, status: 'complete' as const },
    ),
  },
};

/** The step being worked on is optional: "Skip this step" is offered. */
export const OptionalStepSkippable: Story = {
  args: {
    steps: journey('complete').map((s) =>
      s.id === 'identity' ? { ...s, status: 'complete' as const } : s.id === 'address' ? { ...s, status: 'current' as const, optional: true } : s,
    ),
  },
};

/** Side by side. */
export const Horizontal: Story = { args: { orientation: 'horizontal' } };

/** Stacked. */
export const Vertical: Story = { args: { orientation: 'vertical' } };

/** `auto` on a 320 px phone: stacks, nothing overflows. */
export const AutoNarrow: Story = { args: { orientation: 'auto', width: '320px' } };

/** Help offered unasked after two failed attempts (assistAfterFailures = 2). */
export const HelpAfterFailures: Story = { args: { steps: journey('current', { failures: 2 }) } };

/** Help offered unasked because the step has run past its 4-minute estimate. */
export const HelpAfterEstimate: Story = {
  args: { steps: journey('current', { startedAt: new Date(Date.now() - 10 * 60_000).toISOString() }) },
};

/** Only a phone line is offered. */
export const CallOnly: Story = { args: { assistChannels: ['call'], steps: journey('needs-help') } };

/** The customer went back to review a completed step. */
export const ReviewingCompletedStep: Story = { args: { current: 'details' } };

/** Invalid steps (a missing title, negative minutes): a short message instead of garbage, and candor-error. */
export const InvalidInput: Story = {
  args: { steps: [{ id: 'identity', estimatedMinutes: -3, status: 'done' }] },
  // The page check makes sure the event reaches the Actions panel.
  parameters: { expectedActions: ['candor-error'] },
};

/** No steps yet. */
export const Empty: Story = { args: { steps: [] } };

/** Arabic, right to left: the list and the progress bar mirror; help offered after failures. */
export const Arabic: Story = { args: { steps: arabicJourney, lang: 'ar' } };

/** Arabic, side by side: the first step sits on the right. */
export const ArabicHorizontal: Story = { args: { steps: arabicJourney, lang: 'ar', orientation: 'horizontal' } };

/** English steps on an Arabic page: the component speaks Arabic and mirrors; the step titles stay as written, set apart from the Arabic text. */
export const EnglishDataOnArabicPage: Story = { args: { steps: journey('current', { failures: 2 }), lang: 'ar' } };

/** Arabic steps on an English page: the component speaks English, left to right; the Arabic titles keep their own direction. */
export const ArabicDataOnEnglishPage: Story = { args: { steps: arabicJourney, lang: 'en' } };

/** Steps declared as <candor-step> children instead of the `steps` property. */
export const DeclarativeSteps: Story = {
  render: (args) => html`<candor-stepper orientation=${args.orientation} assist-channels=${args.assistChannels.join(' ')}>
    <candor-step step-id="details" title="Your details" minutes="2" status="complete"></candor-step>
    <candor-step step-id="identity" title="Verify your identity" minutes="4" status="current">
      The law requires us to confirm who you are before we open an account.
      <ul>
        <li>A passport or national ID card</li>
      </ul>
    </candor-step>
    <candor-step step-id="review" title="Review and submit" minutes="2" optional></candor-step>
  </candor-stepper>`,
};
