import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig, readConfig } from '../src/config/app-config';
import { BackupError, backupDatabase, restoreDatabase, restoreReport } from '../src/database/backup';
import { AccessLogService } from '../src/privacy/access-log.service';
import { CANARY, caseBody } from './support/factories';
import { TEST_DATA_KEY, TestApp } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const onPostgres = !!process.env['TEST_DATABASE_URL'];
const OTHER_KEY = Buffer.alloc(32, 9).toString('base64');

/**
 * Issue #15, "backups you have tried": back up a running app (SQLite: the online backup API;
 * PostgreSQL under npm run test:pg: pg_dump -Fc), restore into a fresh location (pg_restore), and
 * serve the restored database with the same key. Runs on both; the path follows the database type.
 */
describe('Back-up and restore', () => {
  let dir: string;
  const databases: string[] = [];
  const { t, make } = useTestApp({
    env: (): Record<string, string> => {
      dir = mkdtempSync(join(tmpdir(), 'casustafel-backup-'));
      return onPostgres ? {} : { DATABASE_PATH: join(dir, 'live', 'casustafel.sqlite') };
    },
  });
  afterAll(async () => {
    for (const name of databases) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    rmSync(dir, { recursive: true, force: true });
  });

  /** A restore target of its own: a folder (SQLite file and anchor), and on PostgreSQL an empty database. */
  async function location(name: string, key = TEST_DATA_KEY): Promise<{ env: Record<string, string>; config: AppConfig }> {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    const env: Record<string, string> = {
      ACCESS_LOG_ANCHOR_PATH: join(folder, 'access-log-anchor.json'),
      CASUSTAFEL_DATA_KEY: key,
      ...(onPostgres ? { DATABASE_URL: await emptyDatabase() } : { DATABASE_PATH: join(folder, 'casustafel.sqlite') }),
    };
    return { env, config: readConfig({ NODE_ENV: 'test', SEED_DEMO_DATA: 'false', ...env }) };
  }

  async function emptyDatabase(): Promise<string> {
    const name = `casustafel_restore_${randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    databases.push(name);
    const url = new URL(process.env['TEST_DATABASE_URL']!);
    url.pathname = `/${name}`;
    return url.toString();
  }

  it('restores what was backed up — cases, identities, a verifying log — and not what came after', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const before = [];
    for (let i = 0; i < 2; i++)
      before.push((await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body);
    for (const c of before) await s.coordinator.agent.get(`/api/cases/${c.id}`).expect(200);

    // The back-up, while the app runs; never over an existing file without force; only the owner reads it.
    const file = join(dir, 'casustafel.backup');
    const config = t.app.get(AppConfig);
    const made = await backupDatabase(config, file);
    expect(made).toMatchObject({ kind: onPostgres ? 'postgres' : 'sqlite', file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await expect(backupDatabase(config, file)).rejects.toThrow(/bestaat al.*--force/);
    expect((await backupDatabase(config, file, { force: true })).bytes).toBeGreaterThan(1000);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // A change after the back-up.
    const after = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await s.coordinator.agent.get(`/api/cases/${after.id}`).expect(200);

    const target = await location('restored');
    const result = await restoreDatabase(target.config, file, { logger: false });
    expect(result).toMatchObject({ kind: made.kind, keyMatches: true, verification: { ok: true }, previousAnchor: null });
    expect(result.verification!.entries).toBeGreaterThan(0);
    expect(restoreReport(result, file)).toMatchObject({
      ok: true,
      lines: expect.arrayContaining([expect.stringMatching(/^De sleutel zit niet in de back-up; bewaar hem apart/)]),
    });
    if (!onPostgres) expect(statSync(target.config.databasePath).mode & 0o777).toBe(0o600);

    const restored = await TestApp.start(target.env);
    try {
      const coordinator = await restored.login(s.coordinator.user.email);
      const list = (await coordinator.get(`/api/networks/${s.network.id}/cases`).expect(200)).body;
      expect(list.items.map((c: { id: string }) => c.id).sort()).toEqual(before.map((c) => c.id).sort());
      for (const c of before) {
        const served = (await coordinator.get(`/api/cases/${c.id}`).expect(200)).body;
        expect(served.client).toMatchObject({
          level: 'FULL',
          surname: CANARY.surname,
          givenName: CANARY.givenName,
          postcode: CANARY.postcode,
        });
      }
      await coordinator.get(`/api/cases/${after.id}`).expect(404);
      const verified = (await coordinator.get(`/api/networks/${s.network.id}/access-log/verify`).expect(200)).body;
      expect(verified).toMatchObject({ ok: true });
      expect(verified.entries).toBeGreaterThan(result.verification!.entries);
    } finally {
      await restored.close();
    }

    // With another key: the identities do not decrypt — a clear error, and the app carries on.
    const wrong = await TestApp.start({
      ...target.env,
      CASUSTAFEL_DATA_KEY: OTHER_KEY,
      ACCESS_LOG_ANCHOR_PATH: join(dir, 'restored', 'other-anchor.json'),
    });
    try {
      const coordinator = await wrong.login(s.coordinator.user.email);
      const refused = (await coordinator.get(`/api/cases/${before[0].id}`).expect(500)).body;
      expect(refused.message).toMatch(/niet te ontsleutelen: de sleutel .* past niet bij de database/);
      expect(JSON.stringify(refused)).not.toContain(CANARY.surname);
      await wrong.anonymous().get('/api/health').expect(200);
    } finally {
      await wrong.close();
    }
  });

  it('refuses a restore under another key, a file that is not a back-up, and a database in use', async () => {
    const file = join(dir, 'casustafel.backup');
    const other = await location('other-key', OTHER_KEY);
    if (onPostgres) {
      // pg_restore has run; nothing further is touched, and the report says why.
      const result = await restoreDatabase(other.config, file, { logger: false });
      expect(result).toMatchObject({ keyMatches: false, verification: null });
      expect(restoreReport(result, file).lines.join('\n')).toMatch(/sleutel past niet bij deze database/);
      // The live database still has the app's connections — also after they have been idle longer than
      // pg's default idle timeout (10 s), which once let a restore overwrite a running installation.
      await new Promise((resolve) => setTimeout(resolve, 10_500));
      await expect(restoreDatabase(t.app.get(AppConfig), file, { logger: false })).rejects.toThrow(
        /andere verbinding.*stop Casustafel eerst/,
      );
    } else {
      await expect(restoreDatabase(other.config, file, { logger: false })).rejects.toThrow(
        /sleutel .* past niet bij deze back-up.*Niets teruggezet/,
      );
      expect(existsSync(other.config.databasePath)).toBe(false);
      // The live database has its -wal beside it: Casustafel is running.
      await expect(restoreDatabase(t.app.get(AppConfig), file, { logger: false })).rejects.toThrow(BackupError);
      await expect(restoreDatabase(t.app.get(AppConfig), file, { logger: false })).rejects.toThrow(/-wal.*Stop Casustafel eerst/);
    }
    const notABackup = join(dir, 'not-a-backup');
    copyFileSync(__filename, notABackup);
    await expect(restoreDatabase((await location('junk')).config, notABackup, { logger: false })).rejects.toThrow(
      onPostgres ? /geen back-up van pg_dump/ : /geen SQLite-database/,
    );
  });

  it('an older back-up fails against the newer anchor, and says what to do; --new-anchor keeps the old one as evidence', async () => {
    const file = join(dir, 'casustafel.backup');
    // The live log has grown since the back-up; its anchor goes with the restore target (same installation).
    await t.app.get(AccessLogService).flushAnchor();
    const target = await location('older');
    copyFileSync(t.anchorPath, target.config.accessLogAnchorPath!);

    const kept = await restoreDatabase(target.config, file, { logger: false });
    const v = kept.verification!;
    expect(v).toMatchObject({ ok: false, brokenAt: v.entries + 1 });
    expect(v.anchor!.seq).toBeGreaterThan(v.entries);
    const advice = restoreReport(kept, file);
    expect(advice.ok).toBe(false);
    expect(advice.lines.join('\n')).toMatch(/oudere back-up[\s\S]*Start Casustafel nog niet[\s\S]*--new-anchor/);

    const renewed = await restoreDatabase(target.config, file, { newAnchor: true, logger: false });
    expect(renewed.verification).toMatchObject({ ok: true, entries: v.entries });
    expect(renewed.previousAnchor).toMatchObject({ seq: v.anchor!.seq, matches: null });
    expect(existsSync(renewed.previousAnchor!.keptAs)).toBe(true);
    const report = restoreReport(renewed, file);
    expect(report.ok).toBe(true);
    expect(report.lines.join('\n')).toMatch(new RegExp(`Regels ${v.entries + 1} tot en met ${v.anchor!.seq} .* verdwenen`));
  });
});

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
