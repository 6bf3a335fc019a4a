import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AccessLogVerification } from '@casustafel/contract/access-log';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/app-config';
import { AccessLogAnchor } from '../privacy/access-log-anchor';
import { AccessLogEntry } from '../privacy/access-log-entry.entity';
import { AccessLogService } from '../privacy/access-log.service';
import { IdentityCipher } from '../privacy/identity-cipher';

/**
 * Back-up and restore of the configured database (issue #15): SQLite with the online backup API of
 * better-sqlite3 (a consistent copy while the app runs), PostgreSQL with pg_dump -Fc and pg_restore.
 * The data key is never part of a back-up. Used by `npm run backup` / `npm run restore` and the
 * round-trip test; every message is Dutch, for the operator.
 */

/** A back-up or restore that was refused or failed; the message says why, in Dutch, without secrets. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export type DatabaseKind = 'sqlite' | 'postgres';

export interface BackupResult {
  kind: DatabaseKind;
  /** The SQLite file, or the PostgreSQL database (host/name, without password). */
  source: string;
  file: string;
  bytes: number;
}

export interface RestoreResult {
  kind: DatabaseKind;
  target: string;
  file: string;
  /**
   * Whether the configured data key decrypts the identities in the restored database (null: it holds
   * none). When false, nothing else was done: no anchor touched, no verification.
   */
  keyMatches: boolean | null;
  /** The access log checked against the anchor, after the restore; null when the key does not match. */
  verification: AccessLogVerification | null;
  /** With `newAnchor`: where the previous anchor was kept, and how the restored log relates to it. */
  previousAnchor: PreviousAnchor | null;
}

export interface PreviousAnchor {
  /** The anchor as it was before the restore, renamed, kept as evidence. */
  keptAs: string;
  /** Its head, when it verified under the data key; null when it did not. */
  seq: number | null;
  /** Whether the restored log's entry at that head has the same hash (null: the log is shorter, or no head). */
  matches: boolean | null;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const PG_DUMP_MAGIC = 'PGDMP';

export function databaseKind(config: AppConfig): DatabaseKind {
  return config.databaseUrl ? 'postgres' : 'sqlite';
}

/**
 * Writes a back-up of the configured database to `out`, with mode 0600. Refuses to overwrite an
 * existing file unless `force`. The file is written beside `out` first and appears only when complete.
 */
export async function backupDatabase(config: AppConfig, out: string, options: { force?: boolean } = {}): Promise<BackupResult> {
  const file = resolve(out);
  if (existsSync(file) && !options.force) {
    throw new BackupError(`${file} bestaat al. Kies een andere naam, of overschrijf hem met --force.`);
  }
  if (!existsSync(dirname(file))) throw new BackupError(`De map ${dirname(file)} bestaat niet.`);
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, '', { mode: 0o600, flag: 'wx' });
  try {
    const source = config.databaseUrl ? await dumpPostgres(config.databaseUrl, temporary) : await copySqlite(config, temporary);
    chmodSync(temporary, 0o600);
    place(temporary, file, options.force ?? false);
    return { kind: databaseKind(config), source, file, bytes: statSync(file).size };
  } finally {
    removeSqliteFile(temporary);
  }
}

async function copySqlite(config: AppConfig, temporary: string): Promise<string> {
  const path = config.databasePath;
  if (path === ':memory:') throw new BackupError('Een database in het geheugen (:memory:) heeft geen back-up.');
  if (!existsSync(path)) throw new BackupError(`De database ${path} bestaat niet.`);
  const db = new Database(path, { fileMustExist: true, timeout: 5000 });
  try {
    // The online backup API: page by page, consistent even while the app writes.
    await db.backup(temporary);
  } finally {
    db.close();
  }
  // One self-contained file: the copy carries the WAL flag of the original; a back-up needs no -wal beside it.
  const copy = new Database(temporary, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    if (!hasMigrationsTable(copy)) throw new BackupError(`${path} is geen database van Casustafel: de tabel migrations ontbreekt.`);
  } finally {
    copy.close();
  }
  return path;
}

