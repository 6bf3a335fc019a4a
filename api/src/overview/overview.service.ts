import { Injectable } from '@nestjs/common';
import { can } from '@casustafel/contract/permissions';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { NetworkRole } from '@casustafel/contract/enums';
import { OPEN_ACTION_STATUSES } from '@casustafel/contract/meeting-rules';
import type { NetworkOverviewView } from '@casustafel/contract/overview';
import { requireAccess } from '../access/require-access';
import { Action } from '../actions/action.entity';
import { Case } from '../cases/case.entity';
import { caseKindSql, dependsOnOpenAction, kindsWhere } from '../cases/case-kind';
import { Clock } from '../common/clock';
import { dutchDate } from '../common/amsterdam-time';
import type { Viewer } from '../common/viewer';
import { AgendaItem } from '../meetings/agenda-item.entity';
import { Attendance } from '../meetings/attendance.entity';
import { Meeting } from '../meetings/meeting.entity';
import { Referral } from '../referrals/referral.entity';
import { Minutes } from '../meetings/minutes/minutes.entity';
import { NetworksService } from '../networks/networks.service';
import { Organisation } from '../organisations/organisation.entity';
import { DisclosureService } from '../privacy/disclosure.service';
import { QuestionMessage } from '../questions/question-message.entity';
import { Question } from '../questions/question.entity';
import { toNetworkOverview, type OverviewCounts } from './overview.mapper';

/** Statuses of a case still being worked on: not closed, declined or referred. */
const CASE_OPEN = ['SUBMITTED', 'ACCEPTED', 'MONITORING'];
/** Statuses of a question still awaiting its answer. */
const QUESTION_OPEN = ['SUBMITTED', 'SCHEDULED'];
/** How far back an answer or a message to the asking organisation counts as new. */
const NEW_FOR_DAYS = 14;

/** Which part of the network a role answers for, in the overview's numbers (contract/src/overview.ts). */
export type OverviewScope = 'NETWORK' | 'PARTNER' | 'VOLUNTEER';
export function scopeOf(role: NetworkRole): OverviewScope {
  return role === 'COORDINATOR' ? 'NETWORK' : role === 'VOLUNTEER_REP' ? 'VOLUNTEER' : 'PARTNER';
}

/**
 * A member's work queue in one network (issue #12): numbers counted in the database (COUNT, SUM and
 * GROUP BY; no case, question or action is loaded), in a fixed number of statements however much there
 * is. Counts over the whole network (the coordinator's) take only the cases the disclosure policy shows
 * them, filtered in SQL by the kinds of case as the case list does; an organisation's own cases and the
 * cases of its own open actions are never hidden from it (rules 3 and 4).
 */
