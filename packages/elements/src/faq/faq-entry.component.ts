/** `<candor-faq-entry>`: one question and answer declared in markup, read by its parent `<candor-faq>`. */
import { ServerSafeHTMLElement } from '../shared/server-safe-element.js';

/**
 * One entry of a `<candor-faq>` written as markup. It renders nothing itself: the panel reads
 * its attributes and content, validates them like the `entries` property, and re-reads them
 * when they change. `<p>` children are the answer's paragraphs (the element's loose text is one
 * paragraph when there are none), `<ol>`/`<ul>` items its steps, `<a href>` children its links.
 *
 * @summary One question and answer declared as a child of `<candor-faq>`.
 * @attr entry-id - Stable id of the entry (deep link `#faq-<id>`).
 * @attr question - The question, as customers ask it.
 * @attr category - The category it is filed under.
 * @attr keywords - Comma-separated words customers type for it.
 * @attr updated-at - ISO 8601 time the answer was last checked.
 * @attr incidents - Space-separated ids of incidents it answers questions about.
 * @attr services - Space-separated ids of services it is about.
 * @attr priority - 0–1000: how useful it is to most customers (shown first with no query).
 * @attr lang - Its language; default the panel's.
 * @example
 * <candor-faq-entry entry-id="forgot-pin" question="I forgot my PIN" category="Cards" updated-at="2026-10-02T12:00:00Z" keywords="pin, code">
 *   <p>You can see your PIN in the app under Cards.</p>
 *   <ol><li>Open Cards.</li><li>Choose Show PIN.</li></ol>
 * </candor-faq-entry>
 */
export class CandorFaqEntry extends ServerSafeHTMLElement {}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const words = (s: string | null, sep: RegExp): string[] | undefined => {
  const list = (s ?? '').split(sep).map(clean).filter(Boolean);
  return list.length ? list : undefined;
};

/**
 * The unvalidated entry a `<candor-faq-entry>` declares, in the shape of the shared `FaqEntry`
 * model (works whether or not the tag is defined). `locale` is the element's `lang`, else `fallbackLocale`.
 */
export function readFaqEntryElement(el: Element, fallbackLocale: string): Record<string, unknown> {
  const kids = [...el.children];
  const paragraphs = kids.filter((c) => c.localName === 'p').map((p) => clean(p.textContent)).filter(Boolean);
  const loose = clean([...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(' '));
  const steps = kids.filter((c) => c.localName === 'ol' || c.localName === 'ul').flatMap((l) => [...l.querySelectorAll('li')].map((li) => clean(li.textContent)));
  const links = kids.filter((c) => c.localName === 'a').map((a) => ({ label: clean(a.textContent), url: a.getAttribute('href') ?? '' }));
  const priority = el.getAttribute('priority');
  const relatesTo = { incidents: words(el.getAttribute('incidents'), /\s+/), services: words(el.getAttribute('services'), /\s+/) };
  const entry: Record<string, unknown> = {
    id: el.getAttribute('entry-id') ?? undefined,
    question: el.getAttribute('question') ?? undefined,
    answer: { paragraphs: paragraphs.length ? paragraphs : loose ? [loose] : [], ...(steps.length ? { steps } : {}), ...(links.length ? { links } : {}) },
    category: el.getAttribute('category') ?? undefined,
    keywords: words(el.getAttribute('keywords'), /,/),
    locale: el.getAttribute('lang') || fallbackLocale,
    updatedAt: el.getAttribute('updated-at') ?? undefined,
    relatesTo: relatesTo.incidents || relatesTo.services ? relatesTo : undefined,
    priority: priority === null ? undefined : priority.trim() !== '' && Number.isFinite(Number(priority)) ? Number(priority) : priority,
  };
  for (const k of Object.keys(entry)) if (entry[k] === undefined) delete entry[k];
  return entry;
}
