/** Plain values for meetings and actions, shared by api and client. */
export const MEETING_STATUSES = ['PLANNED', 'IN_PROGRESS', 'CLOSED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const AGENDA_KINDS = ['MINUTES_APPROVAL', 'NEW_CASE', 'RUNNING_CASE', 'QUESTION', 'THEME', 'ROUND', 'OTHER'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const ATTENDANCE_STATUSES = ['PRESENT', 'ABSENT', 'EXCUSED'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'NOT_DONE', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const OPEN_ACTION_STATUSES: ActionStatus[] = ['OPEN', 'IN_PROGRESS'];

export const NOT_DONE_REASONS = ['CIRCUMSTANCES_CHANGED', 'NOT_CARRIED_OUT'] as const;
export type NotDoneReason = (typeof NOT_DONE_REASONS)[number];
