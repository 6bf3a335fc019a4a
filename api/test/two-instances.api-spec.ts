import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountService } from '../src/auth/account.service';
import { RetentionService } from '../src/cases/retention.service';
import { FixedClock } from '../src/common/clock';
import { MIGRATIONS } from '../src/database/migrations';
import { NotificationSchedule } from '../src/notifications/notification-schedule';
import { AccessLogAnchor } from '../src/privacy/access-log-anchor';
import { AccessLogService } from '../src/privacy/access-log.service';
import { caseBody, Factories, type FactoryHost } from './support/factories';
import { SmtpSink } from './support/smtp-sink';
import { ADMIN, CapturingLogger, PASSWORD, TestApp, TestDatabase, type Agent } from './support/test-app';

const onPostgres = !!process.env['TEST_DATABASE_URL'];
/** Two instances share a database only on PostgreSQL (SQLite is one process's file): npm run test:pg runs this. */
const postgresOnly = onPostgres ? describe : describe.skip;

/**
 * A small round-robin HTTP proxy, as a load balancer in front of the instances: every request goes to
 * the next instance, whatever connection it came in on. Each answer says which one served it
 * (`X-Instance: 0` or `1`).
 */
class RoundRobin {
  readonly served: number[];
  private next = 0;
  private server?: Server;
  url = '';