@Injectable()
export class OverviewService {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(Question) private readonly questions: Repository<Question>,
    @InjectRepository(Action) private readonly actions: Repository<Action>,
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(Referral) private readonly referrals: Repository<Referral>,
    private readonly networks: NetworksService,
    private readonly disclosures: DisclosureService,
    private readonly clock: Clock,
  ) {}

  async overview(viewer: Viewer, networkId: string): Promise<NetworkOverviewView> {
    const access = await this.networks.accessFor(viewer, networkId);
    requireAccess(access.role, 'network.overview');
    const role = access.role!;
    const scope = scopeOf(role);
    const now = this.clock.now();
    const today = dutchDate(now);
    const org = viewer.organisationId;
    const visible = scope === 'NETWORK' ? await this.visibleCases(viewer, networkId, role) : null;

    const counts: OverviewCounts = {
      casesToTriage: 0,
      referralsWaiting: 0,
      submittedCasesOpen: 0,
      openQuestions: 0,
      questionsWithNewAnswers: 0,
      overdueActions: 0,
      actionsDueThisWeek: 0,
      minutesAwaitingApproval: 0,
    };

    if (scope !== 'VOLUNTEER') {
      const cases = this.cases.createQueryBuilder('c').where('c."networkId" = :networkId', { networkId });
      if (scope === 'NETWORK') {
        cases.select(`SUM(CASE WHEN c."status" = 'SUBMITTED' THEN 1 ELSE 0 END)`, 'triage');
        if (visible) cases.andWhere(visible.sql, visible.parameters);
      } else {
        cases
          .select(`SUM(CASE WHEN c."status" IN (:...open) THEN 1 ELSE 0 END)`, 'submittedOpen')
          .andWhere('c."submittedByOrganisationId" = :org', { org, open: CASE_OPEN });
      }
      const row = await cases.getRawOne<{ triage?: unknown; submittedOpen?: unknown }>();
      counts.casesToTriage = Number(row?.triage ?? 0);
      counts.submittedCasesOpen = Number(row?.submittedOpen ?? 0);
    }

    // Referrals waiting in this network are the coordinator's to decide (issue #14).
    if (can(role, 'referral.decide')) counts.referralsWaiting = await this.referrals.countBy({ toNetworkId: networkId, status: 'PENDING' });

    {
      const since = new Date(now.getTime() - NEW_FOR_DAYS * 86_400_000);
      const questions = this.questions
        .createQueryBuilder('q')
        .select(`SUM(CASE WHEN q."status" IN (:...open) THEN 1 ELSE 0 END)`, 'open')
        .where('q."networkId" = :networkId', { networkId, open: QUESTION_OPEN });
      if (scope !== 'NETWORK')
        questions
          .addSelect(
            `SUM(CASE WHEN q."answeredAt" >= :since OR EXISTS (${this.questions.manager
              .createQueryBuilder(QuestionMessage, 'm')
              .select('1')
              .where('m."questionId" = q."id" AND m."fromCoordinator" AND m."createdAt" >= :since')
              .getQuery()}) THEN 1 ELSE 0 END)`,
            'answered',
          )
          .andWhere('q."submittedByOrganisationId" = :org', { org, since });
      const row = await questions.getRawOne<{ open?: unknown; answered?: unknown }>();
      counts.openQuestions = Number(row?.open ?? 0);
      counts.questionsWithNewAnswers = Number(row?.answered ?? 0);
    }

    let overdueByOrganisation: NetworkOverviewView['overdueByOrganisation'] = [];
    if (scope !== 'VOLUNTEER') {
      const open = () => {
        const q = this.actions
          .createQueryBuilder('a')
          .where('a."networkId" = :networkId AND a."status" IN (:...statuses)', { networkId, statuses: OPEN_ACTION_STATUSES });
        if (scope === 'PARTNER') q.andWhere('a."ownerOrganisationId" = :org', { org });
        if (visible) onVisibleCase(q, visible);
        return q;
      };
      const row = await open()
        .select(`SUM(CASE WHEN a."dueDate" < :today THEN 1 ELSE 0 END)`, 'overdue')
        .addSelect(`SUM(CASE WHEN a."dueDate" >= :today AND a."dueDate" <= :sunday THEN 1 ELSE 0 END)`, 'thisWeek')
        .setParameters({ today, sunday: comingSunday(today) })
        .getRawOne<{ overdue?: unknown; thisWeek?: unknown }>();
      counts.overdueActions = Number(row?.overdue ?? 0);
      counts.actionsDueThisWeek = Number(row?.thisWeek ?? 0);
      // Asked even when nothing is overdue: the number of statements does not depend on the data.
      if (scope === 'NETWORK') {
        const rows = await open()
          .innerJoin(Organisation, 'o', 'o."id" = a."ownerOrganisationId"')
          .select('o."id"', 'id')
          .addSelect('o."name"', 'name')
          .addSelect('COUNT(*)', 'count')
          .andWhere('a."dueDate" < :today', { today })
          .groupBy('o."id"')
          .addGroupBy('o."name"')
          .orderBy('COUNT(*)', 'DESC')
          .addOrderBy('o."name"', 'ASC')
          .getRawMany<{ id: string; name: string; count: unknown }>();
        overdueByOrganisation = rows.map((r) => ({ organisation: { id: r.id, name: r.name }, count: Number(r.count) }));
      }
    }

    if (scope !== 'VOLUNTEER') {
      const minutes = this.meetings
        .createQueryBuilder('m')
        .innerJoin(Minutes, 'x', 'x."meetingId" = m."id"')
        .select('COUNT(*)', 'count')
        .where('m."networkId" = :networkId', { networkId });
      if (scope === 'NETWORK') minutes.andWhere(`m."status" = 'CLOSED' AND x."status" <> 'APPROVED'`);
      else
        minutes
          .innerJoin(Attendance, 'att', 'att."meetingId" = m."id" AND att."organisationId" = :org', { org })
          .andWhere(`x."status" = 'SENT' AND att."status" = 'PRESENT'`);
      counts.minutesAwaitingApproval = Number((await minutes.getRawOne<{ count: unknown }>())?.count ?? 0);
    }

    const next = await this.meetings
      .createQueryBuilder('m')
      .addSelect((items) => items.select('COUNT(*)').from(AgendaItem, 'i').where('i."meetingId" = m."id"'), 'items')
      .where(`m."networkId" = :networkId AND m."status" = 'PLANNED' AND m."startsAt" > :now`, { networkId, now })
      .orderBy('m.startsAt', 'ASC')
      .limit(1)
      .getRawAndEntities<{ items: unknown }>();
    const meeting = next.entities[0];

    return toNetworkOverview(access.network, role, counts, overdueByOrganisation, {
      meeting: meeting ?? null,
      agendaReady: Number(next.raw[0]?.items ?? 0) > 0,
    });
  }

  /** The SQL condition on a case row (alias c) that keeps the cases the policy shows this viewer; null when it shows them all. */
  private async visibleCases(
    viewer: Viewer,
    networkId: string,
    role: NetworkRole,
  ): Promise<{ sql: string; parameters: ObjectLiteral } | null> {
    const standing = await this.disclosures.standing(viewer, networkId, 'DOSSIER', { role });
    const levels = standing.levelsByCaseKind();
    const shown = kindsWhere(levels, (level) => level !== 'HIDDEN');
    if (shown.length === levels.size) return null;
    if (shown.length === 0) return { sql: '1 = 0', parameters: {} };
    const held = dependsOnOpenAction(levels, shown) ? this.disclosures.heldByViewer(standing) : null;
    const kind = caseKindSql('c', viewer, held);
    return { sql: `${kind.sql} IN (:...shownKinds)`, parameters: { ...kind.parameters, shownKinds: shown } };
  }
}

/** Keeps actions without a case or on a case the viewer may see. */
function onVisibleCase<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, visible: { sql: string; parameters: ObjectLiteral }): void {
  query.andWhere(
    `(a."caseId" IS NULL OR a."caseId" IN (SELECT c."id" FROM "cases" c WHERE c."networkId" = :networkId AND ${visible.sql}))`,
    visible.parameters,
  );
}

/** The Sunday that ends the Dutch week of `day` (YYYY-MM-DD): the day itself when it is a Sunday. */
export function comingSunday(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + ((7 - date.getUTCDay()) % 7));
  return date.toISOString().slice(0, 10);
}
