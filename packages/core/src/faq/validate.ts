/** The one way the FAQ helpers refuse a FAQ entry or contact channel: `invalid_faq`, with issues naming the paths. */
import type * as z from 'zod/mini';
import { CandorError } from '../errors.js';
import { checkValue, summarizeIssues } from '../models/issues.js';

/**
 * `value` parsed by `schema`, or a `CandorError('invalid_faq')` whose message starts with `lead`
 * and whose `issues` name every path at fault (`field` is the first).
 *
 * @example
 * const channel = parseFaqInput(ContactChannelSchema, input, 'The contact channel is not valid');
 */
export function parseFaqInput<S extends z.ZodMiniType>(schema: S, value: unknown, lead: string): z.infer<S> {
  const r = checkValue<z.infer<S>>(schema, value);
  if (r.ok) return r.value;
  const { issues } = r;
  throw new CandorError('invalid_faq', `${lead}: ${summarizeIssues(issues.slice(0, 5))}.`, { field: issues[0]!.path, issues });
}
