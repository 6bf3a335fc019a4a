import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { can } from '@casustafel/contract/permissions';
import { requireAccess } from '../access/require-access';
import { InjectRepository } from '@nestjs/typeorm';
import {
  And,
  Brackets,
  In,
  IsNull,
  LessThan,
  LessThanOrEqual,
  MoreThan,
  MoreThanOrEqual,
  Not,
  Repository,
  type EntityManager,
} from 'typeorm';
import { NETWORK_ROLES, type CovenantRole, type NetworkRole } from '@casustafel/contract/enums';
import type { AgendaKind, MeetingStatus } from '@casustafel/contract/meeting-rules';
import type {
  ActionView,
  AddAgendaItemDto,
  AttendanceDto,
  CancelMeetingDto,
  CreateActionDto,
  CreateMeetingDto,
  InviteGuestDto,
  MeetingSummaryView,
  MeetingView,
  UpdateAgendaItemDto,
  UpdateMeetingDto,
} from '@casustafel/contract/meetings';
import { ActionEvent } from '../actions/action-event.entity';
import { Action } from '../actions/action.entity';
import { actionNameIds, toActionViews } from '../actions/action.mapper';
import { ActionsService, STALE } from '../actions/actions.service';
import { Case } from '../cases/case.entity';
import { CasesService } from '../cases/cases.service';
import { Clock } from '../common/clock';
import { Notifier } from '../notifications/notifier';
import { dutchDate, formatDutch, parseAmsterdamMoment, plusWeeksAmsterdam } from '../common/amsterdam-time';
import { namesFor } from '../common/names';
import { resolvedAccess } from '../common/request-context';
import { MEETING_STATUS_PHRASE } from '../common/labels';
import type { Viewer } from '../common/viewer';
import { CovenantsService } from '../covenants/covenants.service';
import { newId } from '../database/ids';
import { placeholder, RawEntity } from '../database/raw-entity';
import { UnitOfWork } from '../database/unit-of-work';
import { Membership } from '../networks/membership.entity';
import { NetworksService } from '../networks/networks.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { CaseLabels } from '../privacy/case-labels';
import { FreeTextGuard } from '../privacy/free-text-guard';
import { Question } from '../questions/question.entity';
import { QuestionsService } from '../questions/questions.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AgendaItem } from './agenda-item.entity';
import { Attendance } from './attendance.entity';
import { MeetingGuest } from './meeting-guest.entity';
import { toAgendaQuestion, toMeetingSummary, toMeetingView } from './meeting.mapper';
import { Minutes } from './minutes/minutes.entity';
import { MinutesService } from './minutes/minutes.service';
import { Meeting } from './meeting.entity';

/** The agenda as one query loads it (MeetingsService.agenda). */
type AgendaRow = AgendaItem & {
  case?: Case | null;
  question?: Question | null;
  actions?: (Action & { history?: ActionEvent[] })[];
};
interface Agenda {
  items: AgendaRow[];
  locked: boolean;
}

const NOT_FOUND = 'Dit overleg bestaat niet of je bent geen lid van het netwerk.';
const TRANSITIONS: Record<'start' | 'close' | 'reopen', [MeetingStatus, MeetingStatus]> = {
  start: ['PLANNED', 'IN_PROGRESS'],
  close: ['IN_PROGRESS', 'CLOSED'],
  reopen: ['CLOSED', 'IN_PROGRESS'],
};
const DEFAULT_MINUTES: Record<AgendaKind, number> = {
  MINUTES_APPROVAL: 5,
  NEW_CASE: 15,
  RUNNING_CASE: 5,
  QUESTION: 10,
  THEME: 20,
  ROUND: 5,
  OTHER: 10,
};
const NO_NAMES =
  'Aantekeningen, afspraken en acties zijn zichtbaar voor iedereen die het overleg ziet: noem de cliënt niet bij naam, de casus staat erbij.';
const NO_NAMES_IN_REASON = 'De reden staat bij het overleg voor alle leden: noem geen cliënt.';
const CANNOT_CANCEL: Record<MeetingStatus, string> = {
  PLANNED: 'Dit overleg is intussen gewijzigd. Laad de pagina opnieuw.',
  IN_PROGRESS: 'Dit overleg is al begonnen en kan niet meer worden geannuleerd. Sluit het overleg af.',
  CLOSED: 'Dit overleg is gesloten en kan niet meer worden geannuleerd.',
  CANCELLED: 'Dit overleg is al geannuleerd.',
};
/** A cancelled meeting does not take place: nothing is prepared, recorded or changed in it any more. */
const CANCELLED = 'Dit overleg is geannuleerd; er kan niets meer aan worden gewijzigd.';
const NO_NAMES_IN_PLACE = 'De locatie en de link gaan naar de agenda van alle leden: noem een gebouw of zaal, geen cliënt.';

@Injectable()
export class MeetingsService {
  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(AgendaItem) private readonly items: Repository<AgendaItem>,
    @InjectRepository(Attendance) private readonly attendance: Repository<Attendance>,
    @InjectRepository(MeetingGuest) private readonly guests: Repository<MeetingGuest>,
    private readonly units: UnitOfWork,
    private readonly networks: NetworksService,
    private readonly cases: CasesService,
    private readonly questions: QuestionsService,
    private readonly actions: ActionsService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly covenants: CovenantsService,
    private readonly minutes: MinutesService,
    private readonly guard: FreeTextGuard,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /** The agenda's query, built on first use (agendaQuery). */
  private agendaSql?: ReturnType<MeetingsService['agendaQuery']>;