async function dumpPostgres(url: string, temporary: string): Promise<string> {
  const { target, env } = connection(url);
  await run(postgresTool('pg_dump'), ['--format=custom', '--file', temporary, '--dbname', target.href], env, 'pg_dump');
  return `${target.host}${target.pathname}`;
}

/**
 * Puts a back-up back into the configured database: SQLite by replacing the file atomically
 * (a copy beside it, checked, then renamed), PostgreSQL with pg_restore --clean --if-exists.
 * Refuses while Casustafel still uses the database. Then checks that the data key decrypts the
 * identities and verifies the access log against its anchor. With `newAnchor` the current anchor
 * is first renamed (kept as evidence) and a new one is made from the restored head.
 */
export async function restoreDatabase(
  config: AppConfig,
  backupFile: string,
  options: { newAnchor?: boolean; logger?: LoggerService | false } = {},
): Promise<RestoreResult> {
  const file = resolve(backupFile);
  if (!existsSync(file)) throw new BackupError(`${file} bestaat niet.`);
  const kind = databaseKind(config);
  const target = config.databaseUrl ? await restorePostgres(config, file) : await restoreSqlite(config, file);
  const base = { kind, target, file };

  const keyMatches = await identityKeyMatches(config);
  if (keyMatches === false) return { ...base, keyMatches, verification: null, previousAnchor: null };

  let keptAs: string | null = null;
  const anchorPath = config.accessLogAnchorPath;
  if (options.newAnchor && anchorPath && existsSync(anchorPath)) {
    keptAs = `${anchorPath}.voor-herstel-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(anchorPath, keptAs);
  }
  const previous = keptAs ? await new AccessLogAnchor(withSettings(config, { accessLogAnchorPath: keptAs })).read() : null;

  // The app's own code checks the log (and runs any newer migrations): no schedule, no mail, no HTTP.
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, undefined, { serve: false }), {
    logger: options.logger ?? ['warn', 'error'],
  });
  try {
    const verification = await app.get(AccessLogService).verify();
    let previousAnchor: PreviousAnchor | null = null;
    if (keptAs) {
      const head = previous?.state === 'valid' ? previous.head : null;
      const entry = head ? await app.get(DataSource).getRepository(AccessLogEntry).findOneBy({ seq: head.seq }) : null;
      previousAnchor = { keptAs, seq: head?.seq ?? null, matches: head && entry ? entry.hash === head.hash : null };
    }
    return { ...base, keyMatches, verification, previousAnchor };
  } finally {
    await app.close();
  }
}

async function restoreSqlite(config: AppConfig, file: string): Promise<string> {
  const target = config.databasePath;
  if (target === ':memory:') throw new BackupError('Terugzetten in een database in het geheugen (:memory:) kan niet.');
  if (readMagic(file, SQLITE_MAGIC.length) !== SQLITE_MAGIC) throw new BackupError(`${file} is geen SQLite-database.`);
  // A -wal beside the database: a connection is open (Casustafel runs), or it stopped without closing.
  if (existsSync(`${target}-wal`)) {
    throw new BackupError(
      `Naast ${target} staat nog een -wal-bestand: Casustafel gebruikt de database nog. Stop Casustafel eerst ` +
        `(stopte het niet netjes, start en stop het dan eenmaal, zodat SQLite het logbestand verwerkt).`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.herstel-${process.pid}.tmp`;
  try {
    copyFileSync(file, temporary, constants.COPYFILE_EXCL);
    chmodSync(temporary, 0o600);
    let db: Database.Database | undefined;
    try {
      db = new Database(temporary, { fileMustExist: true });
      const ok = db.pragma('quick_check', { simple: true });
      if (ok !== 'ok') throw new BackupError(`${file} is beschadigd (quick_check: ${String(ok)}).`);
      if (!hasMigrationsTable(db)) throw new BackupError(`${file} is geen back-up van Casustafel: de tabel migrations ontbreekt.`);
      db.pragma('journal_mode = DELETE');
      const key = keyCheck(
        config,
        db.prepare('SELECT "caseId", ciphertext FROM client_identities LIMIT 1').get() as IdentityRow | undefined,
      );
      if (key === false) {
        throw new BackupError(
          'De ingestelde sleutel (CASUSTAFEL_DATA_KEY) past niet bij deze back-up: de identiteiten zijn ermee niet te ontsleutelen. ' +
            'Niets teruggezet. Zet de sleutel van de installatie waar de back-up vandaan komt.',
        );
      }
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(`${file} is geen leesbare SQLite-database (${error instanceof Error ? error.message : 'onbekende fout'}).`);
    } finally {
      db?.close();
    }
    renameSync(temporary, target);
    return target;
  } finally {
    removeSqliteFile(temporary);
  }
}

async function restorePostgres(config: AppConfig, file: string): Promise<string> {
  if (readMagic(file, PG_DUMP_MAGIC.length) !== PG_DUMP_MAGIC) {
    throw new BackupError(`${file} is geen back-up van pg_dump in het custom-formaat (-Fc).`);
  }
  const { target, env } = connection(config.databaseUrl!);
  const others = await withClient(config.databaseUrl!, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    return rows[0]?.n ?? 0;
  });
  if (others > 0) {
    throw new BackupError(
      `Er ${others === 1 ? 'is nog 1 andere verbinding' : `zijn nog ${others} andere verbindingen`} met de database: stop Casustafel eerst.`,
    );
  }
  await run(
    postgresTool('pg_restore'),
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', target.href, file],
    env,
    'pg_restore',
  );
  return `${target.host}${target.pathname}`;
}

