import type { UserView } from '@casustafel/contract/users';
import type { User } from './user.entity';

/** Needs the user's organisation loaded. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    active: user.active,
    activated: user.passwordHash !== null,
    mfaEnabled: user.mfaEnabled,
    organisation: { id: user.organisationId, name: user.organisation?.name ?? '' },
    createdAt: user.createdAt.toISOString(),
  };
}
