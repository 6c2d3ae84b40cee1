/**
 * What `LocalStorageConsentStorage` does with stored data it cannot all read: find the readable
 * entries of a cut-off or damaged JSON array, and copy the original aside before the key is
 * rewritten. Its own module, loaded the first time stored data turns out to be damaged, so pages
 * whose storage is intact never download it.
 */
import { UNREADABLE_KEY_INFIX } from './storage.js';

/**
 * The text of each top-level element of a JSON array, also when the text is cut off or an
 * element is junk (so the readable elements before and after it survive); `undefined` when the
 * text is not an array at all.
 */
function arrayElements(raw: string): string[] | undefined {
  const s = raw.trimStart();
  if (s[0] !== '[') return undefined;
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = 1;
  let i = 1;
  for (; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start, i));
  return out.filter((e) => e.trim() !== '');
}

/**
 * The entries of a damaged JSON array, each parsed where it can be: `cut` holds the indexes of
 * those that are cut off or not JSON.
 */
export function readableEntries(raw: string): { entries: unknown[]; cut: ReadonlySet<number> } {
  const cut = new Set<number>();
  // A Storage double may hand back something that is not text; it has no readable entries.
  const entries = (arrayElements(typeof raw === 'string' ? raw : '') ?? []).map((text, i) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      cut.add(i);
      return undefined;
    }
  });
  return { entries, cut };
}

/** The most keys looked at, and tried, to set data aside. */
const MAX_TRIES = 100_000;

/**
 * Copies `raw` to a new `<key>:unreadable:<time>` key (never one already in use) and returns
 * that key; when an earlier set-aside of this key already holds exactly `raw` (its rewrite
 * failed), returns that one instead of piling up copies.
 */
export function setAside(storage: Storage, key: string, raw: string): string {
  const prefix = `${key}${UNREADABLE_KEY_INFIX}`;
  // Bounded, as the search for a free key below: a Storage whose length or getItem never ends must not hang the page.
  for (let i = 0; i < storage.length && i < MAX_TRIES; i++) {
    const existing = storage.key(i);
    if (existing?.startsWith(prefix) && storage.getItem(existing) === raw) return existing;
  }
  const base = `${key}${UNREADABLE_KEY_INFIX}${new Date().toISOString()}`;
  let aside = base;
  for (let n = 1; storage.getItem(aside) !== null; n++) {
    if (n > MAX_TRIES) throw new Error(`no free key after ${MAX_TRIES} tries: getItem never answers null`);
    aside = `${base}~${n}`;
  }
  storage.setItem(aside, raw);
  return aside;
}