  constructor(private readonly ports: number[]) {
    this.served = ports.map(() => 0);
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const i = this.next++ % this.ports.length;
      this.served[i]++;
      const upstream = httpRequest(
        { host: '127.0.0.1', port: this.ports[i], method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-instance': String(i) });
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The instances behind the proxy, as the factories use an app: every request through the proxy. */
class Cluster implements FactoryHost {
  constructor(
    readonly instances: TestApp[],
    readonly proxy: RoundRobin,
    readonly clock: FixedClock,
  ) {}

  anonymous(): Agent {
    return request.agent(this.proxy.url);
  }

  async login(email: string, password = PASSWORD): Promise<Agent> {
    const agent = this.anonymous();
    await agent.post('/api/auth/login').send({ email, password }).expect(200);
    return agent;
  }

  admin(): Promise<Agent> {
    return this.login(ADMIN.email, ADMIN.password);
  }

  async mailedToken(email: string, template: 'activation' | 'passwordReset'): Promise<string> {
    await Promise.all(this.instances.map((i) => i.app.get(AccountService).settled()));
    return this.instances[0].mailedToken(email, template);
  }
}

async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}

/**
 * Issue #15: two API instances on one PostgreSQL database, behind a round-robin proxy. Started at the
 * same moment on an empty database, they migrate once; a session, the login throttle and the access
 * log's chain are shared; the daily retention, the notification schedule and the mail outbox, run by
 * both at once, each do their work once.
 */
postgresOnly('Two API instances on one PostgreSQL database', () => {
  const clock = new FixedClock();
  const sink = new SmtpSink();
  const logger = new CapturingLogger();
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let urls: string[];
  let proxy: RoundRobin;
  let cluster: Cluster;
  let make: Factories;
  let db: DataSource;
  let s: Awaited<ReturnType<Factories['staffedNetwork']>>;

  beforeAll(async () => {
    await sink.start();
    database = await TestDatabase.fresh();
    // At the same moment, on an empty database: both find every migration pending.
    const env = { SMTP_URL: sink.url, PUBLIC_URL: 'https://casustafel.test' };
    const started = await Promise.allSettled([0, 1].map(() => TestApp.start(env, { clock, database, logger })));
    [a, b] = started.map((r) => (r.status === 'fulfilled' ? r.value : undefined!));
    for (const r of started) if (r.status === 'rejected') throw r.reason; // afterAll closes the one that did start
    urls = [await listen(a), await listen(b)];
    proxy = new RoundRobin(urls.map((u) => Number(new URL(u).port)));
    await proxy.start();
    cluster = new Cluster([a, b], proxy, clock);
    make = await Factories.for(cluster);
    db = a.app.get(DataSource);
    s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
  });

  // No instance logged an error meanwhile (a failed round, a lost append, a retried start).
  afterEach(() => expect(logger.lines.filter((line) => line.startsWith('error'))).toEqual([]));

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all([a?.close(), b?.close()]);
    await database?.drop();
    await sink.stop();
  });

  it('started together on an empty database: every migration ran once, one administrator, no error and no retry', async () => {
    const runs = await db.query<{ name: string; times: string }[]>('SELECT name, COUNT(*) AS times FROM migrations GROUP BY name');
    expect(runs.map((r) => r.name).sort()).toEqual(MIGRATIONS.map((m) => new m().name ?? m.name).sort());
    expect(runs.filter((r) => Number(r.times) !== 1)).toEqual([]);
    const admins = await db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM users WHERE "isAdmin" = true');
    expect(Number(admins[0].n)).toBe(1);
    const beheer = await db.query<{ n: string }[]>(`SELECT COUNT(*) AS n FROM organisations WHERE name = 'Functioneel beheer Casustafel'`);
    expect(Number(beheer[0].n)).toBe(1);
    // A race that @nestjs/typeorm retried (after 3 s) would show here as "Unable to connect … Retrying".
    expect(logger.lines.filter((line) => line.startsWith('error'))).toEqual([]);
    for (const url of urls) await request(url).get('/api/health/ready').expect(200);
    // The factories' requests went through the proxy to both.
    expect(Math.min(...proxy.served)).toBeGreaterThan(10);
  });

  it('a session made on one instance works on the other, and ends on both', async () => {
    const login = await request(urls[0]).post('/api/auth/login').send({ email: s.core.user.email, password: PASSWORD }).expect(200);
    const cookie = login.headers['set-cookie'] as unknown as string[];
    expect((await request(urls[1]).get('/api/auth/me').set('Cookie', cookie).expect(200)).body).toMatchObject({ email: s.core.user.email });
    const through = await Promise.all([1, 2, 3, 4].map(() => request(proxy.url).get('/api/auth/me').set('Cookie', cookie).expect(200)));
    expect(new Set(through.map((r) => r.headers['x-instance']))).toEqual(new Set(['0', '1']));
    await request(urls[1]).post('/api/auth/logout').set('Cookie', cookie).expect(204);
    await request(urls[0]).get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  it('failed logins spread over both instances count together: the sixth is refused by either', async () => {
    clock.advanceMinutes(2); // a quiet throttling minute
    const email = s.shell.user.email;
    const failures = [];
    for (let i = 0; i < 5; i++)
      failures.push(
        await request(proxy.url)
          .post('/api/auth/login')
          .send({ email, password: `geraden-wachtwoord-${i}` }),
      );
    expect(failures.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(failures.map((r) => r.headers['x-instance']))).toEqual(new Set(['0', '1']));
    // Five failures in the minute, three on one instance and two on the other: both refuse the right password now.
    await request(urls[0]).post('/api/auth/login').send({ email, password: PASSWORD }).expect(429);
    await request(urls[1]).post('/api/auth/login').send({ email, password: PASSWORD }).expect(429);
    clock.advanceMinutes(2);
    await request(urls[1]).post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  });

  it('50 requests at once, on both instances, that each write to the access log: one chain without gaps, verified by both', async () => {
    const network = s.network.id;
    const first = await Promise.all(
      [1, 2, 3, 4].map(
        async () => (await s.core.agent.post(`/api/networks/${network}/cases`).send(caseBody()).expect(201)).body.id as string,
      ),
    );
    const [{ before }] = await db.query<{ before: number }[]>('SELECT COALESCE(MAX(seq), 0) AS before FROM access_log');
    const served = [...proxy.served];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 10 === 0
          ? s.core.agent.post(`/api/networks/${network}/cases`).send(caseBody())
          : s.coordinator.agent.get(`/api/cases/${first[i % first.length]}`),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(45).fill(200), ...Array(5).fill(201)]);
    expect(proxy.served[0] - served[0]).toBe(25);
    expect(proxy.served[1] - served[1]).toBe(25);
    // The appends took turns: none found its number taken and had to try again.
    expect(logger.lines.filter((line) => line.includes('opnieuw geprobeerd'))).toEqual([]);

    // Every request wrote its entry (45 views, 5 new cases), each with a number of its own, after the ones before.
    const entries = await db.query<{ seq: number; action: string }[]>('SELECT seq, action FROM access_log WHERE seq > $1 ORDER BY seq', [
      before,
    ]);
    expect(entries.filter((e) => e.action === 'VIEW')).toHaveLength(45);
    expect(entries.filter((e) => e.action === 'CREATE')).toHaveLength(5);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => Number(before) + i + 1));

    // Each instance checks the whole chain against its own anchor.
    const [{ total }] = await db.query<{ total: string }[]>('SELECT COUNT(*) AS total FROM access_log');
    const [{ last }] = await db.query<{ last: number }[]>('SELECT MAX(seq) AS last FROM access_log');
    expect(Number(total)).toBe(Number(last));
    for (const url of urls) {
      const cookie = (await request(url).post('/api/auth/login').send({ email: s.coordinator.user.email, password: PASSWORD }).expect(200))
        .headers['set-cookie'] as unknown as string[];
      const verdict = (await request(url).get(`/api/networks/${network}/access-log/verify`).set('Cookie', cookie).expect(200)).body;
      expect(verdict).toMatchObject({ ok: true, entries: Number(total) });
      expect(verdict.anchor.seq).toBeGreaterThan(Number(before));
    }
  });

