/** A status list store in one JSON file (Node only): atomic writes, a lock between processes, and corrupt files reported, never overwritten. */
import { open, readFile, unlink, stat } from 'node:fs/promises';
import { CandorError } from '@candor/core/errors';
import {
  checkRevokedIsFinal,
  checkStoreKeys,
  randomUnusedIndex,
  statusListShape,
  STATUS_BITS,
  type StatusBits,
  type StatusListShape,
  type StatusListStore,
  type StatusRecord,
  type StoredStatusList,
} from '@candor/core/status-list';
import { isCliError } from './errors.js';
import { readTextFile, systemMessage, writeFileDurably } from './io.js';

/** What the file holds. */
interface StoreFile {
  format: 'candor-status-store';
  version: 1;
  lists: Record<string, { bits: StatusBits; size: number }>;
  tokens: Record<string, { uri: string; idx: number; status: number }>;
}

const FORMAT = 'candor-status-store';
/** A lock older than this is from a process that died holding it (or one on another machine sharing the folder). */
const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 15_000;
/** Largest store file read: far above a full default list (131072 tokens take about 10 MB). */
const MAX_STORE_BYTES = 256 * 1024 * 1024;

const corrupt = (path: string, why: string) =>
  new CandorError(
    'storage_unavailable',
    `The status store ${path} is not a valid Candor status store (${why}). It was left untouched: restore it from a backup, or fix it by hand; never delete it, since it holds which tokens are revoked.`,
    { field: 'store' },
  );

/** True when the lock names a process of this machine that no longer runs (it was killed holding the lock). */
async function holderIsGone(lockPath: string): Promise<boolean> {
  const pid = Number(await readFile(lockPath, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException)?.code === 'ESRCH';
  }
}

/**
 * Removes the lock at `lockPath` if its holder is gone or it is older than {@link STALE_LOCK_MS};
 * true when it did (or the lock was released meanwhile). The check and the removal happen under a
 * second lock (`FILE.lock.takeover`): otherwise two processes could both find the same stale lock,
 * the first remove it and take the store, and the second then remove the first one's new lock,
 * so both would change the store at once and one change (a revocation) would be lost. The
 * takeover lock is held for a moment only; one older than {@link STALE_LOCK_MS} is from a process
 * killed while holding it, and is removed.
 */
async function removeStaleLock(lockPath: string): Promise<boolean> {
  const guardPath = `${lockPath}.takeover`;
  try {
    await (await open(guardPath, 'wx', 0o600)).close();
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code !== 'EEXIST') {
      throw new CandorError('storage_unavailable', `Cannot create the lock ${guardPath} (${systemMessage(e)}).`, { field: 'store', cause: e });
    }
    const guard = await stat(guardPath).catch(() => undefined);
    if (guard && Date.now() - guard.mtimeMs > STALE_LOCK_MS) await unlink(guardPath).catch(() => {});
    return false;
  }
  try {
    const info = await stat(lockPath).catch(() => undefined);
    if (!info) return true;
    if (Date.now() - info.mtimeMs <= STALE_LOCK_MS && !(await holderIsGone(lockPath))) return false;
    await unlink(lockPath).catch(() => {});
    return true;
  } finally {
    await unlink(guardPath).catch(() => {});
  }
}

/** Checks every member of a parsed store file; one bad entry makes the whole file refused. */
function validate(path: string, json: unknown): StoreFile {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw corrupt(path, 'not a JSON object');
  const f = json as Partial<StoreFile>;
  if (f.format !== FORMAT || f.version !== 1) throw corrupt(path, `format must be "${FORMAT}" version 1`);
  const lists = f.lists;
  const tokens = f.tokens;
  if (lists === null || typeof lists !== 'object' || Array.isArray(lists)) throw corrupt(path, '"lists" is not an object');
  if (tokens === null || typeof tokens !== 'object' || Array.isArray(tokens)) throw corrupt(path, '"tokens" is not an object');
  for (const [uri, l] of Object.entries(lists)) {
    if (!l || !(STATUS_BITS as readonly unknown[]).includes(l.bits) || !Number.isInteger(l.size) || l.size < 1) throw corrupt(path, `list ${uri} has no valid bits and size`);
  }
  const used = new Map<string, Set<number>>();
  for (const [jti, t] of Object.entries(tokens)) {
    const list = t && typeof t.uri === 'string' ? lists[t.uri] : undefined;
    if (!list) throw corrupt(path, `token ${jti} is in no known list`);
    if (!Number.isInteger(t.idx) || t.idx < 0 || t.idx >= list.size) throw corrupt(path, `token ${jti} has index ${String(t.idx)} outside its list`);
    if (!Number.isInteger(t.status) || t.status < 0 || t.status >= 2 ** list.bits) throw corrupt(path, `token ${jti} has status ${String(t.status)}`);
    let set = used.get(t.uri);
    if (!set) used.set(t.uri, (set = new Set()));
    if (set.has(t.idx)) throw corrupt(path, `index ${t.idx} of ${t.uri} is given to two tokens`);
    set.add(t.idx);
  }
  return f as StoreFile;
}

/**
 * A {@link StatusListStore} kept in one JSON file, for the CLI and small issuers. Every change
 * reads the file, applies the change and writes a new file next to it (fsync) before renaming it
 * over the old one, so a crash at any moment leaves either the old or the new file, never half
 * of one, and a change that resolved is on disk. A lock file (`FILE.lock`) serialises processes.
 * A file that is not a valid store is reported (`storage_unavailable`) and never overwritten.
 *
 * @example
 * ```ts
 * const store = new FileStatusListStore('status-store.json');
 * const issuer = createIssuer({ issuer, keys, status: { store, uri: 'https://id.example.com/status/1' } });
 * ```
 */
