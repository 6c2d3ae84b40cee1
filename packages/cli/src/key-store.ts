/** Reading and writing a private key set file (KeySet JSON, mode 0600) for the issuer side. */
import { join } from 'node:path';
import { KeySet, type SigningAlgorithm } from '@candor/core/keys';
import { isCandorError } from '@candor/core/errors';
import { CliError } from './errors.js';
import { ensurePrivateDir, readJsonFile, writePrivateFile } from './io.js';

/**
 * Loads a key set written by {@link saveKeySet} (or `candor keys generate --out`).
 *
 * @example
 * const keys = await loadKeySet('keys.json');
 */
export async function loadKeySet(path: string): Promise<KeySet> {
  const json = await readJsonFile(path, { what: 'key file' });
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliError('invalid_keys', `The key file ${path} is not a Candor key set (expected a JSON object). Create one with \`candor keys generate --out ${path}\`.`);
  }
  try {
    return await KeySet.fromJSON(json as Parameters<typeof KeySet.fromJSON>[0]);
  } catch (e) {
    const why = isCandorError(e) ? e.message : 'it could not be read as a key set';
    throw new CliError('invalid_keys', `The key file ${path} is not a usable Candor key set: ${why}`, { cause: e });
  }
}

/**
 * Writes a key set with its private keys to `path`, readable by its owner only (0600).
 *
 * @example
 * await saveKeySet('keys.json', await KeySet.generate('EdDSA'));
 */
export async function saveKeySet(path: string, keys: KeySet): Promise<void> {
  await writePrivateFile(path, `${JSON.stringify(await keys.toJSON(), null, 2)}\n`);
}

/** What {@link loadOrCreateKeySet} found. */
export interface StoredKeySet {
  keys: KeySet;
  /** The key file. */
  path: string;
  /** True when the keys were generated now; false when an existing file was reused. */
  created: boolean;
}

/** Name of the key file inside the key folder. */
export const KEY_FILE_NAME = 'issuer-keys.json';

/**
 * Loads the issuer's key set from `dir`, generating and storing one on first use (folder 0700,
 * file 0600). Later runs reuse the same keys, so tokens and published JWKS stay stable.
 *
 * @example
 * const { keys, created } = await loadOrCreateKeySet('.candor', 'ES256');
 */
export async function loadOrCreateKeySet(dir: string, alg: SigningAlgorithm = 'ES256'): Promise<StoredKeySet> {
  const path = join(dir, KEY_FILE_NAME);
  try {
    return { keys: await loadKeySet(path), path, created: false };
  } catch (e) {
    if (!(e instanceof CliError && e.code === 'file_not_found')) throw e;
  }
  await ensurePrivateDir(dir);
  const keys = await KeySet.generate(alg);
  await saveKeySet(path, keys);
  return { keys, path, created: true };
}
