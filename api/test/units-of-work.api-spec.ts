import { Factories, CANARY, caseBody } from './support/factories';
import { Statements } from './support/statements';
import { TestApp } from './support/test-app';

const question = {
  title: 'Oudere vrouw laat post liggen',
  situation: 'Een oudere vrouw van rond de 80 in het Soesterkwartier laat al weken de post liggen en komt niet meer buiten.',
  question: 'Hoe ernstig is dit, en wat kunnen wij als vrijwilligers doen?',
  neighbourhood: 'Soesterkwartier',
  problemAreas: ['SELF_CARE', 'SOCIAL_NETWORK'],
};

describe('Writes that belong together', () => {
  let t: TestApp;
  let make: Factories;
  let sql: Statements;
  beforeAll(async () => {
    t = await TestApp.start();
    make = await Factories.for(t);
    sql = Statements.on(t);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.advanceMinutes(0.1));

  it('turns a question into exactly one case when ten conversions arrive at once', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const created = (await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question).expect(201)).body;
    const body = { client: CANARY, consent: 'GIVEN', urgency: 'MEDIUM' };
    const answers = await sql.interleaved(() =>
      Promise.all(Array.from({ length: 10 }, () => s.volunteer.agent.post(`/api/questions/${created.id}/convert`).send(body))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    const converted = answers.find((a) => a.status === 201)!.body;
    const cases = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/cases`).expect(200)).body;
    expect(cases.items.map((c: { id: string; sourceQuestionId: string }) => [c.id, c.sourceQuestionId])).toEqual([
      [converted.id, created.id],
    ]);
    expect((await s.volunteer.agent.get(`/api/questions/${created.id}`).expect(200)).body).toMatchObject({
      status: 'CONVERTED',
      convertedCaseId: converted.id,
    });
    expect((await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log/verify`).expect(200)).body.ok).toBe(true);
  });

  it('numbers cases brought in at once one after the other, each with its identity', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const created = await sql.interleaved(() =>
      Promise.all(Array.from({ length: 6 }, () => s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()))),
    );
    expect(created.map((c) => c.status)).toEqual(Array(6).fill(201));
    expect(created.map((c) => c.body.number).sort()).toEqual(['2026-001', '2026-002', '2026-003', '2026-004', '2026-005', '2026-006']);
    for (const c of created) expect(c.body.client).toMatchObject({ level: 'FULL', surname: CANARY.surname });
  });

  it.each([
    ['the question', /^UPDATE "questions"/],
    ['the blind index of the identity', /^INSERT INTO "client_identifiers"/],
  ])('stores nothing of a conversion when the write of %s fails', async (_what, statement) => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const created = (await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question).expect(201)).body;
    const body = { client: CANARY, consent: 'GIVEN', urgency: 'MEDIUM' };
    await sql.failingOn(statement, () => s.volunteer.agent.post(`/api/questions/${created.id}/convert`).send(body).expect(500));
    expect((await s.coordinator.agent.get(`/api/networks/${s.network.id}/cases`).expect(200)).body.total).toBe(0);
    expect((await s.volunteer.agent.get(`/api/questions/${created.id}`).expect(200)).body).toMatchObject({
      status: 'SUBMITTED',
      convertedCaseId: null,
    });
    // Nothing half-done stands in the way of doing it again.
    await s.volunteer.agent.post(`/api/questions/${created.id}/convert`).send(body).expect(201);
  });

  /** A network with an accepted case on the agenda of a running meeting. */
  async function runningMeeting() {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const theCase = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await c.patch(`/api/cases/${theCase.id}`).send({ status: 'ACCEPTED' }).expect(200);
    const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const m = (await c.post(`/api/networks/${s.network.id}/meetings`).send({ startsAt, durationMinutes: 60 }).expect(201)).body;
    const item = (await c.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200)).body.agenda[0];
    await c.post(`/api/meetings/${m.id}/start`).expect(200);
    return { s, c, m, item };
  }
  const action = (ownerOrganisationId: string) => ({ description: 'Huisbezoek afleggen', ownerOrganisationId, dueDate: '2026-12-01' });

  it('stores no action when its first history event cannot be written', async () => {
    const { s, c, m, item } = await runningMeeting();
    await sql.failingOn(/^INSERT INTO "action_events"/, () =>
      c.post(`/api/meetings/${m.id}/agenda/${item.id}/actions`).send(action(s.shell.organisation.id)).expect(500),
    );
    expect((await c.get(`/api/actions?scope=network&networkId=${s.network.id}`).expect(200)).body).toEqual([]);
  });

  it('leaves an action as it was when the event of its change cannot be written', async () => {
    const { s, c, m, item } = await runningMeeting();
    const created = (await c.post(`/api/meetings/${m.id}/agenda/${item.id}/actions`).send(action(s.shell.organisation.id)).expect(201))
      .body;
    await sql.failingOn(/^INSERT INTO "action_events"/, () =>
      s.shell.agent.patch(`/api/actions/${created.id}`).send({ status: 'DONE', version: 1 }).expect(500),
    );
    const [after] = (await c.get(`/api/actions?scope=network&networkId=${s.network.id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'OPEN', version: 1, history: [expect.objectContaining({ status: 'OPEN' })] });
    expect(after.history).toHaveLength(1);
    await s.shell.agent.patch(`/api/actions/${created.id}`).send({ status: 'DONE', version: 1 }).expect(200);
  });

  it("leaves a case's status as it was when the entry in its history cannot be written", async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const created = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await sql.failingOn(/^INSERT INTO "case_events"/, () => c.patch(`/api/cases/${created.id}`).send({ status: 'ACCEPTED' }).expect(500));
    expect((await c.get(`/api/cases/${created.id}`).expect(200)).body.status).toBe('SUBMITTED');
    expect((await c.get(`/api/cases/${created.id}/timeline`).expect(200)).body.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'INTAKE',
    ]);
    await c.patch(`/api/cases/${created.id}`).send({ status: 'ACCEPTED' }).expect(200);
    expect((await c.get(`/api/cases/${created.id}/timeline`).expect(200)).body.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'INTAKE',
      'STATUS',
    ]);
  });

  it('changes a status once when two changes of it arrive at once, with one entry in its history', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const created = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    const answers = await sql.interleaved(() =>
      Promise.all([
        c.patch(`/api/cases/${created.id}`).send({ status: 'ACCEPTED' }),
        c.patch(`/api/cases/${created.id}`).send({ status: 'DECLINED', reason: 'Geen casus voor dit netwerk.' }),
      ]),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!.body.status;
    const statuses = (await c.get(`/api/cases/${created.id}/timeline`).expect(200)).body.entries.filter(
      (e: { kind: string }) => e.kind === 'STATUS',
    );
    expect(statuses).toEqual([expect.objectContaining({ from: 'SUBMITTED', to: winner })]);
  });

  it('keeps a meeting running when its minutes cannot be drafted, and closes it once', async () => {
    const { c, m } = await runningMeeting();
    await sql.failingOn(/^INSERT INTO "minutes"/, () => c.post(`/api/meetings/${m.id}/close`).expect(500));
    expect((await c.get(`/api/meetings/${m.id}`).expect(200)).body.status).toBe('IN_PROGRESS');
    await c.get(`/api/meetings/${m.id}/minutes`).expect(404);
    const answers = await sql.interleaved(() => Promise.all([1, 2, 3].map(() => c.post(`/api/meetings/${m.id}/close`))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect((await c.get(`/api/meetings/${m.id}/minutes`).expect(200)).body).toMatchObject({ status: 'DRAFT', version: 1 });
  });

  it('approves minutes once, with the hash of what was locked', async () => {
    const { c, m } = await runningMeeting();
    await c.post(`/api/meetings/${m.id}/close`).expect(200);
    const reason = { reason: 'Vastgesteld per e-mail, geen bezwaren.' };
    const answers = await sql.interleaved(() =>
      Promise.all([1, 2, 3].map(() => c.post(`/api/meetings/${m.id}/minutes/approve`).send(reason))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const approved = answers.find((a) => a.status === 200)!.body;
    expect((await c.get(`/api/meetings/${m.id}/minutes`).expect(200)).body).toMatchObject({ status: 'APPROVED', sha256: approved.sha256 });
    // Locked: sending again does not reopen them.
    await c.post(`/api/meetings/${m.id}/minutes/send`).expect(409);
  });

  it('keeps every covenant change made at once, each as a version of its own', async () => {
    const s = await make.staffedNetwork();
    const current = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/covenant`).expect(200)).body;
    const body = (months: number) => ({
      levels: current.levels,
      retentionMonths: months,
      anonymousQuestionSubmitter: true,
      confidentialityStatement: current.confidentialityStatement,
    });
    const answers = await sql.interleaved(() =>
      Promise.all(
        [13, 14, 15, 16, 17].map((months) => s.coordinator.agent.put(`/api/networks/${s.network.id}/covenant`).send(body(months))),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body.version).sort()).toEqual([2, 3, 4, 5, 6]);
    for (const a of answers) {
      const stored = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/covenant?version=${a.body.version}`).expect(200)).body;
      expect(stored.retentionMonths).toBe(a.body.retentionMonths);
    }
  });
});
