// What the stories share: a stopped clock and in-memory storage, so a story looks the same on
// every visit and nothing it stores leaks into another story.

/** A clock stopped at `iso`. */
export const clockAt = (iso: string) => () => new Date(iso);

/** Storage kept in memory (`getItem`/`setItem`), one per rendered component: what it stores lasts as long as the story. */
export const memoryStorage = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, String(v)) };
};
