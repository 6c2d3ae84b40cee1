#!/usr/bin/env node
// The `candor` command: a thin launcher for the built CLI in ../dist.
let runCli;
try {
  ({ runCli } = await import('../dist/cli.js'));
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  console.error('candor: the CLI is not built yet. Run `npm run build` at the repository root, then try again.');
  process.exit(2);
}
process.exitCode = await runCli(process.argv.slice(2));
