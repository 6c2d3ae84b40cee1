/** Turns zod issues into messages a person can act on (zod/mini ships no message locale). */
import type { core } from 'zod/mini';

/** One problem found in a value, with the path to it and what was expected. */
export interface ValidationIssue {
  /** Dotted path to the offending field, `(root)` for the value itself. */
  path: string;
  /** A sentence saying what is wrong and what is expected instead. */
  message: string;
}

/** What kind of value `value` is, as a message names it ("an array", "null", "number"), without reading it. */
export const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;

/** zod/mini ships no message locale: every issue says "Invalid input" unless the schema gave its own message. */
const hasOwnMessage = (issue: core.$ZodIssue): boolean => Boolean(issue.message) && issue.message !== 'Invalid input';

function describe(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, got ${issue.input === undefined ? 'nothing' : kindOf(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${issue.minimum} character(s) long`
        : issue.origin === 'array'
          ? `must have at least ${issue.minimum} item(s)`
          : `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} character(s) long`
        : issue.origin === 'array'
          ? `must have at most ${issue.maximum} item(s)`
          : `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_format':
      // A schema that words its own rule (e.g. attribute names) says it better than the pattern.
      if (hasOwnMessage(issue)) return issue.message;
      return issue.format === 'regex' ? `does not match the pattern ${issue.pattern}` : `must be a valid ${issue.format}`;
    case 'invalid_key': {
      // A record key that fails the key schema: say what is wrong with the key itself.
      const inner = issue.issues[0];
      return inner ? describe(inner as core.$ZodIssue) : 'is not an allowed key';
    }
    case 'unrecognized_keys':
      return `has unknown key(s) ${issue.keys.join(', ')}; remove them`;
    case 'invalid_union':
      return 'does not match any allowed shape';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'custom':
      return hasOwnMessage(issue) ? issue.message : 'is not valid';
    default:
      return 'is not valid';
  }
}

/** Converts zod issues to `{ path, message }` pairs, at most `limit` of them. */
export function toValidationIssues(issues: readonly core.$ZodIssue[], limit = 20): ValidationIssue[] {
  return issues.slice(0, limit).map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    return { path, message: `${path} ${describe(issue)}` };
  });
}

/** One line summarising issues, e.g. `steps.0.title must be at least 1 character(s) long; …`. */
export function summarizeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => i.message).join('; ');
}

/** Anything with zod's `safeParse`: every schema in `@candor/core/models`. */
export interface Parser<T> {
  safeParse(value: unknown, params?: { reportInput?: boolean }): { success: true; data: T } | { success: false; error: { issues: core.$ZodIssue[] } };
}

/** Outcome of {@link checkValue}: the parsed value, or the issues naming what is wrong. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/**
 * `value` parsed by `schema`, never throwing: a getter that throws or a revoked Proxy anywhere in
 * `value` is an issue at `(root)`, like any other input that cannot be used. The one way the SDK
 * and the components apply a model to what a caller passed.
 *
 * @example
 * const r = checkValue(IncidentSchema, input);
 * if (!r.ok) console.warn(summarizeIssues(r.issues));
 */
export function checkValue<T>(schema: Parser<T>, value: unknown): Checked<T> {
  try {
    // reportInput lets the issue say what was received ("expected number, got string").
    const r = schema.safeParse(value, { reportInput: true });
    return r.success ? { ok: true, value: r.data } : { ok: false, issues: toValidationIssues(r.error.issues) };
  } catch (e) {
    return { ok: false, issues: [{ path: '(root)', message: `(root) could not be read: ${String(e)}` }] };
  }
}
