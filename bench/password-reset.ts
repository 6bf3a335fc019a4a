/**
 * Benchmark (not a test): asking for a password reset must take as long for an unknown address as
 * for a known one, so that the answer's time does not tell whether someone has an account (issue
 * #11). Through the real app over HTTP (supertest, in-memory SQLite, the demo accounts): POST
 * /api/auth/password-reset for a known and an unknown address, against GET /api/health as the
 * floor. The clock moves an hour between requests so that the throttle never answers instead.
 * Run: npm run bench
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppModule } from '../api/src/app.module';
import { AccountService } from '../api/src/auth/account.service';
import { configureApp } from '../api/src/bootstrap';
import { FixedClock } from '../api/src/common/clock';
import { readConfig } from '../api/src/config/app-config';
import { middle, writeSection } from './report';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 30);
const KNOWN = 'coordinator.noord@demo.casustafel.nl';
const UNKNOWN = 'niemand.bekend@demo.casustafel.nl';

async function main(): Promise<void> {
  const outbox = mkdtempSync(join(tmpdir(), 'casustafel-bench-'));
  const config = readConfig({
    NODE_ENV: 'development',
    DATABASE_PATH: ':memory:',
    SEED_DEMO_DATA: 'true',
    CLIENT_DIST: '/nonexistent',
    CASUSTAFEL_DATA_KEY: randomBytes(32).toString('base64'),
    MAIL_INTERVAL_SECONDS: '0',
    MAIL_OUTBOX_DIR: outbox,
    ACCESS_LOG_ANCHOR_PATH: join(outbox, 'anchor.json'),
  });
  const clock = new FixedClock();
  const app = await NestFactory.create(AppModule.forRoot(config, clock), { logger: false, bodyParser: false });
  configureApp(app, config);
  await app.init();
  const http = request(app.getHttpServer());
  const account = app.get(AccountService);

  // Timed on the server, from the request's arrival to the moment the whole answer is handed to the
  // network ('finish'): what someone across the network sees, without this process's own client, which
  // shares the event loop with the work done after the answer.
  let answered = 0;
  app.getHttpServer().on('request', (_req: IncomingMessage, res: ServerResponse) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => (answered = Number(process.hrtime.bigint() - start) / 1e6));
  });
  /** The time until the answer; then, untimed, the work after it (the mail for a known address) is let finish. */
  const ask = async (email: string): Promise<number> => {
    clock.advanceMinutes(61);
    const res = await http.post('/api/auth/password-reset').send({ email });
    if (res.status !== 202) throw new Error(`reset answered ${res.status}`);
    const ms = answered;
    await account.settled();
    return ms;
  };
  // Known and unknown take turns, so that the machine's load falls on both alike.
  const known: number[] = [];
  const unknown: number[] = [];
  await ask(KNOWN);
  await ask(UNKNOWN);
  for (let i = 0; i < RUNS; i++) {
    known.push(await ask(KNOWN));
    unknown.push(await ask(UNKNOWN));
  }
  const health: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await http.get('/api/health').expect(200);
    health.push(answered);
  }
  await app.close();
  rmSync(outbox, { recursive: true, force: true });

  const k = middle(known);
  const u = middle(unknown);
  const cpu = cpus()[0]?.model ?? 'unknown';
  writeSection(
    'password-reset',
    `## Password reset: the same answer in the same time (\`bench/password-reset.ts\`)

POST /api/auth/password-reset through the real app over HTTP, for an address with an account and for
one without, taking turns; the clock moves an hour between requests so that the throttle never
answers instead. Timed on the server from the request's arrival until the whole answer is handed to
the network. Floor: GET /api/health, timed the same way. Median of ${RUNS} runs each after one warm-up, in-memory
SQLite, on ${cpus().length} × ${cpu}, Node ${process.version}.

| | median |
|---|---|
| known address | ${k.toFixed(2)} ms |
| unknown address | ${u.toFixed(2)} ms |
| known against unknown | ${(k / u).toFixed(2)} × |
| GET /api/health (floor) | ${middle(health).toFixed(2)} ms |

Measured ${new Date().toISOString().slice(0, 10)}. What it means: the answer (202, no body) goes out
after the throttle, before the account is looked up; the token and the mail for a known address are
made after it. So the time of the answer does not tell whether an address has an account.`,
  );
}

void main();
