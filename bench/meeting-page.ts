/**
 * Benchmark (not a test): the meeting page's request, `GET /api/meetings/:id`, for a coordinator on a
 * meeting of 40 agenda items (30 cases, 8 questions, a theme and the round; actions on 10 cases),
 * over HTTP against the real app on a SQLite file, against a floor: a node:http server that reads
 * the same agenda items with their case labels from the same file with better-sqlite3 and plain SQL.
 * The data is made through the API as the query-count spec makes it. Run: npm run bench
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent as HttpAgent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { middle, writeSection } from './report';

const SECONDS = Number(process.env['BENCH_MEETING_SECONDS'] ?? 5);
const CONCURRENCY = 10;
const RUNS = Number(process.env['BENCH_RUNS_MEETING'] ?? 3);
/** BENCH_CPU_PROFILE=file.cpuprofile: a CPU profile of the app's measured runs only (not the set-up, not the floor). */
const PROFILE = process.env['BENCH_CPU_PROFILE'];

/** Runs `fn` under the V8 CPU profiler when BENCH_CPU_PROFILE is set, adding its samples to the one profile written at the end. */
const profiler = PROFILE ? new Session() : undefined;
profiler?.connect();
const post = (method: string, params?: object) =>
  new Promise<unknown>((done, fail) => profiler!.post(method, params ?? {}, (error, result) => (error ? fail(error) : done(result))));
async function profiled<T>(fn: () => Promise<T>): Promise<T> {
  if (!profiler) return fn();
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    profiles.push(profile);
  }
}
const profiles: object[] = [];

/** cpu: this process's CPU time (user + system) per answered request, in ms — server and load generator together, as for the floor; less disturbed than throughput by other work on the machine. */
type Result = { rps: number; p50: number; p99: number; errors: number; cpu: number };

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
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) await once();
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    errors,
    cpu: (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length),
  };
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
      samples.app.push(await profiled(() => load(appPort, path, cookie)));
      samples.floor.push(await load(floorPort, path, cookie));
    }
    floor.close();
    if (PROFILE) writeFileSync(PROFILE, JSON.stringify(profiles.length === 1 ? profiles[0] : profiles));
    const summary = (results: Result[]) => ({
      rps: middle(results.map((r) => r.rps)),
      p50: middle(results.map((r) => r.p50)),
      p99: middle(results.map((r) => r.p99)),
      errors: results.reduce((n, r) => n + r.errors, 0),
      cpu: middle(results.map((r) => r.cpu)),
    });
    const a = summary(samples.app);
    const f = summary(samples.floor);
    const loadAvg = loadavg()
      .map((l) => l.toFixed(2))
      .join(', ');
    process.stdout.write(`${JSON.stringify({ app: a, floor: f, load: loadAvg })}\n`);
    const row = (name: string, r: ReturnType<typeof summary>) =>
      `| ${name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.cpu.toFixed(2)} ms | ${r.errors} |`;

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

| | requests/s | p50 | p99 | CPU per request | errors |
|---|---|---|---|---|---|
${row('Casustafel API', a)}
${row('node:http + better-sqlite3 (floor)', f)}

The floor serves ${(f.rps / a.rps).toFixed(1)} × the requests per second of the API; the API takes ${(a.cpu / f.cpu).toFixed(1)} × the floor's CPU time
per request (this process's CPU time over the run, server and load generator together, divided by the requests answered).
Measured ${new Date().toISOString().slice(0, 10)}.

Before this round (commit aedf95f, this benchmark with the CPU column, run once in the same session at a load
average of 6.8–9.4): API 10 requests/s, p50 820.2 ms, p99 3350.0 ms, 31.70 ms CPU per request; floor 371
requests/s, 1.03 ms CPU per request: 37.3 × the requests per second, 30.8 × the CPU time per request.

Where the time went (issue #15, part 3; \`BENCH_CPU_PROFILE=file.cpuprofile\` profiles the app's measured runs,
and a timer around each SQLite statement split the database's share; at load averages of 4–8, so shares rather
than milliseconds). Before: SQLite about 27 % of the CPU — the agenda's one join (86 columns, about 2.9 ms), the
access log's COMMIT (writing the pages it touched to the WAL; no fsync at \`synchronous = NORMAL\`, better-sqlite3's default in WAL mode) and its INSERT of 30 entries, which SQLite prepared anew on every request
because TypeORM's SQLite driver writes number parameters (the entries' sequence numbers) into the SQL text;
TypeORM's JavaScript about 29 % (building the SQL of the request's 13 statements anew each time 14 %, hydrating
the agenda's joined rows and the other results 11 %); the access log's rows 7 %; HTTP and Node's internals 6 %;
JSON 5 %; pino 4 %; garbage collection 3.5 %; Nest's pipeline 3 %; AES-GCM decryption of the 30 identities 3 %;
the HMAC chain 2 %; the disclosure policy itself 0.5 %. No key is derived per request (HKDF once per process).
What was cut: the agenda is read by one hand-written statement, built once per process, whose rows are read
back into the same entities with the driver's own conversions (\`api/src/database/raw-entity.ts\`); the session
with its user, the caller's role, the meeting's network, the covenant standing, the open actions, the
identities and the access log's head are plain statements instead of repository finds; the access log's INSERT
binds every value, so that it is one prepared statement. Nothing that is decided, disclosed or logged changed:
the same statements (13 on SQLite), the same entries, the same view (\`api/test/query-count.api-spec.ts\`,
\`api/test/meetings.api-spec.ts\`). The actions of an agenda item are found through a new index
(\`IDX_actions_agenda_item\`): without it SQLite scanned every action per item, about 10 s for one meeting page
in the load generator's database (150,000 actions), which this benchmark's small database does not show.
After, in a profile of the same kind: SQLite about 32 % (the access log's COMMIT and INSERT now the largest part),
TypeORM's JavaScript about 15 % (was 29 %: building SQL 6 %, hydrating 4 %, the rest the roster and the names,
still through the query builder), the access log's rows 1.6 % (was 7 %), HTTP and Node's internals 11 %, JSON 8 %,
pino 6 %, Nest 5 %, decryption 3.5 %, garbage collection 3 %. What is left is mostly the framework around the
request and the access log's own unit of work and its commit, which a privacy rule requires on every view that
discloses more than a pseudonym. The load generator runs in
the same process as the server, for both.`,
    );
  } finally {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