  async plan(viewer: Viewer, networkId: string, dto: CreateMeetingDto): Promise<MeetingSummaryView | MeetingSummaryView[]> {
    await this.requireCoordinator(viewer, networkId);
    // Without an offset the time is Amsterdam time; a series keeps its Amsterdam clock time across summer time.
    const first = parseAmsterdamMoment(dto.startsAt);
    if (!first) {
      const message = 'Vul het begin in als datum en tijd (bijvoorbeeld 2026-12-01T09:30).';
      throw new BadRequestException({ statusCode: 400, message, error: 'Bad Request', fields: { startsAt: [message] } });
    }
    if (first.getTime() < this.clock.now().getTime() - 24 * 3_600_000) throw new BadRequestException('Plan een overleg in de toekomst.');
    await this.guard.check(viewer, networkId, dto, NO_NAMES_IN_PLACE);
    const count = dto.repeat?.count ?? 1;
    const seriesId = dto.repeat ? newId() : null;
    const planned: Meeting[] = [];
    for (let i = 0; i < count; i++) {
      const startsAt = plusWeeksAmsterdam(first, i * (dto.repeat?.everyWeeks ?? 0));
      planned.push(
        this.meetings.create({
          id: newId(),
          networkId,
          startsAt,
          durationMinutes: dto.durationMinutes,
          location: dto.location?.trim() || null,
          onlineUrl: dto.onlineUrl ?? null,
          status: 'PLANNED',
          seriesId,
          createdAt: this.clock.now(),
        }),
      );
    }
    await this.meetings.save(planned);
    for (const meeting of planned) await this.notifier.emit({ type: 'MEETING', actorId: viewer.id, change: 'PLANNED', meeting });
    const views = planned.map(toMeetingSummary);
    return dto.repeat ? views : views[0];
  }

  async list(viewer: Viewer, networkId: string): Promise<MeetingSummaryView[]> {
    await this.requireMember(viewer, networkId);
    return (await this.meetings.find({ where: { networkId }, order: { startsAt: 'ASC' } })).map(toMeetingSummary);
  }

  /** Meetings of these networks from `from` on, for the calendar feed; a cancelled one drops out (and so off the subscribers' calendars). */
  async upcoming(networkIds: string[], from: Date): Promise<Meeting[]> {
    if (networkIds.length === 0) return [];
    // Cancelled meetings stay: the calendar feed marks them STATUS:CANCELLED under the same UID.
    return this.meetings.find({ where: { networkId: In(networkIds), startsAt: MoreThanOrEqual(from) }, order: { startsAt: 'ASC' } });
  }

  /** Planned meetings that start after `from` and no later than `to`, for the notifications' schedule. */
  async plannedBetween(from: Date, to: Date): Promise<Meeting[]> {
    return this.meetings.find({
      where: { status: 'PLANNED', startsAt: And(MoreThan(from), LessThanOrEqual(to)) },
      order: { startsAt: 'ASC' },
    });
  }

  async get(viewer: Viewer, id: string): Promise<MeetingView> {
    const { meeting, role, guest, agenda } = await this.visible(viewer, id, { withAgenda: true });
    return this.view(viewer, meeting, role, guest, agenda);
  }

  /** Invites someone from outside the network for named agenda items of this meeting only. */
  async inviteGuest(viewer: Viewer, id: string, dto: InviteGuestDto): Promise<MeetingView> {
    const { meeting, role } = await this.manage(viewer, id);
    this.notCancelled(meeting);
    const user = await this.users.findById(dto.userId);
    if (!user || !user.active || user.isAdmin) throw new BadRequestException('De gekozen gast bestaat niet of is niet actief.');
    if (await this.networks.roleOf({ id: user.id }, meeting.networkId)) {
      throw new ConflictException(`${user.name} heeft al een rol in dit netwerk en hoeft niet als gast te komen.`);
    }
    const itemIds = [...new Set(dto.itemIds)];
    if (itemIds.length === 0) throw new BadRequestException('Kies minstens één agendapunt waarvoor de gast komt.');
    const items = await this.items.findBy({ id: In(itemIds), meetingId: id });
    if (items.length !== itemIds.length) throw new BadRequestException('Kies agendapunten van dit overleg.');
    await this.guests.save(this.guests.create({ meetingId: id, userId: user.id, itemIds, invitedAt: this.clock.now() }));
    return this.view(viewer, meeting, role, null);
  }

  /** The coordinator finds a guest by exact e-mail address (no browsing of other organisations' staff). */
  async findGuest(viewer: Viewer, id: string, email: string): Promise<{ id: string; name: string; organisation: string }> {
    await this.manage(viewer, id);
    const user = await this.users.findByEmail(email);
    if (!user || !user.active || user.isAdmin)
      throw new NotFoundException('Er is geen actief account met dit e-mailadres. Vraag de beheerder er een aan te maken.');
    return { id: user.id, name: user.name, organisation: user.organisation?.name ?? '' };
  }

  /** A guest accepts the network's confidentiality statement before seeing any identity. */
  async acceptAsGuest(viewer: Viewer, id: string): Promise<{ acceptedAt: string; validUntil: string }> {
    const { meeting, guest } = await this.visible(viewer, id);
    if (!guest) throw new ForbiddenException('Leden accepteren de verklaring op de pagina van het netwerk.');
    return this.covenants.recordAcceptance(viewer.id, meeting.networkId, { viewer, role: 'GUEST' });
  }

  /** The network a meeting belongs to, or null when there is no such meeting (for the log of refused attempts; no access check). */
  /** Whether this user is invited to this meeting as a guest (for the access guard; no access check). */
  async isGuest(meetingId: string, userId: string): Promise<boolean> {
    return this.guests.existsBy({ meetingId, userId });
  }

  async networkOf(id: string): Promise<string | null> {
    // Asked by the access guard on every request about a meeting: one plain statement, not a repository find.
    const [row]: { networkId: string }[] = await this.meetings.manager.query(
      `SELECT "networkId" FROM "meetings" WHERE "id" = ${placeholder(this.meetings.manager.connection, 0)}`,
      [id],
    );
    return row?.networkId ?? null;
  }

