import type { AccessContext, AccessLogEntryView, AccessObjectType } from '@casustafel/contract/access-log';
import type { DisclosureLevel, DisclosureRole } from '@casustafel/contract/enums';
import type { AccessLogEntry } from './access-log-entry.entity';

/** id → name of the people and organisations the rows name. */
export interface AccessLogNames {
  users: ReadonlyMap<string, string>;
  organisations: ReadonlyMap<string, string>;
}

/** The one way a line of the access log leaves the API (the coordinator's view and the AVG art. 15 report). */
export function toAccessLogEntryView(r: AccessLogEntry, names: AccessLogNames): AccessLogEntryView {
  const named = (map: ReadonlyMap<string, string>, id: string | null) => (id && map.has(id) ? { id, name: map.get(id)! } : null);
  const object = r.objectType
    ? { type: r.objectType as AccessObjectType, id: r.objectId }
    : r.caseId
      ? { type: 'CASE' as const, id: r.caseId }
      : r.questionId
        ? { type: 'QUESTION' as const, id: r.questionId }
        : null;
  const hasSubject = r.subjectUserId || r.subjectOrganisationId || r.subjectRole;
  return {
    seq: r.seq,
    eventId: r.eventId,
    at: r.at.toISOString(),
    user: named(names.users, r.userId),
    organisation: named(names.organisations, r.organisationId),
    role: r.role as AccessLogEntryView['role'],
    caseId: r.caseId,
    questionId: r.questionId,
    caseNumber: null,
    action: r.action,
    level: r.level as DisclosureLevel | null,
    context: r.context as AccessContext | null,
    ip: r.ip,
    purpose: r.purpose,
    outcome: r.outcome === 'DENIED' ? 'DENIED' : 'SUCCESS',
    object,
    subject: hasSubject
      ? {
          user: named(names.users, r.subjectUserId),
          organisation: named(names.organisations, r.subjectOrganisationId),
          role: r.subjectRole as DisclosureRole | null,
        }
      : null,
  };
}
