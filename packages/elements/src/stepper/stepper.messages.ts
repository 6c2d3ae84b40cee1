/** Every string `<candor-stepper>` shows or announces, in English and Arabic. */
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

const ar: StepperMessages = {
  listLabel: 'خطوات التسجيل',
  progressLabel: 'مدى التقدّم في التسجيل',
  progressText: 'اكتمل {percent}. {timeLeft}',
  stepOf: 'الخطوة {current} من {total}',
  stepOfTitled: 'الخطوة {current} من {total}: {title}',
  timeLeft: {
    zero: 'لم يتبقَّ عليك شيء',
    one: 'بقيت دقيقة واحدة تقريبًا',
    two: 'بقيت دقيقتان تقريبًا',
    few: 'بقيت {count} دقائق تقريبًا',
    many: 'بقيت {count} دقيقة تقريبًا',
    other: 'بقيت {count} دقيقة تقريبًا',
  },
  estimate: {
    zero: 'أقل من دقيقة',
    one: 'دقيقة واحدة تقريبًا',
    two: 'دقيقتان تقريبًا',
    few: '{count} دقائق تقريبًا',
    many: '{count} دقيقة تقريبًا',
    other: '{count} دقيقة تقريبًا',
  },
  allDone: 'اكتملت جميع الخطوات',
  statusUpcoming: 'لم تبدأ بعد',
  statusCurrent: 'جارية الآن',
  statusComplete: 'مكتملة',
  statusError: 'تحتاج إلى انتباهك',
  statusWaiting: 'قيد المراجعة لدينا',
  statusNeedsHelp: 'تحتاج إلى مساعدة',
  statusSkipped: 'تم تخطيها',
  optional: 'اختيارية',
  skipAction: 'تخطَّ هذه الخطوة',
  detailWaiting: 'نراجع ما أرسلته إلينا، ولا يلزمك فعل أي شيء الآن.',
  detailError: 'حدث خطأ في هذه الخطوة. يُرجى المحاولة مرة أخرى.',
  whyWeAsk: 'لماذا نطلب ذلك',
  youWillNeed: 'ما ستحتاج إليه',
  helpAction: 'اطلب المساعدة في هذه الخطوة',
  helpChannels: 'كيف تفضّل أن نساعدك؟',
  channelCall: 'اتصل بنا',
  channelChat: 'تحدّث معنا',
  channelAppointment: 'احجز موعدًا',
  helpOfferFailures: 'لم تنجح هذه الخطوة حتى الآن. هل تريد بعض المساعدة؟',
  helpOfferOvertime: 'تستغرق هذه الخطوة وقتًا أطول من المتوقع. هل تريد بعض المساعدة؟',
  helpOfferNeedsHelp: 'يسعدنا أن نساعدك في هذه الخطوة.',
  invalid: 'يتعذّر عرض تقدّمك الآن.',
  empty: 'لا توجد خطوات لعرضها بعد.',
};

/** Built-in catalogues of `<candor-stepper>`; add locales or override with `registerMessages('candor-stepper', …)`. */
export const stepperMessages = { en, ar };

declare global {
  interface CandorMessageCatalogues {
    'candor-stepper': StepperMessages;
  }
}
