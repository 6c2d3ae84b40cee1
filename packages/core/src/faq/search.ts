/**
 * createFaqIndex: FAQ search that runs in the page (no query leaves it), with prefixes as the
 * customer types, one typo, and Arabic that works (see normalize.ts for the term rules).
 */
import { CandorError } from '../errors.js';
import { FaqEntriesSchema, type FaqEntry } from '../models/faq.js';
import { localeTag } from '../models/text.js';
import { primaryLanguage } from '../lib/language.js';
import { parseFaqInput } from './validate.js';
import { normalizeTerm, stemTerm, tokenize } from './normalize.js';

/** Where a match is: the question, a keyword, an answer paragraph or an answer step. */
export type FaqField = 'question' | 'keywords' | 'answer' | 'steps';

/** A matched word, as a range of the entry's own text (UTF-16 offsets, end exclusive), for highlighting. */
export interface FaqMatch {
  field: FaqField;
  /** Which keyword, paragraph or step (absent for the question). */
  index?: number;
  start: number;
  end: number;
}

/** One entry found, with its score and its matched words. */
export interface FaqSearchResult {
  entry: FaqEntry;
  /**
   * Higher is better. The whole part is how many of the query's words the entry matches (an
   * entry matching more words always ranks first); the fraction says how well.
   */
  score: number;
  /** The matched words, in field order then text order. */
  matches: FaqMatch[];
}

/** Options of {@link FaqIndex.search}. */
export interface FaqSearchOptions {
  /** At most this many results (default 10). */
  limit?: number;
  /** Only entries of this category. */
  category?: string;
}

/** What {@link createFaqIndex} returns. */
export interface FaqIndex {
  /** Ranked entries for what the customer typed; none for a query without words. */
  search(query: string, options?: FaqSearchOptions): FaqSearchResult[];
  /** How many entries the index holds. */
  readonly size: number;
}

/** Options of {@link createFaqIndex}. */
export interface FaqIndexOptions {
  /** Index only the entries in this language (`ar` takes `ar-EG` too); default: every entry. */
  locale?: string;
}

/**
 * How much a word counts where it is found: the question above the keywords above the answer.
 *
 * @example
 * FAQ_FIELD_WEIGHTS.question > FAQ_FIELD_WEIGHTS.keywords; // true
 */
export const FAQ_FIELD_WEIGHTS: Readonly<Record<FaqField, number>> = Object.freeze({ question: 3, keywords: 2, answer: 1, steps: 1 });
/** A word that is a prefix of the entry's word counts this much (the last word always, others from 4 letters). */
const PREFIX = 0.7;
/** A word one edit away (Damerau–Levenshtein: one letter added, dropped, changed or two swapped), from 4 letters. */
const TYPO = 0.5;
const TYPO_MIN = 4;
/** Words other than the last match as prefixes from this length; the last one from 2 letters. */
const PREFIX_MIN = 4;
/** Only the first words of a query are searched. */
export const MAX_QUERY_WORDS = 16;

/** True when `a` and `b` (different) are one edit apart; no allocation, for the per-keystroke path. */
function oneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  const min = la < lb ? la : lb;
  let i = 0;
  while (i < min && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  let j = 0;
  while (j < min - i && a.charCodeAt(la - 1 - j) === b.charCodeAt(lb - 1 - j)) j++;
  if (la !== lb) return (la > lb ? la : lb) - i - j === 1;
  const d = la - i - j;
  return d === 1 || (d === 2 && a[i] === b[i + 1] && a[i + 1] === b[i]);
}

