// Runs the Node test suites with Mocha (TypeScript through tsx): the shared core tests in
// test/core and the Node-only ones in test/node. Writes its counts to test-results/node.json
// for test/run.mjs. Usage: npm run test:node [-- <grep>]
import Mocha from 'mocha';
import { mkdirSync, writeFileSync } from 'node:fs';
import { testFiles } from './support/files.mjs';

const grep = process.argv.slice(2).find((a) => !a.startsWith('-'));
const mocha = new Mocha({ reporter: 'spec', timeout: 30000, ...(grep ? { grep } : {}) });
for (const f of [...testFiles('test/core'), ...testFiles('test/node')]) mocha.addFile(f);
await mocha.loadFilesAsync();
const runner = mocha.run(() => {
  const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/node.json', JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
  process.exitCode = failures > 0 ? 1 : 0;
});
