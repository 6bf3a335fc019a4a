import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { CAPACITY_KINDS, CASE_STATUSES, PROBLEM_AREAS, RINGS, URGENCIES } from '@casustafel/contract/enums';
import type { FiguresQuery, FiguresView } from '@casustafel/contract/figures';
import { NETWORK_TIME_ZONE, OPEN_ACTION_STATUSES } from '@casustafel/contract/meeting-rules';
import { RECOMMENDATIONS, SEVERITIES } from '@casustafel/contract/question-rules';
import { requireAccess } from '../access/require-access';
import { Action } from '../actions/action.entity';
import { Case } from '../cases/case.entity';
import type { Viewer } from '../common/viewer';
import { Attendance } from '../meetings/attendance.entity';
import { Meeting } from '../meetings/meeting.entity';
import { Network } from '../networks/network.entity';
import { NetworksService } from '../networks/networks.service';
import { Organisation } from '../organisations/organisation.entity';
import { Question } from '../questions/question.entity';
import { countCell, distribution, protectSeries, type RawRow } from './disclosure-control';
import {
  CASE_STATUS_LABEL,
  ORGANISATION_KIND_LABEL,
  OUTCOME_LABEL,
  PROBLEM_AREA_LABEL,
  RECOMMENDATION_LABEL,
  RING_LABEL,
  SEVERITY_LABEL,
  SOURCE_LABEL,
  URGENCY_LABEL,
} from '../common/labels';

/** The kinds of organisation that are members (bring in cases, carry out actions); a government organisation is neither. */
const MEMBER_KINDS = ['FORMAL', 'INFORMAL', 'HYBRID'] as const;

/** The longest period asked for at once: three years (and the previous three for comparison). */
export const MAX_PERIOD_YEARS = 3;

/** A period as Amsterdam days (from and to inclusive) and as instants [start, end). */
export interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/** One calendar month of a period (in Amsterdam), cut to the period: [start, end). */
interface Month {
  key: string;
  start: Date;
  end: Date;
}

type Raw = Record<string, unknown>;
const num = (value: unknown): number => Number(value ?? 0);

/**
 * The network's figures (issue #13): counts, durations and shares for a period, from SQL aggregates
 * (SUM of CASE, COUNT and GROUP BY; durations as one aggregate list of numbers each) — no case, action,
 * question or meeting is loaded as an entity, and the number of statements does not depend on the data.
 * Every count goes through disclosure control before it leaves this service.
 *
 * The figures count the whole network, also cases the covenant hides from the viewer on the case list:
 * a count of 5 or more, and a median over 5 or more, says nothing about one client (docs/privacy-model.md).
 */
