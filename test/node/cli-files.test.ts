// Key files and the status store are written atomically and durably: a failed write leaves the
// old file as it was and no temporary copy of a private key behind.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeySet } from '@candor/core/keys';
import { isCliError, loadKeySet, saveKeySet } from '@candor/cli';

describe('candor CLI: key files are written atomically', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'candor-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the key set readable by its owner only, replacing the old file whole', async () => {
    const path = join(dir, 'keys.json');
    writeFileSync(path, 'old');
    const keys = await KeySet.generate('ES256');
    await saveKeySet(path, keys);
    expect((statSync(path).mode & 0o777).toString(8)).to.equal('600');
    expect((await loadKeySet(path)).active.kid).to.equal(keys.active.kid);
    expect(readdirSync(dir)).to.deep.equal(['keys.json']);
  });

  it('a write that fails leaves no temporary file holding the private key, and says what failed', async () => {
    const path = join(dir, 'keys.json');
    mkdirSync(path); // a folder where the file should go: the rename fails
    writeFileSync(join(path, 'inside'), 'x');
    let error: unknown;
    try {
      await saveKeySet(path, await KeySet.generate('ES256'));
    } catch (e) {
      error = e;
    }
    expect(isCliError(error), String(error)).to.equal(true);
    expect((error as Error).message).to.include(`Could not write ${path}`);
    expect(readdirSync(dir)).to.deep.equal(['keys.json']);
    expect(readFileSync(join(path, 'inside'), 'utf8')).to.equal('x');
  });
});
