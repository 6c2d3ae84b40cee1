/** Every string `<candor-faq>` shows or announces, ARIA labels included, in English (other languages: `../locales/`). */
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


export const faqMessages = { en };

declare global {
  interface CandorMessageCatalogues {
    'candor-faq': FaqMessages;
  }
}
