/** The shape of one candor subcommand: its flags, help text and what it runs. */
import type { FlagSpecs, ParsedFlags } from './args.js';
import type { ExitCode } from './exit-codes.js';

/** Where a command reads and writes; tests and the bin pass process streams. */
export interface CliContext {
  stdin: NodeJS.ReadableStream;
  out(text: string): void;
  err(text: string): void;
  /** Resolves when the user asks a long-running command (serve) to stop. */
  stopSignal(): Promise<string>;
}

/** One subcommand (`keys generate`, `verify`, ...). */
export interface Command {
  /** Full name as typed, e.g. `keys generate`. */
  name: string;
  summary: string;
  /** Usage line after `candor `, e.g. `verify --jwks FILE|URL --iss URL --aud URL TOKEN|-`. */
  usage: string;
  flags: FlagSpecs;
  maxPositionals?: number;
  /** Extra help paragraphs (exit codes, notes). */
  notes?: string[];
  examples: string[];
  run(flags: ParsedFlags, positionals: string[], ctx: CliContext): Promise<ExitCode>;
}

/** Prints a value as pretty JSON on stdout. */
export function printJson(ctx: CliContext, value: unknown): void {
  ctx.out(`${JSON.stringify(value, null, 2)}\n`);
}
