import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import type { AccessLogVerification } from '@casustafel/contract/access-log';
import { accessLogKeys, GENESIS, KEYED_CHAIN, keyedHash, legacyHash, type ChainFields } from '../src/privacy/access-log-chain';
import { AccessLogEntry } from '../src/privacy/access-log-entry.entity';
import { AccessLogService } from '../src/privacy/access-log.service';
import { caseBody } from './support/factories';
import { TEST_DATA_KEY, type Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const onPostgres = !!process.env['TEST_DATABASE_URL'];
jest.setTimeout(60_000);

/**
 * A database administrator with full access to the database (not to the data key, nor to the
 * anchor's off-site copy) drops the triggers and cuts or rewrites the access log. Each attempt must
 * make `verify` fail at the first missing or altered entry. Runs on SQLite and on PostgreSQL.
 */
describe('The access log cannot be quietly cut', () => {
  const { t, make } = useTestApp({ perTest: true });
  let db: DataSource;
  let coordinator: Agent;
  let networkId: string;
  let core: { id: string; organisationId: string };

  /** A network with a case that the coordinator and a core partner each opened 30 times. */
  beforeEach(async () => {
    db = t.app.get(DataSource);
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    coordinator = s.coordinator.agent;
    networkId = s.network.id;
    core = { id: s.core.user.id, organisationId: s.core.organisation.id };
    const created = (await s.core.agent.post(`/api/networks/${networkId}/cases`).send(caseBody()).expect(201)).body;
    for (let i = 0; i < 30; i++) {
      t.clock.advanceMinutes(1);
      await s.coordinator.agent.get(`/api/cases/${created.id}`).expect(200);
      await s.core.agent.get(`/api/cases/${created.id}`).expect(200);
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  const verify = async (): Promise<AccessLogVerification> =>
    (await coordinator.get(`/api/networks/${networkId}/access-log/verify`).expect(200)).body;
  const rows = async (): Promise<AccessLogEntry[]> => db.getRepository(AccessLogEntry).find({ order: { seq: 'ASC' } });
  const newest = async (): Promise<number> => (await rows()).at(-1)!.seq;

  /** What someone with database access can do: the append-only triggers go. */
  async function dropTriggers(): Promise<void> {
    if (onPostgres) {
      await db.query('DROP TRIGGER access_log_append_only ON access_log');
      await db.query('DROP TRIGGER access_log_no_truncate ON access_log');
    } else {
      await db.query('DROP TRIGGER access_log_no_update');
      await db.query('DROP TRIGGER access_log_no_delete');
    }
  }

  /**
   * Deletes the given entries and rewrites everything after the first of them into a gap-free
   * chain with the given hash function, as a careful attacker would.
   */
  async function deleteAndRechain(
    doomed: Set<number>,
    rehash: (fields: ChainFields) => { chain: string | null; hash: string },
  ): Promise<number> {
    const all = await rows();
    const first = Math.min(...doomed);
    const kept = all.filter((r) => r.seq >= first && !doomed.has(r.seq));
    await db.query(`DELETE FROM access_log WHERE seq >= ${first}`);
    let prevHash = all.find((r) => r.seq === first - 1)?.hash ?? GENESIS;
    let seq = first - 1;
    for (const row of kept) {
      const fields: ChainFields = { ...row, seq: ++seq, prevHash };
      delete (fields as Partial<AccessLogEntry>).hash;
      const { chain, hash } = rehash(fields);
      await db.getRepository(AccessLogEntry).insert({ ...fields, chain, hash });
      prevHash = hash;
    }
    return first;
  }

  it('keeps a signed head outside the database, at most a second behind the entries', async () => {
    const caseId = (await rows()).find((r) => r.caseId)!.caseId!;
    await coordinator.get(`/api/cases/${caseId}`).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const anchor = JSON.parse(readFileSync(t.anchorPath, 'utf8'));
    expect(Object.keys(anchor).sort()).toEqual(['at', 'hash', 'keyedFrom', 'mac', 'seq']);
    const head = (await rows()).at(-1)!;
    expect(anchor).toMatchObject({ seq: head.seq, hash: head.hash, keyedFrom: 1 });
    expect(head.chain).toBe(KEYED_CHAIN);

    // A forged anchor (someone moves it back to hide a cut) does not verify.
    writeFileSync(t.anchorPath, JSON.stringify({ ...anchor, seq: anchor.seq - 5 }));
    expect(await verify()).toMatchObject({ ok: false, reason: expect.stringMatching(/anker .* ongeldig/) });
  });

  it('fails at the first missing entry when the newest 40 are deleted, also after new entries arrive', async () => {
    const last = await newest();
    await dropTriggers();
    await db.query(`DELETE FROM access_log WHERE seq > ${last - 40}`);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, entries: last - 40, brokenAt: last - 39, anchor: { seq: last } });
    expect(result.reason).toBe(`Regels ${last - 39} tot en met ${last} ontbreken. Het anker buiten de database wijst naar regel ${last}.`);

    // The application carries on after the genuine head, so the gap stays; the anchor never moves back.
    const caseId = (await rows()).find((r) => r.caseId)!.caseId!;
    await coordinator.get(`/api/cases/${caseId}`).expect(200);
    await t.app.get(AccessLogService).flushAnchor();
    const after = await verify();
    expect(after).toMatchObject({ ok: false, brokenAt: last - 39 });
    expect(JSON.parse(readFileSync(t.anchorPath, 'utf8')).seq).toBeGreaterThanOrEqual(last);
  });

  it("fails at the first deleted entry when one user's reads are deleted and the chain recomputed with SHA-256", async () => {
    await dropTriggers();
    const doomed = new Set((await rows()).filter((r) => r.userId === core.id && r.action === 'VIEW').map((r) => r.seq));
    expect(doomed.size).toBe(30);
    const first = await deleteAndRechain(doomed, (fields) => ({ chain: null, hash: legacyHash({ ...fields, chain: null }) }));
    expect(await verify()).toMatchObject({ ok: false, entries: first - 1, brokenAt: first, reason: expect.stringMatching(/herberekend/) });
  });

  it('fails at the first deleted entry when the chain is recomputed with HMAC under a wrong key', async () => {
    await dropTriggers();
    const doomed = new Set((await rows()).filter((r) => r.userId === core.id && r.action === 'VIEW').map((r) => r.seq));
    const wrongKey = randomBytes(32);
    const first = await deleteAndRechain(doomed, (fields) => ({
      chain: KEYED_CHAIN,
      hash: keyedHash(wrongKey, { ...fields, chain: KEYED_CHAIN }),
    }));
    expect(await verify()).toMatchObject({ ok: false, entries: first - 1, brokenAt: first });
  });

  it('fails when the whole chain is recomputed with SHA-256 from the first entry', async () => {
    await dropTriggers();
    const doomed = new Set((await rows()).filter((r) => r.userId === core.id && r.action === 'VIEW').map((r) => r.seq));
    // Rewrite from entry 1, all as "old" SHA-256 entries, leaving out the core partner's reads.
    const all = await rows();
    await db.query('DELETE FROM access_log');
    let prevHash = GENESIS;
    let seq = 0;
    for (const row of all.filter((r) => !doomed.has(r.seq))) {
      const fields: ChainFields = { ...row, seq: ++seq, prevHash, chain: null };
      delete (fields as Partial<AccessLogEntry>).hash;
      const hash = legacyHash(fields);
      await db.getRepository(AccessLogEntry).insert({ ...fields, hash });
      prevHash = hash;
    }
    // The anchor knows the chain was keyed from entry 1.
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('fails at the entry that was edited', async () => {
    await dropTriggers();
    const target = (await rows()).filter((r) => r.userId === core.id && r.action === 'VIEW')[10];
    expect(target.level).toBe('FULL');
    await db.query(`UPDATE access_log SET level = 'PSEUDONYM' WHERE seq = ${target.seq}`);
    expect(await verify()).toMatchObject({
      ok: false,
      entries: target.seq - 1,
      brokenAt: target.seq,
      reason: `Regel ${target.seq} is gewijzigd of buiten Casustafel om herberekend.`,
    });
  });

  it('still refuses UPDATE, DELETE (and TRUNCATE) while the triggers stand', async () => {
    await expect(db.query(`UPDATE access_log SET level = 'PSEUDONYM' WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM access_log WHERE seq = 2')).rejects.toThrow(/append-only/);
    if (onPostgres) await expect(db.query('TRUNCATE access_log')).rejects.toThrow(/append-only/);
  });
});

/**
 * A database written by an earlier version holds SHA-256 entries with outcome 'OK' and none of the
 * NEN 7513 columns. After the migration they keep verifying and read as SUCCESS; the first keyed
 * entry protects them.
 */
describe('Entries from before the keyed chain', () => {
  const { t } = useTestApp({ perTest: true });
  let db: DataSource;
  beforeEach(() => {
    db = t.app.get(DataSource);
  });

  /** Rolls the last migration back, writes five entries as the earlier version did, and migrates again. */
  async function legacyEntries(networkId: string): Promise<void> {
    await db.undoLastMigration({ transaction: 'each' });
    const atColumn = db.getMetadata(AccessLogEntry).findColumnWithPropertyName('at')!;
    let prevHash = GENESIS;
    const base = Date.parse('2026-10-01T08:00:00.000Z');
    for (let seq = 1; seq <= 5; seq++) {
      const at = new Date(base + seq * 60_000);
      const row = {
        seq,
        at,
        userId: randomUUID(),
        organisationId: randomUUID(),
        role: 'COORDINATOR',
        networkId,
        caseId: randomUUID(),
        questionId: null,
        action: 'VIEW' as const,
        level: 'FULL',
        context: 'DOSSIER',
        ip: '::1',
        outcome: 'OK' as const,
        prevHash,
      };
      const hash = legacyHash({
        ...row,
        eventId: null,
        objectType: null,
        objectId: null,
        subjectUserId: null,
        subjectOrganisationId: null,
        subjectRole: null,
        chain: null,
      });
      const values = [
        seq,
        db.driver.preparePersistentValue(at, atColumn),
        row.userId,
        row.organisationId,
        row.role,
        networkId,
        row.caseId,
        row.action,
        row.level,
        row.context,
        row.ip,
        row.outcome,
        prevHash,
        hash,
      ];
      const placeholders = values.map((_, i) => (onPostgres ? `$${i + 1}` : '?')).join(', ');
      await db.query(
        `INSERT INTO access_log ("seq", "at", "userId", "organisationId", "role", "networkId", "caseId", "action", "level", "context", "ip", "outcome", "prevHash", "hash") VALUES (${placeholders})`,
        values,
      );
      prevHash = hash;
    }
    await db.runMigrations({ transaction: 'each' });
  }

  it('verifies them after the migration, shows them as SUCCESS, and chains new entries onto them', async () => {
    const networkId = randomUUID();
    await legacyEntries(networkId);
    const log = t.app.get(AccessLogService);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 5 });
    const listed = await log.list(networkId);
    expect(listed.map((e) => [e.seq, e.outcome, e.eventId])).toEqual([5, 4, 3, 2, 1].map((seq) => [seq, 'SUCCESS', null]));
    expect((await log.list(networkId, { outcome: 'SUCCESS' })).length).toBe(5);

    await log.record([{ viewer: null, role: null, networkId, caseId: null, action: 'ERASE', level: null, context: null }]);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 6 });
    const sixth = await db.getRepository(AccessLogEntry).findOneByOrFail({ seq: 6 });
    expect(sixth).toMatchObject({ chain: KEYED_CHAIN, outcome: 'SUCCESS', eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // The chain key comes from the data key: the database alone cannot produce it.
    const { hash, ...fields } = sixth;
    expect(keyedHash(accessLogKeys(Buffer.from(TEST_DATA_KEY, 'base64')).chainKey, fields)).toBe(hash);

    // The migration put the triggers back.
    await expect(db.query(`UPDATE access_log SET level = 'PSEUDONYM' WHERE seq = 2`)).rejects.toThrow(/append-only/);
  });

  it('shows an edit of an old entry, even with the old chain recomputed, at the first keyed entry', async () => {
    const networkId = randomUUID();
    await legacyEntries(networkId);
    const log = t.app.get(AccessLogService);
    await log.record([{ viewer: null, role: null, networkId, caseId: null, action: 'ERASE', level: null, context: null }]);
    if (onPostgres) await db.query('DROP TRIGGER access_log_append_only ON access_log');
    else await db.query('DROP TRIGGER access_log_no_update');
    // Entry 3 altered and 3..5 recomputed with SHA-256, which anyone can do.
    const repo = db.getRepository(AccessLogEntry);
    let prevHash = (await repo.findOneByOrFail({ seq: 2 })).hash;
    for (const seq of [3, 4, 5]) {
      const { hash: _old, ...row } = await repo.findOneByOrFail({ seq });
      const fields = { ...row, level: seq === 3 ? 'PSEUDONYM' : row.level, prevHash };
      const hash = legacyHash(fields);
      await db.query(`UPDATE access_log SET level = '${fields.level}', "prevHash" = '${prevHash}', hash = '${hash}' WHERE seq = ${seq}`);
      prevHash = hash;
    }
    expect(await log.verify()).toMatchObject({ ok: false, entries: 5, brokenAt: 6 });
  });
});