  /** The meetings a user is invited to as a guest, for their overview. */
  async guestMeetingsOf(userId: string): Promise<{ id: string; networkId: string; startsAt: string }[]> {
    const rows = await this.guests.findBy({ userId });
    if (rows.length === 0) return [];
    const found = await this.meetings.findBy({ id: In(rows.map((r) => r.meetingId)) });
    return found.map((m) => ({ id: m.id, networkId: m.networkId, startsAt: m.startsAt.toISOString() }));
  }

  async transition(viewer: Viewer, id: string, step: 'start' | 'close' | 'reopen'): Promise<MeetingView> {
    const { meeting, role } = await this.manage(viewer, id);
    const [from, to] = TRANSITIONS[step];
    if (meeting.status !== from) {
      throw new ConflictException(`Dit kan niet: het overleg is ${MEETING_STATUS_PHRASE[meeting.status]}.`);
    }
    if (step === 'reopen' && (await this.minutes.isApproved(id))) {
      throw new ConflictException('Het verslag van dit overleg is vastgesteld; het overleg kan niet meer heropend worden.');
    }
    const moved = await this.units.run(async (manager) => {
      // The step claims the meeting in the state it was read in: of two steps at once, one goes through.
      const claimed = await manager.withRepository(this.meetings).update({ id, status: from }, { status: to });
      if (!claimed.affected) return false;
      meeting.status = to;
      // Closing drafts the minutes from the record, in the same unit of work: closed means drafted.
      if (to === 'CLOSED') await this.minutes.draft(meeting, manager);
      return true;
    });
    if (!moved) {
      const now = (await this.meetings.findOneBy({ id }))?.status ?? meeting.status;
      throw new ConflictException(`Dit kan niet: het overleg is ${MEETING_STATUS_PHRASE[now]}.`);
    }
    return this.view(viewer, meeting, role, null);
  }

  /**
   * The coordinator cancels a planned meeting, with a reason all members see. A meeting that has begun
   * is closed instead, so that what was said is kept; a closed or cancelled one stays as it is. The
   * questions on its agenda go back to the pool (SUBMITTED) unless another open meeting has them on
   * its agenda, so that the next assembly picks them up.
   */
  async cancel(viewer: Viewer, id: string, dto: CancelMeetingDto): Promise<MeetingView> {
    const { meeting, role } = await this.visible(viewer, id);
    requireAccess(role, 'meeting.cancel');
    if (meeting.status !== 'PLANNED') throw new ConflictException(CANNOT_CANCEL[meeting.status]);
    await this.guard.check(viewer, meeting.networkId, dto, NO_NAMES_IN_REASON);
    const reason = dto.reason.trim();
    const cancelled = await this.units.run(async (manager) => {
      // Claimed in the state it was read in: of a cancel and a start at once, one goes through.
      const claimed = await manager
        .withRepository(this.meetings)
        .update({ id, status: 'PLANNED' }, { status: 'CANCELLED', cancelledReason: reason, sequence: meeting.sequence + 1 });
      if (!claimed.affected) return false;
      const items = manager.withRepository(this.items);
      const questionIds = (
        await items.find({ where: { meetingId: id, questionId: Not(IsNull()) }, select: { id: true, questionId: true } })
      ).map((i) => i.questionId!);
      if (questionIds.length) {
        const elsewhere = await items
          .createQueryBuilder('i')
          .select('DISTINCT i."questionId"', 'questionId')
          .innerJoin(Meeting, 'm', 'm."id" = i."meetingId"')
          .where('i."questionId" IN (:...questionIds) AND m."id" <> :id AND m."status" IN (:...open)', {
            questionIds,
            id,
            open: ['PLANNED', 'IN_PROGRESS'],
          })
          .getRawMany<{ questionId: string }>();
        const kept = new Set(elsewhere.map((r) => r.questionId));
        await this.questions.unschedule(
          questionIds.filter((q) => !kept.has(q)),
          manager,
        );
      }
      return true;
    });
    if (!cancelled) {
      const now = (await this.meetings.findOneBy({ id }))?.status ?? meeting.status;
      throw new ConflictException(CANNOT_CANCEL[now]);
    }
    meeting.status = 'CANCELLED';
    meeting.cancelledReason = reason;
    meeting.sequence += 1;
    await this.notifier.emit({ type: 'MEETING', actorId: viewer.id, change: 'CANCELLED', meeting });
    return this.view(viewer, meeting, role, null);
  }

