// Runs the candor CLI in this process: the same code as the bin, without a Node start per call
// (a child process per call costs seconds on a busy machine).
import { Readable } from 'node:stream';
import { runCli } from '@candor/cli';
import type { RunResult } from './spawn.js';

/** Runs `candor args` with `input` on stdin; collects what it prints. */
export async function candor(args: string[], input?: string): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdin: Readable.from(input === undefined ? [] : [input]),
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    stopSignal: () => new Promise(() => {}),
  });
  return { code, stdout, stderr };
}
