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
});
