import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, LessThan, type EntityManager, type Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { JobRun } from './job-run.entity';

/**
 * What must happen once although several API instances share one PostgreSQL database (ADR 0026), in
 * one place: migrations and start-up work under an advisory lock (the second instance waits, then
 * finds nothing left to do), scheduled jobs by claiming their slot in `job_runs`, and a short
 * transaction-level lock for the access log's appends. On SQLite — one process — the locks are no-ops
 * and the slot claims work as they do on PostgreSQL.
 */

/** The first key of every advisory lock Casustafel takes ("Casu"), to keep its locks apart from anyone else's in the database. */
const LOCK_CLASS = 0x43617375;
/** Slot claims are kept this long, as a record of what ran when; a later claim clears older ones. */
const KEEP_RUNS_DAYS = 30;

/** The two int4 keys of PostgreSQL's advisory lock for this name. */
export function lockKeys(name: string): [number, number] {
  return [LOCK_CLASS, createHash('sha256').update(name).digest().readInt32BE(0)];
}

const onPostgres = (dataSource: DataSource): boolean => dataSource.options.type === 'postgres';

/**
 * Runs `work` while a connection of its own holds PostgreSQL's session advisory lock for `name`: an
 * instance asking for the same lock waits until `work` is done. The lock belongs to the connection, so
 * an instance that dies does not leave it behind. On SQLite `work` simply runs.
 */
export async function withAdvisoryLock<T>(dataSource: DataSource, name: string, work: () => Promise<T>): Promise<T> {
  if (!onPostgres(dataSource)) return work();
  const keys = lockKeys(name);
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1, $2)', keys);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1, $2)', keys);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Inside a transaction: waits for PostgreSQL's transaction-level advisory lock for `name`, held until
 * the transaction ends, so that such transactions of all instances take turns. On SQLite nothing: its
 * writes take turns already.
 */
export async function lockForTransaction(manager: EntityManager, name: string): Promise<void> {
  if (manager.connection.options.type === 'postgres') await manager.query('SELECT pg_advisory_xact_lock($1, $2)', lockKeys(name));
}

/**
 * Runs the pending migrations, each in its own transaction, under the advisory lock "migrations": of
 * instances starting together on an empty database one migrates, the others wait and find nothing
 * pending. TypeORM itself takes no lock. Returns the data source, or closes it when they fail.
 */
export async function migrateOnce(dataSource: DataSource): Promise<DataSource> {
  try {
    await withAdvisoryLock(dataSource, 'migrations', () => dataSource.runMigrations({ transaction: 'each' }));
    return dataSource;
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

export type SlotRun<T> = { ran: true; result: T } | { ran: false };

@Injectable()
export class RunOnce {
  /** Per lock name, the end of the last holder's turn in this process. */
  private readonly turns = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(JobRun) private readonly runs: Repository<JobRun>,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs the job for this slot (an Amsterdam day, ten minutes) unless the slot was claimed already, by
   * another instance or by this one. The claim is the row (job, slot), inserted before the work
   * starts: the instance whose row it is runs; every other skips the slot. A run that fails, or whose
   * instance stops halfway, is not taken over: the job's next slot catches up.
   */
  async inSlot<T>(job: string, slot: string, work: () => Promise<T>): Promise<SlotRun<T>> {
    if (!(await this.claim(job, slot))) return { ran: false };
    const result = await work();
    await this.runs.update({ job, slot }, { finishedAt: this.clock.now() });
    return { ran: true, result };
  }

  /**
   * Runs `work` under the advisory lock `name` (see withAdvisoryLock): an instance asking for it
   * meanwhile waits. Within this process callers take turns first (on SQLite that is all there is).
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const run = (this.turns.get(name) ?? Promise.resolve()).then(() => withAdvisoryLock(this.dataSource, name, work));
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.turns.set(name, settled);
    void settled.then(() => this.turns.get(name) === settled && this.turns.delete(name));
    return run;
  }

  private async claim(job: string, slot: string): Promise<boolean> {
    const now = this.clock.now();
    const claimId = randomUUID();
    await this.runs.delete({ startedAt: LessThan(new Date(now.getTime() - KEEP_RUNS_DAYS * 86_400_000)) });
    // INSERT … ON CONFLICT DO NOTHING (PostgreSQL), INSERT OR IGNORE (SQLite): a taken slot is no error.
    await this.runs.createQueryBuilder().insert().values({ job, slot, claimId, startedAt: now, finishedAt: null }).orIgnore().execute();
    return (await this.runs.findOneBy({ job, slot }))?.claimId === claimId;
  }
}
