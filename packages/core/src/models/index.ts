/** The data models shared by components, servers and partners. */
export { toValidationIssues, summarizeIssues, type ValidationIssue } from './issues.js';
export { text, identifier, localeTag } from './text.js';
export { systemClock, readClock, clockProblem, type Clock } from './clock.js';
export {
  STEP_STATUSES,
  ASSIST_CHANNELS,
  OnboardingStepSchema,
  OnboardingStepsSchema,
  type StepStatus,
  type AssistChannel,
  type OnboardingStep,
} from './onboarding.js';
export {
  LEGAL_BASES,
  CONSENT_EVENTS,
  ControllerSchema,
  RecipientSchema,
  ConsentPurposeSchema,
  ConsentNoticeSchema,
  ConsentRecordSchema,
  type LegalBasis,
  type ConsentEvent,
  type Controller,
  type Recipient,
  type ConsentPurpose,
  type ConsentNotice,
  type ConsentRecord,
} from './consent.js';
