import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../src/database/migrations';
import { CaseHistory1765100000000 } from '../src/database/migrations/1765100000000-CaseHistory';

/**
 * The migration that starts the case's history (issue #12) gives every case already past SUBMITTED one
 * entry for its current status, at its last change and with its reason; cases still SUBMITTED get none.
 * Run on SQLite from the migrations before it, with cases stored as the app stored them then.
 */
describe('Migration CaseHistory: back-filled status entries', () => {
  let db: DataSource;

  beforeAll(async () => {
    const before = MIGRATIONS.filter((m) => m !== CaseHistory1765100000000);
    db = new DataSource({ type: 'better-sqlite3', database: ':memory:', migrations: before });
    await db.initialize();
    await db.runMigrations();
    const insert = (id: string, status: string, reason: string | null, updatedAt: string) =>
      db.query(
        `INSERT INTO "cases" ("id", "networkId", "number", "pseudonym", "neighbourhood", "problemAreas", "urgency", "consent",
           "consentOverrideReason", "summary", "status", "statusReason", "submittedById", "submittedByOrganisationId",
           "createdAt", "updatedAt", "closedAt", "sourceQuestionId", "identityErasedAt")
         VALUES (?, 'n1', ?, 'Linde', 'Soesterkwartier', '["HOUSING"]', 'HIGH', 'GIVEN', NULL, 'Samenvatting', ?, ?, 'u1', 'o1',
           '2026-01-05 09:00:00.000', ?, NULL, NULL, NULL)`,
        [id, `2026-00${id.slice(-1)}`, status, reason, updatedAt],
      );
    await insert('c0000000-0000-4000-8000-000000000001', 'SUBMITTED', null, '2026-01-05 09:00:00.000');
    await insert('c0000000-0000-4000-8000-000000000002', 'ACCEPTED', null, '2026-01-12 10:00:00.000');
    await insert('c0000000-0000-4000-8000-000000000003', 'DECLINED', 'Geen casus voor dit netwerk.', '2026-01-13 11:00:00.000');
    const runner = db.createQueryRunner();
    await new CaseHistory1765100000000().up(runner);
    await runner.release();
  });
  afterAll(() => db?.destroy());

  it('writes one entry per case past SUBMITTED, with its status, moment and reason, and none for the others', async () => {
    const rows = await db.query(`SELECT "caseId", "at", "fromStatus", "toStatus", "reason", "userId" FROM "case_events" ORDER BY "caseId"`);
    expect(rows).toEqual([
      {
        caseId: 'c0000000-0000-4000-8000-000000000002',
        at: '2026-01-12 10:00:00.000',
        fromStatus: null,
        toStatus: 'ACCEPTED',
        reason: null,
        userId: null,
      },
      {
        caseId: 'c0000000-0000-4000-8000-000000000003',
        at: '2026-01-13 11:00:00.000',
        fromStatus: null,
        toStatus: 'DECLINED',
        reason: 'Geen casus voor dit netwerk.',
        userId: null,
      },
    ]);
  });

  it('keeps no agenda item on the agenda unless asked', async () => {
    const columns: { name: string; dflt_value: string }[] = await db.query(`PRAGMA table_info("agenda_items")`);
    expect(columns.find((c) => c.name === 'keepOnAgenda')).toMatchObject({ dflt_value: '0' });
  });
});
