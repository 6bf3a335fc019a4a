import { caseBody, type Factories } from './support/factories';
import { Statements } from './support/statements';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/**
 * The meeting view and the agenda writes load what they need in a fixed number of SQL statements
 * (issue #10): however many items, cases, questions and actions the agenda has. Every statement of
 * the request is counted, on a meeting of 40 items and on one of 10 items in the same network:
 *
 * - the fixed cost of any request on a meeting: the session (1) and the access guard resolving the
 *   meeting's network and the caller's role there (2);
 * - the access log: one unit of work (BEGIN, the chain's head, one INSERT for all entries, COMMIT)
 *   when the view discloses more than a pseudonym;
 * - for a write, the write itself (the meeting, the item, the identity guard, its unit of work);
 * - the view's own loading, at most {@link VIEW_LIMIT} statements.
 *
 * The totals for 10 and 40 items are equal: a statement per item, case, question or action fails here.
 * docs/performance.md ("Meeting view and agenda writes: queries per request") has the numbers.
 */
const VIEW_LIMIT = 6;
/** The access log's unit of work: BEGIN, the chain's head, one INSERT, COMMIT; on PostgreSQL also the advisory lock the instances' appends take turns under (ADR 0026). */
const ACCESS_LOG_UNIT = process.env['TEST_DATABASE_URL'] ? 5 : 4;

type Staffed = Awaited<ReturnType<Factories['staffedNetwork']>>;
type Role = 'coordinator' | 'shell' | 'volunteer';

interface Parts {
  total: number;
  fixed: string[];
  accessLog: string[];
  write: string[];
  view: string[];
}

/** Splits a request's statements: the fixed cost, the access log's unit of work, the write (up to its commit) and the view. */
function parts(statements: string[], options: { write?: RegExp } = {}): Parts {
  const fixed = statements.slice(0, 3);
  const rest = statements.slice(3);
  const accessLog: string[] = [];
  const others: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const end = rest[i] === 'BEGIN TRANSACTION' || rest[i] === 'START TRANSACTION' ? rest.indexOf('COMMIT', i) : -1;
    const block = end >= 0 ? rest.slice(i, end + 1) : [rest[i]];
    if (block.some((s) => /"access_log"/.test(s))) accessLog.push(...block);
    else others.push(...block);
    i += block.length - 1;
  }
  const written = options.write ? others.findIndex((s) => options.write!.test(s)) : -1;
  const endOfWrite = written >= 0 ? others.indexOf('COMMIT', written) + 1 : 0;
  return { total: statements.length, fixed, accessLog, write: others.slice(0, endOfWrite), view: others.slice(endOfWrite) };
}

