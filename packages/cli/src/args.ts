/** Argument parsing for candor's subcommands on node:util parseArgs, with usage errors that name the flag and the fix. */
import { parseArgs } from 'node:util';
import { LOOPBACK_HOSTS_TEXT, parseSecureUrl } from '@candor/core/tokens';
import { CliError } from './errors.js';

/** One flag of a subcommand, as help text and parseArgs both need it. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Placeholder in help, e.g. `FILE`. */
  value?: string;
  description: string;
  required?: boolean;
}

export type FlagSpecs = Record<string, FlagSpec>;
export type ParsedFlags = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** The `help` flag every subcommand accepts. */
export const HELP_FLAG: FlagSpec = { type: 'boolean', short: 'h', description: 'Show this help.' };

/**
 * Parses `argv` strictly: unknown flags, a missing value or an extra positional is a usage error.
 *
 * @example
 * const { flags, positionals } = parseFlags('verify', ['--iss', 'https://a', 'TOKEN'], specs, { maxPositionals: 1 });
 */
export function parseFlags(
  command: string,
  argv: string[],
  specs: FlagSpecs,
  options: { maxPositionals?: number } = {},
): { flags: ParsedFlags; positionals: string[] } {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries({ ...specs, help: HELP_FLAG })) {
    config[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: withDashValues(argv, config), options: config, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new CliError('usage', `${command}: ${describeParseError(e, specs)}`);
  }
  const given = new Map<string, string[]>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    // An empty value is a slip (`--out "$UNSET"`), never a file, URL or id.
    if (token.value === '') throw new CliError('usage', `${command}: --${token.name} needs a value (e.g. --${token.name} ${specs[token.name]?.value ?? 'VALUE'}); got an empty one.`);
    given.set(token.name, [...(given.get(token.name) ?? []), token.value]);
  }
  for (const [name, values] of given) {
    // parseArgs keeps the last of a repeated flag: `--sub A --sub B` must not silently mean B.
    if (values.length > 1 && !specs[name]?.multiple) {
      throw new CliError('usage', `${command}: --${name} is given ${values.length} times (${values.map((v) => JSON.stringify(v)).join(', ')}); it takes one value.`);
    }
  }
  const maxPositionals = options.maxPositionals ?? 0;
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals];
    throw new CliError('usage', `${command}: unexpected argument "${extra}". Run \`candor ${command} --help\` to see what it takes.`);
  }
  const flags = parsed.values as ParsedFlags;
  if (!flags.help) {
    for (const [name, spec] of Object.entries(specs)) {
      if (spec.required && flags[name] === undefined) {
        throw new CliError('usage', `${command}: missing --${name} ${spec.value ?? ''}`.trimEnd() + ` (${lowerFirst(spec.description)})`);
      }
    }
  }
  return { flags, positionals: parsed.positionals };
}

/**
 * `argv` with a value that starts with "-" joined to its flag (`--jti -Qx9…` becomes
 * `--jti=-Qx9…`), which parseArgs otherwise refuses as ambiguous: a token id, a base64url value
 * or a negative number may start with "-". Only after a flag that takes a value, and only when the
 * next argument is not itself one of the command's flags, so `--iss --aud X` still says --iss
 * needs a value.
 */
function withDashValues(argv: readonly string[], config: Record<string, { type: 'string' | 'boolean'; short?: string }>): string[] {
  const shorts = new Set(Object.values(config).flatMap((c) => (c.short ? [`-${c.short}`] : [])));
  const isFlag = (arg: string) => arg === '--' || shorts.has(arg) || (arg.startsWith('--') && Object.hasOwn(config, arg.slice(2).split('=')[0]!));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...out, ...argv.slice(i)];
    const next = argv[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name !== undefined && Object.hasOwn(config, name) && config[name]!.type === 'string' && next?.startsWith('-') && !isFlag(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function describeParseError(e: unknown, specs: FlagSpecs): string {
  const err = e as { code?: string; message?: string };
  const message = err.message ?? String(e);
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? 'that flag';
      const known = Object.keys(specs).map((n) => `--${n}`).join(', ');
      return `unknown flag ${flag}. Known flags: ${known || '(none)'}, --help.`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // Node's wording: "Option '--iss <value>' argument missing" or "Option '-h, --help' does not take an argument".
      const flag = /'(?:-\w, )?(--[\w-]+)/.exec(message)?.[1] ?? 'a flag';
      // "argument is ambiguous": the next argument is one of the command's flags (`--iss --aud X`).
      if (/argument missing|argument is ambiguous/.test(message)) return `${flag} needs a value (e.g. ${flag} ${specs[flag.slice(2)]?.value ?? 'VALUE'}).`;
      return `${flag} does not take a value.`;
    }
    default:
      return message;
  }
}

