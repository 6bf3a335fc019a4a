import { can, type AccessRole } from '@casustafel/contract/permissions';
import { OPEN_ACTION_STATUSES } from '@casustafel/contract/meeting-rules';
import type { ActionView } from '@casustafel/contract/meetings';
import type { Viewer } from '../common/viewer';
import type { ActionCorrection, ActionEvent } from './action-event.entity';
import type { Action } from './action.entity';

/** Names by id that action views show: of the owners and of those in the histories, of the owning organisations and networks. */
export interface ActionNames {
  users: ReadonlyMap<string, string>;
  organisations: ReadonlyMap<string, string>;
  networks: ReadonlyMap<string, string>;
}

/** What the mapper needs to know about the viewer: who they are and their role per network of the actions (or one for all). */
export interface ActionViewer {
  viewer: Pick<Viewer, 'organisationId'>;
  roles: ReadonlyMap<string, AccessRole | null> | AccessRole | null;
}

/**
 * The one way actions leave the API (JSON; the CSV and PDF exports start from these views). `labels`
 * holds the labels of the cases the disclosure policy lets the viewer see (CaseLabels): an action on
 * a case without a label is left out, since its description and its case would betray the case.
 * `history` is every event of these actions, in order; `today` is the Dutch date that decides overdue.
 */
export function toActionViews(
  actions: Action[],
  history: ActionEvent[],
  standing: ActionViewer,
  labels: ReadonlyMap<string, string>,
  names: ActionNames,
  today: string,
): ActionView[] {
  const { viewer, roles } = standing;
  return actions
    .filter((a) => !a.caseId || labels.has(a.caseId))
    .map((a) => ({
      id: a.id,
      networkId: a.networkId,
      networkName: names.networks.get(a.networkId) ?? '',
      meetingId: a.meetingId,
      agendaItemId: a.agendaItemId,
      case: a.caseId ? { id: a.caseId, label: labels.get(a.caseId)! } : null,
      description: a.description,
      owner: {
        organisation: { id: a.ownerOrganisationId, name: names.organisations.get(a.ownerOrganisationId) ?? '' },
        user: a.ownerUserId ? { id: a.ownerUserId, name: names.users.get(a.ownerUserId) ?? '' } : null,
      },
      dueDate: a.dueDate,
      status: a.status,
      overdue: OPEN_ACTION_STATUSES.includes(a.status) && a.dueDate < today,
      notDoneReason: a.notDoneReason,
      note: a.note,
      version: a.version,
      history: history
        .filter((e) => e.actionId === a.id)
        .map((e) => ({
          at: e.at.toISOString(),
          by: e.userId ? (names.users.get(e.userId) ?? null) : null,
          kind: e.kind,
          status: e.status,
          note: e.note,
          notDoneReason: e.notDoneReason,
          corrected:
            e.kind === 'CORRECTION' && e.corrected
              ? (JSON.parse(e.corrected) as ActionCorrection[]).map(({ field, from, to }) => ({ field, from, to }))
              : [],
        })),
      canUpdate: can(roles instanceof Map ? (roles.get(a.networkId) ?? null) : (roles as AccessRole | null), 'action.update', {
        ownOrganisation: a.ownerOrganisationId === viewer.organisationId,
      }),
      // Set by the service in the answer to an assignment only (issue #13).
      capacityWarning: null,
    }));
}

/** The ids whose names action views show (owners and those in the histories; organisations; networks). */
export function actionNameIds(actions: Action[], history: ActionEvent[]): { users: string[]; organisations: string[]; networks: string[] } {
  return {
    users: [...actions.map((a) => a.ownerUserId), ...history.map((e) => e.userId)].filter((id): id is string => !!id),
    organisations: actions.map((a) => a.ownerOrganisationId),
    networks: actions.map((a) => a.networkId),
  };
}
