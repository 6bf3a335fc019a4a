import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { FileDownload } from '../../common/file-download';
import { requireAccess } from '../../access/require-access';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { MoreThan, Not, Repository, type EntityManager } from 'typeorm';
import type { CovenantRole } from '@casustafel/contract/enums';
import type { ActionView } from '@casustafel/contract/meetings';
import type { AddendumDto, ApproveMinutesDto, MinutesCommentDto, MinutesView, UpdateMinutesDto } from '@casustafel/contract/minutes';
import { ActionsService, STALE } from '../../actions/actions.service';
import { CasesService } from '../../cases/cases.service';
import { Clock } from '../../common/clock';
import { PdfPool } from '../../common/pdf-pool';
import { Notifier } from '../../notifications/notifier';
import { CASE_STATUS_LABEL, RECOMMENDATION_LABEL, SEVERITY_LABEL, labelOf } from '../../common/labels';
import type { Viewer } from '../../common/viewer';
import { CovenantsService } from '../../covenants/covenants.service';
import { newId } from '../../database/ids';
import { UnitOfWork, nextTurn, within } from '../../database/unit-of-work';
import { NetworksService } from '../../networks/networks.service';
import { QuestionsService } from '../../questions/questions.service';
import { AccessLogService } from '../../privacy/access-log.service';
import { DisclosureService } from '../../privacy/disclosure.service';
import { FreeTextGuard } from '../../privacy/free-text-guard';
import { OrganisationsService } from '../../organisations/organisations.service';
import { UsersService } from '../../users/users.service';
import { AgendaItem } from '../agenda-item.entity';
import { Attendance } from '../attendance.entity';
import { Meeting } from '../meeting.entity';
import { MinutesAddendum } from './minutes-addendum.entity';
import { MinutesComment } from './minutes-comment.entity';
import { Minutes, type StoredSection } from './minutes.entity';
import { minutesPdfInput } from './minutes-pdf';
import { MinutesPdfCache } from './minutes-pdf-cache';
import { toMinutesView } from './minutes.mapper';
import { mayReadRecord } from './minutes-access';

const NOT_FOUND = 'Er is (nog) geen verslag van dit overleg dat je mag zien.';
const LOCKED = 'Dit verslag is vastgesteld en ligt vast. Een correctie voeg je toe als aanvulling.';
const NO_NAMES = 'Het verslag gaat naar alle partners: noem de cliënt niet bij naam, de casus staat erbij.';

/**
 * Minutes: drafted from the meeting's record when it closes, edited by the coordinator, sent to the
 * organisations present for comments, approved (and then locked, hashed, tied to the meeting's
 * covenant version), corrected only by addenda. Every reader gets the identities at their own
 * MINUTES level, through the one disclosure policy.
 */
@Injectable()
export class MinutesService {
  constructor(
    @InjectRepository(Minutes) private readonly minutes: Repository<Minutes>,
    @InjectRepository(MinutesComment) private readonly comments: Repository<MinutesComment>,
    @InjectRepository(MinutesAddendum) private readonly addenda: Repository<MinutesAddendum>,
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(AgendaItem) private readonly items: Repository<AgendaItem>,
    @InjectRepository(Attendance) private readonly attendance: Repository<Attendance>,
    private readonly units: UnitOfWork,
    private readonly networks: NetworksService,
    private readonly covenants: CovenantsService,
    private readonly cases: CasesService,
    private readonly questions: QuestionsService,
    private readonly actions: ActionsService,
    private readonly disclosures: DisclosureService,
    private readonly accessLog: AccessLogService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly guard: FreeTextGuard,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly pdfPool: PdfPool,
    private readonly pdfCache: MinutesPdfCache,
  ) {}