  /**
   * Moves or changes a planned meeting (issue #14): claimed in the version it was read in (its
   * SEQUENCE, which goes up by one), so that of two changes at once one goes through; everyone
   * invited gets the changed invitation. Nothing changed, nothing sent.
   */
  async reschedule(viewer: Viewer, id: string, dto: UpdateMeetingDto): Promise<MeetingView> {
    const { meeting, role } = await this.visible(viewer, id);
    requireAccess(role, 'meeting.plan');
    if (meeting.status !== 'PLANNED') throw new ConflictException('Alleen een gepland overleg kan worden verplaatst of gewijzigd.');
    await this.guard.check(viewer, meeting.networkId, dto, NO_NAMES_IN_PLACE);
    const changes: Partial<Pick<Meeting, 'startsAt' | 'durationMinutes' | 'location' | 'onlineUrl'>> = {};
    if (dto.startsAt !== undefined) {
      const startsAt = parseAmsterdamMoment(dto.startsAt);
      if (!startsAt) {
        const message = 'Vul het begin in als datum en tijd (bijvoorbeeld 2026-12-01T09:30).';
        throw new BadRequestException({ statusCode: 400, message, error: 'Bad Request', fields: { startsAt: [message] } });
      }
      if (startsAt.getTime() < this.clock.now().getTime()) {
        const message = 'Verplaats een overleg naar een moment in de toekomst.';
        throw new BadRequestException({ statusCode: 400, message, error: 'Bad Request', fields: { startsAt: [message] } });
      }
      if (startsAt.getTime() !== meeting.startsAt.getTime()) changes.startsAt = startsAt;
    }
    if (dto.durationMinutes !== undefined && dto.durationMinutes !== meeting.durationMinutes) changes.durationMinutes = dto.durationMinutes;
    if (dto.location !== undefined && (dto.location.trim() || null) !== meeting.location) changes.location = dto.location.trim() || null;
    if (dto.onlineUrl !== undefined && (dto.onlineUrl || null) !== meeting.onlineUrl) changes.onlineUrl = dto.onlineUrl || null;
    if (Object.keys(changes).length === 0) return this.view(viewer, meeting, role, null);
    const claimed = await this.meetings.update(
      { id, status: 'PLANNED', sequence: meeting.sequence },
      { ...changes, sequence: meeting.sequence + 1 },
    );
    if (!claimed.affected)
      throw new ConflictException('Dit overleg is zojuist door iemand anders gewijzigd of is begonnen. Laad het opnieuw.');
    Object.assign(meeting, changes, { sequence: meeting.sequence + 1 });
    await this.notifier.emit({ type: 'MEETING', actorId: viewer.id, change: 'CHANGED', meeting });
    return this.view(viewer, meeting, role, null);
  }

  /** Fills the agenda: minutes approval, new cases, running cases with open actions, open questions, a theme, a round. */
  async assemble(viewer: Viewer, id: string): Promise<MeetingView> {
    const { meeting, role } = await this.manage(viewer, id);
    this.notCancelled(meeting);
    if (meeting.status === 'CLOSED') throw new ConflictException('Dit overleg is gesloten; de agenda ligt vast.');
    await this.units.run(async (manager) => {
      await this.lockAgenda(manager, id, { open: true });
      const items = manager.withRepository(this.items);
      const current = await items.find({ where: { meetingId: id }, order: { position: 'ASC' } });
      const has = (kind: AgendaKind, ref?: string | null) =>
        current.some((i) => i.kind === kind && (ref === undefined || i.caseId === ref || i.questionId === ref));
      const previous = await manager.withRepository(this.meetings).findOne({
        // A cancelled meeting had no minutes to approve.
        where: { networkId: meeting.networkId, startsAt: LessThan(meeting.startsAt), status: Not('CANCELLED' as const) },
        order: { startsAt: 'DESC' },
      });
      const discussed = await this.discussedBefore(manager, meeting);
      const withOpenActions = await this.actions.casesWithOpenActions(meeting.networkId);
      const candidates = await this.cases.agendaCandidates(meeting.networkId);
      // Cases the previous meeting kept on the agenda come back as running cases, open actions or not.
      const kept = previous ? await this.keptOnAgenda(manager, previous.id) : new Set<string>();
      // A question answered, withdrawn or converted since this agenda was assembled leaves it while the meeting has not started.
      const settled = meeting.status === 'PLANNED' ? await this.settledQuestionItems(manager, meeting.networkId, current) : [];
      if (settled.length) {
        await items.delete({ id: In(settled.map((i) => i.id)) });
        current.splice(0, current.length, ...current.filter((i) => !settled.includes(i)));
      }

      const additions: Pick<AgendaItem, 'kind' | 'title' | 'caseId' | 'questionId'>[] = [];
      if (previous && !has('MINUTES_APPROVAL')) {
        additions.push({
          kind: 'MINUTES_APPROVAL',
          title: `Verslag van ${dateWord(previous.startsAt)} vaststellen`,
          caseId: null,
          questionId: null,
        });
      }
      for (const c of candidates.filter((c) => c.status === 'ACCEPTED' && !discussed.has(c.id) && !has('NEW_CASE', c.id))) {
        additions.push({ kind: 'NEW_CASE', title: `Nieuwe casus: ${c.label}`, caseId: c.id, questionId: null });
      }
      for (const c of candidates.filter(
        (c) => discussed.has(c.id) && (withOpenActions.has(c.id) || kept.has(c.id)) && !has('RUNNING_CASE', c.id) && !has('NEW_CASE', c.id),
      )) {
        additions.push({ kind: 'RUNNING_CASE', title: `Voortgang: ${c.label}`, caseId: c.id, questionId: null });
      }
      for (const q of await this.questions.scheduleOpen(meeting.networkId, manager)) {
        if (!has('QUESTION', q.id))
          additions.push({ kind: 'QUESTION', title: `Consultatieve vraag: ${q.title}`, caseId: null, questionId: q.id });
      }
      if (!has('THEME')) additions.push({ kind: 'THEME', title: 'Thema (deskundigheidsbevordering)', caseId: null, questionId: null });
      if (!has('ROUND')) additions.push({ kind: 'ROUND', title: 'Rondvraag', caseId: null, questionId: null });

      // The round stays last: new items go before it.
      const round = current.find((i) => i.kind === 'ROUND');
      let position = round ? round.position : current.length;
      const rows = additions.map((a) =>
        items.create({
          id: newId(),
          meetingId: id,
          position: a.kind === 'ROUND' ? -1 : position++,
          minutes: DEFAULT_MINUTES[a.kind],
          notes: '',
          decisions: '',
          keepOnAgenda: false,
          version: 1,
          ...a,
        }),
      );
      for (const row of rows.filter((r) => r.kind === 'ROUND')) row.position = position++;
      if (round) await items.update({ id: round.id }, { position: position++ });
      if (rows.length) await items.insert(rows);
      if (settled.length) await this.renumber(manager, await items.find({ where: { meetingId: id }, order: { position: 'ASC' } }));
    });
    return this.view(viewer, meeting, role, null);
  }