export class FileStatusListStore implements StatusListStore {
  readonly path: string;
  readonly #shape: { bits: StatusBits; size: number };
  /** Changes within this process, one at a time. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(path: string, shape: StatusListShape = {}) {
    if (typeof path !== 'string' || path.length === 0) throw new CandorError('invalid_options', 'path must be the store file path.', { field: 'path' });
    this.path = path;
    this.#shape = statusListShape(shape);
  }

  async #read(): Promise<StoreFile> {
    let text: string;
    try {
      // Size-limited, a regular file (a named pipe or /dev/zero is refused, not read forever), UTF-8.
      text = await readTextFile(this.path, { what: 'status store', maxBytes: MAX_STORE_BYTES });
    } catch (e) {
      if (isCliError(e) && e.code === 'file_not_found') return { format: FORMAT, version: 1, lists: {}, tokens: {} };
      const why = isCliError(e) ? e.message : `The status store ${this.path} cannot be read (${systemMessage(e)}).`;
      throw new CandorError('storage_unavailable', `${why} It was left untouched.`, { field: 'store', cause: e });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw corrupt(this.path, `not JSON: ${(e as Error).message}`);
    }
    return validate(this.path, json);
  }

  async #write(file: StoreFile): Promise<void> {
    try {
      await writeFileDurably(this.path, `${JSON.stringify(file, null, 1)}\n`, 0o600);
    } catch (e) {
      throw new CandorError('storage_unavailable', `The status store ${this.path} cannot be written (${isCliError(e) ? e.message : systemMessage(e)}); nothing was changed.`, { field: 'store', cause: e });
    }
  }

  async #lock(): Promise<() => Promise<void>> {
    const lockPath = `${this.path}.lock`;
    const start = Date.now();
    for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
      try {
        const h = await open(lockPath, 'wx', 0o600);
        await h.writeFile(String(process.pid));
        await h.close();
        return () => unlink(lockPath).catch(() => {});
      } catch (e) {
        if ((e as NodeJS.ErrnoException)?.code !== 'EEXIST') {
          throw new CandorError('storage_unavailable', `Cannot create the lock ${lockPath} (${systemMessage(e)}).`, { field: 'store', cause: e });
        }
      }
      if (await removeStaleLock(lockPath)) continue;
      if (Date.now() - start > LOCK_WAIT_MS) {
        throw new CandorError('storage_unavailable', `The status store ${this.path} is locked by another process (${lockPath}); try again, or remove the lock if no candor command is running.`, { field: 'store' });
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  /** Runs `change` on the current file under the lock; writes when it returns true. */
  #update<T>(change: (file: StoreFile) => { value: T; write: boolean }): Promise<T> {
    const run = async () => {
      const release = await this.#lock();
      try {
        const file = await this.#read();
        const { value, write } = change(file);
        if (write) await this.#write(file);
        return value;
      } finally {
        await release();
      }
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => {});
    return next;
  }

  allocate(jti: string, uri: string): Promise<number> {
    checkStoreKeys(jti, uri);
    return this.#update((file) => {
      if (Object.hasOwn(file.tokens, jti)) {
        throw new CandorError('invalid_options', `jti ${JSON.stringify(jti)} already has a status entry; every token needs its own jti.`, { field: 'jti' });
      }
      const list = Object.hasOwn(file.lists, uri) ? file.lists[uri]! : (file.lists[uri] = { ...this.#shape });
      const used = new Set<number>();
      for (const t of Object.values(file.tokens)) if (t.uri === uri) used.add(t.idx);
      const idx = randomUnusedIndex(list.size, used.size, (i) => used.has(i), uri);
      // defineProperty: a jti of "__proto__" must be an entry, not a prototype.
      Object.defineProperty(file.tokens, jti, { value: { uri, idx, status: 0 }, enumerable: true, writable: true, configurable: true });
      return { value: idx, write: true };
    });
  }

  async get(jti: string): Promise<StatusRecord | undefined> {
    checkStoreKeys(jti);
    const file = await this.#read();
    const t = Object.hasOwn(file.tokens, jti) ? file.tokens[jti] : undefined;
    return t && { jti, uri: t.uri, idx: t.idx, status: t.status };
  }

  set(jti: string, status: number): Promise<void> {
    checkStoreKeys(jti);
    return this.#update((file) => {
      const t = Object.hasOwn(file.tokens, jti) ? file.tokens[jti] : undefined;
      if (!t) throw new CandorError('invalid_options', `jti ${JSON.stringify(jti)} has no status entry in ${this.path}.`, { field: 'jti' });
      const bits = file.lists[t.uri]!.bits;
      if (!Number.isInteger(status) || status < 0 || status >= 2 ** bits) {
        throw new CandorError('invalid_options', `status ${status} does not fit the ${bits}-bit list ${t.uri}.`, { field: 'status' });
      }
      checkRevokedIsFinal(jti, t.status, status);
      t.status = status;
      return { value: undefined, write: true };
    });
  }

  async list(uri: string): Promise<StoredStatusList | undefined> {
    const file = await this.#read();
    const list = Object.hasOwn(file.lists, uri) ? file.lists[uri] : undefined;
    if (!list) return undefined;
    const records = Object.entries(file.tokens)
      .filter(([, t]) => t.uri === uri)
      .map(([jti, t]) => ({ jti, uri, idx: t.idx, status: t.status }));
    return { uri, bits: list.bits, size: list.size, records };
  }

  /** Every list URI in the store. @example `for (const uri of await store.uris()) publish(uri)` */
  async uris(): Promise<string[]> {
    return Object.keys((await this.#read()).lists);
  }
}
