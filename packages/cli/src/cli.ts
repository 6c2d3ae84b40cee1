/** The candor command line: routes a subcommand, prints help, and turns every failure into an exit code and a message. */
import { readFileSync } from 'node:fs';
import { isCandorError } from '@candor/core/errors';
import { FORBIDDEN_ATTRIBUTE_NAMES } from '@candor/core/tokens';
import { parseFlags, HELP_FLAG } from './args.js';
import type { CliContext, Command } from './command.js';
import { isCliError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { issue } from './commands/issue.js';
import { jwks } from './commands/jwks.js';
import { keysGenerate, keysPrune, keysRotate } from './commands/keys.js';
import { serve } from './commands/serve.js';
import { statusRevoke, statusSuspend, statusUnsuspend } from './commands/status.js';
import { verify } from './commands/verify.js';
import { keysHolder, present } from './commands/sd-jwt.js';

/** Every subcommand, in the order help lists them. */
export const COMMANDS: readonly Command[] = [keysGenerate, keysRotate, keysPrune, keysHolder, jwks, issue, present, verify, serve, statusRevoke, statusSuspend, statusUnsuspend];

/** The installed @candor/cli version (read from its package.json next to dist/). */
export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A context on the process's own streams and signals. */
export function processContext(): CliContext {
  return {
    stdin: process.stdin,
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    stopSignal: () =>
      new Promise((resolve) => {
        const stop = (signal: string) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(signal);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
  };
}

/**
 * Runs `candor` with `argv` (without the node and script paths) and resolves to its exit code.
 * Never throws: user errors become a one-line message on stderr and exit code 2 (usage) or 1.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: string[], ctx: CliContext = processContext()): Promise<ExitCode> {
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const target = first === 'help' ? findCommand(argv.slice(1)) : undefined;
    ctx.out(target ? commandHelp(target.command) : mainHelp());
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    ctx.out(`${version()}\n`);
    return ExitCode.ok;
  }
  const found = findCommand(argv);
  const group = first === 'keys' || first === 'status';
  if (!found && group && (second === undefined || second === '--help' || second === '-h')) {
    // `candor keys` alone lists its subcommands; with --help that is what was asked for.
    ctx.out(groupHelp(first));
    return second === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (!found) {
    const what = group ? (second === undefined ? `${first} needs a subcommand` : `unknown subcommand "${first} ${second}"`) : `unknown command "${first}"`;
    ctx.err(`candor: ${what}. Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run \`candor --help\`.\n`);
    return ExitCode.usage;
  }
  const { command, rest } = found;
  try {
    const { flags, positionals } = parseFlags(command.name, rest, command.flags, { maxPositionals: command.maxPositionals ?? 0 });
    if (flags.help) {
      ctx.out(commandHelp(command));
      return ExitCode.ok;
    }
    return await command.run(flags, positionals, ctx);
  } catch (e) {
    return reportError(ctx, command, e);
  }
}

function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  for (const command of COMMANDS) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

function reportError(ctx: CliContext, command: Command, e: unknown): ExitCode {
  if (isCliError(e)) {
    const usage = e.code !== 'write_failed' && e.code !== 'fetch_failed';
    const message = e.message.startsWith(`${command.name}:`) ? e.message : `${command.name}: ${e.message}`;
    ctx.err(`candor ${message}\n${e.code === 'usage' ? `Run \`candor ${command.name} --help\` for its flags.\n` : ''}`);
    return usage ? ExitCode.usage : ExitCode.invalid;
  }
  if (isCandorError(e)) {
    // Outside verify's verdicts (handled by verify itself), a CandorError means the SDK refused
    // what the flags asked for: a usage error. Say it in terms of the flags, not the SDK options.
    const problems = e.issues?.length ? e.issues.map((i) => inFlagTerms(i.path, i.message)) : [e.field === undefined ? e.message : inFlagTerms(e.field, e.message)];
    ctx.err(`candor ${command.name}: ${problems.join('; ')} (${e.code})\n`);
    // Missing consent, a revoked token or an unusable store is a refusal of the operation, not a mistake in the command line.
    return e.code === 'consent_required' || e.code === 'revoked' || e.code === 'storage_unavailable' || e.code === 'status_list_full' ? ExitCode.invalid : ExitCode.usage;
  }
  // A bug, not a user error: keep the stack so it can be reported.
  ctx.err(`candor ${command.name}: unexpected error. Please report it with this output:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return ExitCode.invalid;
}

/** SDK option names and claim paths (CandorError.field, ValidationIssue.path) and the flags that set them. */
const FIELD_FLAGS: Record<string, string> = {
  issuer: '--iss',
  iss: '--iss',
  audience: '--aud',
  aud: '--aud',
  subject: '--sub',
  sub: '--sub',
  ttlSeconds: '--ttl',
  maxTokenTtlSeconds: '--max-token-ttl',
  'verification.level': '--level',
  'verification.methods': '--method',
  'verification.riskTier': '--risk',
  'verification.verifiedAt': '--verified-at',
  attributes: '--attr',
  algorithms: '--alg',
  minimumLevel: '--min-level',
  clockToleranceSeconds: '--clock-tolerance',
  reverificationPolicy: '--reverify-after',
  'jwks.timeoutMs': '--timeout',
  pairwiseSecret: '--pairwise-secret-file',
  consent: '--consent',
  jti: '--jti',
  'status.uri': '--status-uri',
};

/** The flag, as typed, behind a core path: `attributes.dob` is `--attr dob`, `verification.methods.1` is `--method`. */
export function flagFor(path: string): string | undefined {
  if (path.startsWith('attributes.')) return `--attr ${path.slice('attributes.'.length)}`;
  if (path.startsWith('reverificationPolicy.')) return `--reverify-after ${path.slice('reverificationPolicy.'.length)}=…`;
  for (let p = path; p !== ''; p = p.slice(0, Math.max(0, p.lastIndexOf('.')))) if (FIELD_FLAGS[p]) return FIELD_FLAGS[p];
  return undefined;
}

/** Core's `text` about `path` (its messages start with the path) reworded to start with the flag. */
function inFlagTerms(path: string, text: string): string {
  const attribute = path.startsWith('attributes.') ? path.slice('attributes.'.length) : undefined;
  if (attribute !== undefined && (FORBIDDEN_ATTRIBUTE_NAMES as readonly string[]).includes(attribute)) {
    const fact = /birth|dob/.test(attribute) ? 'age_over_18=true' : /address/.test(attribute) ? 'resident_country=AE' : 'age_over_18=true or resident_country=AE';
    return `--attr ${attribute} is refused: it would put the customer's personal data itself in the token, which carries only derived facts (data minimisation). Disclose what the partner needs instead, e.g. --attr ${fact}`;
  }
  const flag = flagFor(path);
  if (!flag) return text;
  return text.startsWith(`${path} `) ? `${flag}${text.slice(path.length)}` : `${flag}: ${text}`;
}

/** The top-level help text. */
export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `candor ${version()}: keys, JWKS, issuing and verifying Candor reusable-verification tokens.`,
    '',
    'Usage: candor <command> [flags]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global: --help (also after a command), --version',
    '',
    'Exit codes: 0 success / token valid, 1 token invalid or operation failed,',
    '            2 usage or input error (nothing was done), 3 token valid but re-verification due.',
    '',
    'Run `candor <command> --help` for a command\'s flags and examples.',
    '',
  ].join('\n');
}

/** Help for a group of subcommands (`candor keys`). */
function groupHelp(group: string): string {
  const members = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  const width = Math.max(...members.map((c) => c.name.length));
  return [
    `Usage: candor ${group} <${members.map((c) => c.name.slice(group.length + 1)).join('|')}> [flags]`,
    '',
    ...members.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run \`candor ${group} <subcommand> --help\` for its flags.`,
    '',
  ].join('\n');
}

/** Help text of one command, generated from its flag specs. */
export function commandHelp(command: Command): string {
  const flags = Object.entries({ ...command.flags, help: HELP_FLAG });
  const labels = flags.map(([name, spec]) => `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`);
  const width = Math.max(...labels.map((l) => l.length));
  return [
    `candor ${command.name}: ${command.summary}`,
    '',
    `Usage: candor ${command.usage}`,
    '',
    'Flags:',
    ...flags.map(([, spec], i) => `  ${labels[i]!.padEnd(width)}  ${spec.required ? '(required) ' : ''}${spec.multiple ? '(repeatable) ' : ''}${spec.description}`),
    ...(command.notes?.length ? ['', ...command.notes] : []),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
