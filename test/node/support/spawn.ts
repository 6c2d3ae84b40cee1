// Runs a Node script as a child process and collects its output (async, so an in-process server can answer it).
import { spawn } from 'node:child_process';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node script ...args`, optionally writing `input` to stdin; rejects after `timeoutMs`. */
export function runNode(script: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')} did not finish in time.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** What `candor serve` prints first: where it serves. */
export interface ServeInfo {
  url: string;
  jwksUrl: string;
  issuer?: string;
  issuerMetadataUrl?: string;
}

/**
 * Starts `node bin serve ...args` and resolves once it printed its first line (the JSON saying
 * where it serves), with the child to stop later; rejects if it exits first.
 */
export async function startServe(bin: string, args: string[]): Promise<{ child: ReturnType<typeof spawn>; info: ServeInfo }> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const info = await new Promise<ServeInfo>((resolve, reject) => {
    let buf = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      if (buf.includes('\n')) resolve(JSON.parse(buf.split('\n')[0]!) as ServeInfo);
    });
    child.on('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
  });
  return { child, info };
}
