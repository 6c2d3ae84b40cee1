/** @candor/cli: the `candor` command and Node-only helpers (local JWKS server, key files). */
export { runCli, mainHelp, commandHelp, version, COMMANDS } from './cli.js';
export { ExitCode } from './exit-codes.js';
export { formatDuration } from './args.js';
export { CliError, isCliError, type CliErrorCode } from './errors.js';
export { serveJwks, JWKS_PATH, type JwksServer, type JwksSource, type ServeJwksOptions } from './jwks-server.js';
export { loadKeySet, saveKeySet, loadOrCreateKeySet, KEY_FILE_NAME, type StoredKeySet } from './key-store.js';
export { FileStatusListStore } from './status-store.js';