describe('Queries per request: the meeting view and the agenda writes', () => {
  const { t, make } = useTestApp();
  let count: Statements;
  let s: Staffed;
  /** Meeting ids by number of agenda items. */
  const meetings: Record<10 | 40, string> = { 10: '', 40: '' };

  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
  const agents = (): Record<Role, Agent> => ({ coordinator: s.coordinator.agent, shell: s.shell.agent, volunteer: s.volunteer.agent });

  async function plan(days: number): Promise<string> {
    return (
      await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: inDays(days), durationMinutes: 90 })
        .expect(201)
    ).body.id;
  }

  async function furnish(meetingId: string, caseItems: { id: string }[], actionsOn: number): Promise<void> {
    for (const item of caseItems.slice(0, actionsOn))
      await s.coordinator.agent
        .post(`/api/meetings/${meetingId}/agenda/${item.id}/actions`)
        .send({ description: 'Huisbezoek plannen', ownerOrganisationId: s.shell.organisation.id, dueDate: '2026-12-01' })
        .expect(201);
    await s.coordinator.agent
      .put(`/api/meetings/${meetingId}/attendance`)
      .send({
        attendance: [
          { organisationId: s.coordinator.organisation.id, status: 'PRESENT', userIds: [s.coordinator.user.id] },
          { organisationId: s.shell.organisation.id, status: 'PRESENT', userIds: [s.shell.user.id] },
          { organisationId: s.core.organisation.id, status: 'ABSENT', userIds: [] },
        ],
      })
      .expect(200);
  }

  beforeAll(async () => {
    count = Statements.on(t);
    s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const cases: string[] = [];
    for (let i = 0; i < 30; i++) {
      const created = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
      await s.coordinator.agent.patch(`/api/cases/${created.id}`).send({ status: 'ACCEPTED' }).expect(200);
      cases.push(created.id);
    }
    const questions: string[] = [];
    for (let i = 0; i < 8; i++)
      questions.push(
        (
          await s.volunteer.agent
            .post(`/api/networks/${s.network.id}/questions`)
            .send({
              title: `Vraag ${i + 1}`,
              situation: 'Een buurman komt al weken niet meer buiten.',
              question: 'Wat kunnen we doen?',
              problemAreas: ['SOCIAL_NETWORK'],
            })
            .expect(201)
        ).body.id,
      );

    // 40 items as the agenda is assembled: 30 new cases, 8 questions, a theme and the round; actions on 10 cases.
    meetings[40] = await plan(1);
    const assembled = (await s.coordinator.agent.post(`/api/meetings/${meetings[40]}/agenda/assemble`).expect(200)).body.agenda;
    expect(assembled).toHaveLength(40);
    await furnish(
      meetings[40],
      assembled.filter((i: { case: unknown }) => i.case),
      10,
    );

    // 10 items put on by hand: 6 cases, 2 questions, a theme and the round; actions on 3 cases.
    meetings[10] = await plan(2);
    const add = (body: object) => s.coordinator.agent.post(`/api/meetings/${meetings[10]}/agenda`).send(body).expect(201);
    for (const caseId of cases.slice(0, 6)) await add({ kind: 'NEW_CASE', caseId });
    for (const questionId of questions.slice(0, 2)) await add({ kind: 'QUESTION', questionId });
    await add({ kind: 'THEME', title: 'Thema: schulden' });
    const agenda = (await add({ kind: 'ROUND', title: 'Rondvraag' })).body.agenda;
    expect(agenda).toHaveLength(10);
    await furnish(
      meetings[10],
      agenda.filter((i: { case: unknown }) => i.case),
      3,
    );
  });

  async function view(role: Role, size: 10 | 40): Promise<Parts> {
    const statements = await count.during(() => agents()[role].get(`/api/meetings/${meetings[size]}`).expect(200));
    return parts(statements);
  }

  async function patch(size: 10 | 40): Promise<Parts> {
    const item = (await s.coordinator.agent.get(`/api/meetings/${meetings[size]}`).expect(200)).body.agenda[3];
    const statements = await count.during(() =>
      s.coordinator.agent
        .patch(`/api/meetings/${meetings[size]}/agenda/${item.id}`)
        .send({ notes: 'Analyse: schulden en eenzaamheid.', version: item.version })
        .expect(200),
    );
    return parts(statements, { write: /UPDATE "agenda_items"/ });
  }

  function expectFixedCost(p: Parts): void {
    expect(p.fixed[0]).toMatch(/FROM "sessions"/);
    expect(p.fixed[1]).toMatch(/FROM "meetings"/);
    expect(p.fixed[2]).toMatch(/FROM "network_roles"/);
  }

  // The case list (issue #15): the access guard resolves the network and the caller's role; the list reuses them
  // instead of looking both up again (two statements fewer: 15 before). The rest: the session, the covenant
  // standing, count and page, the open actions on the page's cases, the access log, the identities and the
  // submitting organisations' names. Without filters the total is read from the counters the database keeps
  // (case_counts, ADR 0030) instead of a COUNT(*) over the network's cases: one statement for the other, the same number.
  it('GET /api/networks/:id/cases as the coordinator: the network and the role looked up once, by the access guard', async () => {
    const statements = await count.during(() => s.coordinator.agent.get(`/api/networks/${s.network.id}/cases?page=1`).expect(200));
    expect(statements[0]).toMatch(/FROM "sessions"/);
    expect(statements.filter((q) => /FROM "networks"/.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /FROM "network_roles"/.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /FROM "case_counts"/.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /COUNT\(\*\) AS "total"/.test(q))).toHaveLength(0);
    expect(statements).toHaveLength(9 + ACCESS_LOG_UNIT);
  });

  // The shell partner's total in a neighbourhood network: the counters alone, as for the coordinator. (In an OGGZ
  // network, where bit 1 of the kind — brought in by the viewer — changes what they see, one statement more reads
  // their own cases brought in for another organisation than theirs: ADR 0030.)
  it('GET /api/networks/:id/cases as the shell partner: the total from the counters, the same statements', async () => {
    const statements = await count.during(() => s.shell.agent.get(`/api/networks/${s.network.id}/cases?page=1`).expect(200));
    expect(statements.filter((q) => /FROM "case_counts"/.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /COUNT\(\*\) AS "total"|c\."submittedByOrganisationId" < /.test(q))).toHaveLength(0);
    expect(statements).toHaveLength(9 + ACCESS_LOG_UNIT);
  });

  describe.each(['planned', 'running'] as const)('while the meeting is %s', (phase) => {
    beforeAll(async () => {
      if (phase === 'running')
        for (const id of Object.values(meetings)) await s.coordinator.agent.post(`/api/meetings/${id}/start`).expect(200);
    });

    it.each(['coordinator', 'shell', 'volunteer'] as const)(
      'GET /api/meetings/:id as the %s: the same statements for 10 and 40 items',
      async (role) => {
        const small = await view(role, 10);
        const large = await view(role, 40);
        expectFixedCost(large);
        expect(large.view.length).toBeLessThanOrEqual(VIEW_LIMIT);
        expect({ total: large.total, view: large.view.length }).toEqual({ total: small.total, view: small.view.length });
        // The volunteer sees pseudonyms only: nothing for the access log, no identities loaded. Else one unit of
        // work: begin, the head, one insert, commit — on PostgreSQL with the lock all instances' appends take turns on (ADR 0026).
        expect(large.accessLog).toHaveLength(role === 'volunteer' ? 0 : ACCESS_LOG_UNIT);
        if (role !== 'volunteer' && process.env['TEST_DATABASE_URL']) expect(large.accessLog[1]).toMatch(/pg_advisory_xact_lock/);
      },
    );

    it('PATCH /api/meetings/:id/agenda/:itemId: the same statements for 10 and 40 items', async () => {
      const small = await patch(10);
      const large = await patch(40);
      expectFixedCost(large);
      expect(large.write.some((q) => /UPDATE "agenda_items"/.test(q))).toBe(true);
      expect(large.view.length).toBeLessThanOrEqual(VIEW_LIMIT);
      expect({ total: large.total, write: large.write.length, view: large.view.length }).toEqual({
        total: small.total,
        write: small.write.length,
        view: small.view.length,
      });
    });
  });
});

