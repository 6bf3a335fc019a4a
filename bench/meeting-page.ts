/**
 * Benchmark (not a test): the meeting page's request, `GET /api/meetings/:id`, for a coordinator on a
 * meeting of 40 agenda items (30 cases, 8 questions, a theme and the round; actions on 10 cases),
 * over HTTP against the real app on a SQLite file, against a floor: a node:http server that reads
 * the same agenda items with their case labels from the same file with better-sqlite3 and plain SQL.
 * The data is made through the API as the query-count spec makes it. Run: npm run bench
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent as HttpAgent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { middle, writeSection } from './report';

const SECONDS = Number(process.env['BENCH_MEETING_SECONDS'] ?? 5);
const CONCURRENCY = 10;
const RUNS = Number(process.env['BENCH_RUNS_MEETING'] ?? 3);

type Result = { rps: number; p50: number; p99: number; errors: number };

/** CONCURRENCY loops of GET requests for SECONDS: requests per second and latency percentiles. */
async function load(port: number, path: string, cookie: string): Promise<Result> {
  const agent = new HttpAgent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + SECONDS * 1000;
  const once = () =>
    new Promise<void>((done) => {
      const start = process.hrtime.bigint();
      const req = request({ host: '127.0.0.1', port, path, agent, headers: { cookie } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
          else errors++;
          done();
        });
      });
      req.on('error', () => {
        errors++;
        done();
      });
      req.end();
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) await once();
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
}

/** The floor: the agenda items of the meeting with their case labels, plain SQL, as JSON. */
function floorServer(path: string): Promise<Server> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const items = db.prepare(
    `SELECT i.id, i.position, i.kind, i.title, i."caseId", c.number, c.pseudonym, i."questionId"
       FROM agenda_items i LEFT JOIN cases c ON c.id = i."caseId"
      WHERE i."meetingId" = ? ORDER BY i.position`,
  );
  const server = createServer((req, res) => {
    const id = /^\/api\/meetings\/([0-9a-f-]{36})$/.exec(req.url ?? '')?.[1];
    if (!id) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id, agenda: items.all(id) }));
  });
  server.on('close', () => db.close());
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

async function main(): Promise<void> {
  // The test app and its factories make the data as the API specs do; they expect Jest's global.
  (globalThis as unknown as { jest: object }).jest ??= { setTimeout: () => undefined };
  const { TestApp, PASSWORD } = await import('../api/test/support/test-app');
  const { Factories, caseBody } = await import('../api/test/support/factories');
  const dir = mkdtempSync(join(tmpdir(), 'casustafel-bench-meeting-'));
  const file = join(dir, 'bench.sqlite');
  const t = await TestApp.start({ DATABASE_PATH: file });
  try {
    const make = await Factories.for(t);
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    for (let i = 0; i < 30; i++) {
      const created = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
      await s.coordinator.agent.patch(`/api/cases/${created.id}`).send({ status: 'ACCEPTED' }).expect(200);
    }
    for (let i = 0; i < 8; i++)
      await s.volunteer.agent
        .post(`/api/networks/${s.network.id}/questions`)
        .send({
          title: `Vraag ${i + 1}`,
          situation: 'Een buurman komt al weken niet meer buiten.',
          question: 'Wat kunnen we doen?',
          problemAreas: ['SOCIAL_NETWORK'],
        })
        .expect(201);
    const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const meetingId = (
      await s.coordinator.agent.post(`/api/networks/${s.network.id}/meetings`).send({ startsAt, durationMinutes: 90 }).expect(201)
    ).body.id as string;
    const agenda = (await s.coordinator.agent.post(`/api/meetings/${meetingId}/agenda/assemble`).expect(200)).body.agenda as {
      id: string;
      case: unknown;
    }[];
    if (agenda.length !== 40) throw new Error(`agenda has ${agenda.length} items, not 40`);
    for (const item of agenda.filter((i) => i.case).slice(0, 10))
      await s.coordinator.agent
        .post(`/api/meetings/${meetingId}/agenda/${item.id}/actions`)
        .send({ description: 'Huisbezoek plannen', ownerOrganisationId: s.shell.organisation.id, dueDate: '2026-12-01' })
        .expect(201);

    const login = await t.anonymous().post('/api/auth/login').send({ email: s.coordinator.user.email, password: PASSWORD }).expect(200);
    const cookie = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const app = t.app.getHttpServer() as Server;
    await new Promise<void>((done) => app.listen(0, '127.0.0.1', () => done()));
    const appPort = (app.address() as AddressInfo).port;
    const floor = await floorServer(file);
    const floorPort = (floor.address() as AddressInfo).port;
    const path = `/api/meetings/${meetingId}`;

    // Warm-up, then the two take turns run by run.
    await load(appPort, path, cookie);
    await load(floorPort, path, cookie);
    const samples: { app: Result[]; floor: Result[] } = { app: [], floor: [] };
    for (let run = 0; run < RUNS; run++) {
      samples.app.push(await load(appPort, path, cookie));
      samples.floor.push(await load(floorPort, path, cookie));
    }
    floor.close();
    const summary = (results: Result[]) => ({
      rps: middle(results.map((r) => r.rps)),
      p50: middle(results.map((r) => r.p50)),
      p99: middle(results.map((r) => r.p99)),
      errors: results.reduce((n, r) => n + r.errors, 0),
    });
    const a = summary(samples.app);
    const f = summary(samples.floor);
    const loadAvg = loadavg()
      .map((l) => l.toFixed(2))
      .join(', ');
    process.stdout.write(`${JSON.stringify({ app: a, floor: f, load: loadAvg })}\n`);
    const row = (name: string, r: ReturnType<typeof summary>) =>
      `| ${name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.errors} |`;

    writeSection(
      'meeting-page',
      `## Meeting page (\`bench/meeting-page.ts\`)

\`GET /api/meetings/:id\` — what the client's meeting page loads — for the coordinator, on a meeting of
40 agenda items (30 accepted cases, 8 questions, a theme and the round; actions on 10 cases), made
through the API in a SQLite file, over HTTP with a session cookie: ${CONCURRENCY} requests at a time for
${SECONDS} s (node:http with keep-alive, in the same process as the server). Each request goes through
the whole app: session, access guard, the disclosure policy deciding each case, the access log's
entries for the cases shown, the view. Floor: a node:http server reading the same 40 agenda items
with their case number and pseudonym from the same file with better-sqlite3 and plain SQL, as JSON.
Medians of ${RUNS} runs each after one warm-up, the two taking turns, on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'},
Node ${process.version}. Load average at the end: ${loadAvg}${loadavg()[0] > 2 ? ' — above 2 on 2 cores, so the numbers are indicative' : ''}.

| | requests/s | p50 | p99 | errors |
|---|---|---|---|---|
${row('Casustafel API', a)}
${row('node:http + better-sqlite3 (floor)', f)}

The floor serves ${(f.rps / a.rps).toFixed(1)} × the requests per second of the API.
Measured ${new Date().toISOString().slice(0, 10)}.

Not yet improved (issue #15, part 3, open): this section measures the meeting view as it stands. The
view already loads in a fixed number of statements however long the agenda (issue #10,
\`api/test/query-count.api-spec.ts\`); what each request adds over the floor is the session and the
access guard, the disclosure policy's facts, decrypting the identities the coordinator may see, an
access-log unit of work with an HMAC-chained entry per case shown, TypeORM hydrating the agenda
join (items × actions × histories), and the view's mapping. Which of these dominates has not been
profiled apart yet. The load generator runs in the same process as the server, for both.`,
    );
  } finally {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
