/** `FeedController`: polls a JSON feed politely, keeps the last good data, and says how old it is. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pollDelay, retryAfterMs } from './incident-banner.logic.js';

/** Characters of a feed response read at most; a longer one is a failure, not parsed. */
export const MAX_FEED_CHARS = 2 * 1024 * 1024;

/** Why the last fetch failed. */
export interface FeedFailure {
  /** `network` (no response), `http` (a status other than 2xx/304), `too-large`, `invalid` (the body was refused by `parse`). */
  readonly kind: 'network' | 'http' | 'too-large' | 'invalid';
  /** What went wrong, in words, naming the URL. */
  readonly message: string;
  /** The HTTP status, for `http`. */
  readonly status?: number;
}

/** Options of {@link FeedController}. */
export interface FeedOptions<T> {
  /** The feed URL now (read after every host update; a change starts over). Undefined: no polling. */
  url: () => string | undefined;
  /** Poll interval in ms now; 0 fetches once. */
  refresh: () => number;
  /** Turns a response body into data; throw (an Error whose message says why) to refuse it. */
  parse: (body: string) => T | Promise<T>;
  /** The host's clock, ms since the epoch. */
  now: () => number;
  /** Called once per failed fetch (the host reports it). */
  onFailure?: (failure: FeedFailure) => void;
  /** Called when new data (a 2xx response that parsed) replaced the old. */
  onData?: (data: T) => void;
}

/**
 * Fetches `url` when the host connects and then every `refresh` ms: with `If-None-Match` once
 * the server sent an `ETag` (a 304 keeps the data and counts as fresh), without cookies, and
 * never while the page is hidden (it fetches on return if a poll came due). After a failure it
 * waits twice as long each time (at most 15 minutes) and at least what `Retry-After` asks. The
 * last good data stays through failures; `updatedAt` says when it was last confirmed. Stops
 * when the host disconnects (an in-flight request is aborted).
 */
export class FeedController<T> implements ReactiveController {
  /** The last good data. */
  data?: T;
  /** When the data was last fetched or confirmed by a 304 (ms, host clock). */
  updatedAt?: number;
  /** The failure of the latest fetch; undefined after a success. */
  failure?: FeedFailure;
  /** Failed fetches in a row. */
  failures = 0;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #o: FeedOptions<T>;
  #url?: string;
  #etag?: string;
  #timer?: ReturnType<typeof setTimeout>;
  #abort?: AbortController;
  /** When the next poll is due (ms since the epoch, real time: timers run on it, not on the host's clock). */
  #due?: number;
  #retryAfter?: number;
  #connected = false;
  readonly #onVisibility = () => this.#wake();

  constructor(host: ReactiveControllerHost & HTMLElement, options: FeedOptions<T>) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    // Reconnected: poll now if one came due while away.
    if (this.#url !== undefined) this.#wake();
  }

  hostUpdated(): void {
    const url = this.#o.url();
    if (url === this.#url) return;
    this.#url = url;
    this.#etag = undefined;
    this.data = undefined;
    this.updatedAt = undefined;
    this.failure = undefined;
    this.failures = 0;
    this.#stop();
    if (url === undefined) return;
    this.#due = 0;
    this.#wake();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stop();
  }

  /** Fetches now (a host's "refresh" button), unless the page is hidden. */
  refreshNow(): void {
    this.#due = 0;
    this.#wake();
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  /** Polls if due, else waits for the due time; nothing while hidden or disconnected. */
  #wake(): void {
    clearTimeout(this.#timer);
    if (!this.#connected || this.#url === undefined || document.visibilityState === 'hidden' || this.#abort || this.#due === undefined) return;
    const wait = this.#due - Date.now();
    if (wait <= 0) void this.#fetch(this.#url);
    else this.#timer = setTimeout(() => this.#wake(), wait);
  }

  async #fetch(url: string): Promise<void> {
    const abort = (this.#abort = new AbortController());
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.#etag) headers['If-None-Match'] = this.#etag;
    let failure: FeedFailure | undefined;
    this.#retryAfter = undefined;
    try {
      const res = await fetch(url, { headers, credentials: 'omit', cache: 'no-store', redirect: 'follow', signal: abort.signal });
      if (res.status === 304) {
        this.updatedAt = this.#o.now();
      } else if (!res.ok) {
        this.#retryAfter = retryAfterMs(res.headers.get('Retry-After'), Date.now());
        failure = { kind: 'http', status: res.status, message: `the feed ${url} answered HTTP ${res.status}` };
      } else {
        const length = Number(res.headers.get('Content-Length'));
        const body = length > MAX_FEED_CHARS * 4 ? undefined : await res.text();
        if (body === undefined || body.length > MAX_FEED_CHARS) {
          failure = { kind: 'too-large', message: `the feed ${url} is over ${MAX_FEED_CHARS} characters; it was not read` };
        } else {
          try {
            const data = await this.#o.parse(body);
            if (abort.signal.aborted) return;
            this.data = data;
            this.updatedAt = this.#o.now();
            this.#etag = res.headers.get('ETag') ?? undefined;
            this.#o.onData?.(data);
          } catch (e) {
            failure = { kind: 'invalid', message: `the feed ${url} was refused: ${e instanceof Error ? e.message : String(e)}` };
          }
        }
      }
    } catch (e) {
      if (abort.signal.aborted) return; // disconnected or the URL changed: not a failure
      failure = { kind: 'network', message: `the feed ${url} could not be fetched (${e instanceof Error ? e.message : String(e)}); check the URL and that the server allows this origin (CORS)` };
    }
    if (this.#abort !== abort) return;
    this.#abort = undefined;
    this.failure = failure;
    this.failures = failure ? this.failures + 1 : 0;
    if (failure) this.#o.onFailure?.(failure);
    const refresh = this.#o.refresh();
    this.#due = refresh > 0 ? Date.now() + pollDelay(refresh, this.failures, this.#retryAfter) : undefined;
    this.#host.requestUpdate();
    this.#wake();
  }
}