  /**
   * Called when a meeting closes, in the unit of work that closes it: a draft from the record
   * (refreshed while nobody edited it yet).
   */
  async draft(meeting: Meeting, manager: EntityManager): Promise<void> {
    const minutes = within(this.minutes, manager);
    const existing = await minutes.findOneBy({ meetingId: meeting.id });
    if (existing && (existing.status !== 'DRAFT' || existing.version > 1)) return;
    const items = await within(this.items, manager).find({ where: { meetingId: meeting.id }, order: { position: 'ASC' } });
    const statuses = await this.cases.statusesOf(
      meeting.networkId,
      items.map((i) => i.caseId).filter((id): id is string => !!id),
    );
    const answers = await this.questions.answersOf(
      meeting.networkId,
      items.map((i) => i.questionId).filter((id): id is string => !!id),
    );
    const sections: StoredSection[] = [];
    for (const i of items) {
      const status = i.caseId ? statuses.get(i.caseId) : undefined;
      const answer = i.questionId ? answers.get(i.questionId) : undefined;
      const text = [
        i.notes.trim(),
        i.decisions.trim() ? `Afspraken: ${i.decisions.trim()}` : '',
        status ? `Status van de casus: ${CASE_STATUS_LABEL[status.status]}${status.reason ? ` (${status.reason})` : ''}.` : '',
        answer
          ? `Antwoord: ${answer.advice} Ernst: ${labelOf(SEVERITY_LABEL, answer.severity)}. Aanbeveling: ${labelOf(RECOMMENDATION_LABEL, answer.recommendation)}.`
          : '',
      ].filter(Boolean);
      sections.push({ id: i.id, itemId: i.id, caseId: i.caseId, title: i.title, text: text.join('\n\n') });
    }
    const covenantVersion = existing?.covenantVersion ?? (await this.covenants.current(meeting.networkId, manager)).version;
    await minutes.save(
      minutes.create({
        meetingId: meeting.id,
        networkId: meeting.networkId,
        status: 'DRAFT',
        covenantVersion,
        sections,
        version: 1,
        createdAt: this.clock.now(),
        sentAt: null,
        approvedAt: null,
        approvedById: null,
        approvalReason: null,
        approvedInMeetingId: null,
        approvedSha256: null,
      }),
    );
  }

  async isApproved(meetingId: string, manager?: EntityManager): Promise<boolean> {
    return (await within(this.minutes, manager).findOneBy({ meetingId }))?.status === 'APPROVED';
  }

  async get(viewer: Viewer, meetingId: string, forExport = false): Promise<MinutesView> {
    const { record, role, meeting } = await this.readable(viewer, meetingId);
    return this.view(viewer, record, role, meeting, forExport);
  }

  async update(viewer: Viewer, meetingId: string, dto: UpdateMinutesDto): Promise<MinutesView> {
    const { record, role, meeting } = await this.coordinatorOnly(viewer, meetingId);
    if (record.status === 'APPROVED') throw new ConflictException(LOCKED);
    if (record.version !== dto.version) throw new ConflictException(STALE);
    const texts = new Map(dto.sections.map((s) => [s.id, s.text]));
    for (const id of texts.keys())
      if (!record.sections.some((s) => s.id === id)) throw new BadRequestException('Dit onderdeel hoort niet bij dit verslag.');
    await this.guard.check(viewer, record.networkId, dto, NO_NAMES);
    const sections = record.sections.map((s) => (texts.has(s.id) ? { ...s, text: texts.get(s.id)! } : s));
    const result = await this.minutes.update(
      { meetingId, version: dto.version, status: Not('APPROVED') },
      { sections, version: dto.version + 1 },
    );
    if (!result.affected) throw new ConflictException(STALE);
    return this.view(viewer, { ...record, sections, version: dto.version + 1 }, role, meeting);
  }

  async send(viewer: Viewer, meetingId: string): Promise<MinutesView> {
    const { record, role, meeting } = await this.coordinatorOnly(viewer, meetingId);
    if (record.status === 'APPROVED') throw new ConflictException(LOCKED);
    // Never over an approval that came in meanwhile: approved minutes stay locked.
    const sent = await this.minutes.update({ meetingId, status: Not('APPROVED') }, { status: 'SENT', sentAt: this.clock.now() });
    if (!sent.affected) throw new ConflictException(LOCKED);
    await this.notifier.emit({ type: 'MINUTES_SENT', actorId: viewer.id, meeting });
    return this.view(viewer, { ...record, status: 'SENT' }, role, meeting);
  }

  async comment(viewer: Viewer, meetingId: string, dto: MinutesCommentDto): Promise<MinutesView> {
    const { record, role, meeting } = await this.readable(viewer, meetingId);
    if (record.status !== 'SENT') throw new ConflictException('Opmerkingen kunnen alleen bij een verstuurd, nog niet vastgesteld verslag.');
    if (!record.sections.some((s) => s.id === dto.sectionId)) throw new BadRequestException('Dit onderdeel hoort niet bij dit verslag.');
    await this.guard.check(viewer, record.networkId, dto, NO_NAMES);
    await this.comments.insert({
      id: newId(),
      meetingId,
      sectionId: dto.sectionId,
      authorId: viewer.id,
      organisationId: viewer.organisationId,
      text: dto.text.trim(),
      createdAt: this.clock.now(),
      resolvedAt: null,
    });
    return this.view(viewer, record, role, meeting);
  }

  async resolveComment(viewer: Viewer, meetingId: string, commentId: string): Promise<MinutesView> {
    const { record, role, meeting } = await this.coordinatorOnly(viewer, meetingId);
    const result = await this.comments.update({ id: commentId, meetingId }, { resolvedAt: this.clock.now() });
    if (!result.affected) throw new NotFoundException('Deze opmerking bestaat niet.');
    return this.view(viewer, record, role, meeting);
  }

