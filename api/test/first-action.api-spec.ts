import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Action } from '../src/actions/action.entity';
import { Case } from '../src/cases/case.entity';
import { dutchDate } from '../src/common/amsterdam-time';
import { MIGRATIONS } from '../src/database/migrations';
import { FiguresCovering1765260000000 } from '../src/database/migrations/1765260000000-FiguresCovering';
import { caseBody } from './support/factories';
import { useTestApp } from './support/use-test-app';

type Item = { id: string; case: { id: string } | null };

/**
 * cases.firstActionAt (issue #13, the figures' days to the first action) is the earliest createdAt of the
 * case's actions, whatever writes them: kept by FirstActionSubscriber in the insert's transaction, and
 * back-filled by the migration FiguresCovering for the actions from before it.
 */
describe('The moment of the first action on a case', () => {
  const { t, make } = useTestApp();
  const firstActionAt = async (caseId: string) =>
    (await t.app.get(DataSource).getRepository(Case).findOneByOrFail({ id: caseId })).firstActionAt?.toISOString() ?? null;

  it('is the first action created through the API, and stays so as later actions are added', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const theCase = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    const untouched = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await c.patch(`/api/cases/${theCase.id}`).send({ status: 'ACCEPTED' }).expect(200);
    const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const meeting = (await c.post(`/api/networks/${s.network.id}/meetings`).send({ startsAt, durationMinutes: 60 }).expect(201)).body;
    const agenda = (await c.post(`/api/meetings/${meeting.id}/agenda/assemble`).expect(200)).body.agenda as Item[];
    const item = agenda.find((i) => i.case?.id === theCase.id)!;
    const action = (dueInDays: number) =>
      c
        .post(`/api/meetings/${meeting.id}/agenda/${item.id}/actions`)
        .send({
          description: 'Huisarts bellen',
          ownerOrganisationId: s.shell.organisation.id,
          dueDate: dutchDate(new Date(t.clock.now().getTime() + dueInDays * 86_400_000)),
        })
        .expect(201);

    expect(await firstActionAt(theCase.id)).toBeNull();
    const first = t.clock.now().toISOString();
    await action(7);
    expect(await firstActionAt(theCase.id)).toBe(first);
    t.clock.advanceMinutes(5);
    await action(14);
    expect(await firstActionAt(theCase.id)).toBe(first);
    expect(await firstActionAt(untouched.id)).toBeNull();
  });

  it('moves to an earlier action written straight into the table, and not to a later one', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const theCase = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    const actions = t.app.get(DataSource).getRepository(Action);
    const insert = (createdAt: Date, caseId: string | null = theCase.id) =>
      actions.insert({
        id: randomUUID(),
        networkId: s.network.id,
        meetingId: null,
        agendaItemId: null,
        caseId,
        description: 'Huisarts bellen',
        ownerOrganisationId: s.shell.organisation.id,
        ownerUserId: null,
        dueDate: '2026-12-31',
        status: 'OPEN',
        notDoneReason: null,
        note: null,
        version: 1,
        createdAt,
        updatedAt: createdAt,
      });
    await insert(new Date('2026-11-10T10:00:00.000Z'));
    expect(await firstActionAt(theCase.id)).toBe('2026-11-10T10:00:00.000Z');
    await insert(new Date('2026-11-12T10:00:00.000Z'));
    expect(await firstActionAt(theCase.id)).toBe('2026-11-10T10:00:00.000Z');
    await insert(new Date('2026-11-03T08:30:00.000Z'));
    expect(await firstActionAt(theCase.id)).toBe('2026-11-03T08:30:00.000Z');
    await insert(new Date('2026-11-01T08:30:00.000Z'), null);
    expect(await firstActionAt(theCase.id)).toBe('2026-11-03T08:30:00.000Z');
  });
});

describe('Migration FiguresCovering: firstActionAt back-filled', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      // The migrations before FiguresCovering: the database as it was when FiguresCovering first ran.
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(FiguresCovering1765260000000)),
    });
    await db.initialize();
    await db.runMigrations();
    for (const id of ['c1', 'c2'])
      await db.query(
        `INSERT INTO "cases" ("id", "networkId", "number", "pseudonym", "neighbourhood", "problemAreas", "urgency", "consent",
           "consentOverrideReason", "summary", "status", "statusReason", "submittedById", "submittedByOrganisationId",
           "createdAt", "updatedAt", "closedAt", "sourceQuestionId", "identityErasedAt")
         VALUES (?, 'n1', ?, 'Linde', 'Soesterkwartier', '["HOUSING"]', 'HIGH', 'GIVEN', NULL, 'Samenvatting', 'ACCEPTED', NULL, 'u1', 'o1',
           '2026-01-05 09:00:00.000', '2026-01-05 09:00:00.000', NULL, NULL, NULL)`,
        [id, `2026-00${id.slice(-1)}`],
      );
    for (const [id, createdAt] of [
      ['a1', '2026-01-09 10:00:00.000'],
      ['a2', '2026-01-07 11:30:00.000'],
      ['a3', '2026-01-20 08:00:00.000'],
    ])
      await db.query(
        `INSERT INTO "actions" ("id", "networkId", "meetingId", "agendaItemId", "caseId", "description", "ownerOrganisationId", "ownerUserId",
           "dueDate", "status", "notDoneReason", "note", "version", "createdAt", "updatedAt")
         VALUES (?, 'n1', NULL, NULL, 'c1', 'Bellen', 'o1', NULL, '2026-02-01', 'OPEN', NULL, NULL, 1, ?, ?)`,
        [id, createdAt, createdAt],
      );
    const runner = db.createQueryRunner();
    await new FiguresCovering1765260000000().up(runner);
    await runner.release();
  });
  afterAll(() => db?.destroy());

  it("sets each case's moment to its earliest action, and none for a case without actions", async () => {
    expect(await db.query(`SELECT "id", "firstActionAt" FROM "cases" ORDER BY "id"`)).toEqual([
      { id: 'c1', firstActionAt: '2026-01-07 11:30:00.000' },
      { id: 'c2', firstActionAt: null },
    ]);
  });
});