/** What the restore did and what to do next, in Dutch. */
export function restoreReport(result: RestoreResult, file: string): { lines: string[]; ok: boolean } {
  const lines = [`Teruggezet: ${result.file} → ${result.target} (${result.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL, pg_restore'}).`];
  lines.push(
    'De sleutel zit niet in de back-up; bewaar hem apart. Casustafel leest deze database alleen met de sleutel waarmee de back-up gemaakt is.',
  );
  if (result.keyMatches === false) {
    lines.push(
      'LET OP: de ingestelde sleutel past niet bij deze database: de identiteiten zijn ermee niet te ontsleutelen. Anker en toegangslogboek zijn niet aangeraakt.',
      'Zet de sleutel van de installatie waar de back-up vandaan komt, en controleer daarna het logboek met npm run verify-log.',
    );
    return { lines, ok: false };
  }
  let ok = true;
  const v = result.verification!;
  const prev = result.previousAnchor;
  if (prev) {
    lines.push(
      `Het vorige anker is bewaard als ${prev.keptAs}; er is een nieuw anker gemaakt vanaf regel ${v.entries} van de teruggezette database.`,
    );
    if (prev.seq === null) {
      lines.push('Het vorige anker was ongeldig (niet ondertekend met deze sleutel): bewaar het voor onderzoek.');
    } else if (prev.seq > v.entries) {
      lines.push(
        `Het logboek liep vóór het terugzetten tot regel ${prev.seq}; de back-up eindigt bij regel ${v.entries}. ` +
          `Regels ${v.entries + 1} tot en met ${prev.seq} (van na de back-up) zijn met het terugzetten verdwenen: leg dat vast bij het incident.`,
      );
    } else if (prev.matches === false) {
      ok = false;
      lines.push(
        `LET OP: regel ${prev.seq} van de teruggezette database wijkt af van het vorige anker: deze back-up hoort niet bij dit logboek, of is gewijzigd.`,
      );
    }
  }
  if (v.ok) {
    lines.push(`Toegangslogboek intact: ${v.entries} regels${v.anchor ? `, anker bij regel ${v.anchor.seq}` : ''}.`);
  } else if (!prev && v.anchor && v.anchor.seq > v.entries && v.brokenAt === v.entries + 1) {
    ok = false;
    lines.push(
      `Toegangslogboek korter dan het anker: ${v.reason ?? ''}`,
      `Dat is te verwachten na het terugzetten van een oudere back-up: de back-up eindigt bij regel ${v.entries}, het anker buiten de database wijst naar regel ${v.anchor.seq}; ` +
        `de regels daartussen zijn van na de back-up.`,
      'Start Casustafel nog niet: het zou na het anker verder schrijven en het gat bleef voorgoed in het logboek.',
      `Leg het incident vast (welke back-up, wanneer, waarom), zet dan het anker opzij met: npm run restore -- ${file} --new-anchor`,
      '(het huidige anker blijft bewaard als bewijs, de volgende controle begint bij de teruggezette database).',
    );
  } else {
    ok = false;
    lines.push(
      `Toegangslogboek NIET intact${v.brokenAt ? ` vanaf regel ${v.brokenAt}` : ''}: ${v.reason ?? ''}`,
      'Start Casustafel pas als dit onderzocht is (is het de juiste back-up, en de juiste sleutel?).',
    );
  }
  // Erasing writes ERASE entries to the log: only once the log and its anchor agree.
  if (ok)
    lines.push(
      'Voer npm run retention uit voordat Casustafel start: identiteiten die na de back-up gewist zijn, staan er weer in en worden zo opnieuw gewist.',
    );
  return { lines, ok };
}

