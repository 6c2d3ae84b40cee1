/**
 * What `<candor-faq>` loads when it first has `<candor-faq-entry>` children: reading them into the
 * shape of the shared `FaqEntry` model. A panel given `entries` never downloads it; one with
 * children waits for it before its first render, so it never shows an empty list first.
 */
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