/**
 * The case's history and the work queue (issue #12) load in a fixed number of statements: a case
 * with a long history costs what a case with a short one costs, and a network with 40 cases (and
 * their questions and actions) what a network with 10 costs.
 */
describe('Queries per request: the case timeline and the work queue', () => {
  const { t, make } = useTestApp();
  let count: Statements;

  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();

  describe('GET /api/cases/:id/timeline', () => {
    let s: Staffed;
    const cases = { short: '', long: '' };

    beforeAll(async () => {
      count = Statements.on(t);
      s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
      const c = s.coordinator.agent;
      for (const key of ['short', 'long'] as const) {
        cases[key] = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body.id;
        await c.patch(`/api/cases/${cases[key]}`).send({ status: 'ACCEPTED' }).expect(200);
      }
      for (const status of ['MONITORING', 'ACCEPTED', 'MONITORING'])
        await c.patch(`/api/cases/${cases.long}`).send({ status, reason: 'Voortgang besproken in het overleg.' }).expect(200);
      // Three meetings discuss the long case, one the short one; actions on both (one on the short, two per meeting on the long).
      for (let m = 0; m < 3; m++) {
        const meeting = (
          await c
            .post(`/api/networks/${s.network.id}/meetings`)
            .send({ startsAt: inDays(m + 1), durationMinutes: 60 })
            .expect(201)
        ).body.id;
        const on = m === 0 ? [cases.short, cases.long] : [cases.long];
        let agenda: { id: string; case: { id: string } | null }[] = [];
        for (const caseId of on)
          agenda = (await c.post(`/api/meetings/${meeting}/agenda`).send({ kind: 'RUNNING_CASE', caseId }).expect(201)).body.agenda;
        await c.post(`/api/meetings/${meeting}/start`).expect(200);
        for (const item of agenda)
          for (let a = 0; a < (item.case!.id === cases.long ? 2 : 1); a++)
            await c
              .post(`/api/meetings/${meeting}/agenda/${item.id}/actions`)
              .send({ description: 'Huisbezoek plannen', ownerOrganisationId: s.shell.organisation.id, dueDate: '2026-12-01' })
              .expect(201);
        await c.post(`/api/meetings/${meeting}/close`).expect(200);
      }
    });

    it.each(['coordinator', 'shell', 'volunteer'] as const)(
      'as the %s: the same statements for a short and a long history',
      async (role) => {
        const agent = { coordinator: s.coordinator.agent, shell: s.shell.agent, volunteer: s.volunteer.agent }[role];
        const short = await count.during(() => agent.get(`/api/cases/${cases.short}/timeline`).expect(200));
        const long = await count.during(() => agent.get(`/api/cases/${cases.long}/timeline`).expect(200));
        const entries = (await agent.get(`/api/cases/${cases.long}/timeline`).expect(200)).body.entries;
        expect(entries.filter((e: { kind: string }) => e.kind === 'MEETING')).toHaveLength(3);
        expect(entries.filter((e: { kind: string }) => e.kind === 'ACTION')).toHaveLength(6);
        expect(long.length).toBe(short.length);
        expect(long.length).toBeLessThanOrEqual(14);
      },
    );
  });

  describe('GET /api/networks/:id/overview', () => {
    const networks: Record<10 | 40, Staffed> = {} as Record<10 | 40, Staffed>;

    async function furnish(size: 10 | 40): Promise<void> {
      const s = (networks[size] = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true }));
      const c = s.coordinator.agent;
      for (let i = 0; i < size; i++) {
        const id = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body.id;
        if (i % 2 === 0) await c.patch(`/api/cases/${id}`).send({ status: 'ACCEPTED' }).expect(200);
      }
      for (let i = 0; i < size / 5; i++)
        await s.volunteer.agent
          .post(`/api/networks/${s.network.id}/questions`)
          .send({
            title: `Vraag ${i + 1}`,
            situation: 'Een buurman komt niet meer buiten.',
            question: 'Wat kunnen we doen?',
            problemAreas: ['SOCIAL_NETWORK'],
          })
          .expect(201);
      const meeting = (
        await c
          .post(`/api/networks/${s.network.id}/meetings`)
          .send({ startsAt: inDays(1), durationMinutes: 60 })
          .expect(201)
      ).body.id;
      const agenda = (await c.post(`/api/meetings/${meeting}/agenda/assemble`).expect(200)).body.agenda;
      for (const item of agenda.filter((i: { case: unknown }) => i.case).slice(0, size / 5))
        await c
          .post(`/api/meetings/${meeting}/agenda/${item.id}/actions`)
          .send({ description: 'Huisbezoek plannen', ownerOrganisationId: s.shell.organisation.id, dueDate: '2026-11-06' })
          .expect(201);
    }

    beforeAll(async () => {
      count ??= Statements.on(t);
      await furnish(10);
      await furnish(40);
    });

    it.each(['coordinator', 'core', 'shell', 'volunteer'] as const)('as the %s: the same statements for 10 and 40 cases', async (role) => {
      const statements = async (size: 10 | 40) => {
        const s = networks[size];
        return count.during(() => s[role].agent.get(`/api/networks/${s.network.id}/overview`).expect(200));
      };
      const small = await statements(10);
      const large = await statements(40);
      expect(large.length).toBe(small.length);
      expect(large.length).toBeLessThanOrEqual(14);
      // Counted in the database: no statement reads rows of cases, questions or actions one by one.
      expect(large.filter((q) => /FROM "(cases|questions|actions)"/.test(q) && !/COUNT|SUM/.test(q))).toEqual([]);
      const view = (await networks[40][role].agent.get(`/api/networks/${networks[40].network.id}/overview`).expect(200)).body;
      if (role === 'coordinator') expect(view).toMatchObject({ casesToTriage: 20, openQuestions: 8, actionsDueThisWeek: 8 });
      if (role === 'shell') expect(view).toMatchObject({ actionsDueThisWeek: 8, overdueActions: 0 });
    });

    // The network's figures (issue #13) on the same networks: aggregates (durations as one aggregate list each), never rows one by one.
    it.each(['coordinator', 'core'] as const)('figures as the %s: the same statements for 10 and 40 cases', async (role) => {
      const url = (size: 10 | 40) => `/api/networks/${networks[size].network.id}/figures?from=2026-01-01&to=2026-12-31`;
      const statements = (size: 10 | 40) => count.during(() => networks[size][role].agent.get(url(size)).expect(200));
      const small = await statements(10);
      const large = await statements(40);
      expect(large.length).toBe(small.length);
      expect(large.length).toBeLessThanOrEqual(16);
      expect(
        large.filter((q) => /FROM "(cases|questions|actions|meetings)"/.test(q) && !/COUNT|SUM|group_concat|string_agg/.test(q)),
      ).toEqual([]);
      const view = (await networks[40][role].agent.get(url(40)).expect(200)).body;
      expect(view.cases.broughtIn).toEqual({ value: 40, suppressed: false, unit: 'count' });
      expect(view.questions.asked).toEqual({ value: 8, suppressed: false, unit: 'count' });
    });
  });
});
