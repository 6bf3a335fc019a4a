import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate } from 'node:timers/promises';
import { DataSource, type EntityManager, type ObjectLiteral, type Repository } from 'typeorm';

const insideUnit = new AsyncLocalStorage<true>();

/**
 * Writes that belong together — an action and its history event, closing a meeting and drafting
 * its minutes, a question and the case it became — commit together or not at all: one transaction,
 * whose EntityManager every service that writes in it receives (ADR 0010).
 *
 * On SQLite, TypeORM's better-sqlite3 driver has a single connection for the whole process: two
 * transactions at once would nest as savepoints of each other and commit or roll back each
 * other's work. Units therefore take turns there. On PostgreSQL each unit has its own connection.
 *
 * The access log is written after the commit, never inside a unit: AccessLogService.record
 * refuses to run inside one.
 */
@Injectable()
export class UnitOfWork {
  private turn: Promise<unknown> = Promise.resolve();
  private readonly oneAtATime: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.oneAtATime = dataSource.options.type === 'better-sqlite3';
  }

  /** Whether the caller runs inside a unit of work. */
  static active(): boolean {
    return insideUnit.getStore() === true;
  }

  /**
   * Runs `work` in a transaction of its own and returns its result; rolls back when it throws.
   * With `within`, the manager of a unit already under way, `work` becomes part of that unit.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, within?: EntityManager): Promise<T> {
    if (within) return work(within);
    if (UnitOfWork.active()) throw new Error('A unit of work started inside another: pass the EntityManager of the first one down.');
    const transaction = () => insideUnit.run(true, () => this.dataSource.transaction(work));
    if (!this.oneAtATime) return transaction();
    const run = this.turn.then(transaction);
    this.turn = run.catch(() => undefined);
    return run;
  }
}

/** The repository itself, or the same repository inside the unit of work `manager` belongs to. */
export function within<T extends ObjectLiteral>(repository: Repository<T>, manager?: EntityManager): Repository<T> {
  return manager ? manager.withRepository(repository) : repository;
}

/** A write refused by a unique index: another request took the same number or key first. */
export function isUniqueViolation(error: unknown): boolean {
  return /unique|duplicate/i.test(String((error as Error)?.message));
}

/**
 * Lets the event loop serve what else is waiting before a long read goes on. On SQLite every query
 * is synchronous (better-sqlite3), so a chain of awaits on queries never gives the loop a turn: the
 * view behind a minutes PDF — dozens of queries and the disclosure decisions — would hold every
 * other request up for its whole length (issue #15). Never inside a unit of work: its transaction
 * holds SQLite's one connection, and whatever ran meanwhile would run inside it.
 */
export async function nextTurn(): Promise<void> {
  if (!UnitOfWork.active()) await setImmediate();
}
