import { DataSource, type EntitySubscriberInterface } from 'typeorm';
import type { BeforeQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import type { TestApp } from './test-app';

/**
 * Watches and steers the SQL statements the app sends, through a TypeORM subscriber on the test
 * app's connection: it sees every statement of every query runner, transactions included.
 */
export class Statements implements EntitySubscriberInterface {
  private recording: string[] | null = null;
  private failing: { pattern: RegExp; error: string } | null = null;
  private yielding = false;

  static on(t: TestApp): Statements {
    const statements = new Statements();
    t.app.get(DataSource).subscribers.push(statements);
    return statements;
  }

  beforeQuery(event: BeforeQueryEvent): Promise<void> | void {
    this.recording?.push(event.query);
    if (this.failing?.pattern.test(event.query)) throw new Error(this.failing.error);
    // better-sqlite3 answers synchronously, so a request on SQLite would otherwise run from start to
    // end without letting another in: a pause before each statement interleaves concurrent requests
    // as a networked database (PostgreSQL) does.
    if (this.yielding) return new Promise((resolve) => setImmediate(resolve));
  }

  /** The statements sent while `work` ran (tests send one request at a time). */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    this.recording = [];
    try {
      await work();
      return this.recording;
    } finally {
      this.recording = null;
    }
  }

  /** While `work` runs, the first statement matching `pattern` fails, as a full disk or a lost connection would. */
  async failingOn<T>(pattern: RegExp, work: () => Promise<T>): Promise<T> {
    this.failing = { pattern, error: 'Injected failure (test)' };
    try {
      return await work();
    } finally {
      this.failing = null;
    }
  }

  /** While `work` runs, every statement waits a turn of the event loop first, so that concurrent requests interleave. */
  async interleaved<T>(work: () => Promise<T>): Promise<T> {
    this.yielding = true;
    try {
      return await work();
    } finally {
      this.yielding = false;
    }
  }
}
