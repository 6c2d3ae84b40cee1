/** Code a module imports on first use, once, shared by every caller. */

/** What {@link once} returns: call it for the module; `loaded` is the module once it has arrived. */
export interface Once<T> {
  (): Promise<T>;
  /** The module, once a load has succeeded (undefined before, and while none has). */
  readonly loaded?: T;
}

/**
 * `load`, run at most once at a time and kept once it succeeds: callers share one promise, and
 * `.loaded` hands the module over synchronously afterwards. A failure goes to the callers of that
 * load and is forgotten, so the next call runs `load` again. (In a browser, a module that failed
 * to download stays failed for the page's life: a retry with the same `import()` gets the same
 * error until the page is reloaded.)
 *
 * @example
 * ```ts
 * const salvage = once(() => import('./salvage.js'));
 * const { setAside } = await salvage(); // imported the first time only
 * salvage.loaded?.setAside;             // without waiting, once it has arrived
 * ```
 */
export function once<T>(load: () => Promise<T>): Once<T> {
  let loading: Promise<T> | undefined;
  const get = (): Promise<T> =>
    (loading ??= load().then(
      (m) => ((get as { loaded?: T }).loaded = m),
      (e: unknown) => {
        loading = undefined;
        throw e;
      },
    ));
  return get;
}
