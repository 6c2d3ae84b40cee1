#!/usr/bin/env node
// The `candor` command: a thin launcher for the built CLI (run `npm run build` first).
import { runCli } from '../dist/cli.js';

process.exitCode = await runCli(process.argv.slice(2));