@Injectable()
export class FiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly networks: NetworksService,
  ) {}

  async figures(viewer: Viewer, networkId: string, query: FiguresQuery): Promise<FiguresView> {
    const period = parsePeriod(query);
    const access = await this.networks.accessFor(viewer, networkId);
    requireAccess(access.role, 'network.figures');
    const previous = previousPeriod(period);
    const months = monthsOf(period);

    const perMonth = await this.monthCounts(networkId, months);
    const cases = await this.caseFigures(networkId, period, months, perMonth.cases);
    const actions = await this.actionFigures(networkId, period, months, perMonth.actions);
    const questions = await this.questionFigures(networkId, period, months);
    const meetings = await this.meetingFigures(networkId, period, months);
    const before = await this.previousTotals(networkId, previous);
    const load = await this.loadFigures(networkId, period);

    return {
      networkId,
      networkName: access.network.name,
      from: period.from,
      to: period.to,
      previous: { from: previous.from, to: previous.to },
      cases,
      actions,
      questions,
      meetings,
      load,
      previousTotals: before,
    };
  }

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Days between two timestamp expressions, as a fraction. */
  private days(later: string, earlier: string): string {
    return this.postgres ? `(EXTRACT(EPOCH FROM (${later} - ${earlier})) / 86400.0)` : `(julianday(${later}) - julianday(${earlier}))`;
  }

  private qb(): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource.createQueryBuilder();
  }

  /**
   * The cases brought in and the actions created per month of the period, as a count of a range of the
   * (networkId, createdAt) indexes per month: in one statement, without a value per row to group on.
   */
  private async monthCounts(networkId: string, months: Month[]): Promise<{ cases: number[]; actions: number[] }> {
    const q = this.qb().select('n."id"', 'id').from(Network, 'n').where('n."id" = :networkId', { networkId });
    months.forEach((m, i) => {
      const range = `"networkId" = :networkId AND "createdAt" >= :month${i}s AND "createdAt" < :month${i}e`;
      q.addSelect(`(SELECT COUNT(*) FROM "cases" WHERE ${range})`, `cases${i}`)
        .addSelect(`(SELECT COUNT(*) FROM "actions" WHERE ${range})`, `actions${i}`)
        .setParameters({ [`month${i}s`]: m.start, [`month${i}e`]: m.end });
    });
    const row = (await q.getRawOne<Raw>()) ?? {};
    return { cases: months.map((_, i) => num(row[`cases${i}`])), actions: months.map((_, i) => num(row[`actions${i}`])) };
  }

  private async caseFigures(networkId: string, period: Period, months: Month[], perMonth: number[]): Promise<FiguresView['cases']> {
    const base = { networkId, start: period.start, end: period.end };
    const inPeriod = 'c."networkId" = :networkId AND c."createdAt" >= :start AND c."createdAt" < :end';

    // The status each case brought in during the period had when the period ended: the last change
    // before the end; else what it was before the first change after the end; else (no history) its status now.
    // A case not changed since the end (every status change sets updatedAt) still has the status it had then: no lookup.
    const atEnd = `CASE WHEN c."updatedAt" < :end THEN c."status" ELSE COALESCE(
      (SELECT e."toStatus" FROM "case_events" e WHERE e."caseId" = c."id" AND e."at" < :end ORDER BY e."at" DESC LIMIT 1),
      (SELECT e."fromStatus" FROM "case_events" e WHERE e."caseId" = c."id" AND e."at" >= :end ORDER BY e."at" ASC LIMIT 1),
      c."status") END`;
    // Grouped in SQL on the few values the breakdowns need (a CASE per breakdown and row would be
    // evaluated for every case); the groups — not the cases — are added up here. The values are grouped
    // as one text key: SQLite sorts 100,000 rows on one column about twice as fast as on several. The
    // problem areas (a JSON array of codes, few distinct combinations) come last, as stored. The months
    // are counted apart (monthCounts), on the index, so that no value per case is needed for them.
    const key = groupKey([
      'c."urgency"',
      'c."submittedByOrganisationId"',
      `CASE WHEN c."sourceReferralId" IS NOT NULL THEN 'REFERRAL' WHEN c."sourceQuestionId" IS NOT NULL THEN 'QUESTION' ELSE 'INTAKE' END`,
      atEnd,
      'c."problemAreas"',
    ]);
    const grouped = this.qb()
      .select(key, 'key')
      .addSelect('MAX(c."submittedByOrganisationId")', 'org')
      .addSelect('COUNT(*)', 'count')
      .from(Case, 'c')
      .where(inPeriod)
      .groupBy('1');
    // The submitting organisation's kind joined to the groups, not to every case.
    const groups = await this.qb()
      .select('g."key"', 'key')
      .addSelect('o."kind"', 'kind')
      .addSelect('g."count"', 'count')
      .from(`(${grouped.getQuery()})`, 'g')
      .leftJoin(Organisation, 'o', 'o."id" = g."org"')
      .setParameters(base)
      .getRawMany<{ key: string | null; kind: string | null; count: unknown }>();
    const byUrgency = new Map<string, number>();
    const byKind = new Map<string, number>();
    const bySource = new Map<string, number>();
    const statusCount = new Map<string, number>();
    const byArea = new Map<string, number>();
    let total = 0;
    for (const g of groups) {
      const [urgency, , source, status, areas] = splitKey(g.key, 5);
      const n = num(g.count);
      total += n;
      add(statusCount, status, n);
      add(byUrgency, urgency, n);
      add(byKind, g.kind ?? 'OTHER', n);
      add(bySource, source, n);
      for (const area of new Set(parseAreas(areas))) add(byArea, area, n);
    }

    // The durations, both in one pass over the period's cases: to the first action on the case (kept on the
    // case as firstActionAt; only one before the end counts) and to the closing (before the end), each as one
    // list of numbers (a number per case, no case); NULLs (no action yet, not closed by the end) are left out.
    const durations = await this.qb()
      .select(this.list(`CASE WHEN c."firstActionAt" < :end THEN ${this.days('c."firstActionAt"', 'c."createdAt"')} END`), 'days')
      .addSelect(this.list(`CASE WHEN c."closedAt" < :end THEN ${this.days('c."closedAt"', 'c."createdAt"')} END`), 'daysToClose')
      .from(Case, 'c')
      .where(inPeriod, base)
      .getRawOne<{ days: string | null; daysToClose: string | null }>();
    const toFirstAction = sortedNumbers(durations?.days);
    const toClose = sortedNumbers(durations?.daysToClose);

    const additive = { additive: true };
    return {
      broughtIn: countCell(total),
      byProblemArea: protectSeries(
        PROBLEM_AREAS.map((p) => ({ key: p, label: PROBLEM_AREA_LABEL[p], value: byArea.get(p) ?? 0 })),
        total,
        { additive: false },
      ),
      byUrgency: protectSeries(
        URGENCIES.map((u) => ({ key: u, label: URGENCY_LABEL[u], value: byUrgency.get(u) ?? 0 })),
        total,
        additive,
      ),
      bySubmitterKind: protectSeries(
        withOther(
          MEMBER_KINDS.map((k) => ({ key: k, label: ORGANISATION_KIND_LABEL[k], value: byKind.get(k) ?? 0 })),
          total,
        ),
        total,
        additive,
      ),
      bySource: protectSeries(
        [
          { key: 'INTAKE', label: SOURCE_LABEL.INTAKE, value: bySource.get('INTAKE') ?? 0 },
          { key: 'QUESTION', label: SOURCE_LABEL.QUESTION, value: bySource.get('QUESTION') ?? 0 },
          { key: 'REFERRAL', label: SOURCE_LABEL.REFERRAL, value: bySource.get('REFERRAL') ?? 0 },
        ],
        total,
        additive,
      ),
      statusAtEnd: protectSeries(
        CASE_STATUSES.map((s) => ({ key: s, label: capitalise(CASE_STATUS_LABEL[s]), value: statusCount.get(s) ?? 0 })),
        total,
        additive,
      ),
      daysToFirstAction: distribution(toFirstAction),
      daysToClose: distribution(toClose),
      perMonth: protectSeries(
        months.map((m, i) => ({ key: m.key, label: monthLabel(m.key), value: perMonth[i] })),
        sum(perMonth),
        additive,
      ),
    };
  }

  /**
   * The values of a numeric expression as one comma-separated text (an aggregate: one row, however many
   * values; NULLs are left out). Both databases write a number as text that reads back as the same number:
   * SQLite with 17 significant digits, PostgreSQL a numeric exactly.
   */
  private list(expression: string): string {
    return this.postgres ? `string_agg(CAST(${expression} AS text), ',')` : `group_concat(${expression}, ',')`;
  }

  private async actionFigures(networkId: string, period: Period, months: Month[], perMonth: number[]): Promise<FiguresView['actions']> {
    // The status an action created in the period had when the period ended: its last recorded status
    // before the end, else OPEN; with the reason when it was not done, and how many were due by then.
    // An action not changed since the end (every change sets updatedAt) still has the status it had then:
    // those are grouped on their columns as stored, in the order of IDX_actions_figures_groups (no sort).
    // Only the others are looked up in their history (STATUS events: a correction records the status before it).
    const inPeriod = 'a."networkId" = :networkId AND a."createdAt" >= :start AND a."createdAt" < :end';
    const due = `SUM(CASE WHEN a."dueDate" <= :lastDay THEN 1 ELSE 0 END)`;
    const unchanged = this.qb()
      .select('a."ownerOrganisationId"', 'owner')
      .addSelect(`a."status" || ':' || COALESCE(a."notDoneReason", '')`, 'status')
      .addSelect(due, 'due')
      .addSelect('COUNT(*)', 'count')
      .from(Action, 'a')
      .where(`${inPeriod} AND a."updatedAt" < :end`)
      .groupBy('a."ownerOrganisationId"')
      .addGroupBy('a."status"')
      .addGroupBy('a."notDoneReason"');
    const changed = this.qb()
      .select('a."ownerOrganisationId"', 'owner')
      .addSelect(
        `COALESCE((SELECT e."status" || ':' || COALESCE(e."notDoneReason", '') FROM "action_events" e
          WHERE e."actionId" = a."id" AND e."kind" = 'STATUS' AND e."at" < :end ORDER BY e."at" DESC LIMIT 1), 'OPEN:')`,
        'status',
      )
      .addSelect(due, 'due')
      .addSelect('COUNT(*)', 'count')
      .from(Action, 'a')
      .where(`${inPeriod} AND a."updatedAt" >= :end`)
      .groupBy('1')
      .addGroupBy('2');
    // The owner's kind and ring joined to the groups, not to every action.
    const groups = await this.qb()
      .select('g."status"', 'status')
      .addSelect('g."due"', 'due')
      .addSelect('g."count"', 'count')
      .addSelect('o."kind"', 'kind')
      .addSelect('mem."ring"', 'ring')
      .from(`(${unchanged.getQuery()} UNION ALL ${changed.getQuery()})`, 'g')
      .leftJoin(Organisation, 'o', 'o."id" = g."owner"')
      .leftJoin('memberships', 'mem', 'mem."networkId" = :networkId AND mem."organisationId" = g."owner"')
      .setParameters({ networkId, start: period.start, end: period.end, lastDay: period.to })
      .getRawMany<{ status: string; due: unknown; count: unknown; kind: string | null; ring: string | null }>();

    const kindRing: { key: string; label: string }[] = [];
    for (const kind of MEMBER_KINDS)
      for (const ring of RINGS) kindRing.push({ key: `${kind}_${ring}`, label: `${ORGANISATION_KIND_LABEL[kind]}, ${RING_LABEL[ring]}` });
    const byKindRing = new Map<string, number>();
    const byOutcome = new Map<keyof typeof OUTCOME_LABEL, number>();
    let total = 0;
    for (const g of groups) {
      const n = num(g.count);
      const due = num(g.due);
      total += n;
      add(byKindRing, `${g.kind}_${g.ring}`, n);
      add(byOutcome, outcomeOf(g.status, true), due);
      add(byOutcome, outcomeOf(g.status, false), n - due);
    }
    const additive = { additive: true };
    return {
      byOwnerKindAndRing: protectSeries(
        withOther(
          kindRing.map((r) => ({ key: r.key, label: r.label, value: byKindRing.get(r.key) ?? 0 })),
          total,
        ),
        total,
        additive,
      ),
      outcomes: protectSeries(
        (Object.keys(OUTCOME_LABEL) as (keyof typeof OUTCOME_LABEL)[]).map((k) => ({
          key: k,
          label: OUTCOME_LABEL[k],
          value: byOutcome.get(k) ?? 0,
        })),
        total,
        additive,
      ),
      perMonth: protectSeries(
        months.map((m, i) => ({ key: m.key, label: monthLabel(m.key), value: perMonth[i] })),
        sum(perMonth),
        additive,
      ),
    };
  }

  private async questionFigures(networkId: string, period: Period, months: Month[]): Promise<FiguresView['questions']> {
    const asked = 'q."createdAt" >= :start AND q."createdAt" < :end';
    const answered = 'q."answeredAt" >= :start AND q."answeredAt" < :end';
    const q = this.qb()
      .from(Question, 'q')
      .select(`SUM(CASE WHEN ${asked} THEN 1 ELSE 0 END)`, 'asked')
      .addSelect(`SUM(CASE WHEN ${answered} THEN 1 ELSE 0 END)`, 'answered')
      .addSelect(`SUM(CASE WHEN ${asked} AND q."convertedCaseId" IS NOT NULL THEN 1 ELSE 0 END)`, 'converted')
      .where(`q."networkId" = :networkId AND ((${asked}) OR (${answered}))`, { networkId, start: period.start, end: period.end });
    SEVERITIES.forEach((s, i) =>
      q.addSelect(`SUM(CASE WHEN ${answered} AND q."severity" = :sev${i} THEN 1 ELSE 0 END)`, `sev${i}`).setParameter(`sev${i}`, s),
    );
    q.addSelect(`SUM(CASE WHEN ${answered} AND q."severity" IS NULL THEN 1 ELSE 0 END)`, 'sevNone');
    RECOMMENDATIONS.forEach((r, i) =>
      q.addSelect(`SUM(CASE WHEN ${answered} AND q."recommendation" = :rec${i} THEN 1 ELSE 0 END)`, `rec${i}`).setParameter(`rec${i}`, r),
    );
    q.addSelect(`SUM(CASE WHEN ${answered} AND q."recommendation" IS NULL THEN 1 ELSE 0 END)`, 'recNone');
    addMonthSums(q, 'q."createdAt"', months);
    const row = (await q.getRawOne<Raw>()) ?? {};
    const answeredCount = num(row['answered']);
    const additive = { additive: true };
    const unknown = (key: string): RawRow[] =>
      num(row[key]) > 0 ? [{ key: 'UNKNOWN', label: 'Niet vastgelegd', value: num(row[key]) }] : [];
    return {
      asked: countCell(num(row['asked'])),
      answered: countCell(answeredCount),
      converted: countCell(num(row['converted'])),
      bySeverity: protectSeries(
        [
          ...SEVERITIES.map((s, i) => ({ key: s, label: capitalise(SEVERITY_LABEL[s]), value: num(row[`sev${i}`]) })),
          ...unknown('sevNone'),
        ],
        answeredCount,
        additive,
      ),
      byRecommendation: protectSeries(
        [
          ...RECOMMENDATIONS.map((r, i) => ({ key: r, label: capitalise(RECOMMENDATION_LABEL[r]), value: num(row[`rec${i}`]) })),
          ...unknown('recNone'),
        ],
        answeredCount,
        additive,
      ),
      perMonth: protectSeries(monthRows(row, months), num(row['asked']), additive),
    };
  }

  private async meetingFigures(networkId: string, period: Period, months: Month[]): Promise<FiguresView['meetings']> {
    const held = `m."networkId" = :networkId AND m."status" = 'CLOSED' AND m."startsAt" >= :start AND m."startsAt" < :end`;
    const parameters = { networkId, start: period.start, end: period.end };
    const q = this.qb().from(Meeting, 'm').select('COUNT(*)', 'total').where(held, parameters);
    addMonthSums(q, 'm."startsAt"', months);
    const row = (await q.getRawOne<Raw>()) ?? {};
    const attendance = await this.qb()
      .from(Attendance, 'att')
      .innerJoin(Meeting, 'm', 'm."id" = att."meetingId"')
      .innerJoin(Organisation, 'o', 'o."id" = att."organisationId"')
      .select('o."id"', 'id')
      .addSelect('o."name"', 'name')
      .addSelect('COUNT(*)', 'count')
      .where(held, parameters)
      .andWhere(`att."status" = 'PRESENT'`)
      .groupBy('o."id"')
      .addGroupBy('o."name"')
      .orderBy('o."name"', 'ASC')
      .getRawMany<{ id: string; name: string; count: unknown }>();
    const rows = attendance.map((a) => ({ key: a.id, label: a.name, value: num(a.count) }));
    const total = num(row['total']);
    return {
      held: countCell(total),
      attendanceByOrganisation: protectSeries(
        rows,
        rows.reduce((sum, r) => sum + r.value, 0),
        { additive: true },
      ),
      perMonth: protectSeries(monthRows(row, months), total, { additive: true }),
    };
  }

  /** The previous period's headline counts, in one statement. */
  /**
   * Load against capacity (issue #13, protecting volunteers): for each informal and hybrid member, the
   * actions it owned that were still open (open or in progress) when the period ended — also those
   * assigned before the period — beside the capacity it records now. Looked up in the history only for
   * actions changed after the end, as for the outcomes. The open count is a count like any other: 1 to 4 hidden.
   */
  private async loadFigures(networkId: string, period: Period): Promise<FiguresView['load']> {
    const members = await this.qb()
      .select('o."id"', 'id')
      .addSelect('o."name"', 'name')
      .addSelect('mem."capacity"', 'capacity')
      .from('memberships', 'mem')
      .innerJoin(Organisation, 'o', 'o."id" = mem."organisationId"')
      .where('mem."networkId" = :networkId', { networkId })
      .andWhere('o."kind" IN (:...kinds)', { kinds: [...CAPACITY_KINDS] })
      .orderBy('o."name"')
      .getRawMany<{ id: string; name: string; capacity: unknown }>();
    if (members.length === 0) return [];
    const statusAtEnd = `CASE WHEN a."updatedAt" < :end THEN a."status" ELSE COALESCE(
      (SELECT e."status" FROM "action_events" e WHERE e."actionId" = a."id" AND e."kind" = 'STATUS' AND e."at" < :end ORDER BY e."at" DESC LIMIT 1),
      'OPEN') END`;
    const open = await this.qb()
      .select('a."ownerOrganisationId"', 'owner')
      .addSelect('COUNT(*)', 'count')
      .from(Action, 'a')
      .where('a."networkId" = :networkId AND a."createdAt" < :end', { networkId, end: period.end })
      .andWhere('a."ownerOrganisationId" IN (:...owners)', { owners: members.map((m) => m.id) })
      .andWhere(`${statusAtEnd} IN (:...open)`, { open: [...OPEN_ACTION_STATUSES] })
      .groupBy('a."ownerOrganisationId"')
      .getRawMany<{ owner: string; count: unknown }>();
    const openBy = new Map(open.map((r) => [r.owner, num(r.count)]));
    return members.map((m) => ({
      organisation: { id: m.id, name: m.name },
      open: countCell(openBy.get(m.id) ?? 0),
      capacity: m.capacity === null || m.capacity === undefined ? null : num(m.capacity),
    }));
  }

  private async previousTotals(networkId: string, period: Period): Promise<FiguresView['previousTotals']> {
    const lastDone = `CASE WHEN a."updatedAt" < :end THEN a."status" ELSE
      (SELECT e."status" FROM "action_events" e WHERE e."actionId" = a."id" AND e."kind" = 'STATUS' AND e."at" < :end ORDER BY e."at" DESC LIMIT 1) END`;
    const row =
      (await this.qb()
        .select(
          `(SELECT COUNT(*) FROM "cases" c WHERE c."networkId" = :networkId AND c."createdAt" >= :start AND c."createdAt" < :end)`,
          'cases',
        )
        .addSelect(
          `(SELECT COUNT(*) FROM "actions" a WHERE a."networkId" = :networkId AND a."createdAt" >= :start AND a."createdAt" < :end AND ${lastDone} = 'DONE')`,
          'done',
        )
        .addSelect(
          `(SELECT COUNT(*) FROM "questions" q WHERE q."networkId" = :networkId AND q."createdAt" >= :start AND q."createdAt" < :end)`,
          'questions',
        )
        .addSelect(
          `(SELECT COUNT(*) FROM "meetings" m WHERE m."networkId" = :networkId AND m."status" = 'CLOSED' AND m."startsAt" >= :start AND m."startsAt" < :end)`,
          'meetings',
        )
        .from(Network, 'n')
        .where('n."id" = :networkId')
        .setParameters({ networkId, start: period.start, end: period.end })
        .getRawOne<Raw>()) ?? {};
    return {
      casesBroughtIn: countCell(num(row['cases'])),
      actionsDone: countCell(num(row['done'])),
      questionsAsked: countCell(num(row['questions'])),
      meetingsHeld: countCell(num(row['meetings'])),
    };
  }
}

