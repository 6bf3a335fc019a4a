import { Injectable, Logger } from '@nestjs/common';
import { can } from '@casustafel/contract/permissions';
import { Cron } from '@nestjs/schedule';
import { DateTime } from 'luxon';
import { ActionsService } from '../actions/actions.service';
import { dutchDate } from '../common/amsterdam-time';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { RunOnce } from '../database/run-once';
import { MeetingsService } from '../meetings/meetings.service';
import { INVITATION_WEEKS_AHEAD, NotificationsService } from './notifications.service';

/** How many days before its due date an action's "due soon" goes out. */
export const DUE_SOON_DAYS = 3;
/** Overdue actions are reported once, when they are at most this many days over (not the whole backlog at the first run). */
const OVERDUE_LOOKBACK_DAYS = 7;

const plusDays = (day: string, days: number) => DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!;
/** The schedule's rounds are ten minutes apart; each ten minutes is a slot that one instance claims. */
const ROUND_MS = 10 * 60_000;
const roundSlot = (now: Date): string => new Date(Math.floor(now.getTime() / ROUND_MS) * ROUND_MS).toISOString().slice(0, 16);

/**
 * The notifications nobody's click causes (issue #14): an action due in three days or overdue, the
 * invitations of a series' later meetings as they come near, a meeting's agenda AGENDA_DAYS_AHEAD
 * before it, and the daily digest at DIGEST_HOUR. Every ten minutes, by one instance: the first to
 * claim those ten minutes (ADR 0026). Besides, whatever a round makes has a key of its own per user
 * (or, for a digest, per user and day), so rounds that do meet — a slow one and the next, a round
 * after a missed one — still make each notification once.
 */
@Injectable()
export class NotificationSchedule {
  private readonly logger = new Logger(NotificationSchedule.name);
  private running?: Promise<number>;

  constructor(
    private readonly notifications: NotificationsService,
    private readonly actions: ActionsService,
    private readonly meetings: MeetingsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly once: RunOnce,
  ) {}

  /** The ten-minute round: how many notifications and digests it made, or null when another instance had these ten minutes (or it failed). */
  @Cron('*/10 * * * *', { name: 'notifications' })
  async tick(): Promise<number | null> {
    try {
      const run = await this.once.inSlot('notifications', roundSlot(this.clock.now()), () => this.runOnce());
      return run.ran ? run.result : null;
    } catch (error) {
      this.logger.error(`Notification schedule: ${(error as Error)?.name ?? 'Error'}`);
      return null;
    }
  }

  /** One round; returns how many notifications and digests it made. Rounds in one process do not overlap. */
  runOnce(): Promise<number> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private async round(): Promise<number> {
    const now = this.clock.now();
    const today = dutchDate(now);
    let made = 0;

    for (const a of await this.actions.openDueBetween(plusDays(today, 1), plusDays(today, DUE_SOON_DAYS)))
      made += await this.notifications.deliver(
        this.notifications.actionDraft('ACTION_DUE_SOON', a, `DUE:${a.id}:${a.dueDate}`),
        await this.ownersOf(a),
      );
    for (const a of await this.actions.openDueBetween(plusDays(today, -OVERDUE_LOOKBACK_DAYS), plusDays(today, -1)))
      made += await this.notifications.deliver(
        this.notifications.actionDraft('ACTION_OVERDUE', a, `OVERDUE:${a.id}:${a.dueDate}`),
        await this.ownersOf(a),
      );

    const weeks = new Date(now.getTime() + INVITATION_WEEKS_AHEAD * 7 * 86_400_000);
    for (const m of await this.meetings.plannedBetween(now, weeks)) {
      const members = (await this.notifications.members(m.networkId)).filter((r) => can(r.role, 'meeting.list'));
      made += await this.notifications.deliver(this.notifications.invitationDraft(m, 'PLANNED'), members);
      const agendaFrom = DateTime.fromJSDate(m.startsAt).minus({ days: this.config.agendaDaysAhead }).toJSDate();
      if (this.config.agendaDaysAhead > 0 && now >= agendaFrom)
        made += await this.notifications.deliver(
          {
            kind: 'MEETING_AGENDA',
            networkId: m.networkId,
            caseId: null,
            subjectId: m.id,
            params: { startsAt: m.startsAt.toISOString() },
            link: `/overleggen/${m.id}`,
            dedupeKey: `AGENDA:${m.id}:${m.startsAt.toISOString()}`,
          },
          members,
        );
    }

    // Today's digest, from DIGEST_HOUR on, holds what came before that hour; what comes later waits for tomorrow's.
    const cutoff = DateTime.fromJSDate(now, { zone: 'Europe/Amsterdam' })
      .set({ hour: this.config.digestHour, minute: 0, second: 0, millisecond: 0 })
      .toJSDate();
    if (now >= cutoff)
      for (const userId of await this.notifications.digestRecipients(cutoff))
        if (await this.notifications.sendDigest(userId, today, cutoff)) made++;
    return made;
  }

  private async ownersOf(a: { networkId: string; ownerOrganisationId: string }) {
    return (await this.notifications.members(a.networkId)).filter((r) => r.organisationId === a.ownerOrganisationId);
  }
}