const FIELDS: readonly FaqField[] = ['question', 'keywords', 'answer', 'steps'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionError = (field: string, message: string) => new CandorError('invalid_options', `${field} ${message}`, { field });

/**
 * Builds a search index over FAQ entries. Entries are checked against `FaqEntriesSchema` first,
 * and so are the options and what `search()` is given: a wrong type is an `invalid_options`
 * error naming it, never a `TypeError` from deep inside.
 *
 * @throws {CandorError} `invalid_faq` when an entry is not valid; `issues` name each path
 * (`3.question must be at least 1 character(s) long`). `invalid_options` for options that are
 * not an object or a `locale` that is not a language tag.
 * @example
 * const index = createFaqIndex(entries, { locale: 'ar' });
 * for (const { entry, matches } of index.search('البطاقه', { limit: 5 })) show(entry, matches);
 */
export function createFaqIndex(entries: readonly FaqEntry[], options: FaqIndexOptions = {}): FaqIndex {
  if (!isObject(options)) throw optionError('options', 'must be an object such as { locale: "ar" }.');
  if (options.locale !== undefined && !localeTag().safeParse(options.locale).success) {
    throw optionError('locale', 'must be a language tag such as "en" or "ar-EG".');
  }
  // Indexed as checked, not as given (a getter could answer the schema one value and the index
  // another); results are the entries as given.
  const checked = parseFaqInput(FaqEntriesSchema, entries, 'The FAQ entries are not valid');
  const given = new Map(checked.map((e, i) => [e, entries[i]!]));
  const index = indexFaqEntries(checked, options);
  return {
    size: index.size,
    search(query, searchOptions = {}) {
      if (typeof query !== 'string') throw optionError('query', 'must be the text the customer typed, a string.');
      if (!isObject(searchOptions)) throw optionError('options', 'must be an object such as { limit: 5, category: "Cards" }.');
      const { limit, category } = searchOptions;
      if (limit !== undefined && typeof limit !== 'number') throw optionError('limit', 'must be a number of results, such as 5.');
      if (category !== undefined && typeof category !== 'string') throw optionError('category', 'must be the name of a category, a string.');
      return index.search(query, searchOptions).map((r) => ({ ...r, entry: given.get(r.entry)! }));
    },
  };
}

/**
 * {@link createFaqIndex} for entries that have already been through `FaqEntriesSchema` (as
 * `<candor-faq>` does when it reads them), without checking them a second time. Entries that
 * did not come from the schema are not safe here: use `createFaqIndex`.
 *
 * @example
 * const parsed = FaqEntriesSchema.safeParse(input);
 * if (parsed.success) index = indexFaqEntries(parsed.data, { locale: 'en' });
 */
export function indexFaqEntries(entries: readonly FaqEntry[], options: FaqIndexOptions = {}): FaqIndex {
  const lang = options.locale && primaryLanguage(options.locale);
  const docs = entries.filter((e) => !lang || primaryLanguage(e.locale) === lang);

  // The vocabulary holds every word's normalised form and its stem; each form lists the entries
  // it occurs in with the best field weight there. Each entry keeps where its words are, for
  // highlighting, flat: [field, index, start, end, form id, stem id] per word.
  const ids = new Map<string, number>();
  const words: string[] = [];
  const postings: { docs: number[]; weights: number[] }[] = [];
  const tokens: number[][] = [];
  const vocab = (w: string) => {
    let id = ids.get(w);
    if (id === undefined) {
      ids.set(w, (id = words.length));
      words.push(w);
      postings.push({ docs: [], weights: [] });
    }
    return id;
  };
  const post = (id: number, doc: number, weight: number) => {
    const p = postings[id]!;
    const last = p.docs.length - 1;
    if (p.docs[last] !== doc) p.docs.push(doc), p.weights.push(weight);
    else if (p.weights[last]! < weight) p.weights[last] = weight;
  };
  // Words repeat across entries: each spelling is normalised once.
  const seen = new Map<string, [number, number]>();
  const stemOf: number[] = [];
  docs.forEach((e, d) => {
    const list: number[] = [];
    const add = (field: number, texts: readonly string[]) =>
      texts.forEach((t, index) => {
        const w = FAQ_FIELD_WEIGHTS[FIELDS[field]!];
        for (const tok of tokenize(t)) {
          let forms = seen.get(tok.text);
          if (!forms) {
            const norm = normalizeTerm(tok.text);
            seen.set(tok.text, (forms = [vocab(norm), vocab(stemTerm(norm))]));
            stemOf[forms[0]] = forms[1];
          }
          post(forms[0], d, w);
          if (forms[1] !== forms[0]) post(forms[1], d, w);
          list.push(field, index, tok.start, tok.end, forms[0], forms[1]);
        }
      });
    add(0, [e.question]);
    add(1, e.keywords ?? []);
    add(2, e.answer.paragraphs);
    add(3, e.answer.steps ?? []);
    tokens.push(list);
  });
  const sorted = words.map((_, i) => i).sort((x, y) => (words[x]! < words[y]! ? -1 : 1));
  const byLength: number[][] = [];
  words.forEach((w, i) => (byLength[w.length] ??= []).push(i));
  // How rare a word is, by its stem: "التمويل" matched whole counts no more than "للتمويل" matched by its stem.
  const idf = postings.map((_, id) => Math.log(1 + docs.length / postings[stemOf[id] ?? id]!.docs.length));

  // Scratch space reused by every search (one search runs at a time).
  const n = docs.length;
  const total = new Float64Array(n);
  const count = new Uint16Array(n);
  const best = new Float64Array(n);
  const hit = new Uint8Array(words.length);

  /** Every vocabulary form that matches one query word, with how well. */
  function expand(word: string, last: boolean, into: Map<number, number>) {
    const norm = normalizeTerm(word);
    const forms = new Set([norm, stemTerm(norm)]);
    const put = (id: number, q: number) => into.set(id, Math.max(into.get(id) ?? 0, q));
    const known = [...forms].some((f) => ids.has(f));
    for (const f of forms) {
      const exact = ids.get(f);
      if (exact !== undefined) put(exact, 1);
      if (f.length >= (last ? 2 : PREFIX_MIN)) {
        let lo = 0;
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (words[sorted[mid]!]! < f) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo; k < sorted.length && words[sorted[k]!]!.startsWith(f); k++) put(sorted[k]!, PREFIX * (0.5 + (0.5 * f.length) / words[sorted[k]!]!.length));
      }
      // A word the entries use is taken as meant, not as a typo of a neighbour.
      if (norm.length >= TYPO_MIN && !known) {
        for (let len = f.length - 1; len <= f.length + 1; len++) for (const id of byLength[len] ?? []) if (oneEdit(f, words[id]!)) put(id, TYPO);
      }
    }
  }

  function matchesOf(list: number[]): FaqMatch[] {
    const out: FaqMatch[] = [];
    for (let k = 0; k < list.length; k += 6) {
      if (!hit[list[k + 4]!] && !hit[list[k + 5]!]) continue;
      const field = FIELDS[list[k]!]!;
      const range = { start: list[k + 2]!, end: list[k + 3]! };
      out.push(field === 'question' ? { field, ...range } : { field, index: list[k + 1]!, ...range });
    }
    return out;
  }

  function search(query: string, { limit: wanted = 10, category }: FaqSearchOptions = {}): FaqSearchResult[] {
    // A search box, not a document: words past MAX_QUERY_WORDS add nothing but time.
    const qwords = tokenize(query).slice(0, MAX_QUERY_WORDS);
    const limit = Math.floor(wanted);
    if (!qwords.length || !(limit > 0)) return [];
    const touched: number[] = [];
    const matched: number[] = [];
    // The last word may be half typed: it always matches as a prefix.
    const endsInWord = qwords[qwords.length - 1]!.end === query.length;
    qwords.forEach((w, i) => {
      const forms = new Map<number, number>();
      expand(w.text, i === qwords.length - 1 && endsInWord, forms);
      const inTerm: number[] = [];
      for (const [id, quality] of forms) {
        hit[id] = 1;
        matched.push(id);
        const p = postings[id]!;
        const f = quality * idf[id]!;
        for (let k = 0; k < p.docs.length; k++) {
          const d = p.docs[k]!;
          const v = p.weights[k]! * f;
          if (v > best[d]!) {
            if (best[d] === 0) inTerm.push(d);
            best[d] = v;
          }
        }
      }
      for (const d of inTerm) {
        if (count[d] === 0) touched.push(d);
        total[d] = total[d]! + best[d]!;
        count[d] = count[d]! + 1;
        best[d] = 0;
      }
    });
    // The best `limit` entries, kept in order as they come (no sort of every entry touched).
    // Ties go to the entry marked more useful, then to the one listed first.
    const top: { d: number; score: number }[] = [];
    const before = (x: { d: number; score: number }, y: { d: number; score: number }) =>
      x.score - y.score || (docs[x.d]!.priority ?? 0) - (docs[y.d]!.priority ?? 0) || y.d - x.d;
    for (const d of touched) {
      const c = { d, score: count[d]! + total[d]! / (total[d]! + 1) };
      total[d] = 0;
      count[d] = 0;
      if (category !== undefined && docs[d]!.category !== category) continue;
      if (top.length === limit && before(c, top[limit - 1]!) <= 0) continue;
      let k = top.length === limit ? limit - 1 : top.length;
      while (k > 0 && before(c, top[k - 1]!) > 0) top[k] = top[k - 1]!, k--;
      top[k] = c;
    }
    const results = top.map(({ d, score }) => ({
      entry: docs[d]!,
      score,
      matches: matchesOf(tokens[d]!),
    }));
    for (const id of matched) hit[id] = 0;
    return results;
  }

  return { search, size: n };
}
