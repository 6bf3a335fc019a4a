import type { MeNetwork, MeView } from '@casustafel/contract/auth';
import type { User } from '../users/user.entity';

/** The one way the signed-in user's own account leaves the API: who they are, their organisation, their networks and guest meetings. */
export function toMeView(user: User, networks: MeNetwork[], guestMeetings: MeView['guestMeetings'], enrolmentRequired: boolean): MeView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    organisation: { id: user.organisationId, name: user.organisation?.name ?? '' },
    networks,
    guestMeetings,
    mfa: { enabled: user.mfaEnabled, enrolmentRequired },
  };
}