  async addItem(viewer: Viewer, id: string, dto: AddAgendaItemDto): Promise<MeetingView> {
    const { meeting, role } = await this.manage(viewer, id);
    this.notCancelled(meeting);
    if (meeting.status === 'CLOSED') throw new ConflictException('Dit overleg is gesloten; de agenda ligt vast.');
    let title = dto.title?.trim() ?? '';
    if (dto.caseId) {
      const label = await this.cases.label(meeting.networkId, dto.caseId);
      if (!label) throw new BadRequestException('Deze casus hoort niet bij dit netwerk.');
      title ||= label;
    }
    if (dto.questionId) {
      const q = await this.questions.summary(meeting.networkId, dto.questionId);
      if (!q) throw new BadRequestException('Deze vraag hoort niet bij dit netwerk.');
      title ||= `Consultatieve vraag: ${q.title}`;
    }
    if (!title) throw new BadRequestException('Geef het agendapunt een titel.');
    await this.guard.check(viewer, meeting.networkId, dto, NO_NAMES);
    await this.units.run(async (manager) => {
      await this.lockAgenda(manager, id, { open: true });
      const items = manager.withRepository(this.items);
      const count = await items.count({ where: { meetingId: id } });
      await items.insert(
        items.create({
          id: newId(),
          meetingId: id,
          position: count,
          kind: dto.kind,
          caseId: dto.caseId ?? null,
          questionId: dto.questionId ?? null,
          title,
          minutes: dto.minutes ?? DEFAULT_MINUTES[dto.kind],
          notes: '',
          decisions: '',
          version: 1,
        }),
      );
    });
    return this.view(viewer, meeting, role, null);
  }

  async updateItem(viewer: Viewer, id: string, itemId: string, dto: UpdateAgendaItemDto): Promise<MeetingView> {
    const { meeting, role } = await this.manage(viewer, id);
    this.notCancelled(meeting);
    const item = await this.items.findOneBy({ id: itemId, meetingId: id });
    if (!item) throw new NotFoundException('Dit agendapunt bestaat niet.');
    if (item.version !== dto.version) throw new ConflictException(STALE);
    if (meeting.status === 'CLOSED' && (dto.notes !== undefined || dto.decisions !== undefined)) {
      throw new ConflictException('Dit overleg is gesloten. Heropen het om aantekeningen te wijzigen.');
    }
    if (dto.keepOnAgenda !== undefined && !item.caseId)
      throw new BadRequestException('Alleen een casus kan op de agenda blijven staan; dit agendapunt gaat niet over een casus.');
    await this.guard.check(viewer, meeting.networkId, dto, NO_NAMES);
    const changes: Partial<AgendaItem> = { version: item.version + 1 };
    if (dto.notes !== undefined) changes.notes = dto.notes;
    if (dto.decisions !== undefined) changes.decisions = dto.decisions;
    if (dto.minutes !== undefined) changes.minutes = dto.minutes;
    if (dto.keepOnAgenda !== undefined) changes.keepOnAgenda = dto.keepOnAgenda;
    const changed = await this.units.run(async (manager) => {
      const result = await manager.withRepository(this.items).update({ id: itemId, version: dto.version }, changes);
      if (!result.affected) return false;
      if (dto.position !== undefined && dto.position !== item.position) await this.move(manager, id, itemId, dto.position);
      return true;
    });
    if (!changed) throw new ConflictException(STALE);
    return this.view(viewer, meeting, role, null);
  }

  async removeItem(viewer: Viewer, id: string, itemId: string): Promise<void> {
    const { meeting } = await this.manage(viewer, id);
    this.notCancelled(meeting);
    if (meeting.status === 'CLOSED') throw new ConflictException('Dit overleg is gesloten; de agenda ligt vast.');
    const item = await this.items.findOneBy({ id: itemId, meetingId: id });
    if (!item) throw new NotFoundException('Dit agendapunt bestaat niet.');
    if ((await this.actions.countOn([itemId])) > 0) {
      throw new ConflictException('Bij dit agendapunt zijn al acties afgesproken; het kan niet meer weg.');
    }
    await this.units.run(async (manager) => {
      await this.lockAgenda(manager, id, { open: true });
      const items = manager.withRepository(this.items);
      await items.delete({ id: itemId });
      await this.renumber(manager, await items.find({ where: { meetingId: id }, order: { position: 'ASC' } }));
    });
  }

  async setAttendance(viewer: Viewer, id: string, dto: AttendanceDto): Promise<MeetingView> {
    const { meeting, role } = await this.manage(viewer, id);
    this.notCancelled(meeting);
    if (await this.minutes.isApproved(id)) throw new ConflictException('Het verslag is vastgesteld; de aanwezigheid ligt daarmee vast.');
    const members = new Set((await this.networks.memberList(meeting.networkId)).map((m) => m.organisation.id));
    const users = new Map((await this.users.findByIds([...new Set(dto.attendance.flatMap((e) => e.userIds))])).map((u) => [u.id, u]));
    for (const entry of dto.attendance) {
      if (!members.has(entry.organisationId)) {
        throw new BadRequestException('Aanwezigheid geldt alleen voor organisaties die lid zijn van het netwerk.');
      }
      const people = [...new Set(entry.userIds)].flatMap((userId) => users.get(userId) ?? []);
      if (people.length !== entry.userIds.length || people.some((p) => p.organisationId !== entry.organisationId)) {
        throw new BadRequestException('Kies als aanwezigen alleen mensen van die organisatie.');
      }
      if (entry.status !== 'PRESENT' && entry.userIds.length > 0)
        throw new BadRequestException('Wie afwezig of afgemeld is, heeft geen aanwezigen.');
    }
    // One row per organisation; of two entries for the same organisation the last one counts.
    const rows = [...new Map(dto.attendance.map((e) => [e.organisationId, e])).values()].map((e) => ({
      meetingId: id,
      organisationId: e.organisationId,
      status: e.status,
      userIds: e.userIds,
    }));
    await this.units.run(async (manager) => {
      const attendance = manager.withRepository(this.attendance);
      if (rows.length === 0) return;
      await attendance.delete({ meetingId: id, organisationId: In(rows.map((r) => r.organisationId)) });
      await attendance.insert(rows);
    });
    return this.view(viewer, meeting, role, null);
  }

