import type { CaseStatus } from './enums';
import type { ActionView } from './meetings';
import type { MeetingStatus } from './meeting-rules';

/**
 * GET /api/cases/:id/timeline — the case's history, oldest first, each entry through the disclosure policy:
 * a viewer who may not see the case gets 404 like for the case itself; meeting notes and decisions only
 * for viewers who may read that meeting's record; actions as the viewer may see them.
 */
export type CaseTimelineEntry =
  | { kind: 'INTAKE'; at: string; organisation: { id: string; name: string } }
  | { kind: 'FROM_QUESTION'; at: string; question: { id: string; title: string } }
  | { kind: 'STATUS'; at: string; from: CaseStatus | null; to: CaseStatus; reason: string | null; by: string | null }
  | {
      kind: 'MEETING';
      at: string;
      meeting: { id: string; startsAt: string; status: MeetingStatus };
      /** The agenda item's decisions; null when this viewer may not read the meeting's record. */
      decisions: string | null;
    }
  | { kind: 'ACTION'; at: string; action: ActionView };

export interface CaseTimelineView {
  caseId: string;
  entries: CaseTimelineEntry[];
}
