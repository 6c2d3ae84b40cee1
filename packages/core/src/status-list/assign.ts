/** Giving a newly issued token or credential its entry in a status list, the same way for every kind of token. */
import { describeValue, optionError } from '../lib/options.js';
import { LOOPBACK_HOSTS_TEXT, parseSecureUrl } from '../lib/urls.js';
import type { StatusClaim } from './claim.js';
import type { StatusListStore } from './store.js';

/**
 * Where new tokens get their status: a random unused index in the list at `uri`, kept in
 * `store` under the token's `jti`. Publish the list with `createStatusListToken`; revoke with
 * `revokeToken(store, jti)`.
 *
 * @example
 * const status: StatusListAssignment = { store: new MemoryStatusListStore(), uri: 'https://id.example.com/status/1' };
 */
export interface StatusListAssignment {
  store: StatusListStore;
  uri: string;
}

/** Checks a `{ store, uri }` option; throws `invalid_options` naming `field` when it is not one. */
export function checkStatusListAssignment(field: string, value: unknown): StatusListAssignment {
  const status = value as Partial<StatusListAssignment> | null;
  if (status === null || typeof status !== 'object' || typeof status.store?.allocate !== 'function') {
    throw optionError(field, 'must be { store, uri } with a StatusListStore (e.g. new MemoryStatusListStore()) and the list URI.');
  }
  if (typeof status.uri !== 'string' || status.uri.length > 2048 || !parseSecureUrl(status.uri)) {
    throw optionError(`${field}.uri`, `must be the https URL the status list is published at (http only on this machine: ${LOOPBACK_HOSTS_TEXT}); got ${describeValue(status.uri)}.`);
  }
  return status as StatusListAssignment;
}

/** Takes an index for `jti` and returns the `status` claim pointing at it. Call it last, so that refused input takes no index. */
export async function assignStatus(assignment: StatusListAssignment, jti: string): Promise<StatusClaim> {
  return { status_list: { idx: await assignment.store.allocate(jti, assignment.uri), uri: assignment.uri } };
}
