/** What `<candor-faq json-ld>` loads to write the schema.org FAQPage JSON-LD into the document's head. */
import { faqJsonLdScript } from '@candor/core/faq';
import type { FaqEntry } from '@candor/core/models';

/**
 * Writes the JSON-LD of `entries` into `script` (a `<script type="application/ld+json">` made and
 * added to the head when there is none yet) and returns it. Where the page refuses script text
 * (Trusted Types enforcement) it throws an error saying what to do instead.
 */
export function writeJsonLd(script: HTMLScriptElement | undefined, entries: readonly FaqEntry[]): HTMLScriptElement {
  const json = faqJsonLdScript(entries);
  if (script?.text === json) return script;
  const el = script ?? Object.assign(document.createElement('script'), { type: 'application/ld+json' });
  try {
    el.dataset['candorFaq'] = '';
    el.text = json;
    if (!el.isConnected) document.head.append(el);
  } catch (e) {
    throw new Error(`the JSON-LD could not be added (${String(e)}); under Trusted Types, render faqJsonLdScript(entries) on the server`);
  }
  return el;
}
