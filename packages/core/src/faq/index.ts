/**
 * @candor/core/faq: helpers over the FAQ model (`FaqEntrySchema`, `ContactChannelSchema` in
 * `@candor/core/models`): search that runs in the page, when a contact channel is open, and
 * schema.org JSON-LD for server-rendered pages.
 */
export { channelAvailability, type ChannelAvailability, type ChannelAvailabilityOptions, type ChannelClosureNote } from './availability.js';
export { faqJsonLd, faqJsonLdScript, answerText, type FaqJsonLd, type FaqJsonLdQuestion, type FaqJsonLdOptions } from './json-ld.js';
export { createFaqIndex, indexFaqEntries, FAQ_FIELD_WEIGHTS, MAX_QUERY_WORDS, type FaqField, type FaqIndex, type FaqIndexOptions, type FaqMatch, type FaqSearchOptions, type FaqSearchResult } from './search.js';
export { MIN_STEM, normalizeTerm, stemTerm, tokenize, type Token } from './normalize.js';
