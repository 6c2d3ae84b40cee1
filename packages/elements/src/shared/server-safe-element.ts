/**
 * `HTMLElement` in a browser; on a server (Node, where there is no DOM) an empty class, so that
 * importing a component module there (server rendering with React, Next.js, Nuxt) does not
 * throw. Lit's own classes do the same through its Node build; the elements that extend
 * `HTMLElement` directly use this instead.
 */
export const ServerSafeHTMLElement: typeof HTMLElement =
  (globalThis as { HTMLElement?: typeof HTMLElement }).HTMLElement ?? (class {} as unknown as typeof HTMLElement);