/** The period asked for, checked: real dates, from not after to, at most three years. Dutch 400s. */
export function parsePeriod(query: FiguresQuery): Period {
  const from = DateTime.fromISO(query.from, { zone: NETWORK_TIME_ZONE });
  const to = DateTime.fromISO(query.to, { zone: NETWORK_TIME_ZONE });
  if (!from.isValid) throw new BadRequestException('Het begin van de periode is geen bestaande datum.');
  if (!to.isValid) throw new BadRequestException('Het einde van de periode is geen bestaande datum.');
  if (to < from) throw new BadRequestException('Het einde van de periode ligt vóór het begin.');
  if (to >= from.plus({ years: MAX_PERIOD_YEARS }))
    throw new BadRequestException(`Kies een periode van hoogstens ${MAX_PERIOD_YEARS} jaar.`);
  return { from: query.from, to: query.to, start: from.startOf('day').toJSDate(), end: to.plus({ days: 1 }).startOf('day').toJSDate() };
}

/**
 * The period just before this one, to compare with: for whole calendar months (a month, a quarter, a year)
 * the same number of months before it — 2025 is compared with 2024, leap day and all; otherwise the period
 * of equal length in days that ends the day before this one begins.
 */
export function previousPeriod(period: Period): Period {
  const from = DateTime.fromISO(period.from, { zone: NETWORK_TIME_ZONE });
  const to = DateTime.fromISO(period.to, { zone: NETWORK_TIME_ZONE });
  const wholeMonths = from.day === 1 && to.day === to.daysInMonth;
  const months = Math.round(to.startOf('month').diff(from, 'months').months) + 1;
  const prevTo = from.minus({ days: 1 });
  const prevFrom = wholeMonths ? from.minus({ months }) : from.minus({ days: Math.round(to.diff(from, 'days').days) + 1 });
  return { from: prevFrom.toISODate()!, to: prevTo.toISODate()!, start: prevFrom.toJSDate(), end: from.toJSDate() };
}

