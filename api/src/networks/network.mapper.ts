import type { NetworkRole } from '@casustafel/contract/enums';
import type { MemberView, NetworkView, RoleReviewView, RoleView } from '@casustafel/contract/networks';
import { plusMonthsAmsterdam } from '../common/amsterdam-time';
import type { Membership } from './membership.entity';
import type { Network } from './network.entity';
import type { NetworkRoleAssignment } from './network-role.entity';

export function toNetworkView(network: Network, myRole: NetworkRole | null, canManage: boolean): NetworkView {
  return {
    id: network.id,
    name: network.name,
    kind: network.kind,
    area: network.area,
    createdAt: network.createdAt.toISOString(),
    myRole,
    canManage,
  };
}

/** Needs the membership's organisation loaded. */
export function toMemberView(membership: Membership): MemberView {
  const organisation = membership.organisation!;
  return {
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind, sector: organisation.sector },
    ring: membership.ring,
    since: membership.since,
    capacity: membership.capacity ?? null,
  };
}

/** Needs the assignment's user and the user's organisation loaded. */
export function toRoleView(assignment: NetworkRoleAssignment): RoleView {
  const user = assignment.user!;
  return {
    user: { id: user.id, name: user.name, email: user.email },
    organisation: { id: user.organisationId, name: user.organisation?.name ?? '' },
    role: assignment.role,
    since: assignment.createdAt.toISOString(),
  };
}

/** The yearly review of the network's roles: when last confirmed, when due, and who has not signed in for six months. */
export function toRoleReviewView(
  network: Network,
  confirmedBy: string | null,
  inactive: NetworkRoleAssignment[],
  now: Date,
  everyMonths: number,
): RoleReviewView {
  const due = network.rolesConfirmedAt ? plusMonthsAmsterdam(network.rolesConfirmedAt, everyMonths) : new Date(now);
  return {
    confirmedAt: network.rolesConfirmedAt?.toISOString() ?? null,
    confirmedBy,
    dueAt: due.toISOString(),
    overdue: due.getTime() <= now.getTime(),
    inactive: inactive.map((r) => ({
      userId: r.userId,
      name: r.user?.name ?? '',
      organisation: r.user?.organisation?.name ?? '',
      role: r.role,
      lastSignInAt: r.user?.lastSignInAt?.toISOString() ?? null,
    })),
  };
}
