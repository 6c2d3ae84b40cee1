/** `candor status revoke|suspend|unsuspend`: change a token's entry in the issuer's status store by its jti. */
import { revokeToken, suspendToken, unsuspendToken, type StatusListStore, type StatusRecord } from '@candor/core/status-list';
import { requiredFlag } from '../args.js';
import { printJson, type Command } from '../command.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { pathExists } from '../io.js';
import { FileStatusListStore } from '../status-store.js';

const FLAGS = {
  jti: { type: 'string', value: 'ID', required: true, description: 'The token\'s jti (printed by `candor issue --json`).' },
  'status-store': { type: 'string', value: 'FILE', required: true, description: 'The status store file given to `candor issue --status-store`.' },
} as const;

function statusCommand(verb: 'revoke' | 'suspend' | 'unsuspend', summary: string, change: (store: StatusListStore, jti: string) => Promise<StatusRecord>): Command {
  return {
    name: `status ${verb}`,
    summary,
    usage: `status ${verb} --jti ID --status-store FILE`,
    flags: FLAGS,
    notes: [
      'Prints {"jti", "uri", "idx", "status"}. Partners see the change once their cached list is older than its ttl',
      '(`candor serve --status-ttl`). Revocation is final: a revoked token cannot be unsuspended (exit 1, code revoked).',
    ],
    examples: [`candor status ${verb} --jti k3JqW9sLm2PzX8vB1nC4dA --status-store status.json`],
    async run(flags, _positionals, ctx) {
      const path = requiredFlag(this.name, flags, 'status-store');
      // The store treats a missing file as empty (issue creates it): here it is a mistyped path, not an unknown jti.
      if (!(await pathExists(path))) {
        throw new CliError('file_not_found', `${this.name}: the status store ${path} does not exist. Check the path: it is the file given to \`candor issue --status-store\`.`);
      }
      const store = new FileStatusListStore(path);
      const record = await change(store, requiredFlag(this.name, flags, 'jti'));
      printJson(ctx, { jti: record.jti, uri: record.uri, idx: record.idx, status: ['valid', 'revoked', 'suspended'][record.status] ?? record.status });
      return ExitCode.ok;
    },
  };
}

export const statusRevoke = statusCommand('revoke', 'Revoke a token for good (status 0x01 in its status list).', revokeToken);
export const statusSuspend = statusCommand('suspend', 'Suspend a token until it is unsuspended (status 0x02).', suspendToken);
export const statusUnsuspend = statusCommand('unsuspend', 'Make a suspended token valid again (status 0x00); never a revoked one.', unsuspendToken);
