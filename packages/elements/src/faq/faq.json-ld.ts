/** What `<candor-faq json-ld>` loads to write the schema.org FAQPage JSON-LD. */
export { faqJsonLdScript } from '@candor/core/faq';