/** A string flag's value, or undefined. */
export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

/** A required string flag's value (parseFlags already enforced presence; this narrows the type). */
export function requiredFlag(command: string, flags: ParsedFlags, name: string): string {
  const v = stringFlag(flags, name);
  if (v === undefined || v === '') throw new CliError('usage', `${command}: --${name} needs a non-empty value.`);
  return v;
}

/** A repeatable string flag's values (comma-separated values are split too). */
export function listFlag(flags: ParsedFlags, name: string): string[] {
  const v = flags[name];
  const raw = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return raw.flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

/** Checks that `value` is one of `allowed`, naming the flag and the choices otherwise. */
export function choice<T extends string>(command: string, flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError('usage', `${command}: --${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
}

/**
 * Parses a duration: plain seconds (`600`) or a number with s, m, h or d (`10m`, `30d`).
 *
 * @example
 * parseDuration('verify', 'ttl', '10m'); // 600
 */
export function parseDuration(command: string, flag: string, value: string): number {
  const m = /^(\d{1,9})([smhd]?)$/.exec(value.trim());
  if (!m) throw new CliError('usage', `${command}: --${flag} must be a duration like 600, 600s, 10m, 1h or 30d; got "${value}".`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(m[1]) * unit;
  if (seconds <= 0) throw new CliError('usage', `${command}: --${flag} must be more than 0 seconds.`);
  return seconds;
}

/** Parses a whole number within [min, max]. */
export function parseInteger(command: string, flag: string, value: string, min: number, max: number): number {
  if (!/^\d{1,10}$/.test(value.trim())) throw new CliError('usage', `${command}: --${flag} must be a whole number from ${min} to ${max}; got "${value}".`);
  const n = Number(value);
  if (n < min || n > max) throw new CliError('usage', `${command}: --${flag} must be from ${min} to ${max}; got ${n}.`);
  return n;
}

/** Parses an ISO 8601 date-time (`2026-01-31T09:00:00Z`). */
export function parseDate(command: string, flag: string, value: string): Date {
  // Date.parse accepts many loose formats; require the ISO shape so "tomorrow" or "1/2/3" is refused.
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
  const d = new Date(value);
  // Date rolls a day past the month's end over (2026-02-30 is March 2): refuse it instead.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
  if (!iso.test(value) || Number.isNaN(d.getTime()) || day > daysInMonth) {
    throw new CliError('usage', `${command}: --${flag} must be an ISO 8601 date-time such as 2026-01-31T09:00:00Z; got "${value}".`);
  }
  return d;
}

/**
 * Checks an http(s) URL with core's rule (`parseSecureUrl`): https anywhere, http only on this
 * machine (a token's issuer or audience, or a JWKS location, is a trust anchor and must not
 * travel in clear over a network).
 */
export function parseUrl(command: string, flag: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError('usage', `${command}: --${flag} must be an absolute URL such as https://bank.example; got "${value}".`);
  }
  if (!parseSecureUrl(url)) {
    throw new CliError('usage', `${command}: --${flag} must use https (http only on this machine: ${LOOPBACK_HOSTS_TEXT}); got "${value}".`);
  }
  if (url.username || url.password) throw new CliError('usage', `${command}: --${flag} must not contain a user name or password.`);
  return url;
}

const UNITS = [
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * A number of seconds in words, exact: what a person reads in a message.
 *
 * @example
 * formatDuration(7776000); // "90 days"
 * formatDuration(5400);    // "1 hour 30 minutes"
 */
export function formatDuration(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 1) return `${seconds} seconds`;
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
    rest -= n * size;
  }
  return parts.join(' ');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
}
