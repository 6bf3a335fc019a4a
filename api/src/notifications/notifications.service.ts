import { BadRequestException, Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_MODE,
  MODES_OF,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationListView,
  type NotificationMode,
  type NotificationParams,
  type NotificationSettingsDto,
  type NotificationSettingsView,
  type NotificationView,
} from '@casustafel/contract/notifications';
import { can, type AccessRole } from '@casustafel/contract/permissions';
import { In, IsNull, LessThan, Repository, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { AppConfig } from '../config/app-config';
import { newId } from '../database/ids';
import { isUniqueViolation, UnitOfWork, within } from '../database/unit-of-work';
import { MailOutbox } from '../mail/mail-outbox';
import { Attendance } from '../meetings/attendance.entity';
import { NetworkRoleAssignment } from '../networks/network-role.entity';
import { NetworksService } from '../networks/networks.service';
import { CaseLabels } from '../privacy/case-labels';
import { User } from '../users/user.entity';
import { addressOf, invitationIcs, type InvitationMethod } from './meeting-invitation';
import { Notification, NotificationDigest, NotificationSetting } from './notification.entity';
import { notificationText } from './notification-texts';
import { Notifier, type MeetingFacts, type NotificationEvent } from './notifier';

/** Someone who may hear of something in a network: an active account with a role there. */
export interface Recipient {
  id: string;
  name: string;
  email: string;
  organisationId: string;
  role: AccessRole;
}

/** One notification to make, for each of its recipients. */
export interface NotificationDraft {
  kind: NotificationKind;
  networkId: string;
  /** The case it is about: each recipient gets it only when the disclosure policy gives them its label. */
  caseId: string | null;
  subjectId: string;
  params: NotificationParams;
  link: string;
  /** For what the schedule makes: the same key (per user) is made once, by whichever instance is first. */
  dedupeKey?: string;
  invitation?: { meeting: MeetingFacts; method: InvitationMethod };
}

/** Invitations go out for meetings in the coming weeks; the schedule sends the later ones of a series as they come near. */
export const INVITATION_WEEKS_AHEAD = 6;
export const SETTINGS_PATH = '/account/meldingen';
const MAX_LIST = 50;

const viewerOf = (r: Recipient): Viewer => ({ id: r.id, name: r.name, email: r.email, isAdmin: false, organisationId: r.organisationId });

/**
 * Notifications (issue #14): who hears of what, in the app and by mail. Each event reaches the users
 * it concerns in its network — never the one who did it — as a row under their bell, and by mail as
 * they chose per kind: at once (written to the mail outbox in the same unit of work as the row), in
 * the daily digest, or not. A case is named only by the label the disclosure policy gives that
 * recipient; whom it hides the case from does not hear of it at all.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(NotificationSetting) private readonly settings: Repository<NotificationSetting>,
    @InjectRepository(NotificationDigest) private readonly digests: Repository<NotificationDigest>,
    @InjectRepository(NetworkRoleAssignment) private readonly roles: Repository<NetworkRoleAssignment>,
    @InjectRepository(Attendance) private readonly attendance: Repository<Attendance>,
    private readonly networks: NetworksService,
    private readonly labels: CaseLabels,
    private readonly outbox: MailOutbox,
    private readonly notifier: Notifier,
    private readonly units: UnitOfWork,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.notifier.register((event) => this.handle(event));
  }

  /** Who hears of an event, and what it says. */
  async handle(event: NotificationEvent): Promise<unknown> {
    const except = event.actorId;
    switch (event.type) {
      case 'ACTION_ASSIGNED': {
        const a = event.action;
        return this.deliver(this.actionDraft('ACTION_ASSIGNED', a), await this.ofOrganisation(a.networkId, a.ownerOrganisationId), except);
      }
      case 'MINUTES_SENT': {
        const m = event.meeting;
        const present = new Set(
          (await this.attendance.find({ where: { meetingId: m.id, status: 'PRESENT' }, select: { organisationId: true } })).map(
            (a) => a.organisationId,
          ),
        );
        const recipients = (await this.members(m.networkId)).filter(
          (r) => present.has(r.organisationId) && can(r.role, 'minutes.comment', { present: true }),
        );
        const draft = { kind: 'MINUTES_FOR_COMMENT', networkId: m.networkId, caseId: null, subjectId: m.id } as const;
        return this.deliver({ ...draft, params: { startsAt: m.startsAt.toISOString() }, link: `/overleggen/${m.id}` }, recipients, except);
      }
      case 'MINUTES_APPROVED': {
        const m = event.meeting;
        const recipients = (await this.members(m.networkId)).filter((r) =>
          can(r.role, 'minutes.read', { approvedOrPresentWhenSent: true }),
        );
        const draft = { kind: 'MINUTES_APPROVED', networkId: m.networkId, caseId: null, subjectId: m.id } as const;
        return this.deliver({ ...draft, params: { startsAt: m.startsAt.toISOString() }, link: `/overleggen/${m.id}` }, recipients, except);
      }
      case 'QUESTION_ANSWERED':
      case 'QUESTION_FOLLOW_UP': {
        const q = event.question;
        const recipients = (await this.ofOrganisation(q.networkId, q.submittedByOrganisationId)).filter((r) =>
          can(r.role, 'question.list'),
        );
        return this.deliver(
          {
            kind: event.type,
            networkId: q.networkId,
            caseId: null,
            subjectId: q.id,
            params: { askedAt: q.createdAt.toISOString() },
            link: `/vragen/${q.id}`,
          },
          recipients,
          except,
        );
      }
      case 'CASE_STATUS_CHANGED': {
        const c = event.case;
        const params: NotificationParams = { status: event.status, ...(event.reason ? { reason: event.reason } : {}) };
        if (event.otherNetwork) params.otherNetwork = event.otherNetwork;
        return this.deliver(
          { kind: 'CASE_STATUS_CHANGED', networkId: c.networkId, caseId: c.id, subjectId: c.id, params, link: `/casussen/${c.id}` },
          await this.ofOrganisation(c.networkId, c.submittedByOrganisationId),
          except,
        );
      }
      case 'MEETING':
        // The coordinator who planned or moved it wants it in their own calendar too (and the schedule, which
        // knows no actor, would invite them later anyway): an invitation goes to everyone, the actor included.
        return this.meetingChanged(event.meeting, event.change, null);
      case 'REFERRAL_RECEIVED': {
        const r = event.referral;
        const recipients = (await this.members(r.toNetworkId)).filter((m) => can(m.role, 'referral.decide'));
        // The receiving coordinator may see the referral's pseudonym (the referral list shows it), not the other network's case.
        return this.deliver(
          {
            kind: 'REFERRAL_RECEIVED',
            networkId: r.toNetworkId,
            caseId: null,
            subjectId: r.id,
            params: { otherNetwork: r.fromNetworkName, caseLabel: r.label },
            link: `/netwerken/${r.toNetworkId}`,
          },
          recipients,
          except,
        );
      }
      case 'REFERRAL_DECIDED': {
        const r = event.referral;
        const recipients = (await this.members(r.fromNetworkId)).filter((m) => can(m.role, 'case.refer'));
        return this.deliver(
          {
            kind: 'REFERRAL_DECIDED',
            networkId: r.fromNetworkId,
            caseId: r.caseId,
            subjectId: r.id,
            params: { otherNetwork: r.toNetworkName, accepted: r.accepted },
            link: `/casussen/${r.caseId}`,
          },
          recipients,
          except,
        );
      }
    }
  }

  /** An action's notification: assigned, due soon, overdue. */
  actionDraft(
    kind: 'ACTION_ASSIGNED' | 'ACTION_DUE_SOON' | 'ACTION_OVERDUE',
    a: { id: string; networkId: string; caseId: string | null; dueDate: string },
    dedupeKey?: string,
  ): NotificationDraft {
    return {
      kind,
      networkId: a.networkId,
      caseId: a.caseId,
      subjectId: a.id,
      params: { dueDate: a.dueDate },
      link: '/acties',
      ...(dedupeKey ? { dedupeKey } : {}),
    };
  }

  /**
   * A meeting planned, changed or cancelled. Planned: an invitation to every member who may see the
   * network's meetings, when it is within INVITATION_WEEKS_AHEAD (the schedule invites for the later
   * ones of a series when they come near). Changed or cancelled: to everyone invited before, and a
   * changed one also to every member once it is near.
   */
  async meetingChanged(meeting: MeetingFacts, change: 'PLANNED' | 'CHANGED' | 'CANCELLED', except: string | null): Promise<void> {
    const members = (await this.members(meeting.networkId)).filter((r) => can(r.role, 'meeting.list'));
    const near = meeting.startsAt.getTime() <= this.clock.now().getTime() + INVITATION_WEEKS_AHEAD * 7 * 86_400_000;
    let recipients: Recipient[];
    if (change === 'PLANNED') recipients = near ? members : [];
    else {
      const invited = new Set(
        (
          await this.notifications.find({
            where: { subjectId: meeting.id, kind: 'MEETING_INVITATION' },
            select: { userId: true },
          })
        ).map((n) => n.userId),
      );
      recipients = members.filter((r) => invited.has(r.id) || (change === 'CHANGED' && near));
    }
    await this.deliver(this.invitationDraft(meeting, change), recipients, except);
  }

  /** The invitation of a meeting (`dedupeKey` per version: the first invitation once, each change once). */
  invitationDraft(meeting: MeetingFacts, change: 'PLANNED' | 'CHANGED' | 'CANCELLED'): NotificationDraft {
    return {
      kind: 'MEETING_INVITATION',
      networkId: meeting.networkId,
      caseId: null,
      subjectId: meeting.id,
      params: { startsAt: meeting.startsAt.toISOString(), change },
      link: `/overleggen/${meeting.id}`,
      dedupeKey: change === 'PLANNED' ? `INVITE:${meeting.id}` : `INVITE:${meeting.id}:${change}:${meeting.sequence}`,
      invitation: { meeting, method: change === 'CANCELLED' ? 'CANCEL' : 'REQUEST' },
    };
  }

  /**
   * Makes the notification for each recipient (once per user, never for `except`), and mails it to
   * those who want it at once. Returns how many were made.
   */
  async deliver(draft: NotificationDraft, recipients: Recipient[], except: string | null = null): Promise<number> {
    const unique = [...new Map(recipients.filter((r) => r.id !== except).map((r) => [r.id, r])).values()];
    if (unique.length === 0) return 0;
    const network = (await this.networks.namesOf([draft.networkId])).get(draft.networkId) ?? '';
    const modes = await this.modesOf(
      unique.map((r) => r.id),
      draft.kind,
    );
    let made = 0;
    for (const r of unique) {
      let caseLabel = draft.params.caseLabel;
      if (draft.caseId) {
        caseLabel = (await this.labels.forViewer(viewerOf(r), draft.networkId, [draft.caseId])).get(draft.caseId);
        if (!caseLabel) continue; // a hidden case leaves no trace
      }
      const mode = modes.get(r.id)!;
      try {
        await this.units.run(async (manager) => {
          await within(this.notifications, manager).insert({
            id: newId(),
            userId: r.id,
            networkId: draft.networkId,
            kind: draft.kind,
            caseId: draft.caseId,
            subjectId: draft.subjectId,
            // A case's label is made for the reader each time it is shown; only a referral's (no case of theirs) is kept.
            params: JSON.stringify(draft.caseId ? draft.params : { ...draft.params, ...(caseLabel ? { caseLabel } : {}) }),
            link: draft.link,
            dedupeKey: draft.dedupeKey ? `${draft.dedupeKey}:${r.id}` : null,
            createdAt: this.clock.now(),
            readAt: null,
            emailMode: mode,
            digestedAt: null,
          });
          if (mode === 'IMMEDIATE') await this.mail(manager, draft, r, network, caseLabel);
        });
        made++;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // another instance made this one first
      }
    }
    return made;
  }

  private async mail(manager: EntityManager, draft: NotificationDraft, r: Recipient, network: string, caseLabel?: string): Promise<void> {
    // Never the reason of a status change in a mail: it is free text, and a mail leaves our hands.
    const { reason: _reason, ...params } = draft.params;
    const { title, lines } = notificationText(draft.kind, { ...params, ...(caseLabel ? { caseLabel } : {}) }, network);
    const base = this.config.linkBaseUrl;
    const data = { name: r.name, title, lines, link: `${base}${draft.link}`, settingsLink: `${base}${SETTINGS_PATH}` };
    if (!draft.invitation) {
      await this.outbox.enqueue(manager, { to: r.email, template: 'notification', data });
      return;
    }
    const ics = invitationIcs({
      meeting: draft.invitation.meeting,
      network,
      method: draft.invitation.method,
      organizer: { name: 'Casustafel', email: addressOf(this.config.mailFrom) },
      attendee: { name: r.name, email: r.email },
      link: data.link,
      stamp: this.clock.now(),
    });
    await this.outbox.enqueue(manager, { to: r.email, template: 'invitation', data: { ...data, method: draft.invitation.method, ics } });
  }

  /** The active accounts with a role in the network. */
  async members(networkId: string): Promise<Recipient[]> {
    const rows = await this.roles
      .createQueryBuilder('r')
      .innerJoin(User, 'u', 'u."id" = r."userId"')
      .select([
        'u."id" AS "id"',
        'u."name" AS "name"',
        'u."email" AS "email"',
        'u."organisationId" AS "organisationId"',
        'r."role" AS "role"',
      ])
      .where('r."networkId" = :networkId AND u."active" = :active', { networkId, active: true })
      .getRawMany<Recipient>();
    return rows;
  }

  private async ofOrganisation(networkId: string, organisationId: string): Promise<Recipient[]> {
    return (await this.members(networkId)).filter((r) => r.organisationId === organisationId);
  }

  private async modesOf(userIds: string[], kind: NotificationKind): Promise<Map<string, NotificationMode>> {
    const chosen = await this.settings.find({ where: { userId: In(userIds), kind } });
    const modes = new Map(userIds.map((id) => [id, DEFAULT_MODE[kind]]));
    for (const s of chosen) if (MODES_OF[kind].includes(s.mode)) modes.set(s.userId, s.mode);
    return modes;
  }

  // --- the bell ---------------------------------------------------------------------------------

  /** The viewer's newest notifications, each case labelled for them now; one whose case they may no longer see is left out. */
  async list(viewer: Viewer, limit = 20): Promise<NotificationListView> {
    const take = Math.min(Math.max(Math.trunc(limit) || 20, 1), MAX_LIST);
    const rows = await this.notifications.find({ where: { userId: viewer.id }, order: { createdAt: 'DESC', id: 'DESC' }, take });
    const unread = await this.notifications.count({ where: { userId: viewer.id, readAt: IsNull() } });
    return { items: await this.views(viewer, rows), unread };
  }

  async views(viewer: Viewer, rows: Notification[]): Promise<NotificationView[]> {
    const names = await this.networks.namesOf([...new Set(rows.map((r) => r.networkId))]);
    const labels = await this.labels.acrossNetworks(
      viewer,
      rows.filter((r) => r.caseId).map((r) => ({ networkId: r.networkId, caseId: r.caseId })),
    );
    const views: NotificationView[] = [];
    for (const row of rows) {
      const params = JSON.parse(row.params) as NotificationParams;
      if (row.caseId) {
        const label = labels.get(row.caseId);
        if (!label) continue;
        params.caseLabel = label;
      }
      const networkName = names.get(row.networkId) ?? '';
      views.push({
        id: row.id,
        kind: row.kind,
        networkId: row.networkId,
        networkName,
        title: notificationText(row.kind, params, networkName).title,
        params,
        link: row.link,
        createdAt: row.createdAt.toISOString(),
        readAt: row.readAt?.toISOString() ?? null,
      });
    }
    return views;
  }

  async markRead(viewer: Viewer, id: string): Promise<void> {
    const found = await this.notifications.findOneBy({ id, userId: viewer.id });
    if (!found) throw new NotFoundException('Deze melding bestaat niet.');
    if (!found.readAt) await this.notifications.update({ id, userId: viewer.id, readAt: IsNull() }, { readAt: this.clock.now() });
  }

  async markAllRead(viewer: Viewer): Promise<void> {
    await this.notifications.update({ userId: viewer.id, readAt: IsNull() }, { readAt: this.clock.now() });
  }

  // --- settings ---------------------------------------------------------------------------------

  async getSettings(viewer: Viewer): Promise<NotificationSettingsView> {
    const chosen = new Map((await this.settings.findBy({ userId: viewer.id })).map((s) => [s.kind, s.mode]));
    return {
      settings: NOTIFICATION_KINDS.map((kind) => {
        const mode = chosen.get(kind);
        return { kind, mode: mode && MODES_OF[kind].includes(mode) ? mode : DEFAULT_MODE[kind], modes: [...MODES_OF[kind]] };
      }),
      digestHour: this.config.digestHour,
    };
  }

  async putSettings(viewer: Viewer, dto: NotificationSettingsDto): Promise<NotificationSettingsView> {
    const kinds = new Set<string>();
    for (const s of dto.settings) {
      if (kinds.has(s.kind)) throw new BadRequestException(`Elk soort melding één keer, niet twee keer ${s.kind}.`);
      kinds.add(s.kind);
      if (!MODES_OF[s.kind].includes(s.mode))
        throw new BadRequestException(
          'Een uitnodiging voor een overleg gaat direct of niet: een dagelijks overzicht kan haar niet meenemen.',
        );
    }
    await this.units.run(async (manager) => {
      for (const s of dto.settings) {
        await within(this.settings, manager).delete({ userId: viewer.id, kind: s.kind });
        await within(this.settings, manager).insert({ userId: viewer.id, kind: s.kind, mode: s.mode });
      }
    });
    return this.getSettings(viewer);
  }

  // --- the daily digest -------------------------------------------------------------------------

  /**
   * The digest of one user for one day (Amsterdam date): the notifications they chose to get daily
   * and have not had yet. Claimed by inserting (user, day), so that it goes out once however many
   * instances run the schedule; the notifications it takes are marked in the same unit of work.
   */
  async sendDigest(userId: string, day: string, cutoff: Date): Promise<boolean> {
    const user = await this.roles.manager.getRepository(User).findOneBy({ id: userId, active: true });
    if (!user) return false;
    const viewer: Viewer = { id: user.id, name: user.name, email: user.email, isAdmin: false, organisationId: user.organisationId };
    const now = this.clock.now();
    const pending = await this.notifications.find({
      where: { userId, emailMode: 'DIGEST', digestedAt: IsNull(), createdAt: LessThan(cutoff) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (pending.length === 0) return false;
    const views = await this.views(viewer, pending);
    const base = this.config.linkBaseUrl;
    try {
      return await this.units.run(async (manager) => {
        await within(this.digests, manager).insert({ userId, day, sentAt: now });
        await within(this.notifications, manager).update({ id: In(pending.map((p) => p.id)), digestedAt: IsNull() }, { digestedAt: now });
        if (views.length === 0) return false;
        await this.outbox.enqueue(manager, {
          to: user.email,
          template: 'digest',
          data: {
            name: user.name,
            items: views.map((v) => ({ title: `${v.title} — ${v.networkName}`, link: `${base}${v.link}` })),
            settingsLink: `${base}${SETTINGS_PATH}`,
          },
        });
        return true;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** The users who have notifications waiting for their digest. */
  async digestRecipients(cutoff: Date): Promise<string[]> {
    const rows = await this.notifications
      .createQueryBuilder('n')
      .select('DISTINCT n."userId"', 'userId')
      .where('n."emailMode" = :mode AND n."digestedAt" IS NULL AND n."createdAt" < :cutoff', { mode: 'DIGEST', cutoff })
      .getRawMany<{ userId: string }>();
    return rows.map((r) => r.userId);
  }
}