  it('the notification schedule, run by both at the same moment: one of them makes the round, each notification and mail once', async () => {
    const startsAt = new Date(clock.now().getTime() + 2 * 86_400_000).toISOString(); // within AGENDA_DAYS_AHEAD (3)
    const meeting = (
      await s.coordinator.agent.post(`/api/networks/${s.network.id}/meetings`).send({ startsAt, durationMinutes: 60 }).expect(201)
    ).body.id as string;
    await sendAll();
    sink.messages.length = 0;

    const rounds = await Promise.all([a.app.get(NotificationSchedule).tick(), b.app.get(NotificationSchedule).tick()]);
    expect(rounds.filter((r) => r === null)).toHaveLength(1); // the other instance had this ten minutes' round
    const agenda = await db.query<{ userId: string }[]>(
      `SELECT "userId" FROM notifications WHERE kind = 'MEETING_AGENDA' AND "subjectId" = $1`,
      [meeting],
    );
    expect(agenda.map((n) => n.userId).sort()).toEqual([s.coordinator, s.core, s.shell, s.volunteer].map((p) => p.user.id).sort());

    await sendAll();
    const mails = sink.messages.filter((m) => m.subject?.startsWith('Agenda'));
    expect(mails.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address).sort()).toEqual(
      [s.coordinator, s.core, s.shell, s.volunteer].map((p) => p.user.email.toLowerCase()).sort(),
    );
    // Ten minutes later it is the next round's turn: one instance makes it, and finds nothing new.
    clock.advanceMinutes(10);
    const next = await Promise.all([a.app.get(NotificationSchedule).tick(), b.app.get(NotificationSchedule).tick()]);
    expect(next.filter((r) => r === null)).toHaveLength(1);
    expect(next.find((r) => r !== null)).toBe(0);
  });

  it('the mail outbox, worked by both at the same moment: every message reaches the SMTP server once', async () => {
    // Password-reset mails for every user, waiting in the outbox.
    const people = [s.coordinator, s.core, s.shell, s.volunteer];
    for (const p of people) await request(proxy.url).post('/api/auth/password-reset').send({ email: p.user.email }).expect(202);
    await Promise.all([a, b].map((i) => i.app.get(AccountService).settled()));
    const [{ waiting }] = await db.query<{ waiting: string }[]>('SELECT COUNT(*) AS waiting FROM mail_outbox WHERE "sentAt" IS NULL');
    expect(Number(waiting)).toBeGreaterThanOrEqual(people.length);
    sink.messages.length = 0;

    const sent = await sendAll();
    expect(sent).toBe(Number(waiting));
    expect(sink.messages).toHaveLength(Number(waiting));
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(Number(waiting));
    for (const p of people) expect(sink.to(p.user.email).filter((m) => /wachtwoord/i.test(m.subject ?? ''))).toHaveLength(1);
  });

  it('retention, run by both at once — the 03:00 job or by hand: each identity erased once, each erasure logged once', async () => {
    const covenant = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/covenant`).expect(200)).body;
    await s.coordinator.agent
      .put(`/api/networks/${s.network.id}/covenant`)
      .send({
        levels: covenant.levels,
        retentionMonths: 1,
        anonymousQuestionSubmitter: covenant.anonymousQuestionSubmitter,
        confidentialityStatement: covenant.confidentialityStatement,
      })
      .expect(200);
    /** Three cases brought in, closed, and a month and more ago. */
    async function closedLongAgo(): Promise<string[]> {
      for (const p of [s.coordinator, s.core]) p.agent = await cluster.login(p.user.email);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const id = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body.id as string;
        await s.coordinator.agent.patch(`/api/cases/${id}`).send({ status: 'ACCEPTED' }).expect(200);
        await s.coordinator.agent.patch(`/api/cases/${id}`).send({ status: 'CLOSED' }).expect(200);
        ids.push(id);
      }
      clock.advanceDays(40);
      return ids;
    }
    async function expectErasedOnce(ids: string[]): Promise<void> {
      const logged = await db.query<{ caseId: string }[]>(`SELECT "caseId" FROM access_log WHERE action = 'ERASE' AND "caseId" = ANY($1)`, [
        ids,
      ]);
      expect(logged.map((e) => e.caseId).sort()).toEqual([...ids].sort());
      const left = await db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM client_identities WHERE "caseId" = ANY($1)', [ids]);
      expect(Number(left[0].n)).toBe(0);
    }

    // The 03:00 job on both: one instance claims the day and erases.
    const daily = await closedLongAgo();
    const runs = await Promise.all([a.app.get(RetentionService).daily(), b.app.get(RetentionService).daily()]);
    expect(runs.filter((r) => r === null)).toHaveLength(1); // the other instance had today's run
    expect(runs.find((r) => r !== null)).toBe(daily.length);
    await expectErasedOnce(daily);
    // The same day again (a restart, a second cron): nobody runs it twice.
    expect(await Promise.all([a.app.get(RetentionService).daily(), b.app.get(RetentionService).daily()])).toEqual([null, null]);

    // By hand (npm run retention) on both at the same moment, no day claimed: each case is erased by one of them.
    const byHand = await closedLongAgo();
    const erased = await Promise.all([a.app.get(RetentionService).run(), b.app.get(RetentionService).run()]);
    expect(erased[0] + erased[1]).toBe(byHand.length);
    await expectErasedOnce(byHand);

    for (const url of urls) {
      const cookie = (await request(url).post('/api/auth/login').send({ email: s.coordinator.user.email, password: PASSWORD }).expect(200))
        .headers['set-cookie'] as unknown as string[];
      expect(
        (await request(url).get(`/api/networks/${s.network.id}/access-log/verify`).set('Cookie', cookie).expect(200)).body,
      ).toMatchObject({
        ok: true,
      });
    }
  });

  /** Both mail workers, at the same moment, until the outbox is empty; returns how many messages went out. */
  async function sendAll(): Promise<number> {
    await Promise.all([a, b].map((i) => i.app.get(AccountService).settled()));
    let total = 0;
    for (;;) {
      const sent = await Promise.all([a.sendMail(), b.sendMail()]);
      total += sent[0] + sent[1];
      if (sent[0] + sent[1] === 0) return total;
    }
  }
});

/**
 * The other way to run the access log's anchor (docs/operations.md): one file on a volume both
 * instances write. Their writes race; each is atomic (a temporary file of its own, then rename), so the
 * file stays a valid anchor at a genuine head, and both instances verify against it.
 */
postgresOnly('Two API instances with one anchor file on a shared volume', () => {
  it('100 entries at once from both: the anchor stays valid, and both verify the whole chain against it', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'casustafel-shared-anchor-'));
    const anchor = join(shared, 'access-log-anchor.json');
    const database = await TestDatabase.fresh();
    const clock = new FixedClock();
    const both = await Promise.all([0, 1].map(() => TestApp.start({ ACCESS_LOG_ANCHOR_PATH: anchor }, { clock, database })));
    try {
      const logs = both.map((t) => t.app.get(AccessLogService));
      for (let round = 0; round < 4; round++) {
        await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            logs[i % 2].record([{ viewer: null, role: null, networkId: null, caseId: null, action: 'VIEW', level: null, context: null }]),
          ),
        );
        await Promise.all(logs.map((log) => log.flushAnchor())); // both write the file at the same moment
      }
      const [{ total }] = await both[0].app.get(DataSource).query<{ total: string }[]>('SELECT COUNT(*) AS total FROM access_log');
      for (const log of logs) expect(await log.verify()).toMatchObject({ ok: true, entries: Number(total) });
      expect((await both[0].app.get(AccessLogAnchor).read()).state).toBe('valid');
      expect(readdirSync(shared)).toEqual(['access-log-anchor.json']);
    } finally {
      await Promise.all(both.map((t) => t.close()));
      await database.drop();
      rmSync(shared, { recursive: true, force: true });
    }
  });
});