  /** Approval locks the minutes: as the first item of a running later meeting, or by the coordinator with a reason. */
  async approve(
    viewer: Viewer,
    meetingId: string,
    dto: ApproveMinutesDto,
  ): Promise<{ approvedAt: string; sha256: string; covenantVersion: number }> {
    const { record, meeting } = await this.coordinatorOnly(viewer, meetingId);
    if (record.status === 'APPROVED') throw new ConflictException('Dit verslag is al vastgesteld.');
    const reason = dto.reason?.trim() || null;
    const running = await this.meetings.findOne({
      where: { networkId: meeting.networkId, status: 'IN_PROGRESS', startsAt: MoreThan(meeting.startsAt) },
    });
    if (!reason && !running) {
      throw new BadRequestException(
        'Stel het verslag vast in het volgende overleg (eerste agendapunt), of geef een reden om het nu vast te stellen.',
      );
    }
    await this.guard.check(viewer, record.networkId, dto, NO_NAMES);
    const approvedAt = this.clock.now();
    // The hash and the lock in one unit of work, from the minutes as they are in it: the approval claims
    // minutes that are not approved yet, so of two approvals at once one locks them and the other is refused.
    const outcome = await this.units.run(async (manager) => {
      const current = await within(this.minutes, manager).findOneBy({ meetingId });
      if (!current || current.status === 'APPROVED') return { refused: 'Dit verslag is al vastgesteld.' };
      const sha = await this.hash(current, manager);
      const locked = await within(this.minutes, manager).update(
        { meetingId, version: current.version, status: Not('APPROVED') },
        {
          status: 'APPROVED',
          approvedAt,
          approvedById: viewer.id,
          approvalReason: reason,
          approvedInMeetingId: reason ? null : running!.id,
          approvedSha256: sha,
        },
      );
      return locked.affected ? { sha } : { refused: STALE };
    });
    if ('refused' in outcome) throw new ConflictException(outcome.refused);
    const sha256 = outcome.sha;
    await this.notifier.emit({ type: 'MINUTES_APPROVED', actorId: viewer.id, meeting });
    return { approvedAt: approvedAt.toISOString(), sha256, covenantVersion: record.covenantVersion };
  }

  async addAddendum(viewer: Viewer, meetingId: string, dto: AddendumDto): Promise<MinutesView> {
    const { record, role, meeting } = await this.coordinatorOnly(viewer, meetingId);
    if (record.status !== 'APPROVED')
      throw new ConflictException('Een aanvulling hoort bij een vastgesteld verslag; pas een concept gewoon aan.');
    await this.guard.check(viewer, record.networkId, dto, NO_NAMES);
    await this.addenda.insert({ id: newId(), meetingId, text: dto.text.trim(), authorId: viewer.id, createdAt: this.clock.now() });
    this.pdfCache.forget(meetingId);
    return this.view(viewer, record, role, meeting);
  }

  /** The identity-free canonical content: sections, attendance, agreed actions and addenda. */
  private async hash(record: Minutes, manager?: EntityManager): Promise<string> {
    const attendance = (await within(this.attendance, manager).findBy({ meetingId: record.meetingId }))
      .map((a) => [a.organisationId, a.status, [...a.userIds].sort()])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const agreed = (
      await this.actions.agreedOn(
        record.sections.map((s) => s.id),
        manager,
      )
    )
      .map((a) => [a.id, a.description, a.ownerOrganisationId, a.ownerUserId, a.dueDate])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const addenda = (await within(this.addenda, manager).find({ where: { meetingId: record.meetingId }, order: { createdAt: 'ASC' } })).map(
      (a) => [a.id, a.text, a.createdAt.toISOString()],
    );
    const canonical = JSON.stringify({
      meetingId: record.meetingId,
      networkId: record.networkId,
      covenantVersion: record.covenantVersion,
      sections: record.sections.map((s) => [s.id, s.caseId, s.title, s.text]),
      attendance,
      actions: agreed,
      addenda,
    });
    return createHash('sha256').update(canonical).digest('hex');
  }

