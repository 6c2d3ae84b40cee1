/**
 * Term processing for FAQ search: how a customer's words and the entries' words are cut into
 * tokens and brought to one form, so that "Café", "cafe" and "CAFÉ" meet, and so do "الْبِطاقة",
 * "البطاقه" and "بطاقة".
 */

/**
 * A letter or digit of the Arabic script, or a mark or tatweel (which belong to the word they
 * sit in, so "بِطَاقَة" stays one token); then a letter or digit of any other script, or a mark.
 * A word that changes script ("PINالبطاقة") is two tokens.
 */
const ARABIC = '(?:(?=\\p{sc=Arabic})[\\p{L}\\p{N}]|\\p{M}|\\u0640)';
const OTHER = '(?:(?!\\p{sc=Arabic})[\\p{L}\\p{N}]|\\p{M})';
const TOKEN = new RegExp(`${ARABIC}+|${OTHER}+`, 'gu');

/** One word of a text, where it is in that text (UTF-16 offsets, end exclusive). */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Cuts a text into words: runs of letters, digits and combining marks, split where the script
 * changes between Arabic and another. Offsets are in the text as given (harakat included), so
 * they can mark the words for highlighting.
 *
 * @example
 * tokenize('Reset PINالرقم'); // [{ text: 'Reset', start: 0, end: 5 }, { text: 'PIN', … }, { text: 'الرقم', … }]
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Letters folded to others: Latin letters NFD does not decompose, and the Arabic and Persian variants. */
const FOLD: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
  'آ': 'ا', 'أ': 'ا', 'إ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ی': 'ي', 'ک': 'ك',
};
const FOLDED = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/**
 * One word brought to its search form: lower case; Latin diacritics removed (NFD, then the
 * combining marks U+0300–U+036F; ß → ss, æ → ae, ø → o, ł → l and the like); Arabic as Lucene's
 * ArabicNormalizer does it (أ إ آ → ا, ى → ي, ة → ه; tatweel, the harakat U+064B–U+0652 and the
 * superscript alef U+0670 removed, and with them the other Arabic combining marks up to U+065F);
 * Persian ی → ي and ک → ك; Arabic-Indic and Extended Arabic-Indic digits → 0–9. Hamza on waw
 * and yeh (ؤ, ئ) is kept, as Lucene keeps it.
 *
 * @example
 * normalizeTerm('Café'); // 'cafe'
 * normalizeTerm('الْبِطَاقَة'); // 'البطاقه'
 */
export function normalizeTerm(word: string): string {
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 15))
    .replace(FOLDED, (c) => FOLD[c]!)
    .replace(/[\u0640\u064b-\u065f\u0670]/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** Lucene ArabicStemmer's prefixes, in its order (the first that fits is removed). */
const PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
/** Its suffixes, after normalisation (ة is already ه, so ية is يه); each that fits is removed in turn. */
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
/**
 * The shortest stem left: two letters, as Lucene. The one-letter prefix و is removed only from
 * words of four letters or more (so "وقت", time, stays whole).
 *
 * @example
 * stemTerm('به'); // 'به': removing ه would leave one letter
 */
export const MIN_STEM = 2;

/**
 * Light stemming of a normalised Arabic word, as Lucene's ArabicStemmer: one prefix (ال, وال,
 * بال, كال, فال, لل, و), then the suffixes ها, ان, ات, ون, ين, يه, ه, ي, never leaving fewer than
 * {@link MIN_STEM} letters. Words in other scripts are returned as they are.
 *
 * @example
 * stemTerm(normalizeTerm('والبطاقات')); // 'بطاق'
 */
export function stemTerm(term: string): string {
  if (!/^[\u0621-\u064a]/.test(term)) return term;
  let t = term;
  for (const p of PREFIXES) {
    if (t.startsWith(p) && t.length >= p.length + MIN_STEM + (p.length === 1 ? 1 : 0)) {
      t = t.slice(p.length);
      break;
    }
  }
  for (const s of SUFFIXES) if (t.endsWith(s) && t.length >= s.length + MIN_STEM) t = t.slice(0, -s.length);
  return t;
}
