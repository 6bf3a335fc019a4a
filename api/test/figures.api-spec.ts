import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ProblemArea, Urgency } from '@casustafel/contract/enums';
import type { FigureCell, FigureSeries, FiguresView } from '@casustafel/contract/figures';
import type { ActionStatus, NotDoneReason } from '@casustafel/contract/meeting-rules';
import { ActionEvent } from '../src/actions/action-event.entity';
import { Action } from '../src/actions/action.entity';
import { CaseEvent } from '../src/cases/case-event.entity';
import { Case } from '../src/cases/case.entity';
import { startOfDutchDay } from '../src/common/amsterdam-time';
import { Attendance } from '../src/meetings/attendance.entity';
import { Meeting } from '../src/meetings/meeting.entity';
import { Question } from '../src/questions/question.entity';
import { binary, pdfInfo, pdfText } from './support/pdf-tools';
import { useTestApp } from './support/use-test-app';

/**
 * GET /api/networks/:id/figures (issue #13) on hand-built rows whose every number is known: the first
 * quarter of 2026 (90 days; whole months, so the previous period is the last quarter of 2025). The rows are written
 * straight into the tables, with the dates the figures are about; the services are not what is tested here.
 */
describe('The network figures', () => {
  const { t, make } = useTestApp();
  type Staffed = Awaited<ReturnType<typeof make.staffedNetwork>>;
  let s: Staffed;
  let other: Staffed;
  const PERIOD = 'from=2026-01-01&to=2026-03-31';
  const PSEUDONYM = 'Kwartelkoning';
  const caseNumbers: string[] = [];

  /** Noon in Amsterdam on a day, plus some days. */
  const day = (date: string, plusDays = 0) => new Date(startOfDutchDay(date).getTime() + (12 + plusDays * 24) * 3_600_000);
  const figures = async (query = PERIOD): Promise<FiguresView> =>
    (await s.core.agent.get(`/api/networks/${s.network.id}/figures?${query}`).expect(200)).body;
  const values = (series: FigureSeries) => Object.fromEntries(series.rows.map((r) => [r.key, r.cell.value]));
  const count = (value: number): FigureCell => ({ value, suppressed: false, unit: 'count' });
  const hidden: FigureCell = { value: null, suppressed: true, unit: 'count' };

  beforeAll(async () => {
    s = await make.staffedNetwork('OGGZ', { accepted: true });
    other = await make.staffedNetwork('OGGZ', { accepted: true });
    const ds = t.app.get(DataSource);
    const networkId = s.network.id;
    let n = 0;

    const questionIds: string[] = [];
    const question = async (createdAt: Date, answer?: { at: Date; severity: 'LOW' | 'HIGH' }) => {
      const id = randomUUID();
      await ds.getRepository(Question).insert({
        id,
        networkId,
        title: 'Vraag',
        situation: 'Een situatie.',
        question: 'Wat nu?',
        neighbourhood: null,
        ageBand: null,
        problemAreas: ['HOUSING'],
        status: answer ? 'ANSWERED' : 'SUBMITTED',
        submittedById: s.volunteer.user.id,
        submittedByOrganisationId: s.volunteer.organisation.id,
        createdAt,
        advice: answer ? 'Advies.' : null,
        severity: answer?.severity ?? null,
        recommendation: answer ? 'ADVICE_ONLY' : null,
        answeredAt: answer?.at ?? null,
        convertedCaseId: null,
      });
      questionIds.push(id);
      return id;
    };
    // Six asked in the period, five of them answered (3 LOW, 2 HIGH); one asked in the previous period.
    for (let i = 0; i < 6; i++)
      await question(day('2026-01-02', i), i < 5 ? { at: day('2026-01-20', i), severity: i < 3 ? 'LOW' : 'HIGH' } : undefined);
    await question(day('2025-12-01'));

    const kase = async (
      createdAt: Date,
      o: {
        urgency: Urgency;
        areas?: ProblemArea[];
        volunteer?: boolean;
        fromQuestion?: string;
        status?: Case['status'];
        closedAt?: Date;
        updatedAt?: Date;
      },
    ) => {
      const id = randomUUID();
      const number = `${createdAt.getUTCFullYear()}-${String(900 + ++n)}`;
      caseNumbers.push(number);
      const by = o.volunteer ? s.volunteer : s.core;
      await ds.getRepository(Case).insert({
        id,
        networkId,
        number,
        pseudonym: PSEUDONYM,
        neighbourhood: 'Soesterkwartier',
        problemAreas: o.areas ?? ['HOUSING'],
        urgency: o.urgency,
        consent: 'GIVEN',
        consentOverrideReason: null,
        summary: 'Samenvatting.',
        status: o.status ?? 'SUBMITTED',
        statusReason: null,
        submittedById: by.user.id,
        submittedByOrganisationId: by.organisation.id,
        createdAt,
        // As the service keeps it: the moment of the last change.
        updatedAt: o.updatedAt ?? createdAt,
        closedAt: o.closedAt ?? null,
        sourceQuestionId: o.fromQuestion ?? null,
        identityErasedAt: null,
      });
      return id;
    };
    const event = (caseId: string, at: Date, fromStatus: Case['status'] | null, toStatus: Case['status']) =>
      ds.getRepository(CaseEvent).insert({ id: randomUUID(), caseId, at, fromStatus, toStatus, reason: null, userId: null });

    // 17 cases in the period: 10 in January, 3 in February, 4 in March.
    // Urgency LOW 8, MEDIUM 6, HIGH 3; the core partner (formal) 12, the volunteers (informal) 5; two from a question.
    // Problem areas: all HOUSING, 6 also FINANCES, 1 also ADDICTION.
    const dates = [
      ...Array.from({ length: 10 }, (_, i) => day('2026-01-05', i)),
      ...Array.from({ length: 3 }, (_, i) => day('2026-02-10', i)),
      ...Array.from({ length: 4 }, (_, i) => day('2026-03-10', i)),
    ];
    const urgency = (i: number): Urgency => (i < 8 ? 'LOW' : i < 14 ? 'MEDIUM' : 'HIGH');
    const areas = (i: number): ProblemArea[] => (i === 0 ? ['HOUSING', 'ADDICTION'] : i < 7 ? ['HOUSING', 'FINANCES'] : ['HOUSING']);
    const ids: string[] = [];
    for (let i = 0; i < 17; i++) {
      // Status at the end: 0–5 accepted in January; 6–7 accepted in February and closed in April (after the end);
      // 8–9 closed in March (2 closed: too few for a median); 10 accepted only in April (so still submitted at the end); 11–16 submitted.
      const status: Case['status'] = i < 6 ? 'ACCEPTED' : i < 10 ? 'CLOSED' : i === 10 ? 'ACCEPTED' : 'SUBMITTED';
      const closedAt = i === 6 || i === 7 ? day('2026-04-10') : i === 8 || i === 9 ? day('2026-03-20') : undefined;
      const updatedAt =
        i < 6
          ? day('2026-01-20')
          : i === 6 || i === 7
            ? day('2026-04-10')
            : i === 8 || i === 9
              ? day('2026-03-20')
              : i === 10
                ? day('2026-04-05')
                : undefined;
      const id = await kase(dates[i], {
        updatedAt,
        urgency: urgency(i),
        areas: areas(i),
        volunteer: i >= 12,
        fromQuestion: i >= 15 ? questionIds[i - 15] : undefined,
        status,
        closedAt,
      });
      ids.push(id);
      if (i < 6) await event(id, day('2026-01-20'), 'SUBMITTED', 'ACCEPTED');
      if (i >= 6 && i < 10) await event(id, day('2026-02-20'), 'SUBMITTED', 'ACCEPTED');
      if (i === 6 || i === 7) await event(id, day('2026-04-10'), 'ACCEPTED', 'CLOSED');
      if (i === 8 || i === 9) await event(id, day('2026-03-20'), 'ACCEPTED', 'CLOSED');
      if (i === 10) await event(id, day('2026-04-05'), 'SUBMITTED', 'ACCEPTED');
    }
    // Questions 0 and 1 became cases 15 and 16.
    await ds.getRepository(Question).update(questionIds[0], { status: 'CONVERTED', convertedCaseId: ids[15] });
    await ds.getRepository(Question).update(questionIds[1], { status: 'CONVERTED', convertedCaseId: ids[16] });
    // Three cases in the previous period.
    for (let i = 0; i < 3; i++) await kase(day('2025-12-10', i), { urgency: 'LOW' });

    // 12 actions created in the period: the coordinator's organisation (formal, core) 6, the shell partner's
    // (formal, shell) 1, the volunteers' (informal, shell) 5. At the end: 5 done, 2 not done (circumstances),
    // 1 not done (not carried out), 3 open and overdue (one done only in April), 1 open and not yet due.
    // The first five are the first actions on cases 0–4, 1, 2, 3, 4 and 10 days after intake.
    const action = async (
      i: number,
      owner: Staffed['core'],
      createdAt: Date,
      dueDate: string,
      history: { at: Date; status: ActionStatus; reason?: NotDoneReason }[],
      caseId: string | null,
    ) => {
      const id = randomUUID();
      const last = history.at(-1);
      await ds.getRepository(Action).insert({
        id,
        networkId,
        meetingId: null,
        agendaItemId: null,
        caseId,
        description: `Actie ${i}`,
        ownerOrganisationId: owner.organisation.id,
        ownerUserId: null,
        dueDate,
        status: last?.status ?? 'OPEN',
        notDoneReason: last?.reason ?? null,
        note: null,
        version: 1 + history.length,
        createdAt,
        updatedAt: last?.at ?? createdAt,
      });
      for (const h of history)
        await ds.getRepository(ActionEvent).insert({
          id: randomUUID(),
          actionId: id,
          at: h.at,
          userId: null,
          kind: 'STATUS',
          corrected: null,
          status: h.status,
          note: null,
          notDoneReason: h.reason ?? null,
        });
    };
    const firstActionDays = [1, 2, 3, 4, 10];
    for (let i = 0; i < 12; i++) {
      const owner = i < 6 ? s.coordinator : i === 6 ? s.shell : s.volunteer;
      const createdAt = i < 5 ? new Date(dates[i].getTime() + firstActionDays[i] * 86_400_000) : day('2026-02-10');
      const history: { at: Date; status: ActionStatus; reason?: NotDoneReason }[] =
        i < 5
          ? [{ at: day('2026-02-25'), status: 'DONE' }]
          : i < 7
            ? [{ at: day('2026-02-25'), status: 'NOT_DONE', reason: 'CIRCUMSTANCES_CHANGED' }]
            : i === 7
              ? [{ at: day('2026-02-25'), status: 'NOT_DONE', reason: 'NOT_CARRIED_OUT' }]
              : i === 8
                ? [
                    { at: day('2026-02-20'), status: 'IN_PROGRESS' },
                    { at: day('2026-04-05'), status: 'DONE' },
                  ]
                : [];
      await action(i, owner, createdAt, i === 11 ? '2026-04-15' : '2026-03-15', history, i < 5 ? ids[i] : null);
    }
    // A later action on case 0 does not change its first action.
    await action(99, s.core, day('2026-03-30'), '2026-04-30', [], ids[0]);

    // Meetings: 6 held (2 a month), 1 cancelled, 1 still planned. Present: the coordinator's and the core
    // partner's organisations at all 6, the shell partner's at 2, the volunteers absent.
    const meeting = async (startsAt: Date, status: Meeting['status'], present: Staffed['core'][]) => {
      const id = randomUUID();
      await ds.getRepository(Meeting).insert({
        id,
        networkId,
        startsAt,
        durationMinutes: 90,
        location: null,
        onlineUrl: null,
        status,
        cancelledReason: status === 'CANCELLED' ? 'Geen casussen.' : null,
        seriesId: null,
        createdAt: startsAt,
      });
      for (const who of [s.coordinator, s.core, s.shell, s.volunteer])
        await ds.getRepository(Attendance).insert({
          meetingId: id,
          organisationId: who.organisation.id,
          status: present.includes(who) ? 'PRESENT' : 'ABSENT',
          userIds: present.includes(who) ? [who.user.id] : [],
        });
    };
    for (const [i, date] of ['2026-01-08', '2026-01-22', '2026-02-05', '2026-02-19', '2026-03-05', '2026-03-19'].entries())
      await meeting(day(date), 'CLOSED', i < 2 ? [s.coordinator, s.core, s.shell] : [s.coordinator, s.core]);
    await meeting(day('2026-03-26'), 'CANCELLED', [s.coordinator, s.core, s.shell]);
    await meeting(day('2026-03-30'), 'PLANNED', [s.coordinator, s.core, s.shell]);
  });

  it('counts the cases brought in, with primary and secondary suppression', async () => {
    const f = await figures();
    expect(f).toMatchObject({
      networkName: s.network.name,
      from: '2026-01-01',
      to: '2026-03-31',
      previous: { from: '2025-10-01', to: '2025-12-31' },
    });
    expect(f.cases.broughtIn).toEqual(count(17));
    // 3 and 4 hidden; together 7, so January and the total may stay.
    expect(values(f.cases.perMonth)).toEqual({ '2026-01': 10, '2026-02': null, '2026-03': null });
    expect(f.cases.perMonth.total).toEqual(count(17));
    // HIGH (3) alone would follow from 17 − 8 − 6 − 0, so MEDIUM, the next smallest, is hidden too; 0 is shown.
    expect(values(f.cases.byUrgency)).toEqual({ LOW: 8, MEDIUM: null, HIGH: null, ACUTE: 0 });
    expect(f.cases.byUrgency.rows.find((r) => r.key === 'ACUTE')!.cell).toEqual(count(0));
    expect(values(f.cases.bySubmitterKind)).toEqual({ FORMAL: 12, INFORMAL: 5, HYBRID: 0 });
    // 2 from a question would follow from 17 − 15: both hidden.
    expect(values(f.cases.bySource)).toEqual({ INTAKE: null, QUESTION: null, REFERRAL: 0 });
    expect(f.cases.bySource.total).toEqual(count(17));
    // A case has more areas, so the rows do not add up: only the primary rule.
    expect(values(f.cases.byProblemArea)).toMatchObject({ HOUSING: 17, FINANCES: 6, ADDICTION: null, PARENTING: 0 });
  });

  it('gives the status at the end of the period from the history, and medians only over 5 or more', async () => {
    const f = await figures();
    // Accepted 8 (two closed only after the end), submitted 7 (one accepted only after the end), closed 2:
    // closed alone would follow from the total, so submitted (7, the next smallest) is hidden too.
    expect(values(f.cases.statusAtEnd)).toEqual({ SUBMITTED: null, ACCEPTED: 8, MONITORING: 0, CLOSED: null, DECLINED: 0, REFERRED: 0 });
    expect(f.cases.daysToFirstAction).toEqual({
      median: { value: 3, suppressed: false, unit: 'days' },
      p90: { value: 10, suppressed: false, unit: 'days' },
    });
    expect(f.cases.daysToClose).toEqual({
      median: { value: null, suppressed: true, unit: 'days' },
      p90: { value: null, suppressed: true, unit: 'days' },
    });
    // Over the whole of 2026 until June the two closed in April count too: 4 durations, still hidden.
    const longer = await figures('from=2026-01-01&to=2026-06-30');
    expect(longer.cases.daysToClose.median.suppressed).toBe(true);
    // By the end of June: accepted 7, submitted 6, closed 4; closed is hidden and submitted with it.
    expect(values(longer.cases.statusAtEnd)).toMatchObject({ SUBMITTED: null, ACCEPTED: 7, CLOSED: null });
  });

  it('counts the actions by kind and ring of the owner and by how they ended', async () => {
    const f = await figures();
    // Formal core 6 + the later one on case 0 = 7, formal shell 1 (hidden), informal shell 5 (hidden with it).
    expect(values(f.actions.byOwnerKindAndRing)).toEqual({
      FORMAL_CORE: 7,
      FORMAL_SHELL: null,
      INFORMAL_CORE: 0,
      INFORMAL_SHELL: null,
      HYBRID_CORE: 0,
      HYBRID_SHELL: 0,
    });
    expect(f.actions.byOwnerKindAndRing.total).toEqual(count(13));
    expect(values(f.actions.outcomes)).toEqual({
      DONE: 5,
      NOT_DONE_CIRCUMSTANCES_CHANGED: null,
      NOT_DONE_NOT_CARRIED_OUT: null,
      OVERDUE: null,
      OPEN: null,
      CANCELLED: 0,
    });
    expect(values(f.actions.perMonth)).toEqual({ '2026-01': null, '2026-02': 7, '2026-03': null });
    // The later action on case 0 (30 March) makes March 1: hidden, and with it January (5) as the next smallest.
    expect(f.actions.perMonth.total).toEqual(count(13));
  });

  it('shows the open actions of informal and hybrid members at the end of the period against their capacity', async () => {
    await s.coordinator.agent
      .patch(`/api/networks/${s.network.id}/members/${s.volunteer.organisation.id}`)
      .send({ capacity: 3 })
      .expect(200);
    const load = async (query: string) => (await figures(query)).load;
    // Only the volunteers' organisation (informal) carries a capacity; formal members are not listed.
    // On 15 February its five actions of 10 February were all still open: shown, above the capacity of 3.
    expect(await load('from=2026-01-01&to=2026-02-15')).toEqual([
      { organisation: { id: s.volunteer.organisation.id, name: s.volunteer.organisation.name }, open: count(5), capacity: 3 },
    ]);
    // At the end of March one was not done and one in progress: four open, hidden like any count of 1 to 4.
    expect((await load(PERIOD))[0].open).toEqual(hidden);
    // Before they were assigned: none.
    expect((await load('from=2026-01-01&to=2026-01-31'))[0].open).toEqual(count(0));
    // The municipality of another network sees nothing of this one.
    await other.coordinator.agent.get(`/api/networks/${s.network.id}/figures?${PERIOD}`).expect(404);
  });

  it('counts the questions and the meetings', async () => {
    const f = await figures();
    expect(f.questions.asked).toEqual(count(6));
    expect(f.questions.answered).toEqual(count(5));
    expect(f.questions.converted).toEqual(hidden);
    expect(values(f.questions.bySeverity)).toEqual({ LOW: null, MEDIUM: 0, HIGH: null, ACUTE: 0 });
    expect(f.questions.bySeverity.total).toEqual(count(5));
    expect(values(f.questions.byRecommendation)).toMatchObject({ ADVICE_ONLY: 5, NO_ACTION: 0 });
    expect(f.meetings.held).toEqual(count(6));
    expect(values(f.meetings.perMonth)).toEqual({ '2026-01': null, '2026-02': null, '2026-03': null });
    const attendance = Object.fromEntries(f.meetings.attendanceByOrganisation.rows.map((r) => [r.label, r.cell.value]));
    expect(Object.keys(attendance).sort()).toEqual(
      [s.coordinator.organisation.name, s.core.organisation.name, s.shell.organisation.name].sort(),
    );
    expect(attendance[s.shell.organisation.name]).toBeNull();
    expect(f.meetings.attendanceByOrganisation.rows.filter((r) => r.cell.suppressed)).toHaveLength(2);
    expect(f.meetings.attendanceByOrganisation.total).toEqual(count(14));
    expect(f.previousTotals).toEqual({ casesBroughtIn: hidden, actionsDone: count(0), questionsAsked: hidden, meetingsHeld: count(0) });
    expect(f.load.map((l) => l.organisation.id)).toEqual([s.volunteer.organisation.id]);
  });

  it('lets the coordinator and core partners see the figures, not the shell partner, the volunteers or another network', async () => {
    const url = `/api/networks/${s.network.id}/figures?${PERIOD}`;
    await s.coordinator.agent.get(url).expect(200);
    await s.core.agent.get(url).expect(200);
    await s.shell.agent.get(url).expect(403);
    await s.volunteer.agent.get(url).expect(403);
    await other.coordinator.agent.get(url).expect(404);
    await other.coordinator.agent.get(`/api/networks/${s.network.id}/figures.csv?${PERIOD}`).expect(404);
    await s.shell.agent.get(`/api/networks/${s.network.id}/figures.pdf?${PERIOD}`).expect(403);
  });

  it('refuses a period that is not one, in Dutch', async () => {
    const get = (query: string) => s.core.agent.get(`/api/networks/${s.network.id}/figures?${query}`).expect(400);
    expect(JSON.stringify((await get('from=2026-01-01')).body)).toContain('einde van de periode');
    expect(JSON.stringify((await get('from=01-01-2026&to=2026-03-31')).body)).toContain('JJJJ-MM-DD');
    expect(JSON.stringify((await get('from=2026-02-30&to=2026-03-31')).body)).toContain('geen bestaande datum');
    expect(JSON.stringify((await get('from=2026-03-31&to=2026-01-01')).body)).toContain('vóór het begin');
    expect(JSON.stringify((await get('from=2023-01-01&to=2026-01-01')).body)).toContain('hoogstens 3 jaar');
    await s.core.agent.get(`/api/networks/${s.network.id}/figures?from=2023-01-02&to=2026-01-01`).expect(200);
  });

  it('exports CSV and PDF without a pseudonym or case number, and logs every export', async () => {
    const csv = await s.core.agent.get(`/api/networks/${s.network.id}/figures.csv?${PERIOD}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="cijfers-2026-01-01-2026-03-31.csv"');
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('"onderdeel";"uitsplitsing";"sleutel";"omschrijving";"waarde";"afgeschermd";"eenheid"');
    expect(lines).toContain('"Casussen";"Casussen per urgentie";"LOW";"Laag";"8";"nee";"count"');
    expect(lines).toContain('"Casussen";"Casussen per urgentie";"MEDIUM";"Gemiddeld";"";"ja";"count"');
    expect(lines).toContain(
      '"Casussen";"Kerncijfers";"DAYS_TO_FIRST_ACTION_MEDIAN";"Dagen tot de eerste actie (mediaan)";"3";"nee";"days"',
    );
    expect(lines).toContain('"Casussen";"Kerncijfers";"DAYS_TO_CLOSE_MEDIAN";"Dagen tot afsluiten (mediaan)";"";"ja";"days"');
    // Load against capacity: the volunteers' four open actions hidden, the capacity it recorded shown.
    const volunteers = s.volunteer.organisation;
    expect(lines).toContain(`"Acties";"Belasting";"LOAD_OPEN_${volunteers.id}";"${volunteers.name}: open acties";"";"ja";"count"`);
    expect(lines).toContain(`"Acties";"Belasting";"LOAD_CAPACITY_${volunteers.id}";"${volunteers.name}: capaciteit";"3";"nee";"count"`);

    const res = await s.coordinator.agent.get(`/api/networks/${s.network.id}/figures.pdf?${PERIOD}`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdfInfo(pdf)).toMatch(/Tagged:\s+yes/);
    expect(pdfInfo(pdf)).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    const text = pdfText(pdf);
    expect(text).toContain(`Cijfers ${s.network.name}`);
    expect(text).toContain('1 januari 2026 t/m 31 maart 2026');
    expect(text).toMatch(/Gemiddeld\s+afgeschermd/);
    expect(text).toMatch(/Laag\s+8/);
    expect(text).toContain('Open acties tegenover capaciteit');
    expect(text).toContain('Vorige periode (1 oktober 2025 t/m 31 december 2025)');
    expect(text).toMatch(new RegExp(`${s.volunteer.organisation.name}: capaciteit\\s+3`));

    const json = JSON.stringify(await figures());
    for (const output of [csv.text, text, json]) {
      expect(output).not.toContain(PSEUDONYM);
      for (const number of caseNumbers) expect(output).not.toContain(number);
      expect(output).not.toContain('Samenvatting');
      expect(output).not.toContain('Actie 1');
    }

    const log = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log`).expect(200)).body as {
      action: string;
      role: string;
      outcome: string;
      object: { type: string; id: string } | null;
    }[];
    // The refused attempts above are logged as DENIED; the two exports as they happened.
    const exports = log.filter((e) => e.action === 'EXPORT' && e.object?.type === 'NETWORK' && e.outcome === 'SUCCESS');
    expect(exports.map((e) => e.role).sort()).toEqual(['COORDINATOR', 'CORE_PARTNER']);
  });
});
