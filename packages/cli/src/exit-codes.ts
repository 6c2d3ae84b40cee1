/** The candor command's exit codes: documented, stable, and distinct for "re-verification due". */

/**
 * Exit codes of `candor`. Scripts branch on these, so they never change meaning.
 *
 * @example
 * // candor verify ... ; case $? in 0) ok ;; 3) ask the customer to verify again ;; esac
 */
export const ExitCode = {
  /** Success; for `verify`, the token is valid. */
  ok: 0,
  /** `verify`: the token is invalid (JSON on stdout names the code). Other commands: the operation failed. */
  invalid: 1,
  /** Usage error: unknown command or flag, missing or bad value. Nothing was done. */
  usage: 2,
  /** `verify`: the signature and claims are fine but the verification is too old for its risk tier. */
  reverificationDue: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