  async addAction(viewer: Viewer, id: string, itemId: string, dto: CreateActionDto): Promise<ActionView> {
    const { meeting } = await this.manage(viewer, id);
    this.notCancelled(meeting);
    if (meeting.status === 'CLOSED') throw new ConflictException('Dit overleg is gesloten. Heropen het om een actie toe te voegen.');
    const item = await this.items.findOneBy({ id: itemId, meetingId: id });
    if (!item) throw new NotFoundException('Dit agendapunt bestaat niet.');
    return this.actions.create(viewer, { networkId: meeting.networkId, meetingId: id, agendaItemId: itemId, caseId: item.caseId }, dto);
  }

  /**
   * The meeting as this viewer may see it, in a fixed number of queries however long the agenda
   * (issue #10; test/query-count.api-spec.ts): the agenda with its cases, questions, actions and
   * their histories in one; the members with their attendance in one; the disclosure policy's
   * facts (standing, open actions) in two; the identities it discloses in one; the names of the
   * people present and of the guests in one. The mapper builds the view from that.
   */
  private async view(
    viewer: Viewer,
    meeting: Meeting,
    role: CovenantRole,
    guest: MeetingGuest | null,
    loaded?: Agenda,
  ): Promise<MeetingView> {
    const { items: allItems, locked } = loaded ?? (await this.agenda(meeting.id)) ?? { items: [], locked: false };
    const roster = await this.roster(meeting);
    const attendanceRows = roster.flatMap((m) => m.attendance ?? []);
    // A guest counts as present for their own items; members when their organisation marked them present.
    const present =
      guest !== null ||
      attendanceRows.some((a) => a.status === 'PRESENT' && a.organisationId === viewer.organisationId && a.userIds.includes(viewer.id));
    // While the meeting runs, those present see case items at the MEETING level; otherwise DOSSIER.
    const meetingLevel = meeting.status === 'IN_PROGRESS' && present;
    const context = meetingLevel ? 'MEETING' : 'DOSSIER';
    const items = guest ? allItems.filter((i) => guest.itemIds.includes(i.id)) : allItems;
    const organisations = new Map(roster.map((m) => [m.organisation!.id, m.organisation!.name]));
    const records = items.flatMap((i) => i.case ?? []);
    const cases = records.length
      ? await this.cases.visibleViewsOf(viewer, meeting.networkId, records, context, {
          role: guest ? 'GUEST' : role,
          organisationNames: organisations,
        })
      : null;
    // The actions' cases are labelled by the decisions that showed the agenda's cases (same viewer, network and context).
    const labels = cases ? CaseLabels.decided(cases.disclosure, records) : new Map<string, string>();
    const actions = items.flatMap((i) => i.actions ?? []);
    const history = actions.flatMap((a) => a.history ?? []);
    const canManage = can(role, 'meeting.run');
    const ids = actionNameIds(actions, history);
    const { names: people, guests } = await this.people(meeting.id, [...attendanceRows.flatMap((a) => a.userIds), ...ids.users], canManage);
    const networkNames = roster.length ? new Map([[meeting.networkId, roster[0].network!.name]]) : undefined;
    const names = {
      users: people,
      organisations: await namesFor(ids.organisations, organisations, (missing) => this.organisations.namesOf(missing)),
      networks: await namesFor(ids.networks, networkNames, (missing) => this.networks.namesOf(missing)),
    };
    return toMeetingView(
      meeting,
      {
        meetingLevel,
        canManage,
        guest: guest
          ? {
              confidentialityValid: cases
                ? cases.disclosure.standing.confidentialityValid
                : (await this.covenants.validAcceptance(viewer.id, meeting.networkId)) !== null,
            }
          : null,
      },
      {
        locked,
        items,
        cases: cases?.views ?? new Map(),
        questions: new Map(items.flatMap((i) => (i.question ? [[i.question.id, toAgendaQuestion(i.question, role)]] : []))),
        actions: toActionViews(actions, history, { viewer, roles: role }, labels, names, dutchDate(this.clock.now())),
        roster: roster.map((m) => ({ organisation: m.organisation!, attendance: m.attendance ?? null })),
        guests,
        people,
      },
    );
  }

  /**
   * The meeting with its agenda in one query: the items in order, each with its case and question
   * (of the meeting's network) and its actions with their histories; and whether the minutes are
   * approved. Null when there is no such meeting.
   */
  private async agenda(id: string): Promise<(Agenda & { meeting: Meeting }) | null> {
    const sql = this.agendaQuery();
    const rows: Record<string, unknown>[] = await this.meetings.manager.query(sql.text, [id]);
    const meeting = rows.length ? sql.m.read(rows[0]) : null;
    if (!meeting) return null;
    // The rows are the items in order, each repeated per action and per event of that action (in order).
    const items = new Map<string, AgendaRow>();
    const actions = new Map<string, Action & { history: ActionEvent[] }>();
    for (const row of rows) {
      const itemId = sql.i.id(row);
      if (itemId === null) continue;
      let item = items.get(itemId);
      if (!item) {
        item = Object.assign(sql.i.read(row)!, { case: sql.c.read(row), question: sql.q.read(row), actions: [] });
        items.set(itemId, item);
      }
      const actionId = sql.a.id(row);
      if (actionId === null) continue;
      let action = actions.get(actionId);
      if (!action) {
        action = Object.assign(sql.a.read(row)!, { history: [] as ActionEvent[] });
        actions.set(actionId, action);
        item.actions!.push(action);
      }
      const event = sql.e.read(row);
      if (event) action.history.push(event);
    }
    return { meeting, items: [...items.values()], locked: Number(rows[0].locked ?? 0) > 0 };
  }

