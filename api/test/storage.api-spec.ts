import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { RetentionService } from '../src/cases/retention.service';
import { CANARY, CANARY_MARKERS, caseBody } from './support/factories';
import { useTestApp } from './support/use-test-app';

const onPostgres = !!process.env['TEST_DATABASE_URL'];
const sqliteOnly = onPostgres ? it.skip : it;

/** The database file and its write-ahead log, as bytes. */
function databaseBytes(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`].filter(existsSync).map((file) => readFileSync(file)));
}

describe('Identities at rest, the log chain and retention', () => {
  let dir: string;
  let dbPath: string;
  const { t, make } = useTestApp({
    // A database file of its own, whose bytes the tests read.
    env: () => {
      dir = mkdtempSync(join(tmpdir(), 'casustafel-storage-'));
      dbPath = join(dir, 'casustafel.sqlite');
      return { DATABASE_PATH: dbPath };
    },
    minutesBetweenTests: 0.1,
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  sqliteOnly('never writes a client identity into the database file in clear text', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201);
    await t.app.get(DataSource).query('PRAGMA wal_checkpoint(TRUNCATE)');
    const bytes = databaseBytes(dbPath);
    expect(bytes.length).toBeGreaterThan(10_000);
    for (const marker of [...CANARY_MARKERS, '3813KZ', CANARY.givenName + ' '])
      expect({ marker, found: bytes.includes(Buffer.from(marker)) }).toEqual({ marker, found: false });
  });

  it('keeps the access log append-only, and its chain shows an alteration made behind its back', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const created = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await s.coordinator.agent.get(`/api/cases/${created.id}`).expect(200);
    const verified = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log/verify`).expect(200)).body;
    expect(verified).toMatchObject({ ok: true });
    expect(verified.entries).toBeGreaterThanOrEqual(2);

    const db = t.app.get(DataSource);
    await expect(db.query(`UPDATE access_log SET level = 'PSEUDONYM' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM access_log WHERE seq = 1`)).rejects.toThrow(/append-only/);

    // Someone with direct database access disables the protection and rewrites an entry.
    if (onPostgres) await db.query('ALTER TABLE access_log DISABLE TRIGGER access_log_append_only');
    else await db.query('DROP TRIGGER access_log_no_update');
    await db.query(`UPDATE access_log SET level = 'PSEUDONYM' WHERE seq = 2`);
    const broken = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log/verify`).expect(200)).body;
    expect(broken).toMatchObject({ ok: false, brokenAt: 2 });
  });
});

describe('Retention', () => {
  let dir: string;
  let dbPath: string;
  const { t, make } = useTestApp({
    // A database file of its own, whose bytes the tests read.
    env: () => {
      dir = mkdtempSync(join(tmpdir(), 'casustafel-retention-'));
      dbPath = join(dir, 'casustafel.sqlite');
      return { DATABASE_PATH: dbPath };
    },
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('erases the identity for good once the covenant period after closing has passed', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true }); // template: 24 months
    const old = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    const recent = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await s.coordinator.agent.patch(`/api/cases/${old.id}`).send({ status: 'ACCEPTED' }).expect(200);
    await s.coordinator.agent.patch(`/api/cases/${old.id}`).send({ status: 'CLOSED' }).expect(200);
    const db = t.app.get(DataSource);
    const [{ ciphertext }] = await db
      .createQueryBuilder()
      .select('i.ciphertext', 'ciphertext')
      .from('client_identities', 'i')
      .where('i.caseId = :id', { id: old.id })
      .getRawMany();
    expect(ciphertext.length).toBeGreaterThan(50);

    t.clock.advanceDays(365);
    const coordinator1 = await t.login(s.coordinator.user.email);
    await make.accept(coordinator1, s.network.id);
    await coordinator1.patch(`/api/cases/${recent.id}`).send({ status: 'ACCEPTED' }).expect(200);
    await coordinator1.patch(`/api/cases/${recent.id}`).send({ status: 'CLOSED' }).expect(200);
    expect(await t.app.get(RetentionService).run()).toBe(0);

    t.clock.advanceDays(366); // the first case was closed just over 24 months ago
    expect(await t.app.get(RetentionService).run()).toBe(1);

    const coordinator = await t.login(s.coordinator.user.email);
    await make.accept(coordinator, s.network.id);
    const erased = (await coordinator.get(`/api/cases/${old.id}`).expect(200)).body;
    expect(erased.client).toEqual({
      level: 'PSEUDONYM',
      displayName: `Casus ${old.number} · ${old.pseudonym}`,
      neighbourhood: 'Soesterkwartier',
      erased: true,
    });
    expect(erased.explanation).toMatch(/bewaartermijn/);
    expect((await coordinator.get(`/api/cases/${recent.id}`).expect(200)).body.client.level).toBe('FULL');

    const rows = await db
      .createQueryBuilder()
      .select('i.caseId', 'caseId')
      .from('client_identities', 'i')
      .where('i.caseId = :id', { id: old.id })
      .getRawMany();
    expect(rows).toEqual([]);
    const log = (await coordinator.get(`/api/networks/${s.network.id}/access-log?caseId=${old.id}`).expect(200)).body;
    expect(log[0]).toMatchObject({ action: 'ERASE', user: null });
    if (!onPostgres) expect(databaseBytes(dbPath).includes(Buffer.from(ciphertext))).toBe(false);
  });
});

describe('Access report (AVG art. 15)', () => {
  const { make } = useTestApp();

  it('gives the coordinator a PDF of who saw the client, with no identity in its metadata', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const created = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await s.coordinator.agent.get(`/api/cases/${created.id}`).expect(200);
    await s.core.agent.get(`/api/cases/${created.id}/access-report.pdf`).expect(403);
    const res = await s.coordinator.agent
      .get(`/api/cases/${created.id}/access-report.pdf`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain('Inzageoverzicht persoonsgegevens');
    expect(text).toContain(`Casus: ${created.number}`);
    expect(text).toContain(`Cliënt: ${CANARY.givenName} ${CANARY.surname}`);
    expect(text).toContain(s.core.user.name);
    expect(text).toContain('casus ingebracht');
    expect(text).toMatch(/pagina 1 van \d/);
    const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
    expect(info).toContain(`Inzageoverzicht casus ${created.number}`);
    for (const marker of CANARY_MARKERS) expect(info).not.toContain(marker);
    const log = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log?caseId=${created.id}`).expect(200)).body;
    expect(log.some((e: { action: string }) => e.action === 'EXPORT')).toBe(true);
  });
});
