/** Typed errors of the candor CLI: each one maps to an exit code and a message a person can act on. */

/** Why the CLI stopped before it could give an answer. */
export type CliErrorCode =
  | 'usage' // unknown command or flag, missing or bad value (exit 2)
  | 'file_not_found'
  | 'file_too_large'
  | 'file_unreadable'
  | 'invalid_json'
  | 'invalid_keys' // a key file that is not a Candor key set
  | 'invalid_url'
  | 'fetch_failed'
  | 'write_failed'
  | 'stdin_too_large'
  | 'no_token' // verify: the argument, stdin or token file held no token (exit 2)
  | 'port_unavailable'; // serve: the port is taken or needs privileges (exit 2)

/**
 * An error the person at the keyboard can fix: it is printed without a stack trace.
 *
 * @example
 * throw new CliError('usage', 'Missing --keys: pass the key file written by `candor keys generate`.');
 */
export class CliError extends Error {
  readonly code: CliErrorCode;
  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.code = code;
  }
}

/** True when `e` is a {@link CliError}. */
export function isCliError(e: unknown): e is CliError {
  return e instanceof CliError;
}
