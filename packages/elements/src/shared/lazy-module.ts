/** Optional features whose code a component leaves out of its own bundle and imports on first use. */
import type { ReactiveControllerHost } from 'lit';

/**
 * The code of an optional feature (contact channels, JSON-LD, a status feed), imported the first
 * time a page uses it. One per module, shared by every instance: imported once, then `value`
 * synchronously.
 */
export class LazyModule<T> {
  /** The module, once it has loaded. */
  value?: T;
  #loading?: Promise<T>;

  constructor(readonly importer: () => Promise<T>) {}

  /** The download under way, if one is (not once the module has arrived, nor after it failed). */
  get pending(): Promise<T> | undefined {
    return this.value ? undefined : this.#loading;
  }

  /**
   * Imports the module (once). After a failure the next call imports again, but browsers keep a
   * failed module download failed until the page is reloaded, so a component that reports the
   * failure tells the customer to reload rather than to try again.
   */
  get(): Promise<T> {
    return (this.#loading ??= this.importer().then(
      (m) => (this.value = m),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    ));
  }
}

/**
 * Runs a host's uses of lazy modules and knows which are still downloading, so the host's
 * `updateComplete` can wait for them.
 *
 * @example
 * const contacts = new LazyModule(() => import('./faq.contacts.js'));
 * readonly #lazy = new LazyLoader(this);
 * protected override getUpdateComplete() { return this.#lazy.settled(() => super.getUpdateComplete()); }
 * // in willUpdate:
 * this.#lazy.load(contacts, ({ ContactChannelsSchema }) => { ... }, (error) => { ... });
 */
export class LazyLoader {
  readonly #host: ReactiveControllerHost;
  readonly #pending = new Set<Promise<void>>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /**
   * Calls `use` with the module: at once when it has loaded, else once it arrives (or `failed`
   * if it cannot be loaded), followed by an update of the host.
   */
  load<T>(code: LazyModule<T>, use: (module: T) => void, failed: (error: unknown) => void): void {
    if (code.value) return use(code.value);
    const done: Promise<void> = code.get().then(use, failed).finally(() => {
      this.#pending.delete(done);
      this.#host.requestUpdate();
    });
    this.#pending.add(done);
  }

  /** `update()` (the host's own `updateComplete`), repeated until no module is downloading: the features are then in place. */
  async settled(update: () => Promise<boolean>): Promise<boolean> {
    let result = await update();
    while (this.#pending.size) {
      await Promise.allSettled(this.#pending);
      result = await update();
    }
    return result;
  }
}
