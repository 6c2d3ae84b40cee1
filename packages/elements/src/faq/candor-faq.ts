/** Registers `<candor-faq>` and `<candor-faq-entry>`; import this file (or `@candor/elements/faq`) to use them. */
import { CandorFaqEntry } from './faq-entry.component.js';
import { CandorFaq } from './faq.component.js';

export * from './faq.component.js';
export * from './faq-entry.component.js';

if (!customElements.get('candor-faq')) customElements.define('candor-faq', CandorFaq);
if (!customElements.get('candor-faq-entry')) customElements.define('candor-faq-entry', CandorFaqEntry);

declare global {
  interface HTMLElementTagNameMap {
    'candor-faq': CandorFaq;
    'candor-faq-entry': CandorFaqEntry;
  }
}