  /**
   * The agenda's one query, written once per process: the meeting, its items in order, each with its
   * case and question (of the meeting's network only) and its actions with their histories, and
   * whether the minutes are approved. Raw rows read by RawEntity: through the query builder, building
   * this SQL and hydrating its joined rows cost more CPU per meeting page than everything else in it.
   */
  private agendaQuery(): {
    text: string;
    m: RawEntity<Meeting>;
    i: RawEntity<AgendaItem>;
    c: RawEntity<Case>;
    q: RawEntity<Question>;
    a: RawEntity<Action>;
    e: RawEntity<ActionEvent>;
  } {
    if (this.agendaSql) return this.agendaSql;
    const source = this.meetings.manager.connection;
    const m = new RawEntity(source, Meeting, 'm');
    const i = new RawEntity(source, AgendaItem, 'i');
    const c = new RawEntity(source, Case, 'c');
    const q = new RawEntity(source, Question, 'q');
    const a = new RawEntity(source, Action, 'a');
    const e = new RawEntity(source, ActionEvent, 'e');
    const minutes = source.getMetadata(Minutes).tableName;
    const text = `SELECT ${[m, i, c, q, a, e].map((x) => x.select).join(', ')},
        (SELECT COUNT(*) FROM "${minutes}" x WHERE x."meetingId" = m."id" AND x."status" = 'APPROVED') AS "locked"
      FROM ${m.table}
      LEFT JOIN ${i.table} ON i."meetingId" = m."id"
      LEFT JOIN ${c.table} ON c."id" = i."caseId" AND c."networkId" = m."networkId"
      LEFT JOIN ${q.table} ON q."id" = i."questionId" AND q."networkId" = m."networkId"
      LEFT JOIN ${a.table} ON a."agendaItemId" = i."id"
      LEFT JOIN ${e.table} ON e."actionId" = a."id"
      WHERE m."id" = ${placeholder(source, 0)}
      ORDER BY i."position" ASC, i."id" ASC, a."createdAt" ASC, a."id" ASC, e."at" ASC, e."id" ASC`;
    this.agendaSql = { text, m, i, c, q, a, e };
    return this.agendaSql;
  }

  /** The network's member organisations (in ring and name order) with their attendance at this meeting, and the network: one query. */
  private roster(meeting: Meeting): Promise<(Membership & { attendance?: Attendance | null })[]> {
    return this.meetings.manager
      .getRepository(Membership)
      .createQueryBuilder('ms')
      .innerJoinAndSelect('ms.organisation', 'o')
      .innerJoinAndSelect('ms.network', 'n')
      .leftJoinAndMapOne(
        'ms.attendance',
        Attendance,
        'att',
        'att."meetingId" = :meetingId AND att."organisationId" = ms."organisationId"',
        {
          meetingId: meeting.id,
        },
      )
      .where('ms."networkId" = :networkId', { networkId: meeting.networkId })
      .orderBy('ms.ring', 'ASC')
      .addOrderBy('o.name', 'ASC')
      .getMany();
  }

