/** schema.org `FAQPage` structured data for pages that render FAQ entries on a server. */
import { FaqEntriesSchema, type FaqAnswer, type FaqEntry } from '../models/faq.js';
import { parseSecureUrl } from '../lib/urls.js';
import { optionError } from '../lib/options.js';
import { CandorError } from '../errors.js';
import { parseFaqInput } from './validate.js';

/** Options of {@link faqJsonLd}. */
export interface FaqJsonLdOptions {
  /**
   * The https address of the page the entries are shown on. Each question then gets
   * `url: <page>#faq-<id>`, the deep link that opens it in `<candor-faq>`.
   */
  url?: string;
}

/** A schema.org `Question` with its accepted `Answer`, as {@link faqJsonLd} writes it. */
export interface FaqJsonLdQuestion {
  '@type': 'Question';
  name: string;
  inLanguage: string;
  dateModified: string;
  url?: string;
  acceptedAnswer: { '@type': 'Answer'; text: string };
}

/** A schema.org `FAQPage`, as {@link faqJsonLd} writes it. */
export interface FaqJsonLd {
  '@context': 'https://schema.org';
  '@type': 'FAQPage';
  url?: string;
  dateModified: string;
  mainEntity: FaqJsonLdQuestion[];
}

/**
 * An answer as one plain text: paragraphs, then the steps numbered ("1. …"), then each link as
 * "label: url", separated by blank lines (steps by line breaks), so the text says everything the
 * panel shows, links included.
 */
export function answerText(answer: FaqAnswer): string {
  const blocks = [...answer.paragraphs];
  if (answer.steps?.length) blocks.push(answer.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'));
  if (answer.links?.length) blocks.push(answer.links.map((l) => `${l.label}: ${l.url}`).join('\n'));
  return blocks.join('\n\n');
}

/**
 * schema.org `FAQPage` JSON-LD for `entries`, in their order: each a `Question` (`name`, its
 * `inLanguage` and `dateModified`) with an `acceptedAnswer` whose `text` is the whole answer as
 * plain text ({@link answerText}). The page's `dateModified` is that of the latest entry. Put it
 * in the page with {@link faqJsonLdScript}; the entries must also be visible on that page.
 *
 * @throws {CandorError} `invalid_faq` when `entries` fail `FaqEntriesSchema` or are empty (an
 * `FAQPage` needs at least one question), `invalid_options` when `url` is not https.
 * @example
 * const data = faqJsonLd(entries, { url: 'https://bank.example/help' });
 * data.mainEntity[0].acceptedAnswer.text; // "A payment can be declined when …"
 */
export function faqJsonLd(entries: readonly FaqEntry[], options: FaqJsonLdOptions = {}): FaqJsonLd {
  const list: FaqEntry[] = parseFaqInput(FaqEntriesSchema, entries, 'The FAQ entries are not valid');
  if (list.length === 0) {
    const issue = { path: '(root)', message: '(root) must have at least 1 item(s): an FAQPage without questions is not valid structured data' };
    throw new CandorError('invalid_faq', `The FAQ entries are not valid: ${issue.message}.`, { field: issue.path, issues: [issue] });
  }
  let page: URL | undefined;
  if (options?.url !== undefined) {
    page = typeof options.url === 'string' ? parseSecureUrl(options.url) : undefined;
    if (!page) throw optionError('url', 'must be an https URL (the page the entries are shown on).');
    page.hash = '';
  }
  const mainEntity = list.map((e): FaqJsonLdQuestion => ({
    '@type': 'Question',
    name: e.question,
    inLanguage: e.locale,
    dateModified: e.updatedAt,
    ...(page ? { url: `${page.href}#faq-${e.id}` } : {}),
    acceptedAnswer: { '@type': 'Answer', text: answerText(e.answer) },
  }));
  const latest = list.reduce((a, e) => (Date.parse(e.updatedAt) > Date.parse(a.updatedAt) ? e : a));
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    ...(page ? { url: page.href } : {}),
    dateModified: latest.updatedAt,
    mainEntity,
  };
}

/**
 * {@link faqJsonLd} as the text to put between `<script type="application/ld+json">` and
 * `</script>`: every `<`, `>` and `&` is written as a `\u` escape (and U+2028/U+2029 too), so an
 * answer containing `</script>` or `<!--` cannot end the script or open a comment; JSON parsers
 * read the same values.
 *
 * @example
 * const html = `<script type="application/ld+json">${faqJsonLdScript(entries)}</script>`;
 */
export function faqJsonLdScript(entries: readonly FaqEntry[], options: FaqJsonLdOptions = {}): string {
  return JSON.stringify(faqJsonLd(entries, options)).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
