import type { CaseView } from '@casustafel/contract/cases';
import type { CovenantRole } from '@casustafel/contract/enums';
import { can } from '@casustafel/contract/permissions';
import { answerOf } from '../questions/question.mapper';
import type { Question } from '../questions/question.entity';
import type { ActionView, AgendaItemView, MeetingSummaryView, MeetingView } from '@casustafel/contract/meetings';
import type { Attendance } from './attendance.entity';
import type { AgendaItem } from './agenda-item.entity';
import type { MeetingGuest } from './meeting-guest.entity';
import type { Meeting } from './meeting.entity';

export function toMeetingSummary(m: Meeting): MeetingSummaryView {
  return {
    id: m.id,
    networkId: m.networkId,
    startsAt: m.startsAt.toISOString(),
    durationMinutes: m.durationMinutes,
    location: m.location,
    onlineUrl: m.onlineUrl,
    status: m.status,
    cancelledReason: m.status === 'CANCELLED' ? m.cancelledReason : null,
  };
}

/** A question on the agenda: its text and advice, and whether this viewer may record the advice now. */
export function toAgendaQuestion(q: Question, role: CovenantRole): NonNullable<AgendaItemView['question']> {
  return {
    id: q.id,
    title: q.title,
    status: q.status,
    situation: q.situation,
    question: q.question,
    answer: answerOf(q),
    canAnswer: can(role, 'question.answer') && (q.status === 'SUBMITTED' || q.status === 'SCHEDULED'),
  };
}

/** What the service decided about the viewer at this meeting. */
export interface MeetingStanding {
  /** Case items are shown at the MEETING level (the meeting runs and the viewer is present). */
  meetingLevel: boolean;
  /** The viewer runs the meeting: they see the guests. */
  canManage: boolean;
  /** Set when the viewer is a guest: whether their confidentiality statement is valid. */
  guest: { confidentialityValid: boolean } | null;
}

/** What the service loaded and decided for the view. */
export interface MeetingContent {
  /** The minutes are approved. */
  locked: boolean;
  /** The agenda items the viewer may be shown, in order (a guest's own items only). */
  items: AgendaItem[];
  /** The cases of those items as the disclosure policy lets the viewer see them; an item whose case is not here is left out. */
  cases: ReadonlyMap<string, CaseView>;
  /** The questions of those items, with their text and advice (live mode answers them in place). */
  questions: ReadonlyMap<string, NonNullable<AgendaItemView['question']>>;
  /** The action views of those items (already left out where they would betray a case). */
  actions: ActionView[];
  /** The member organisations, in order, with their attendance at this meeting. */
  roster: { organisation: { id: string; name: string }; attendance: Attendance | null }[];
  /** The invited guests (for those who run the meeting). */
  guests: MeetingGuest[];
  /** Names of the people present and of the guests. */
  people: ReadonlyMap<string, string>;
}

/** The one way a meeting leaves the API: the service loads and decides, this maps. */
export function toMeetingView(meeting: Meeting, standing: MeetingStanding, content: MeetingContent): MeetingView {
  const agenda: AgendaItemView[] = [];
  for (const item of content.items) {
    // A case item the viewer may not see is left out: the agenda does not betray it.
    if (item.caseId && !content.cases.has(item.caseId)) continue;
    agenda.push({
      id: item.id,
      position: agenda.length,
      kind: item.kind,
      title: item.title,
      minutes: item.minutes,
      notes: item.notes,
      decisions: item.decisions,
      version: item.version,
      case: item.caseId ? content.cases.get(item.caseId)! : null,
      keepOnAgenda: item.keepOnAgenda,
      question: item.questionId ? (content.questions.get(item.questionId) ?? null) : null,
      actions: content.actions.filter((a) => a.agendaItemId === item.id),
    });
  }
  const name = (id: string) => content.people.get(id) ?? '';
  return {
    ...toMeetingSummary(meeting),
    meetingLevel: standing.meetingLevel,
    canManage: standing.canManage,
    locked: content.locked,
    guest: standing.guest,
    guests: standing.canManage ? content.guests.map((g) => ({ user: { id: g.userId, name: name(g.userId) }, itemIds: g.itemIds })) : [],
    agenda,
    attendance: content.roster.map(({ organisation, attendance }) => ({
      organisation: { id: organisation.id, name: organisation.name },
      status: attendance?.status ?? null,
      people: (attendance?.userIds ?? []).map((id) => ({ id, name: name(id) })),
    })),
  };
}
