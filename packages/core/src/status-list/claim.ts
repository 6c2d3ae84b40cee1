/** The `status` claim a token carries to point at its entry in a status list (draft-ietf-oauth-status-list §6). */
import * as z from 'zod/mini';
import { parseSecureUrl } from '../lib/urls.js';

/** The media type (and JWS `typ`) of a status list token. @example `fetch(uri, { headers: { accept: STATUS_LIST_MEDIA_TYPE } })` */
export const STATUS_LIST_MEDIA_TYPE = 'application/statuslist+jwt';
/** The `typ` of a status list token, without `application/`. @example `header.typ === STATUS_LIST_TYPE` */
export const STATUS_LIST_TYPE = 'statuslist+jwt';
/** The largest index a Candor list uses (2^31 - 1). @example `idx <= MAX_STATUS_INDEX` */
export const MAX_STATUS_INDEX = 2 ** 31 - 1;

/**
 * `status: { status_list: { idx, uri } }`: the token's index in the list published at `uri`
 * (https; http only on the loopback). Other members, of `status` (other status mechanisms, §6.1:
 * "other members of the status object may be defined by other specifications") or of
 * `status_list`, are ignored, not refused.
 *
 * @example
 * ```ts
 * StatusClaimSchema.parse({ status_list: { idx: 7, uri: 'https://id.example.com/status/1' } });
 * ```
 */
export const StatusClaimSchema = z.object({
  status_list: z.object({
    /** The token's index in the list, a whole number from 0. */
    idx: z.int().check(z.gte(0), z.lte(MAX_STATUS_INDEX)),
    /** Where the list is published; the list token's `sub` equals it. */
    uri: z.string().check(
      z.maxLength(2048),
      z.refine((u) => parseSecureUrl(u) !== undefined, { message: 'must be an https URL (http only on the loopback)' }),
    ),
  }),
});
/** The `status` claim. @example `const ref: StatusClaim = { status_list: { idx: 7, uri } }` */
export type StatusClaim = z.infer<typeof StatusClaimSchema>;
