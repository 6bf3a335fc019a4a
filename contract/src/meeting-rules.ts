/** Plain values for meetings and actions, shared by api and client. */
export const MEETING_STATUSES = ['PLANNED', 'IN_PROGRESS', 'CLOSED', 'CANCELLED'] as const;
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

/** What a correction of an action (PATCH /api/actions/:id without a status) may change. */
export const ACTION_CORRECTABLE_FIELDS = ['description', 'dueDate', 'owner'] as const;
export type ActionCorrectableField = (typeof ACTION_CORRECTABLE_FIELDS)[number];

/** The header a client sends with every create request; a repeat with the same key returns the first result. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Keys: 8–128 characters of letters, digits, '-' and '_' (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;
/** How long a key's first result is kept and returned for repeats. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** The time zone every meeting, series and due date is computed in, whatever the server's TZ. */
export const NETWORK_TIME_ZONE = 'Europe/Amsterdam';
