import type { CaseView } from '@casustafel/contract/cases';
import type { CovenantRole } from '@casustafel/contract/enums';
import type { ActionView } from '@casustafel/contract/meetings';
import type { MemberView } from '@casustafel/contract/networks';
import type { MinutesView } from '@casustafel/contract/minutes';
import { can } from '@casustafel/contract/permissions';
import type { Disclosure } from '../../privacy/disclosure-policy';
import type { Attendance } from '../attendance.entity';
import type { Meeting } from '../meeting.entity';
import type { MinutesAddendum } from './minutes-addendum.entity';
import type { MinutesComment } from './minutes-comment.entity';
import type { Minutes, StoredSection } from './minutes.entity';

/** Everything a reader's minutes are made of, loaded and already decided by the disclosure policy (MinutesService). */
export interface MinutesParts {
  record: Minutes;
  meeting: Meeting;
  networkName: string;
  /** The reader's role in the network, and whether their organisation was present. */
  role: CovenantRole;
  present: boolean;
  /** The sections this reader may read: those of cases the policy hides are left out by the service. */
  sections: StoredSection[];
  /** The cases of those sections, as the policy shows them to this reader in MINUTES under the meeting's covenant version. */
  cases: ReadonlyMap<string, CaseView>;
  comments: MinutesComment[];
  /** user id → name and organisation name (comment authors). */
  commenters: ReadonlyMap<string, { name: string; organisation: string }>;
  agreed: ActionView[];
  carriedOver: ActionView[];
  members: MemberView[];
  attendance: Attendance[];
  /** user id → name (people present and addendum authors). */
  people: ReadonlyMap<string, string>;
  chair: string | null;
  nextMeeting: Meeting | null;
  addenda: MinutesAddendum[];
  sha256: string;
  reader: Disclosure;
}

/** The one way minutes leave the API (JSON, and through it the PDF): the reader's view of them. */
export function toMinutesView(parts: MinutesParts): MinutesView {
  const { record, role } = parts;
  const open = record.status !== 'APPROVED';
  return {
    meetingId: record.meetingId,
    networkId: record.networkId,
    networkName: parts.networkName,
    status: record.status,
    version: record.version,
    covenantVersion: record.covenantVersion,
    meeting: {
      startsAt: parts.meeting.startsAt.toISOString(),
      location: parts.meeting.location,
      chair: parts.chair,
      minuteTaker: parts.chair,
      nextMeeting: parts.nextMeeting?.startsAt.toISOString() ?? null,
    },
    attendance: parts.members.map((m) => {
      const row = parts.attendance.find((a) => a.organisationId === m.organisation.id);
      return {
        organisation: m.organisation.name,
        status: row?.status ?? null,
        people: (row?.userIds ?? []).map((id) => parts.people.get(id) ?? ''),
      };
    }),
    sections: parts.sections.map((s, index) => ({
      id: s.id,
      number: index + 1,
      title: s.title,
      text: s.text,
      client: s.caseId ? (parts.cases.get(s.caseId)?.client ?? null) : null,
      comments: parts.comments
        .filter((c) => c.sectionId === s.id)
        .map((c) => ({
          id: c.id,
          author: parts.commenters.get(c.authorId)?.name ?? '',
          organisation: parts.commenters.get(c.authorId)?.organisation ?? '',
          text: c.text,
          createdAt: c.createdAt.toISOString(),
          resolved: c.resolvedAt !== null,
        })),
    })),
    actions: parts.agreed,
    carriedOver: parts.carriedOver,
    addenda: parts.addenda.map((a) => ({
      id: a.id,
      text: a.text,
      createdAt: a.createdAt.toISOString(),
      author: parts.people.get(a.authorId) ?? null,
    })),
    approvedAt: record.approvedAt?.toISOString() ?? null,
    approvalReason: record.approvalReason,
    sha256: parts.sha256,
    readerLevel: { level: parts.reader.level, explanation: parts.reader.explanation },
    readerRole: role,
    can: {
      edit: can(role, 'minutes.edit') && open,
      send: can(role, 'minutes.edit') && open,
      comment: record.status === 'SENT' && can(role, 'minutes.comment', { present: parts.present }),
      approve: can(role, 'minutes.approve') && open,
      addendum: can(role, 'minutes.addendum') && !open,
    },
  };
}
