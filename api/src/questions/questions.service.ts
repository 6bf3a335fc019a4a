import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { can } from '@casustafel/contract/permissions';
import { requireAccess } from '../access/require-access';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository, type EntityManager } from 'typeorm';
import type { CaseView } from '@casustafel/contract/cases';
import type { NetworkRole } from '@casustafel/contract/enums';
import type { IdentifyingFinding } from '@casustafel/contract/question-rules';
import { CreateCaseDto } from '@casustafel/contract/cases';
import type {
  AnswerQuestionDto,
  ConvertQuestionDto,
  CreateQuestionDto,
  QuestionMessageDto,
  QuestionView,
} from '@casustafel/contract/questions';
import { CasesService } from '../cases/cases.service';
import { Clock } from '../common/clock';
import { Notifier } from '../notifications/notifier';
import type { Viewer } from '../common/viewer';
import { CovenantsService } from '../covenants/covenants.service';
import { newId } from '../database/ids';
import { within } from '../database/unit-of-work';
import { NetworksService } from '../networks/networks.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { AccessLogService, type AccessEvent } from '../privacy/access-log.service';
import { scanIdentifyingData } from '../privacy/identifying-data';
import { CaseLabels } from '../privacy/case-labels';
import { FreeTextGuard } from '../privacy/free-text-guard';
import { UsersService } from '../users/users.service';
import { QuestionMessage } from './question-message.entity';
import { Question } from './question.entity';
import { toMessageView, toQuestionView } from './question.mapper';

