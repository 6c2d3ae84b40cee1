// Shared by the tests of the Python partner verifier (examples/partner-verify/verify.py): running
// it, reading its decision, and asking Candor for its own. Python runs with -I -S (no
// site-packages), so a third-party import would fail here too. Set PYTHON to try another
// interpreter (default python3).
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import type { CandorKey } from '@candor/core/keys';
import type { VerificationResult } from '@candor/core/tokens';
import { isCandorError } from '@candor/core/errors';
import { AUD, ISS, claims as tokenClaims } from '../../core/token-kit.js';

export const PYTHON = process.env.PYTHON ?? 'python3';
export const SCRIPT = 'examples/partner-verify/verify.py';

/** accepted, reverification_due, or the reason a token was refused. */
export type Decision = string;
export interface PythonRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> | undefined;
}

/** Runs verify.py with `args`, only `env` (and PATH) in its environment, and `input` on stdin. */
export function runPython(args: string[], env: Record<string, string>, input = ''): Promise<PythonRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-I', '-S', SCRIPT, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(stdout) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json });
    });
    child.stdin.end(input);
  });
}

/** Throws, saying what to install, unless PYTHON is Python 3.9 or later. */
export function requirePython(): void {
  const probe = spawnSync(PYTHON, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`${PYTHON} was not found (${probe.error?.message ?? probe.stderr}). Install Python 3.9 or later (for example apt-get install python3) to run the partner verifier tests.`);
  }
  const [major, minor] = probe.stdout.trim().split('.').map(Number) as [number, number];
  if (major < 3 || (major === 3 && minor < 9)) throw new Error(`${PYTHON} is Python ${probe.stdout.trim()}; the partner verifier needs Python 3.9 or later. Install it to run these tests.`);
}

export const nowS = () => Math.floor(Date.now() / 1000);

/** Claims of a valid token for customer-0042, around the real time (verify.py reads the real clock). */
export const claims = (extra: Record<string, unknown> = {}) => tokenClaims({ sub: 'customer-0042', ...extra }, nowS());

export const header = (key: CandorKey, extra: Record<string, unknown> = {}) => ({ alg: key.alg, kid: key.kid, typ: 'candor-verification+jwt', ...extra });

/** verify.py's settings: the JWKS (URL or file), the issuer and audience of token-kit, and `extra`. */
export const partnerEnv = (jwks: string, extra: Record<string, string> = {}) => ({ CANDOR_JWKS_URL: jwks, CANDOR_ISSUER: ISS, CANDOR_AUDIENCE: AUD, ...extra });

/**
 * Runs verify.py on `token` and returns its decision, after asserting it printed one JSON object,
 * nothing on stderr, and the exit code that goes with the decision (0 accepted, 3 re-verification
 * due, 1 any other refusal).
 */
export async function pythonDecision(token: string, env: Record<string, string>): Promise<{ decision: Decision; run: PythonRun }> {
  const run = await runPython([token], env);
  expect(run.json, `verify.py printed no JSON: ${run.stdout}${run.stderr}`).to.be.an('object');
  expect(run.stdout.trim().split('\n'), 'one line of JSON').to.have.length(1);
  const json = run.json!;
  const decision = json.accepted === true ? 'accepted' : String(json.reason);
  expect(run.code, run.stdout + run.stderr).to.equal(decision === 'accepted' ? 0 : decision === 'reverification_due' ? 3 : 1);
  expect(run.stderr).to.equal('');
  return { decision, run };
}

/** Candor's decision in the same words: accepted, reverification_due, or the CandorError code. */
export async function candorDecision(verify: () => Promise<VerificationResult>): Promise<Decision> {
  try {
    const result = await verify();
    return result.outcome === 'valid' ? 'accepted' : result.outcome;
  } catch (e) {
    if (isCandorError(e)) return e.code;
    throw e;
  }
}
