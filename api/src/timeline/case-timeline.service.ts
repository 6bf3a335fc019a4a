import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NETWORK_ROLES } from '@casustafel/contract/enums';
import type { CaseTimelineView } from '@casustafel/contract/timeline';
import { ActionEvent } from '../actions/action-event.entity';
import { Action } from '../actions/action.entity';
import { actionNameIds, toActionViews } from '../actions/action.mapper';
import { CaseEvent } from '../cases/case-event.entity';
import { CasesService } from '../cases/cases.service';
import { Clock } from '../common/clock';
import { dutchDate } from '../common/amsterdam-time';
import type { Viewer } from '../common/viewer';
import { AgendaItem } from '../meetings/agenda-item.entity';
import { Attendance } from '../meetings/attendance.entity';
import { Meeting } from '../meetings/meeting.entity';
import { Minutes } from '../meetings/minutes/minutes.entity';
import { mayReadRecord } from '../meetings/minutes/minutes-access';
import { NetworksService } from '../networks/networks.service';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { CaseLabels } from '../privacy/case-labels';
import { Question } from '../questions/question.entity';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { toCaseTimelineView } from './case-timeline.mapper';

/** Meetings that discussed a case: the ones that ran. A planned meeting has not discussed it yet. */
const DISCUSSED_IN = ['IN_PROGRESS', 'CLOSED'] as const;

type StatusRow = CaseEvent & { user?: (User & { organisation?: Organisation | null }) | null };
type MeetingRow = AgendaItem & { meeting: Meeting; record?: Minutes | null; attendance?: Attendance | null };

/**
 * The case's history (issue #12): intake, the question it came from, status changes, the meetings
 * that discussed it and its actions. The case is decided by the disclosure policy as for
 * GET /api/cases/:id (the same 404); the history shows no identity, only the case's own facts; the
 * decisions of a meeting only to whom may read its record; actions as every action list shows them.
 * Loaded in a fixed number of queries however long the history (test/query-count.api-spec.ts).
 */
@Injectable()
export class CaseTimelineService {
  constructor(
    @InjectRepository(CaseEvent) private readonly events: Repository<CaseEvent>,
    @InjectRepository(AgendaItem) private readonly items: Repository<AgendaItem>,
    @InjectRepository(Action) private readonly actions: Repository<Action>,
    @InjectRepository(Question) private readonly questions: Repository<Question>,
    private readonly cases: CasesService,
    private readonly networks: NetworksService,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async timeline(viewer: Viewer, caseId: string): Promise<CaseTimelineView> {
    const { record, disclosure } = await this.cases.readable(viewer, caseId);
    const role = disclosure.role;

    // 1. Status changes, each with the name of who made it and of their organisation.
    const statuses = (await this.events
      .createQueryBuilder('e')
      .leftJoinAndMapOne('e.user', User, 'u', 'u."id" = e."userId"')
      .leftJoinAndMapOne('u.organisation', Organisation, 'o', 'o."id" = u."organisationId"')
      .select(['e', 'u.id', 'u.name', 'o.id', 'o.name'])
      .where('e."caseId" = :caseId', { caseId: record.id })
      .orderBy('e.at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany()) as StatusRow[];

    // 2. The meetings that discussed it: its agenda items with their meeting, the meeting's minutes and the viewer's organisation's attendance.
    const discussed = (await this.items
      .createQueryBuilder('i')
      .innerJoinAndMapOne(
        'i.meeting',
        Meeting,
        'm',
        'm."id" = i."meetingId" AND m."networkId" = :networkId AND m."status" IN (:...discussedIn)',
        {
          networkId: record.networkId,
          discussedIn: DISCUSSED_IN,
        },
      )
      .leftJoinAndMapOne('i.record', Minutes, 'x', 'x."meetingId" = m."id"')
      .leftJoinAndMapOne('i.attendance', Attendance, 'att', 'att."meetingId" = m."id" AND att."organisationId" = :organisationId', {
        organisationId: viewer.organisationId,
      })
      .select(['i.id', 'i.meetingId', 'i.decisions', 'm', 'x.meetingId', 'x.status', 'att.meetingId', 'att.organisationId', 'att.status'])
      .where('i."caseId" = :caseId', { caseId: record.id })
      .orderBy('m.startsAt', 'ASC')
      .addOrderBy('i.position', 'ASC')
      .getMany()) as MeetingRow[];

    // 3. Its actions with their histories.
    const actionRows = (await this.actions
      .createQueryBuilder('a')
      .leftJoinAndMapMany('a.history', ActionEvent, 'h', 'h."actionId" = a."id"')
      .where('a."caseId" = :caseId AND a."networkId" = :networkId', { caseId: record.id, networkId: record.networkId })
      .orderBy('a.createdAt', 'ASC')
      .addOrderBy('h.at', 'ASC')
      .getMany()) as (Action & { history?: ActionEvent[] })[];
    const history = actionRows.flatMap((a) => a.history ?? []);

    // 4. The question it came from (a question of the same network; pseudonymous, readable by every member).
    const question = record.sourceQuestionId
      ? await this.questions.findOne({
          where: { id: record.sourceQuestionId, networkId: record.networkId },
          select: { id: true, title: true, createdAt: true },
        })
      : null;

    // 5. Names: people, organisations (the intake's and the owners'), the network — one query each.
    const ids = actionNameIds(actionRows, history);
    const names = {
      users: ids.users.length ? await this.users.namesOf([...new Set(ids.users)]) : new Map<string, string>(),
      organisations: await this.organisations.namesOf([...new Set([record.submittedByOrganisationId, ...ids.organisations])]),
      networks: await this.networks.namesOf([record.networkId]),
    };

    // People are named to the network's members, who see names on meetings and action histories too; anyone else sees the organisation.
    const namesPeople = NETWORK_ROLES.some((r) => r === role);
    // The case is visible to the viewer (or readable() had refused): its label is decided by the same disclosure.
    const labels = CaseLabels.decided(disclosure, [record]);
    const views = toActionViews(actionRows, history, { viewer, roles: role }, labels, names, dutchDate(this.clock.now()));
    const createdAt = new Map(actionRows.map((a) => [a.id, a.createdAt]));

    return toCaseTimelineView({
      caseId: record.id,
      intake: {
        at: record.createdAt,
        organisation: { id: record.submittedByOrganisationId, name: names.organisations.get(record.submittedByOrganisationId) ?? '' },
      },
      question: question ? { id: question.id, title: question.title, at: question.createdAt } : null,
      statuses: statuses.map((e) => ({
        at: e.at,
        from: e.fromStatus,
        to: e.toStatus,
        reason: e.reason,
        by: e.user ? (namesPeople ? e.user.name : (e.user.organisation?.name ?? null)) : null,
      })),
      meetings: discussed.map((i) => ({
        id: i.meeting.id,
        startsAt: i.meeting.startsAt,
        status: i.meeting.status,
        decisions: mayReadRecord(role, i.record?.status ?? null, i.attendance?.status === 'PRESENT') ? i.decisions : null,
      })),
      actions: views.map((view) => ({ at: createdAt.get(view.id)!, view })),
    });
  }
}
