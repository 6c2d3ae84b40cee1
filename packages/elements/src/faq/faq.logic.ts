/**
 * What `<candor-faq>` shows, as pure functions: the order entries are listed in (known issues
 * first), the categories, and highlighted text. Which entries are known issues is worked out in
 * faq.incidents.ts, loaded only when there are incidents.
 */
import type { FaqEntry, Incident } from '@candor/core/models';

/** One piece of a text: marked (a search match) or not. */
export interface Segment {
  readonly text: string;
  readonly mark: boolean;
}

/** A range of a text that matched, `[start, end)` in UTF-16 code units. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** `text` cut into marked and unmarked pieces by `ranges` (overlapping and out-of-range ranges are merged and clipped). */
export function segments(text: string, ranges: readonly Range[] = []): Segment[] {
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, Math.min(r.start, text.length)), end: Math.max(0, Math.min(r.end, text.length)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const r of sorted) {
    if (r.end <= at) continue;
    const start = Math.max(r.start, at);
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, r.end), mark: true });
    at = r.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** Categories in the order their first entry appears. */
export const categoriesOf = (entries: readonly FaqEntry[]): string[] => [...new Set(entries.map((e) => e.category))];

/**
 * Entries to list with no query: known issues first, then by `priority` (highest first), then
 * the most recently updated; at most `top` unless a category is chosen (then all of it).
 */
export function popular(entries: readonly FaqEntry[], known: ReadonlyMap<string, Incident>, category: string | undefined, top: number): FaqEntry[] {
  const list = entries
    .filter((e) => category === undefined || e.category === category)
    .sort(
      (a, b) =>
        Number(known.has(b.id)) - Number(known.has(a.id)) ||
        (b.priority ?? 0) - (a.priority ?? 0) ||
        Date.parse(b.updatedAt) - Date.parse(a.updatedAt) ||
        a.id.localeCompare(b.id),
    );
  return category === undefined ? list.slice(0, top) : list;
}

/** Search results with known issues moved to the front, otherwise in the search's order. */
export function knownFirst<T extends { entry: FaqEntry }>(results: readonly T[], known: ReadonlyMap<string, Incident>): T[] {
  return [...results].sort((a, b) => Number(known.has(b.entry.id)) - Number(known.has(a.entry.id)));
}

/** The key feedback is remembered under: the same answer is not asked about twice, a changed one is. */
export const feedbackKey = (entry: Pick<FaqEntry, 'id' | 'updatedAt'>): string => `${entry.id}@${entry.updatedAt}`;


/** The entry id a `#faq-<id>` address names, if any. */
export function idFromHash(hash: string): string | undefined {
  const m = /^#faq-(.+)$/.exec(hash);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
}