type IdentityRow = { caseId: string; ciphertext: string };

/** Whether the configured key decrypts an identity of the restored database; null when there is none. */
async function identityKeyMatches(config: AppConfig): Promise<boolean | null> {
  if (!config.databaseUrl) {
    const db = new Database(config.databasePath, { fileMustExist: true, readonly: true });
    try {
      return keyCheck(config, db.prepare('SELECT "caseId", ciphertext FROM client_identities LIMIT 1').get() as IdentityRow | undefined);
    } finally {
      db.close();
    }
  }
  const row = await withClient(config.databaseUrl, async (client) => {
    const { rows } = await client.query<IdentityRow>('SELECT "caseId", ciphertext FROM client_identities LIMIT 1');
    return rows[0];
  });
  return keyCheck(config, row);
}

function keyCheck(config: AppConfig, row: IdentityRow | undefined): boolean | null {
  if (!row) return null;
  try {
    new IdentityCipher(config).decrypt(row.ciphertext, row.caseId);
    return true;
  } catch {
    return false;
  }
}

function hasMigrationsTable(db: Database.Database): boolean {
  return !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).get();
}

function readMagic(file: string, length: number): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Moves the finished file into place: without `force` only when the name is still free (link fails on an existing name). */
function place(temporary: string, file: string, force: boolean): void {
  if (force) {
    renameSync(temporary, file);
    return;
  }
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new BackupError(`${file} bestaat al. Kies een andere naam, of overschrijf hem met --force.`);
    }
    // A file system without hard links: check, then rename.
    if (existsSync(file)) throw new BackupError(`${file} bestaat al. Kies een andere naam, of overschrijf hem met --force.`);
    renameSync(temporary, file);
  }
}

function removeSqliteFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** The URL without its password (which goes to the tools in PGPASSWORD, not on the command line where ps shows it). */
function connection(url: string): { target: URL; env: NodeJS.ProcessEnv } {
  const target = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (target.password) {
    env['PGPASSWORD'] = decodeURIComponent(target.password);
    target.password = '';
  }
  return { target, env };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * pg_dump or pg_restore: from PATH (Debian's postgresql-client), else the newest
 * /usr/lib/postgresql/<version>/bin, where `npm run test:pg` finds initdb as well.
 */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of (process.env['PATH'] ?? '').split(':').filter(Boolean)) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+(\.\d+)?$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const path = join(root, version, 'bin', name);
    if (existsSync(path)) return path;
  }
  throw new BackupError(`${name} niet gevonden. Installeer de PostgreSQL-client (Debian/Ubuntu: apt-get install postgresql-client).`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, label: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolvePromise();
      const detail = String(stderr).trim().split('\n').slice(0, 5).join(' ') || error.message;
      reject(new BackupError(`${label} mislukte: ${detail}`));
    });
  });
}

/** A copy of the configuration with some settings changed (AppConfig has getters, so not a plain spread). */
function withSettings(config: AppConfig, settings: Partial<AppConfig>): AppConfig {
  return Object.assign(Object.create(AppConfig.prototype) as AppConfig, config, settings);
}