const NOT_FOUND = 'Deze vraag bestaat niet of je mag hem niet zien.';
const ANONYMOUS = 'Een consultatieve vraag is anoniem: beschrijf de situatie zonder die gegevens.';
const CLOSED = 'Deze vraag is al ingetrokken of een casus geworden.';
/** A question still open: not withdrawn, not a case yet. Writes that need an open question claim it with this condition. */
const STILL_OPEN = { status: Not(In(['WITHDRAWN', 'CONVERTED'])) } as const;
/** Consultative questions: pseudonymous situations from (mostly) volunteer organisations, answered by the network. */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectRepository(Question) private readonly questions: Repository<Question>,
    @InjectRepository(QuestionMessage) private readonly messages: Repository<QuestionMessage>,
    private readonly networks: NetworksService,
    private readonly covenants: CovenantsService,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly cases: CasesService,
    private readonly accessLog: AccessLogService,
    private readonly guard: FreeTextGuard,
    private readonly labels: CaseLabels,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async scan(viewer: Viewer, networkId: string, text: string): Promise<IdentifyingFinding[]> {
    await this.requireRole(viewer, networkId);
    return scanIdentifyingData(text, this.clock.now());
  }

  async create(viewer: Viewer, networkId: string, dto: CreateQuestionDto): Promise<QuestionView> {
    const role = await this.requireRole(viewer, networkId);
    await this.guard.check(viewer, networkId, dto, ANONYMOUS);
    const now = this.clock.now();
    const question = await this.questions.save(
      this.questions.create({
        id: newId(),
        networkId,
        title: dto.title.trim(),
        situation: dto.situation.trim(),
        question: dto.question.trim(),
        neighbourhood: dto.neighbourhood?.trim() || null,
        ageBand: dto.ageBand ?? null,
        problemAreas: [...new Set(dto.problemAreas)],
        status: 'SUBMITTED',
        submittedById: viewer.id,
        submittedByOrganisationId: viewer.organisationId,
        createdAt: now,
        advice: null,
        severity: null,
        recommendation: null,
        answeredAt: null,
        convertedCaseId: null,
      }),
    );
    await this.accessLog.record([this.event(viewer, role, question, 'CREATE')]);
    return this.view(viewer, role, question, true);
  }

  async list(viewer: Viewer, networkId: string): Promise<QuestionView[]> {
    const role = await this.requireRole(viewer, networkId);
    const all = await this.questions.find({ where: { networkId }, order: { createdAt: 'DESC' } });
    await this.accessLog.record(all.map((q) => this.event(viewer, role, q, 'LIST')));
    const anonymous = (await this.covenants.current(networkId)).anonymousQuestionSubmitter;
    const names = new Map((await this.organisations.list()).map((o) => [o.id, o.name]));
    const visibleCases = await this.labels.forViewer(
      viewer,
      networkId,
      all.map((q) => q.convertedCaseId),
    );
    return Promise.all(all.map((q) => this.view(viewer, role, q, false, { anonymous, names, visibleCases })));
  }

  async get(viewer: Viewer, id: string): Promise<QuestionView> {
    const { question, role } = await this.visible(viewer, id);
    await this.accessLog.record([this.event(viewer, role, question, 'VIEW')]);
    return this.view(viewer, role, question, true);
  }

  async answer(viewer: Viewer, id: string, dto: AnswerQuestionDto): Promise<QuestionView> {
    const { question, role } = await this.visible(viewer, id);
    requireAccess(role, 'question.answer');
    if (question.status === 'WITHDRAWN' || question.status === 'CONVERTED') {
      throw new ConflictException('Deze vraag is ingetrokken of al een casus geworden; een antwoord kan niet meer.');
    }
    await this.guard.check(viewer, question.networkId, dto, ANONYMOUS);
    const answer = {
      advice: dto.advice.trim(),
      severity: dto.severity,
      recommendation: dto.recommendation,
      answeredAt: this.clock.now(),
      status: 'ANSWERED' as const,
    };
    // Only while it is still open: a conversion or withdrawal at the same moment wins.
    if (!(await this.questions.update({ id, ...STILL_OPEN }, answer)).affected) {
      throw new ConflictException('Deze vraag is ingetrokken of al een casus geworden; een antwoord kan niet meer.');
    }
    Object.assign(question, answer);
    await this.accessLog.record([this.event(viewer, role, question, 'UPDATE')]);
    await this.notifier.emit({ type: 'QUESTION_ANSWERED', actorId: viewer.id, question });
    return this.view(viewer, role, question, true);
  }

  async addMessage(viewer: Viewer, id: string, dto: QuestionMessageDto): Promise<QuestionView> {
    const { question, role } = await this.visible(viewer, id);
    requireAccess(role, 'question.message', { submittingOrganisation: question.submittedByOrganisationId === viewer.organisationId });
    const fromCoordinator = role === 'COORDINATOR';
    await this.guard.check(viewer, question.networkId, dto, ANONYMOUS);
    await this.messages.insert({
      id: newId(),
      questionId: id,
      authorId: viewer.id,
      fromCoordinator,
      text: dto.text.trim(),
      createdAt: this.clock.now(),
    });
    await this.accessLog.record([this.event(viewer, role, question, 'UPDATE')]);
    // A message from the network's side is a follow-up question for the organisation that asked.
    if (viewer.organisationId !== question.submittedByOrganisationId)
      await this.notifier.emit({ type: 'QUESTION_FOLLOW_UP', actorId: viewer.id, question });
    return this.view(viewer, role, question, true);
  }

  async withdraw(viewer: Viewer, id: string): Promise<QuestionView> {
    const { question, role } = await this.visible(viewer, id);
    requireAccess(role, 'question.withdraw', { submittingOrganisation: question.submittedByOrganisationId === viewer.organisationId });
    if (question.status === 'CONVERTED' || question.status === 'WITHDRAWN')
      throw new ConflictException('Deze vraag is al ingetrokken of een casus geworden.');
    if (!(await this.questions.update({ id, ...STILL_OPEN }, { status: 'WITHDRAWN' })).affected) throw new ConflictException(CLOSED);
    question.status = 'WITHDRAWN';
    await this.accessLog.record([this.event(viewer, role, question, 'UPDATE')]);
    return this.view(viewer, role, question, true);
  }

  /** With the client's consent the asking organisation turns the question into a case; the case links back. */
  async convert(viewer: Viewer, id: string, dto: ConvertQuestionDto): Promise<CaseView> {
    const { question, role } = await this.visible(viewer, id);
    requireAccess(role, 'question.convert', { submittingOrganisation: question.submittedByOrganisationId === viewer.organisationId });
    if (question.status === 'CONVERTED' || question.status === 'WITHDRAWN')
      throw new ConflictException('Deze vraag is al ingetrokken of een casus geworden.');
    const neighbourhood = dto.neighbourhood?.trim() || question.neighbourhood;
    if (!neighbourhood) throw new BadRequestException('Vul de buurt of wijk van de cliënt in.');
    if (question.problemAreas.length === 0)
      throw new BadRequestException('De vraag noemt geen leefgebieden; een casus heeft er minstens één nodig.');
    await this.guard.check(viewer, question.networkId, dto, ANONYMOUS);
    const created = await this.cases.create(
      viewer,
      question.networkId,
      Object.assign(new CreateCaseDto(), {
        client: dto.client,
        consent: 'GIVEN' as const,
        urgency: dto.urgency,
        neighbourhood,
        problemAreas: question.problemAreas,
        summary: question.situation,
      }),
      // Claimed in the case's own unit of work, before the case is stored: of two conversions at once, one
      // turns the question into a case and the other finds it converted, with nothing stored.
      { sourceQuestionId: question.id, together: (manager, caseId) => this.claimForCase(manager, id, caseId) },
    );
    question.status = 'CONVERTED';
    question.convertedCaseId = created.id;
    await this.accessLog.record([{ ...this.event(viewer, role, question, 'UPDATE'), caseId: created.id }]);
    return created;
  }

  /** Questions on the agenda of a cancelled meeting go back to the pool (SCHEDULED → SUBMITTED), in its unit of work. */
  async unschedule(ids: string[], manager: EntityManager): Promise<void> {
    if (ids.length) await within(this.questions, manager).update({ id: In(ids), status: 'SCHEDULED' }, { status: 'SUBMITTED' });
  }

  /** Open questions of the network, for the agenda; they become SCHEDULED (in the agenda's unit of work). */
  async scheduleOpen(networkId: string, manager?: EntityManager): Promise<{ id: string; title: string }[]> {
    const questions = within(this.questions, manager);
    const open = await questions.find({ where: { networkId, status: In(['SUBMITTED', 'SCHEDULED']) }, order: { createdAt: 'ASC' } });
    const submitted = open.filter((q) => q.status === 'SUBMITTED').map((q) => q.id);
    if (submitted.length) await questions.update({ id: In(submitted), status: 'SUBMITTED' }, { status: 'SCHEDULED' });
    return open.map((q) => ({ id: q.id, title: q.title }));
  }

  /** The network's answers to these questions, for the minutes' draft: questionId → answer (unanswered ones are left out). */
  async answersOf(networkId: string, ids: string[]): Promise<Map<string, { advice: string; severity: string; recommendation: string }>> {
    const found = ids.length ? await this.questions.findBy({ id: In([...new Set(ids)]), networkId }) : [];
    const answers = new Map<string, { advice: string; severity: string; recommendation: string }>();
    for (const q of found)
      if (q.advice && q.severity && q.recommendation)
        answers.set(q.id, { advice: q.advice, severity: q.severity, recommendation: q.recommendation });
    return answers;
  }

  /** A question's agenda summary (no identity in questions), or null when it is not in the network. */
  async summary(networkId: string, id: string): Promise<{ id: string; title: string; status: string } | null> {
    return (await this.summaries(networkId, [id])).get(id) ?? null;
  }

  /** Agenda summaries of these questions of the network, in one query: questionId → summary. */
  async summaries(networkId: string, ids: string[]): Promise<Map<string, { id: string; title: string; status: string }>> {
    const found = ids.length
      ? await this.questions.find({ where: { id: In([...new Set(ids)]), networkId }, select: { id: true, title: true, status: true } })
      : [];
    return new Map(found.map((q) => [q.id, { id: q.id, title: q.title, status: q.status }]));
  }

  /** The network a question belongs to, or null when there is no such question (for the log of refused attempts; no access check). */
  async networkOf(id: string): Promise<string | null> {
    return (await this.questions.findOne({ where: { id }, select: { id: true, networkId: true } }))?.networkId ?? null;
  }

  /** The question becomes the case `caseId`, if it is still open; in the unit of work that stores the case. */
  private async claimForCase(manager: EntityManager, id: string, caseId: string): Promise<void> {
    const claimed = await within(this.questions, manager).update({ id, ...STILL_OPEN }, { status: 'CONVERTED', convertedCaseId: caseId });
    if (!claimed.affected) throw new ConflictException(CLOSED);
  }

  private async requireRole(viewer: Viewer, networkId: string): Promise<NetworkRole> {
    const access = await this.networks.accessFor(viewer, networkId);
    if (!access.role) throw new NotFoundException('Dit netwerk bestaat niet of je bent er geen lid van.');
    return access.role;
  }

  private async visible(viewer: Viewer, id: string): Promise<{ question: Question; role: NetworkRole }> {
    const question = await this.questions.findOneBy({ id });
    const role = question ? await this.networks.roleOf(viewer, question.networkId) : null;
    if (!question || !role) throw new NotFoundException(NOT_FOUND);
    return { question, role };
  }

  /** `known` saves the covenant and organisation look-ups when mapping a whole list. */
  private async view(
    viewer: Viewer,
    role: NetworkRole,
    q: Question,
    withThread: boolean,
    known?: { anonymous: boolean; names: Map<string, string>; visibleCases: Map<string, string> },
  ): Promise<QuestionView> {
    const isSubmittingOrganisation = q.submittedByOrganisationId === viewer.organisationId;
    const isCoordinator = role === 'COORDINATOR';
    const anonymous = known?.anonymous ?? (await this.covenants.current(q.networkId)).anonymousQuestionSubmitter;
    const showSubmitter = isCoordinator || isSubmittingOrganisation || !anonymous;
    const organisationName = !showSubmitter
      ? ''
      : (known?.names.get(q.submittedByOrganisationId) ?? (await this.organisations.findById(q.submittedByOrganisationId))?.name ?? '');
    const facts = { submittingOrganisation: isSubmittingOrganisation };
    const inThread = can(role, 'question.message', facts);
    const open = q.status !== 'WITHDRAWN' && q.status !== 'CONVERTED';
    // The case a question became is named only to those who may see that case.
    const visibleCases = known?.visibleCases ?? (await this.labels.forViewer(viewer, q.networkId, [q.convertedCaseId]));
    return toQuestionView(q, {
      convertedCaseId: q.convertedCaseId && visibleCases.has(q.convertedCaseId) ? q.convertedCaseId : null,
      organisationName,
      showSubmitter,
      isSubmittingOrganisation,
      messages: withThread && inThread ? await this.thread(q.id) : [],
      can: {
        answer: can(role, 'question.answer') && open,
        message: inThread && open,
        withdraw: can(role, 'question.withdraw', facts) && open,
        convert: can(role, 'question.convert', facts) && open,
      },
    });
  }

  private async thread(questionId: string) {
    const messages = await this.messages.find({ where: { questionId }, order: { createdAt: 'ASC' } });
    const authors = new Map(
      (await this.users.findByIds([...new Set(messages.map((m) => m.authorId))])).map((u) => [
        u.id,
        { name: u.name, organisation: u.organisation?.name ?? '' },
      ]),
    );
    return messages.map((m) => toMessageView(m, authors.get(m.authorId) ?? null));
  }

  private event(viewer: Viewer, role: NetworkRole, q: Question, action: AccessEvent['action']): AccessEvent {
    return { viewer, role, networkId: q.networkId, caseId: null, questionId: q.id, action, level: null, context: 'DOSSIER' };
  }
}
