/** File, stdin and JSON input for the CLI, treating every input as hostile: size-limited, validated, never a stack trace. */
import { constants as fsConstants } from 'node:fs';
import { lstat, mkdir, open, readlink, rename, stat, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { CliError } from './errors.js';

/** Largest file the CLI reads (key sets and JWKS are a few KB; this leaves room for many keys). */
export const MAX_INPUT_FILE_BYTES = 1024 * 1024;
/** Largest token accepted on stdin (the verifier applies its own, smaller, token limit after this). */
export const MAX_STDIN_BYTES = 256 * 1024;

/**
 * Reads a UTF-8 file of at most `maxBytes`, with errors that say which file and what to do.
 *
 * @example
 * const text = await readTextFile('keys.json', { what: 'key file' });
 */
export async function readTextFile(path: string, options: { what: string; maxBytes?: number }): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_FILE_BYTES;
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO (e.g. a named pipe passed as a key file) must not hang; it is
    // refused below as not a regular file. Regular files ignore the flag.
    handle = await open(path, fsConstants.O_NONBLOCK === undefined ? 'r' : fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    throw fileError(path, options.what, e);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new CliError('file_unreadable', `The ${options.what} ${path} is not a regular file.`);
    if (info.size > maxBytes) {
      throw new CliError('file_too_large', `The ${options.what} ${path} is ${info.size} bytes; the limit is ${maxBytes} bytes.`);
    }
    // Room for the file as stat() saw it and one byte more, grown up to one byte over the limit,
    // so a file that grows after stat() is still caught and a large limit costs nothing up front.
    let buf = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      if (total === buf.length) buf = Buffer.concat([buf, Buffer.alloc(Math.min(buf.length, maxBytes + 1 - buf.length))]);
      const { bytesRead } = await handle.read(buf, total, buf.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) {
        throw new CliError('file_too_large', `The ${options.what} ${path} is over the ${maxBytes}-byte limit.`);
      }
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, total));
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (e instanceof TypeError) throw new CliError('file_unreadable', `The ${options.what} ${path} is not UTF-8 text.`);
    throw fileError(path, options.what, e);
  } finally {
    await handle.close();
  }
}

/** Parses JSON text from `source`, naming the source when it is not JSON. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const detail = e instanceof SyntaxError ? `: ${e.message}` : '';
    throw new CliError('invalid_json', `${source} is not valid JSON${detail}.`);
  }
}

/**
 * Reads and parses a JSON file (size-limited).
 *
 * @example
 * const jwks = await readJsonFile('jwks.json', { what: 'JWKS file' });
 */
export async function readJsonFile(path: string, options: { what: string; maxBytes?: number }): Promise<unknown> {
  return parseJson(await readTextFile(path, options), `The ${options.what} ${path}`);
}

/**
 * Writes `contents` to `path` atomically and durably: into a temporary file beside it, flushed to
 * disk, then renamed over `path`, and the folder flushed so the rename survives a power cut too.
 * A crash leaves the old file or the new one, never half of either; a failure removes the
 * temporary file (it may hold a private key) and throws the system error. A `path` that is a
 * symbolic link is refused (`write_failed`): the rename would replace the link itself and leave
 * the file it points to as it was, so a rotation would silently not reach that file.
 *
 * @example
 * await writeFileDurably('status.json', JSON.stringify(store), 0o600);
 */
export async function writeFileDurably(path: string, contents: string, mode: number): Promise<void> {
  if (await lstat(path).then((info) => info.isSymbolicLink(), () => false)) {
    const target = await readlink(path).catch(() => undefined);
    throw new CliError(
      'write_failed',
      `${path} is a symbolic link${target === undefined ? '' : ` to ${target}`}: candor replaces a file whole, which would replace the link and leave the file it points to unchanged. Pass the file's own path instead.`,
    );
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const handle = await open(tmp, 'wx', mode);
    try {
      await handle.writeFile(contents);
      await handle.chmod(mode); // the umask may have removed bits a public file needs
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  // Not every platform can open a folder to flush it: then the rename is as durable as it gets.
  const dir = await open(dirname(path), fsConstants.O_RDONLY).catch(() => undefined);
  if (dir) await dir.sync().catch(() => {}).finally(() => dir.close());
}

/**
 * Writes a file only its owner can read (mode 0600 unless `mode` says otherwise), atomically and
 * durably ({@link writeFileDurably}): a crash never leaves half a key file.
 *
 * @example
 * await writePrivateFile('.candor/keys.json', JSON.stringify(keySetJson));
 */
export async function writePrivateFile(path: string, contents: string, mode = 0o600): Promise<void> {
  try {
    await writeFileDurably(path, contents, mode);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError('write_failed', `Could not write ${path}: ${systemMessage(e)}. Check that the folder exists and is writable.`, { cause: e });
  }
}

/** True when something is at `path`, even a symbolic link to nothing (which `--force` must be asked for too). */
export async function pathExists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false);
}

/** Creates a folder only its owner can enter (0700), if it does not exist yet. */
export async function ensurePrivateDir(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true, mode: 0o700 });
    const info = await stat(path);
    if (!info.isDirectory()) throw new CliError('write_failed', `${path} exists and is not a folder.`);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError('write_failed', `Could not create the folder ${path}: ${systemMessage(e)}.`, { cause: e });
  }
}

/** Reads all of stdin as UTF-8, refusing more than `maxBytes`. */
export async function readStdin(stdin: NodeJS.ReadableStream = process.stdin, maxBytes = MAX_STDIN_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > maxBytes) throw new CliError('stdin_too_large', `The token on stdin is over ${maxBytes} bytes; a Candor token is a few KB at most.`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function fileError(path: string, what: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new CliError('file_not_found', `The ${what} ${path} does not exist. Check the path.`);
  if (code === 'EACCES' || code === 'EPERM') return new CliError('file_unreadable', `The ${what} ${path} cannot be read (permission denied).`);
  if (code === 'EISDIR') return new CliError('file_unreadable', `The ${what} ${path} is a folder, not a file.`);
  return new CliError('file_unreadable', `The ${what} ${path} cannot be read: ${systemMessage(e)}.`);
}

/** A file-system error as a message says it: its code (`ENOSPC`, `EACCES`), else its text. @example `systemMessage(e) // "ENOSPC"` */
export function systemMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  return err?.code ?? (e instanceof Error ? e.message : String(e));
}
