import type { ActionView } from '@casustafel/contract/meetings';
import type { CaseTimelineEntry, CaseTimelineView } from '@casustafel/contract/timeline';
import type { MeetingStatus } from '@casustafel/contract/meeting-rules';
import type { CaseStatus } from '@casustafel/contract/enums';

/** What the service loaded and decided for one case's history. */
export interface TimelineContent {
  caseId: string;
  intake: { at: Date; organisation: { id: string; name: string } };
  /** The question the case came from, if any (pseudonymous, readable by every member). */
  question: { id: string; title: string; at: Date } | null;
  /** Status changes with who made them, already named as this viewer may see them. */
  statuses: { at: Date; from: CaseStatus | null; to: CaseStatus; reason: string | null; by: string | null }[];
  /** Meetings where the case was on the agenda; `decisions` null where the viewer may not read the meeting's record. */
  meetings: { id: string; startsAt: Date; status: MeetingStatus; decisions: string | null }[];
  /** The case's actions as the viewer may see them (toActionViews), with their histories, and when each was agreed. */
  actions: { at: Date; view: ActionView }[];
}

/** Entries of the same moment in the order they happen: the question, the intake, a status change, a meeting, an action. */
const ORDER: Record<CaseTimelineEntry['kind'], number> = { FROM_QUESTION: 0, INTAKE: 1, STATUS: 2, MEETING: 3, ACTION: 4 };

/** The one way a case's history leaves the API: oldest first. It holds no client identity, only the case's own facts. */
export function toCaseTimelineView(content: TimelineContent): CaseTimelineView {
  const entries: CaseTimelineEntry[] = [];
  if (content.question)
    entries.push({
      kind: 'FROM_QUESTION',
      at: content.question.at.toISOString(),
      question: { id: content.question.id, title: content.question.title },
    });
  entries.push({ kind: 'INTAKE', at: content.intake.at.toISOString(), organisation: content.intake.organisation });
  for (const s of content.statuses)
    entries.push({ kind: 'STATUS', at: s.at.toISOString(), from: s.from, to: s.to, reason: s.reason, by: s.by });
  for (const m of content.meetings)
    entries.push({
      kind: 'MEETING',
      at: m.startsAt.toISOString(),
      meeting: { id: m.id, startsAt: m.startsAt.toISOString(), status: m.status },
      decisions: m.decisions,
    });
  for (const a of content.actions) entries.push({ kind: 'ACTION', at: a.at.toISOString(), action: a.view });
  // A stable sort: entries of one moment keep the order of ORDER, and within a kind the order they were loaded in.
  const sorted = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || ORDER[a.entry.kind] - ORDER[b.entry.kind] || a.index - b.index)
    .map((e) => e.entry);
  return { caseId: content.caseId, entries: sorted };
}