/** The calendar months (Amsterdam) the period touches, each cut to the period. */
export function monthsOf(period: Period): Month[] {
  const months: Month[] = [];
  let month = DateTime.fromJSDate(period.start, { zone: NETWORK_TIME_ZONE }).startOf('month');
  const end = DateTime.fromJSDate(period.end, { zone: NETWORK_TIME_ZONE });
  while (month < end) {
    const next = month.plus({ months: 1 });
    months.push({
      key: month.toFormat('yyyy-MM'),
      start: new Date(Math.max(month.toMillis(), period.start.getTime())),
      end: new Date(Math.min(next.toMillis(), period.end.getTime())),
    });
    month = next;
  }
  return months;
}

function addMonthSums(q: SelectQueryBuilder<ObjectLiteral>, column: string, months: Month[]): void {
  months.forEach((m, i) =>
    q
      .addSelect(`SUM(CASE WHEN ${column} >= :month${i}s AND ${column} < :month${i}e THEN 1 ELSE 0 END)`, `month${i}`)
      .setParameters({ [`month${i}s`]: m.start, [`month${i}e`]: m.end }),
  );
}

const MONTH_NAMES = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/**
 * A series of months' total: the sum of its rows. The same as the period's count, but read in a statement of
 * its own (monthCounts), so that the series adds up even when a write falls between the two.
 */
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

