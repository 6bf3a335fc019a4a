import type { NetworkRole } from '@casustafel/contract/enums';
import type { NetworkOverviewView } from '@casustafel/contract/overview';
import type { Meeting } from '../meetings/meeting.entity';
import type { Network } from '../networks/network.entity';

/** The numbers the service counted, each already scoped to the viewer's role (0 where the role has no part). */
export type OverviewCounts = Pick<
  NetworkOverviewView,
  | 'casesToTriage'
  | 'referralsWaiting'
  | 'submittedCasesOpen'
  | 'openQuestions'
  | 'questionsWithNewAnswers'
  | 'overdueActions'
  | 'actionsDueThisWeek'
  | 'minutesAwaitingApproval'
>;

/** The one way a work queue leaves the API: numbers, names of organisations (not personal data) and the next meeting. */
export function toNetworkOverview(
  network: Pick<Network, 'id' | 'name'>,
  role: NetworkRole,
  counts: OverviewCounts,
  overdueByOrganisation: NetworkOverviewView['overdueByOrganisation'],
  next: { meeting: Meeting | null; agendaReady: boolean },
): NetworkOverviewView {
  return {
    networkId: network.id,
    networkName: network.name,
    role,
    ...counts,
    overdueByOrganisation,
    nextMeeting: next.meeting
      ? { id: next.meeting.id, startsAt: next.meeting.startsAt.toISOString(), agendaReady: next.agendaReady }
      : null,
  };
}
