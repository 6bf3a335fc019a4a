import 'reflect-metadata';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AccountService } from '../../src/auth/account.service';
import { MailMessage } from '../../src/mail/mail-message.entity';
import { MailWorker } from '../../src/mail/mail-worker';
import { configureApp } from '../../src/bootstrap';
import { FixedClock } from '../../src/common/clock';
import { readConfig } from '../../src/config/app-config';

// The real app over HTTP, with argon2 hashing for every account a test makes: set-up hooks take
// seconds, more on a busy two-core machine.
jest.setTimeout(60_000);

export const ADMIN = { email: 'admin@casustafel.test', password: 'beheerder-wachtwoord-1' };
export const PASSWORD = 'een-goed-wachtwoord-42';
/** A fixed key for tests (never used outside them). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

export type Agent = InstanceType<typeof TestAgent>;

/**
 * A real Casustafel app over HTTP: in-memory SQLite with the migrations run, or, when
 * TEST_DATABASE_URL points at a PostgreSQL server (npm run test:pg), a fresh database there.
 */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly clock: FixedClock,
    private readonly dropDatabase: () => Promise<void>,
    /** The signed head of the access log, in a folder of this app's own. */
    readonly anchorPath: string,
  ) {}

  /**
   * `logger` receives everything the app logs (by default nothing is logged). `logDestination` instead
   * makes the app log as main.ts does, through its JSON (pino) logger, into this stream (LOG_LEVEL info
   * unless `env` says otherwise).
   */
  static async start(
    env: Record<string, string> = {},
    options: {
      logger?: LoggerService;
      logDestination?: DestinationStream;
      /** A clock shared with other apps (two instances in one test); by default a new one. */
      clock?: FixedClock;
      /** A PostgreSQL database another app uses too (made with {@link TestDatabase.fresh}); it outlives this app. */
      database?: TestDatabase;
    } = {},
  ): Promise<TestApp> {
    const clock = options.clock ?? new FixedClock();
    const { url, drop } = options.database ? { url: options.database.url, drop: async () => undefined } : await TestDatabase.fresh();
    const anchorDir = mkdtempSync(join(tmpdir(), 'casustafel-anchor-'));
    const anchorPath = env['ACCESS_LOG_ANCHOR_PATH'] ?? join(anchorDir, 'access-log-anchor.json');
    const cleanUp = async () => {
      await drop();
      rmSync(anchorDir, { recursive: true, force: true });
    };
    const config = readConfig({
      NODE_ENV: 'test',
      DATABASE_PATH: ':memory:',
      ...(url ? { DATABASE_URL: url } : {}),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO_DATA: 'false',
      CLIENT_DIST: '/nonexistent',
      CASUSTAFEL_DATA_KEY: TEST_DATA_KEY,
      // The mail worker runs when a test says so (t.sendMail()); without SMTP_URL it writes .eml files here.
      MAIL_INTERVAL_SECONDS: '0',
      MAIL_OUTBOX_DIR: join(anchorDir, 'outbox'),
      // Silent unless a test reads the JSON log (an env with NODE_ENV=production would otherwise log to stdout).
      LOG_LEVEL: options.logDestination ? 'info' : 'silent',
      ...env,
      ACCESS_LOG_ANCHOR_PATH: anchorPath,
    });
    // Built as main.ts builds it: a Nest testing module creates its providers before the HTTP
    // adapter exists, so the static-client module would silently serve nothing.
    let app: INestApplication | undefined;
    try {
      app = await NestFactory.create(AppModule.forRoot(config, clock, { logDestination: options.logDestination }), {
        logger: options.logDestination ? undefined : (options.logger ?? false),
        bufferLogs: !!options.logDestination,
        bodyParser: false,
        abortOnError: false,
      });
      if (options.logDestination) {
        app.useLogger(app.get(PinoNestLogger));
        app.flushLogs();
      }
      configureApp(app, config);
      await app.init();
      // The schedules never fire by themselves in a test: a real 03:00 or ten-minute mark during the run
      // would act on the test clock's day (and claim its slot, ADR 0026). Tests call them.
      for (const job of app.get(SchedulerRegistry).getCronJobs().values()) void job.stop();
    } catch (error) {
      await app?.close().catch(() => undefined);
      await cleanUp();
      throw error;
    }
    return new TestApp(app, clock, cleanUp, anchorPath);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDatabase();
  }

  /** A client without a session. */
  anonymous(): Agent {
    return request.agent(this.app.getHttpServer());
  }

  /** A client with a session for these credentials (fails the test when the login fails). */
  async login(email: string, password = PASSWORD): Promise<Agent> {
    const agent = this.anonymous();
    await agent.post('/api/auth/login').send({ email, password }).expect(200);
    return agent;
  }

  admin(): Promise<Agent> {
    return this.login(ADMIN.email, ADMIN.password);
  }

  /** The token in the newest link of this kind mailed to this address that is still in the outbox (not yet sent). */
  async mailedToken(email: string, template: 'activation' | 'passwordReset'): Promise<string> {
    await this.app.get(AccountService).settled();
    const [message] = await this.app
      .get(DataSource)
      .getRepository(MailMessage)
      .find({ where: { recipient: email.toLowerCase(), template }, order: { createdAt: 'DESC', id: 'DESC' }, take: 1 });
    const link = message ? (JSON.parse(message.data) as { link?: string }).link : undefined;
    if (!link) throw new Error(`No ${template} mail for ${email} in the outbox`);
    return new URL(link).searchParams.get('token')!;
  }

  /** Runs the mail worker once (it never runs by itself in tests); returns how many messages went out. */
  async sendMail(): Promise<number> {
    await this.app.get(AccountService).settled();
    return this.app.get(MailWorker).runOnce();
  }
}

/** A fresh PostgreSQL database for one spec (url null on SQLite, without TEST_DATABASE_URL); `drop` removes it. */
export interface TestDatabase {
  url: string | null;
  drop(): Promise<void>;
}

export const TestDatabase = { fresh: freshPostgresDatabase };

async function freshPostgresDatabase(): Promise<TestDatabase> {
  const base = process.env['TEST_DATABASE_URL'];
  if (!base) return { url: null, drop: async () => undefined };
  const name = `casustafel_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Keeps every line the app logs, to check that no identifying data reaches the log. */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep(level: string, message: unknown, rest: unknown[]): void {
    this.lines.push(
      [level, message, ...rest]
        .map((part) =>
          part instanceof Error ? `${part.name}: ${part.message}\n${part.stack}` : typeof part === 'string' ? part : JSON.stringify(part),
        )
        .join(' '),
    );
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.keep('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.keep('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.keep('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.keep('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.keep('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.keep('fatal', message, rest);
  }
}