  /** Names of these users and, for those who run the meeting, its guests with their names: one query (none when there is nobody to name). */
  private async people(
    meetingId: string,
    userIds: string[],
    withGuests: boolean,
  ): Promise<{ names: Map<string, string>; guests: MeetingGuest[] }> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0 && !withGuests) return { names: new Map(), guests: [] };
    const query = this.meetings.manager.getRepository(User).createQueryBuilder('u').select(['u.id', 'u.name']);
    if (withGuests)
      query.leftJoinAndMapOne('u.guest', MeetingGuest, 'g', 'g."userId" = u."id" AND g."meetingId" = :meetingId', { meetingId });
    query.where(
      new Brackets((who) => {
        if (ids.length) who.where('u."id" IN (:...ids)', { ids });
        if (withGuests) who.orWhere('g."meetingId" IS NOT NULL');
      }),
    );
    const found = (await query.getMany()) as (User & { guest?: MeetingGuest | null })[];
    return {
      names: new Map(found.map((u) => [u.id, u.name])),
      guests: found
        .flatMap((u) => u.guest ?? [])
        .sort((a, b) => a.invitedAt.getTime() - b.invitedAt.getTime() || a.userId.localeCompare(b.userId)),
    };
  }

  private async move(manager: EntityManager, meetingId: string, itemId: string, position: number): Promise<void> {
    await this.lockAgenda(manager, meetingId);
    const all = await manager.withRepository(this.items).find({ where: { meetingId }, order: { position: 'ASC' } });
    const moving = all.find((i) => i.id === itemId)!;
    const rest = all.filter((i) => i.id !== itemId);
    rest.splice(Math.max(0, Math.min(position, rest.length)), 0, moving);
    await this.renumber(manager, rest);
  }

  /** Gives the items the positions 0, 1, 2, … in this order: one statement, whatever the length of the agenda. */
  private async renumber(manager: EntityManager, items: AgendaItem[]): Promise<void> {
    const moved = items.flatMap((item, index) => (item.position === index ? [] : [{ id: item.id, position: index }]));
    if (moved.length === 0) return;
    const params = Object.fromEntries(moved.map((m, i) => [`id${i}`, m.id]));
    await manager
      .withRepository(this.items)
      .createQueryBuilder()
      .update()
      .set({ position: () => `CASE "id" ${moved.map((m, i) => `WHEN :id${i} THEN ${m.position}`).join(' ')} END` })
      .where('"id" IN (:...ids)', { ...params, ids: moved.map((m) => m.id) })
      .execute();
  }

  /**
   * Locks the meeting's agenda for the rest of the unit of work (the meeting's row, by an update that
   * changes nothing), so that two agenda writes of one meeting at once take turns; with `open`, only
   * while the meeting is not closed.
   */
  private async lockAgenda(manager: EntityManager, meetingId: string, options: { open?: boolean } = {}): Promise<void> {
    const locked = await manager
      .withRepository(this.meetings)
      .update(options.open ? { id: meetingId, status: Not(In(['CLOSED', 'CANCELLED'] as const)) } : { id: meetingId }, {
        status: () => '"status"',
      });
    if (!locked.affected) throw new ConflictException('Dit overleg is gesloten; de agenda ligt vast.');
  }

  /** The cases whose item on this meeting's agenda was marked "keep on the agenda". */
  private async keptOnAgenda(manager: EntityManager, meetingId: string): Promise<Set<string>> {
    const rows = await manager
      .withRepository(this.items)
      .find({ where: { meetingId, keepOnAgenda: true, caseId: Not(IsNull()) }, select: { id: true, caseId: true } });
    return new Set(rows.map((r) => r.caseId!));
  }

  /**
   * Question items of this agenda whose question is no longer open (answered, withdrawn, a case) and on
   * which nothing was recorded yet: no notes, no decisions, no actions.
   */
  private async settledQuestionItems(manager: EntityManager, networkId: string, current: AgendaItem[]): Promise<AgendaItem[]> {
    const onAgenda = current.filter((i) => i.kind === 'QUESTION' && i.questionId && !i.notes.trim() && !i.decisions.trim());
    if (onAgenda.length === 0) return [];
    const statuses = await this.questions.summaries(
      networkId,
      onAgenda.map((i) => i.questionId!),
    );
    const settled = onAgenda.filter((i) => !['SUBMITTED', 'SCHEDULED'].includes(statuses.get(i.questionId!)?.status ?? 'SUBMITTED'));
    if (settled.length === 0) return [];
    const agreed = await this.actions.agreedOn(
      settled.map((i) => i.id),
      manager,
    );
    return settled.filter((i) => !agreed.some((a) => a.agendaItemId === i.id));
  }

  /** Cases on the agenda of the network's meetings before this one (one query, however long the history). */
  private async discussedBefore(manager: EntityManager, meeting: Meeting): Promise<Set<string>> {
    const rows = await manager
      .withRepository(this.items)
      .createQueryBuilder('i')
      .select('DISTINCT i."caseId"', 'caseId')
      .innerJoin(Meeting, 'm', 'm."id" = i."meetingId"')
      // A cancelled meeting discussed nothing: its cases are still new at the next one.
      .where('m."networkId" = :networkId AND m."startsAt" < :startsAt AND i."caseId" IS NOT NULL AND m."status" <> :cancelled', {
        networkId: meeting.networkId,
        startsAt: meeting.startsAt,
        cancelled: 'CANCELLED',
      })
      .getRawMany<{ caseId: string }>();
    return new Set(rows.map((r) => r.caseId));
  }

  /** A cancelled meeting is not prepared, held or recorded: every change to it is refused. */
  private notCancelled(meeting: Meeting): void {
    if (meeting.status === 'CANCELLED') throw new ConflictException(CANCELLED);
  }

  private async requireMember(viewer: Viewer, networkId: string): Promise<NetworkRole> {
    const access = await this.networks.accessFor(viewer, networkId);
    if (!access.role) throw new NotFoundException(NOT_FOUND);
    return access.role;
  }

  private async requireCoordinator(viewer: Viewer, networkId: string): Promise<void> {
    requireAccess(await this.requireMember(viewer, networkId), 'meeting.plan');
  }

  /**
   * The meeting and the viewer's role there (a guest's invitation), or a 404; `withAgenda` loads the
   * agenda in the same query (for a view that follows without a write).
   */
  private async visible(
    viewer: Viewer,
    id: string,
    options: { withAgenda?: boolean } = {},
  ): Promise<{ meeting: Meeting; role: CovenantRole; guest: MeetingGuest | null; agenda?: Agenda }> {
    const agenda = options.withAgenda ? await this.agenda(id) : undefined;
    const meeting = agenda ? agenda.meeting : options.withAgenda ? null : await this.meetings.findOneBy({ id });
    const role = meeting ? await this.roleIn(viewer, meeting) : null;
    // The municipality holds a role but sees no meeting (ADR 0019): for it, as for an outsider, the meeting does not exist.
    if (meeting && role && role !== 'MUNICIPALITY') return { meeting, role, guest: null, agenda: agenda ?? undefined };
    const guest = meeting ? await this.guests.findOneBy({ meetingId: id, userId: viewer.id }) : null;
    if (!meeting || !guest) throw new NotFoundException(NOT_FOUND);
    return { meeting, role: 'GUEST', guest, agenda: agenda ?? undefined };
  }

  /** The viewer's role in the meeting's network. The access guard looked it up moments ago for this meeting: a member's role is not asked again. */
  private async roleIn(viewer: Viewer, meeting: Meeting): Promise<NetworkRole | null> {
    const resolved = resolvedAccess('MEETING', meeting.id);
    if (resolved?.networkId === meeting.networkId && NETWORK_ROLES.some((r) => r === resolved.role)) return resolved.role as NetworkRole;
    return this.networks.roleOf(viewer, meeting.networkId);
  }

  private async manage(viewer: Viewer, id: string): Promise<{ meeting: Meeting; role: CovenantRole }> {
    const found = await this.visible(viewer, id);
    requireAccess(found.role, 'meeting.run');
    return found;
  }
}

function dateWord(date: Date): string {
  return formatDutch(date, 'day');
}
