/** @candor/core/status-list: revocation and suspension through Token Status List (draft-ietf-oauth-status-list). */
export { STATUS_LIST_MEDIA_TYPE, STATUS_LIST_TYPE, MAX_STATUS_INDEX, StatusClaimSchema, type StatusClaim } from './claim.js';
export {
  STATUS_BITS,
  STATUS,
  DEFAULT_MAX_INFLATED_BYTES,
  StatusList,
  encodeStatusList,
  decodeStatusList,
  type StatusBits,
  type StatusListJson,
} from './encoding.js';
export {
  MemoryStatusListStore,
  DEFAULT_STATUS_LIST_SIZE,
  randomUnusedIndex,
  statusListShape,
  checkStoreKeys,
  checkRevokedIsFinal,
  type StatusListStore,
  type StatusRecord,
  type StoredStatusList,
  type StatusListShape,
} from './store.js';
export {
  revokeToken,
  suspendToken,
  unsuspendToken,
  statusName,
  createStatusListToken,
  type TokenStatusName,
  type StatusListTokenOptions,
} from './issue.js';
export {
  createStatusChecker,
  DEFAULT_MAX_STATUS_CACHE_SECONDS,
  DEFAULT_MAX_STATUS_RESPONSE_BYTES,
  MAX_STATUS_REDIRECTS,
  type StatusChecker,
  type StatusCheckerOptions,
} from './checker.js';
export { assignStatus, checkStatusListAssignment, type StatusListAssignment } from './assign.js';
