/** Every string `<candor-faq>` shows or announces, ARIA labels included, in English and Arabic. */
import type { MessagesOf } from '../shared/localize.js';

const en = {
  title: 'Help and answers',
  searchLabel: 'Search the answers',
  searchPlaceholder: 'Type your question, e.g. "card declined"',
  categoriesLabel: 'Categories',
  allCategories: 'All',
  popular: 'Most asked',
  results: { zero: 'No answers', one: '{count} answer', other: '{count} answers' },
  resultsFor: { zero: 'No answers for “{query}”', one: '{count} answer for “{query}”', other: '{count} answers for “{query}”' },
  noResults: 'We found no answer for “{query}”. Try other words, or ask us directly.',
  updated: 'Updated {relative}',
  knownIssue: 'Known issue, updated {time}',
  steps: 'Steps',
  helpfulQuestion: 'Was this helpful?',
  yes: 'Yes',
  no: 'No',
  reasonLegend: 'What was wrong? (optional)',
  reasonUnclear: 'It was unclear',
  reasonOutdated: 'It is out of date',
  reasonUnsolved: 'It did not solve my problem',
  reasonOther: 'Something else',
  sendFeedback: 'Send',
  thanks: 'Thank you for your feedback.',
  contactTitle: 'Talk to a person',
  contactIntro: 'We will pass on your question, so you do not have to repeat it.',
  open: 'open now',
  openUntil: 'open until {time}',
  opensAt: 'opens {time}',
  closed: 'closed',
  always: 'always open',
  replies: {
    one: 'replies in about {count} minute',
    other: 'replies in about {count} minutes',
  },
  repliesHours: { one: 'replies in about {count} hour', other: 'replies in about {count} hours' },
  repliesDays: { one: 'replies within {count} day', other: 'replies within {count} days' },
  channelLine: '{label}: {availability}',
  empty: 'There are no answers here yet.',
  invalid: 'The answers are unavailable right now.',
} as const;

/** The catalogue shape of `<candor-faq>`. */
export type FaqMessages = MessagesOf<typeof en>;

const ar: FaqMessages = {
  title: 'المساعدة والإجابات',
  searchLabel: 'ابحث في الإجابات',
  searchPlaceholder: 'اكتب سؤالك، مثل «رفض البطاقة»',
  categoriesLabel: 'الفئات',
  allCategories: 'الكل',
  popular: 'الأكثر سؤالًا',
  results: { zero: 'لا توجد إجابات', one: 'إجابة واحدة', two: 'إجابتان', few: '{count} إجابات', many: '{count} إجابة', other: '{count} إجابة' },
  resultsFor: {
    zero: 'لا توجد إجابات عن «{query}»',
    one: 'إجابة واحدة عن «{query}»',
    two: 'إجابتان عن «{query}»',
    few: '{count} إجابات عن «{query}»',
    many: '{count} إجابة عن «{query}»',
    other: '{count} إجابة عن «{query}»',
  },
  noResults: 'لم نجد إجابة عن «{query}». جرّب كلمات أخرى أو اسألنا مباشرة.',
  updated: 'حُدّثت {relative}',
  knownIssue: 'مشكلة معروفة، آخر تحديث {time}',
  steps: 'الخطوات',
  helpfulQuestion: 'هل كانت هذه الإجابة مفيدة؟',
  yes: 'نعم',
  no: 'لا',
  reasonLegend: 'ما المشكلة؟ (اختياري)',
  reasonUnclear: 'لم تكن واضحة',
  reasonOutdated: 'معلوماتها قديمة',
  reasonUnsolved: 'لم تحل مشكلتي',
  reasonOther: 'سبب آخر',
  sendFeedback: 'إرسال',
  thanks: 'شكرًا على ملاحظاتك.',
  contactTitle: 'تحدث إلى أحد موظفينا',
  contactIntro: 'سننقل سؤالك إليهم حتى لا تضطر إلى تكراره.',
  open: 'متاح الآن',
  openUntil: 'متاح حتى {time}',
  opensAt: 'يفتح {time}',
  closed: 'مغلق',
  always: 'متاح دائمًا',
  replies: {
    zero: 'يرد فورًا',
    one: 'يرد خلال دقيقة تقريبًا',
    two: 'يرد خلال دقيقتين تقريبًا',
    few: 'يرد خلال {count} دقائق تقريبًا',
    many: 'يرد خلال {count} دقيقة تقريبًا',
    other: 'يرد خلال {count} دقيقة تقريبًا',
  },
  repliesHours: {
    zero: 'يرد خلال ساعة',
    one: 'يرد خلال ساعة تقريبًا',
    two: 'يرد خلال ساعتين تقريبًا',
    few: 'يرد خلال {count} ساعات تقريبًا',
    many: 'يرد خلال {count} ساعة تقريبًا',
    other: 'يرد خلال {count} ساعة تقريبًا',
  },
  repliesDays: {
    zero: 'يرد خلال يوم',
    one: 'يرد خلال يوم واحد',
    two: 'يرد خلال يومين',
    few: 'يرد خلال {count} أيام',
    many: 'يرد خلال {count} يومًا',
    other: 'يرد خلال {count} يوم',
  },
  channelLine: '{label}: {availability}',
  empty: 'لا توجد إجابات هنا بعد.',
  invalid: 'الإجابات غير متاحة حاليًا.',
};

export const faqMessages = { en, ar };

declare global {
  interface CandorMessageCatalogues {
    'candor-faq': FaqMessages;
  }
}
