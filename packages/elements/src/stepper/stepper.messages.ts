/** Every string `<candor-stepper>` shows or announces, in English (other languages: `../locales/`). */
import type { MessagesOf } from '../shared/localize.js';

const en = {
  listLabel: 'Onboarding steps',
  progressLabel: 'Onboarding progress',
  progressText: '{percent} complete. {timeLeft}',
  stepOf: 'Step {current} of {total}',
  stepOfTitled: 'Step {current} of {total}: {title}',
  timeLeft: { zero: 'Nothing left for you to do', one: 'About {count} minute left', other: 'About {count} minutes left' },
  estimate: { zero: 'Less than a minute', one: 'About {count} minute', other: 'About {count} minutes' },
  allDone: 'All steps done',
  statusUpcoming: 'Not started',
  statusCurrent: 'In progress',
  statusComplete: 'Done',
  statusError: 'Needs attention',
  statusWaiting: 'Waiting on us',
  statusNeedsHelp: 'Needs help',
  statusSkipped: 'Skipped',
  optional: 'Optional',
  skipAction: 'Skip this step',
  detailWaiting: "We're checking what you sent. You don't need to do anything right now.",
  detailError: 'Something went wrong with this step. Please try again.',
  whyWeAsk: 'Why we ask',
  youWillNeed: "What you'll need",
  helpAction: 'Get help with this step',
  helpChannels: 'How would you like help?',
  channelCall: 'Call us',
  channelChat: 'Chat with us',
  channelAppointment: 'Book an appointment',
  helpOfferFailures: "This step hasn't worked yet. Would you like some help?",
  helpOfferOvertime: 'This step is taking longer than expected. Would you like some help?',
  helpOfferNeedsHelp: 'We can help you with this step.',
  invalid: "We can't show your progress right now.",
  empty: 'No steps to show yet.',
} as const;

/** The keys and shapes every locale of `<candor-stepper>` supplies. */
export type StepperMessages = MessagesOf<typeof en>;


/** Built-in catalogues of `<candor-stepper>`; add locales or override with `registerMessages('candor-stepper', …)`. */
export const stepperMessages = { en };

declare global {
  interface CandorMessageCatalogues {
    'candor-stepper': StepperMessages;
  }
}
