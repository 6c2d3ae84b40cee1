/** `StoredMapController`: a small map a component keeps across reloads (dismissals, feedback given). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where the map is kept: `localStorage` by default, or anything with the same two methods. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Options of {@link StoredMapController}. */
export interface StoredMapOptions<V> {
  /** The storage the host was given (`undefined`: `localStorage`). Read on every load and save. */
  storage: () => unknown;
  /** The key the map is kept under. */
  key: () => string;
  /** A stored value as `V`, or undefined to drop it (storage is not trusted either). */
  accept: (value: unknown) => V | undefined;
  /** When a value was stored (ms): the newest `cap` are kept. */
  stamp: (value: V) => number;
  /** How many entries are kept at most; default 100. */
  cap?: number;
  /** Called when the storage is not usable or fails; the map then lasts for this page only. */
  onProblem: (message: string) => void;
}

const isStorage = (s: unknown): s is KeyValueStorage =>
  s !== null && typeof s === 'object' && typeof (s as KeyValueStorage).getItem === 'function' && typeof (s as KeyValueStorage).setItem === 'function';

/**
 * Keeps a `Map<string, V>` in storage as JSON: loaded when the host connects, when the storage
 * or key it is given changes, and when another tab changes it (`storage` events); saved on
 * every change, newest `cap` entries only. Junk in storage is dropped entry by entry; a storage
 * that is missing its methods, blocked or full is reported once through `onProblem` and the map
 * keeps working for this page. Never throws.
 *
 * @example
 * readonly #dismissed = new StoredMapController(this, {
 *   storage: () => this.dismissalStorage, key: () => this.storageKey,
 *   accept: (v) => (isDismissal(v) ? v : undefined), stamp: (d) => d.at,
 *   onProblem: (m) => reportInvalid(this, 'candor-x', 'dismissalStorage', [{ path: 'dismissalStorage', message: m }], 'Kept for this page only.'),
 * });
 * this.#dismissed.set(id, { at: Date.now() });
 */
export class StoredMapController<V> implements ReactiveController {
  /** The map as loaded and changed (never replace it; use `set` / `delete`). */
  readonly map = new Map<string, V>();
  readonly #host: ReactiveControllerHost;
  readonly #o: StoredMapOptions<V>;
  #source?: unknown;
  #key?: string;
  readonly #onStorage = (e: StorageEvent) => {
    if (e.key === this.#o.key()) this.#load();
  };

  constructor(host: ReactiveControllerHost, options: StoredMapOptions<V>) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('storage', this.#onStorage);
    this.#load();
  }

  hostDisconnected(): void {
    window.removeEventListener('storage', this.#onStorage);
  }

  hostUpdate(): void {
    if (this.#o.storage() === this.#source && this.#o.key() === this.#key) return;
    this.#load();
    // This update already derived its state from the old map: render once more with the new one.
    void this.#host.updateComplete.then(() => this.#host.requestUpdate());
  }

  set(id: string, value: V): void {
    this.map.set(id, value);
    this.#save();
  }

  delete(id: string): void {
    if (this.map.delete(id)) this.#save();
  }

  #storage(): KeyValueStorage | undefined {
    const given = this.#o.storage();
    if (given !== undefined) {
      if (isStorage(given)) return given;
      this.#o.onProblem('must have getItem(key) and setItem(key, value), as localStorage does');
      return undefined;
    }
    try {
      return window.localStorage;
    } catch {
      return undefined; // storage blocked (sandboxed frame, privacy settings): this page only
    }
  }

  #load(): void {
    this.#source = this.#o.storage();
    this.#key = this.#o.key();
    this.map.clear();
    let data: unknown;
    try {
      const raw = this.#storage()?.getItem(this.#key);
      data = raw ? JSON.parse(raw) : undefined;
    } catch (e) {
      // Not JSON, or getItem threw: nothing usable was stored.
      if (!(e instanceof SyntaxError)) this.#o.onProblem(`could not be read: ${String(e)}`);
    }
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      for (const [id, v] of Object.entries(data)) {
        const value = this.#o.accept(v);
        if (value !== undefined) this.map.set(id, value);
      }
    }
    this.#host.requestUpdate();
  }

  #save(): void {
    const kept = [...this.map].sort((a, b) => this.#o.stamp(b[1]) - this.#o.stamp(a[1])).slice(0, this.#o.cap ?? 100);
    try {
      this.#storage()?.setItem(this.#o.key(), JSON.stringify(Object.fromEntries(kept)));
    } catch (e) {
      this.#o.onProblem(`could not be written: ${String(e)}`);
    }
    this.#host.requestUpdate();
  }
}