const add = <K>(map: Map<K, number>, key: K, n: number): void => void map.set(key, (map.get(key) ?? 0) + n);

/** The problem areas of a case as stored (simple-json); nothing when the text is not a JSON array. */
function parseAreas(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

const monthLabel = (key: string): string => `${MONTH_NAMES[Number(key.slice(5)) - 1]} ${key.slice(0, 4)}`;

function monthRows(row: Raw, months: Month[]): RawRow[] {
  return months.map((m, i) => ({ key: m.key, label: monthLabel(m.key), value: num(row[`month${i}`]) }));
}

/**
 * Several values as one text to group on, '|' between them (only the last may contain one). Every part
 * is a NOT NULL column or a CASE with an ELSE: a NULL would make the whole key NULL.
 */
function groupKey(parts: string[]): string {
  return parts.join(` || '|' || `);
}

/** The values of a groupKey: the first count − 1 up to a '|', the last the rest. */
function splitKey(key: string | null, count: number): string[] {
  const parts = (key ?? '').split('|');
  return [...parts.slice(0, count - 1), parts.slice(count - 1).join('|')];
}

/** A list of numbers as written by list(), sorted ascending; nothing for no values. (JSON reads a number as Number() does.) */
function sortedNumbers(text: string | null | undefined): number[] {
  if (!text) return [];
  return Array.from(new Float64Array(JSON.parse(`[${text}]`) as number[]).sort());
}

/** An action's outcome at the end of the period, from its status and reason ("NOT_DONE:CIRCUMSTANCES_CHANGED") and whether it was due. */
function outcomeOf(statusAndReason: string, due: boolean): keyof typeof OUTCOME_LABEL {
  const [status, reason] = statusAndReason.split(':');
  if (status === 'DONE') return 'DONE';
  if (status === 'CANCELLED') return 'CANCELLED';
  // A not-done action without a reason (from before reasons were asked) counts as not carried out.
  if (status === 'NOT_DONE') return reason === 'CIRCUMSTANCES_CHANGED' ? 'NOT_DONE_CIRCUMSTANCES_CHANGED' : 'NOT_DONE_NOT_CARRIED_OUT';
  return due ? 'OVERDUE' : 'OPEN';
}

/** Adds a row for what none of the named rows counted (an organisation of another kind, no longer a member), when there is any. */
function withOther(rows: RawRow[], total: number): RawRow[] {
  const rest = total - rows.reduce((sum, r) => sum + r.value, 0);
  return rest > 0 ? [...rows, { key: 'OTHER', label: 'Overig', value: rest }] : rows;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
