import type { NetworkRole } from './enums';

/**
 * GET /api/networks/:id/overview — the viewer's work queue in this network, as numbers scoped to what their
 * role answers for: the coordinator the whole network; a partner their organisation's actions and the cases
 * it brought in; a volunteer rep their organisation's questions. A number the role has no part in is 0.
 */
export interface NetworkOverviewView {
  networkId: string;
  networkName: string;
  role: NetworkRole | null;
  /** Coordinator: cases SUBMITTED and not yet accepted, declined or referred. */
  casesToTriage: number;
  /** Coordinator: referrals from other networks waiting for their decision (issue #14). */
  referralsWaiting: number;
  /** Coordinator: questions awaiting an answer; volunteer rep/partner: their organisation's open questions. */
  openQuestions: number;
  /** Volunteer rep/partner: their organisation's questions answered (or with a new message) in the last 14 days. */
  questionsWithNewAnswers: number;
  /** Coordinator: the network's; partner: their organisation's. */
  overdueActions: number;
  /** Open actions due from today through the coming Sunday (Amsterdam). */
  actionsDueThisWeek: number;
  /** Coordinator: overdue actions per owning organisation (names are not personal data); others []. */
  overdueByOrganisation: { organisation: { id: string; name: string }; count: number }[];
  /** Partner: open cases their organisation brought in (not closed, declined or referred). */
  submittedCasesOpen: number;
  /** Coordinator: closed meetings whose minutes are not yet approved; partner: minutes sent to them for comment. */
  minutesAwaitingApproval: number;
  nextMeeting: { id: string; startsAt: string; agendaReady: boolean } | null;
}
