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
        // The volunteer sees pseudonyms only: nothing for the access log, no identities loaded.
        expect(large.accessLog).toHaveLength(role === 'volunteer' ? 0 : 4);
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
