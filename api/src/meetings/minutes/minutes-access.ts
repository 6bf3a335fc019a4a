import type { MinutesStatus } from '@casustafel/contract/minutes';
import { can, type AccessRole } from '@casustafel/contract/permissions';

/**
 * Whether a role may read a meeting's record (its minutes and, on a case's history, the decisions of
 * its agenda items): the `minutes.read` grant with its condition `approvedOrPresentWhenSent` — the
 * coordinator always; a member once the minutes are approved, or sent while their organisation was
 * present. `status` is null while there are no minutes yet.
 */
export function mayReadRecord(role: AccessRole | null, status: MinutesStatus | null, organisationPresent: boolean): boolean {
  return can(role, 'minutes.read', { approvedOrPresentWhenSent: status === 'APPROVED' || (status === 'SENT' && organisationPresent) });
}