  /** The minutes as this reader may read them, as a PDF for them alone: rendered in the PDF pool (or from the cache of approved minutes), logged as an export, named by the meeting's date. */
  async pdf(viewer: Viewer, meetingId: string): Promise<FileDownload> {
    const { view, organisation } = await this.pdfPool.prepare(async () => ({
      view: await this.get(viewer, meetingId, true),
      organisation: (await this.organisations.findById(viewer.organisationId))?.name ?? '',
    }));
    // Decided here, rendered in a worker: the worker receives only what this reader may see.
    const input = minutesPdfInput(view);
    const reader = { name: viewer.name, organisation };
    const bytes = await this.pdfCache.get(meetingId, input, reader, () =>
      this.pdfPool.render({ kind: 'minutes', input, reader, now: this.clock.now() }),
    );
    await this.accessLog.record([
      {
        viewer,
        role: view.readerRole,
        networkId: view.networkId,
        caseId: null,
        action: 'EXPORT',
        level: view.readerLevel.level,
        context: 'MINUTES',
      },
    ]);
    return { bytes, contentType: 'application/pdf', filename: `verslag-${view.meeting.startsAt.slice(0, 10)}.pdf` };
  }

  /** Loads what this reader's minutes are made of, each case and action decided by the disclosure policy; minutes.mapper builds the view. */
  private async view(viewer: Viewer, record: Minutes, role: CovenantRole, meeting: Meeting, forExport = false): Promise<MinutesView> {
    const network = await this.networks.findById(record.networkId);
    const caseIds = record.sections.map((s) => s.caseId).filter((id): id is string => !!id);
    const cases = await this.cases.visibleViews(viewer, record.networkId, caseIds, 'MINUTES', {
      covenantVersion: record.covenantVersion,
      action: forExport ? 'EXPORT' : 'VIEW',
    });
    const visibleCase = (a: ActionView) => !a.case || cases.has(a.case.id);
    // Each part of the view in a turn of the event loop of its own (nextTurn): on SQLite the whole view would be one.
    await nextTurn();
    const agreed = (
      await this.actions.forAgendaItems(
        viewer,
        record.sections.map((s) => s.id),
        role,
        { context: 'MINUTES', role, covenantVersion: record.covenantVersion },
      )
    ).filter(visibleCase);
    await nextTurn();
    const carriedOver = (await this.actions.openOutsideMeeting(viewer, record.networkId, record.meetingId)).filter(visibleCase);
    await nextTurn();
    const comments = await this.comments.find({ where: { meetingId: record.meetingId }, order: { createdAt: 'ASC' } });
    const attendance = await this.attendance.findBy({ meetingId: record.meetingId });
    const addenda = await this.addenda.find({ where: { meetingId: record.meetingId }, order: { createdAt: 'ASC' } });
    const users = await this.users.findByIds([
      ...new Set([...comments.map((c) => c.authorId), ...attendance.flatMap((a) => a.userIds), ...addenda.map((a) => a.authorId)]),
    ]);
    const standing = await this.disclosures.standing(viewer, record.networkId, 'MINUTES', {
      covenantVersion: record.covenantVersion,
      role,
    });
    await nextTurn();
    return toMinutesView({
      record,
      meeting,
      networkName: network.name,
      role,
      present: attendance.some((a) => a.organisationId === viewer.organisationId && a.status === 'PRESENT'),
      sections: record.sections.filter((s) => !s.caseId || cases.has(s.caseId)),
      cases,
      comments,
      commenters: new Map(users.map((u) => [u.id, { name: u.name, organisation: u.organisation?.name ?? '' }])),
      agreed,
      carriedOver,
      members: await this.networks.memberList(record.networkId),
      attendance,
      people: new Map(users.map((u) => [u.id, u.name])),
      chair: (await this.networks.coordinatorsOf(record.networkId))[0]?.name ?? null,
      nextMeeting: await this.meetings.findOne({
        where: { networkId: record.networkId, startsAt: MoreThan(meeting.startsAt) },
        order: { startsAt: 'ASC' },
      }),
      addenda,
      sha256: await this.hash(record),
      reader: standing.readerLevel(),
    });
  }

  /** Drafts: the coordinator. Sent: also the organisations present. Approved: every member. */
  private async readable(viewer: Viewer, meetingId: string): Promise<{ record: Minutes; role: CovenantRole; meeting: Meeting }> {
    const record = await this.minutes.findOneBy({ meetingId });
    const role = record ? await this.networks.roleOf(viewer, record.networkId) : null;
    if (!record || !role || role === 'MUNICIPALITY') throw new NotFoundException(NOT_FOUND);
    const meeting = (await this.meetings.findOneBy({ id: meetingId }))!;
    const present =
      record.status === 'SENT' &&
      (await this.attendance.findOneBy({ meetingId, organisationId: viewer.organisationId }))?.status === 'PRESENT';
    if (mayReadRecord(role, record.status, present)) return { record, role, meeting };
    throw new NotFoundException(NOT_FOUND);
  }

  private async coordinatorOnly(viewer: Viewer, meetingId: string): Promise<{ record: Minutes; role: CovenantRole; meeting: Meeting }> {
    const found = await this.readable(viewer, meetingId);
    requireAccess(found.role, 'minutes.edit');
    return found;
  }
}
