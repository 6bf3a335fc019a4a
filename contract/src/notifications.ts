import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';

/**
 * Notifications (issue #14): nobody has to go and look. Something happens that concerns a user —
 * an action for their organisation, minutes to comment on, an answer to their question, a status
 * change of a case their organisation brought in, a meeting, a referral — and they find it under the
 * bell in the app and, as they chose per kind, in their mail: at once, in a daily digest, or not.
 *
 * A notification never holds a client's identity nor free text from a case, question or note: a
 * case only by the label the disclosure policy gives the recipient ("Casus 2026-014 · Linde").
 */
export const NOTIFICATION_KINDS = [
  'ACTION_ASSIGNED',
  'ACTION_DUE_SOON',
  'ACTION_OVERDUE',
  'MINUTES_FOR_COMMENT',
  'MINUTES_APPROVED',
  'QUESTION_ANSWERED',
  'QUESTION_FOLLOW_UP',
  'CASE_STATUS_CHANGED',
  'MEETING_INVITATION',
  'MEETING_AGENDA',
  'REFERRAL_RECEIVED',
  'REFERRAL_DECIDED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a kind reaches someone by mail; in the app (the bell) every notification is shown. */
export const NOTIFICATION_MODES = ['IMMEDIATE', 'DIGEST', 'OFF'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** The modes a kind offers: a calendar invitation only makes sense at once (a digest cannot carry it). */
export const MODES_OF: Record<NotificationKind, readonly NotificationMode[]> = {
  ACTION_ASSIGNED: NOTIFICATION_MODES,
  ACTION_DUE_SOON: NOTIFICATION_MODES,
  ACTION_OVERDUE: NOTIFICATION_MODES,
  MINUTES_FOR_COMMENT: NOTIFICATION_MODES,
  MINUTES_APPROVED: NOTIFICATION_MODES,
  QUESTION_ANSWERED: NOTIFICATION_MODES,
  QUESTION_FOLLOW_UP: NOTIFICATION_MODES,
  CASE_STATUS_CHANGED: NOTIFICATION_MODES,
  MEETING_INVITATION: ['IMMEDIATE', 'OFF'],
  MEETING_AGENDA: NOTIFICATION_MODES,
  REFERRAL_RECEIVED: NOTIFICATION_MODES,
  REFERRAL_DECIDED: NOTIFICATION_MODES,
};

/** What a user gets before they choose: at once for what asks something of them, the rest in the digest. */
export const DEFAULT_MODE: Record<NotificationKind, NotificationMode> = {
  ACTION_ASSIGNED: 'IMMEDIATE',
  ACTION_DUE_SOON: 'DIGEST',
  ACTION_OVERDUE: 'IMMEDIATE',
  MINUTES_FOR_COMMENT: 'IMMEDIATE',
  MINUTES_APPROVED: 'DIGEST',
  QUESTION_ANSWERED: 'IMMEDIATE',
  QUESTION_FOLLOW_UP: 'IMMEDIATE',
  CASE_STATUS_CHANGED: 'IMMEDIATE',
  MEETING_INVITATION: 'IMMEDIATE',
  MEETING_AGENDA: 'IMMEDIATE',
  REFERRAL_RECEIVED: 'IMMEDIATE',
  REFERRAL_DECIDED: 'IMMEDIATE',
};

/** What changed about a meeting, for MEETING_INVITATION. */
export type MeetingChange = 'PLANNED' | 'CHANGED' | 'CANCELLED';

/**
 * The facts a notification shows, all optional, none identifying: the case's label for this viewer,
 * a status, a due date, a meeting's moment, the other network's name, whether it was accepted.
 */
export interface NotificationParams {
  caseLabel?: string;
  status?: string;
  /** The reason given with a case's status change: only in the app, never in a mail. */
  reason?: string;
  dueDate?: string;
  startsAt?: string;
  change?: MeetingChange;
  otherNetwork?: string;
  accepted?: boolean;
  askedAt?: string;
}

/** GET /api/notifications: one notification, newest first. `link` is a path in the app. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  networkId: string;
  networkName: string;
  /** The title in Dutch, as the mail says it. */
  title: string;
  params: NotificationParams;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/** POST /api/notifications/read-all marks every notification read; POST /api/notifications/:id/read one. */
export interface NotificationListView {
  items: NotificationView[];
  unread: number;
}

/** One kind's choice, as GET|PUT /api/me/notification-settings carry it. */
export class NotificationSettingDto {
  @IsIn(NOTIFICATION_KINDS as unknown as string[], { message: 'Onbekend soort melding.' })
  kind!: NotificationKind;

  @IsIn(NOTIFICATION_MODES as unknown as string[], { message: 'Kies direct, dagelijks overzicht of uit.' })
  mode!: NotificationMode;
}

/** PUT /api/me/notification-settings: the kinds to change; kinds not named keep their setting. */
export class NotificationSettingsDto {
  @IsArray({ message: 'Geef de instellingen als lijst.' })
  @ArrayMaxSize(NOTIFICATION_KINDS.length, { message: 'Te veel instellingen.' })
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'Geef elke instelling als soort en keuze.' })
  @Type(() => NotificationSettingDto)
  settings!: NotificationSettingDto[];
}

export interface NotificationSettingView {
  kind: NotificationKind;
  mode: NotificationMode;
  modes: NotificationMode[];
}

export interface NotificationSettingsView {
  settings: NotificationSettingView[];
  /** The hour (Amsterdam time) at which the daily digest goes out. */
  digestHour: number;
}

/** GET /api/notifications?limit=: how many of the newest (1–50, 20 when not given). */
export class NotificationListQuery {
  @Type(() => Number)
  @IsInt({ message: 'Geef een heel getal als limiet.' })
  @Min(1, { message: 'De limiet is minstens 1.' })
  @Max(50, { message: 'De limiet is hoogstens 50.' })
  @IsOptional()
  limit?: number;
}
