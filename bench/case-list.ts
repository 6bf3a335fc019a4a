/**
 * Benchmark (not a test): the case list page over HTTP through the real app (issue #15), in networks of
 * 1,000, 10,000 and 100,000 cases in one SQLite database file filled by the load generator
 * (bench/load/load.ts), against a floor in the same run: a plain node:http server on better-sqlite3 over
 * the same file returning one page of case rows as JSON (bench/load/floor-server.ts). The app and the floor
 * run as child processes; this process is the client: 10 keep-alive connections, each sending its next
 * request when the last is answered, for BENCH_SECONDS per run, three runs, the median run.
 * Targets at 100,000 cases: at least half the floor's throughput, a p99 at most three times the floor's,
 * and the app's cost per request at 100,000 cases within 1.2 × its cost at 1,000.
 * The database is kept (BENCH_DB, default tmp/bench/case-list.sqlite) and reused when it is there.
 * Run: npm run bench (or this file alone, as the bench script does).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { AppModule } from '../api/src/app.module';
import { readConfig } from '../api/src/config/app-config';
import { LOAD_PASSWORD, loadNetwork } from './load/load';
import { middle, writeSection } from './report';

const SIZES = (process.env['BENCH_SIZES'] ?? '1000,10000,100000').split(',').map(Number);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const RUNS = Number(process.env['BENCH_RUNS_HTTP'] ?? 3);
const CONNECTIONS = 10;
const FILE = resolve(process.env['BENCH_DB'] ?? 'tmp/bench/case-list.sqlite');
const APP_PORT = Number(process.env['BENCH_APP_PORT'] ?? 3915);
const FLOOR_PORT = APP_PORT + 1;
const TS_NODE = ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register'];
const ENV = {
  ...process.env,
  TS_NODE_PROJECT: 'api/tsconfig.json',
  TS_NODE_TRANSPILE_ONLY: '1',
  NODE_ENV: 'development',
  DATABASE_PATH: FILE,
  SEED_DEMO_DATA: 'false',
  CLIENT_DIST: '/nonexistent',
};

type Meta = Record<number, { networkId: string; coordinator: string; shell: string; seconds: number }>;
type Path = 'floor' | 'coordinator' | 'shell partner';
const PATHS: Path[] = ['floor', 'coordinator', 'shell partner'];
interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  load: number;
}

/** The database with one network per size, made once by the load generator. */
async function database(): Promise<Meta> {
  const metaFile = `${FILE}.json`;
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
    if (SIZES.every((size) => meta[size])) return meta;
  }
  mkdirSync(dirname(FILE), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '.json']) rmSync(`${FILE}${suffix}`, { force: true });
  const config = readConfig(ENV);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, undefined, { serve: false }), { logger: ['error'] });
  const meta: Meta = {};
  for (const size of SIZES) {
    const { network, seconds } = await loadNetwork(app, {
      cases: size,
      name: `Bench ${size}`,
      progress: (message) => process.stdout.write(`  ${message}\n`),
    });
    meta[size] = { networkId: network.networkId, coordinator: network.coordinator.email, shell: network.shell.email, seconds };
  }
  await app.close();
  writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  return meta;
}

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout?.resume();
  return child;
}

/** A GET on a kept-alive connection of `through`. Each run has connections of its own, so none has gone stale (closed by the server) in between. */
function get(port: number, path: string, cookie?: string, read = false, through = new Agent()): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ port, path, agent: through, headers: cookie ? { cookie } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => read && chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', fail);
    req.end();
  });
}

async function waitFor(port: number, path: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await get(port, path)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Nothing answers on port ${port}`);
}

function login(email: string): Promise<string> {
  const body = JSON.stringify({ email, password: LOAD_PASSWORD });
  return new Promise((done, fail) => {
    const req = request(
      {
        port: APP_PORT,
        path: '/api/auth/login',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
        res.on('end', () => (res.statusCode === 200 && cookie ? done(cookie) : fail(new Error(`Login ${email}: HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/** CONNECTIONS loops, each sending its next request when the last is answered, for `seconds`. */
async function hammer(port: number, path: string, cookie: string | undefined, seconds: number): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  const end = Date.now() + seconds * 1000;
  const loop = async () => {
    while (Date.now() < end) {
      const t0 = process.hrtime.bigint();
      const { status } = await get(port, path, cookie, false, agent);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  agent.destroy();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors, requests: latencies.length, load: loadavg()[0] };
}

async function main(): Promise<void> {
  const seeding = process.hrtime.bigint();
  const meta = await database();
  const seeded = Number(process.hrtime.bigint() - seeding) / 1e9;
  if (process.env['BENCH_SEED_ONLY']) return;
  const app = start([...TS_NODE, 'api/src/main.ts'], { ...ENV, PORT: String(APP_PORT) });
  const floor = start([...TS_NODE, 'bench/load/floor-server.ts'], { ...ENV, PORT: String(FLOOR_PORT) });
  try {
    await waitFor(APP_PORT, '/api/health');
    await waitFor(FLOOR_PORT, `/cases/none`);
    const targets = new Map<string, { port: number; path: string; cookie?: string }>();
    const found = new Map<string, string>();
    for (const size of SIZES) {
      const { networkId, coordinator, shell } = meta[size];
      targets.set(`${size} floor`, { port: FLOOR_PORT, path: `/cases/${networkId}` });
      targets.set(`${size} coordinator`, {
        port: APP_PORT,
        path: `/api/networks/${networkId}/cases?page=1`,
        cookie: await login(coordinator),
      });
      targets.set(`${size} shell partner`, { port: APP_PORT, path: `/api/networks/${networkId}/cases?page=1`, cookie: await login(shell) });
    }
    // What each path returns, and a warm-up of every path.
    for (const [key, t] of targets) {
      const { status, body } = await get(t.port, t.path, t.cookie, true);
      const parsed = JSON.parse(body) as { items?: unknown[]; total?: number };
      found.set(
        key,
        status === 200 ? `${parsed.items?.length ?? 0}${parsed.total !== undefined ? ` / ${parsed.total}` : ''}` : `HTTP ${status}`,
      );
      await hammer(t.port, t.path, t.cookie, 1);
    }
    const runs = new Map<string, Run[]>([...targets.keys()].map((k) => [k, []]));
    const loadBefore = loadavg()[0];
    for (let r = 0; r < RUNS; r++)
      for (const size of SIZES)
        for (const path of PATHS) {
          const key = `${size} ${path}`;
          const t = targets.get(key)!;
          const run = await hammer(t.port, t.path, t.cookie, SECONDS);
          runs.get(key)!.push(run);
          process.stdout.write(
            `run ${r + 1} ${key}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, errors ${run.errors}, load ${run.load.toFixed(1)}\n`,
          );
        }
    report(meta, seeded, runs, found, loadBefore);
  } finally {
    app.kill();
    floor.kill();
  }
}

/** The median run by throughput, its p50 and p99 the medians of the runs'. */
function summary(runs: Run[]): Run {
  return {
    rps: middle(runs.map((r) => r.rps)),
    p50: middle(runs.map((r) => r.p50)),
    p99: middle(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    load: Math.max(...runs.map((r) => r.load)),
  };
}

/**
 * The same benchmark on the code before ADR 0030 (commit 2adf812, a checkout of it with
 * BENCH_DB=tmp/bench-before/case-list.sqlite, a second copy of the same database), run right before this one;
 * its rows, copied here by hand.
 */
const BEFORE = `Before (commit 2adf812, the same benchmark on a second copy of the same database, run right before this one at a
load average of 3.9–7.4): coordinator 62 / 55 / 32 requests/s at 1,000 / 10,000 / 100,000 cases (p99 482 / 597 /
1,415 ms), shell partner 54 / 11 / 2 (p99 553 ms / 4.3 s / 12.0 s); cost per request from 1,000 to 100,000 cases
1.92 × for the coordinator and 34.3 × for the shell partner.`;

function report(meta: Meta, seeded: number, runs: Map<string, Run[]>, found: Map<string, string>, loadBefore: number): void {
  const s = (size: number, path: Path) => summary(runs.get(`${size} ${path}`)!);
  const big = Math.max(...SIZES);
  const small = Math.min(...SIZES);
  const n = (size: number) => size.toLocaleString('en');
  const rows = SIZES.flatMap((size) =>
    PATHS.map((path) => {
      const x = s(size, path);
      const f = s(size, 'floor');
      const ratio = path === 'floor' ? '' : `${((x.rps / f.rps) * 100).toFixed(0)} % | ${(x.p99 / f.p99).toFixed(1)} ×`;
      return `| ${n(size)} | ${path === 'floor' ? 'floor (`node:http` + better-sqlite3)' : path} | ${x.rps.toFixed(0)} | ${x.p50.toFixed(1)} ms | ${x.p99.toFixed(1)} ms | ${path === 'floor' ? '| ' : ''}${ratio} | ${found.get(`${size} ${path}`)} | ${x.errors} |`;
    }),
  );
  const verdicts = (['coordinator', 'shell partner'] as const).map((path) => {
    const x = s(big, path);
    const f = s(big, 'floor');
    const throughput = x.rps / f.rps;
    const p99 = x.p99 / f.p99;
    const flat = s(small, path).rps / x.rps;
    const mark = (ok: boolean) => (ok ? 'pass' : '**fail**');
    return `| ${path} | ${(throughput * 100).toFixed(0)} % (≥ 50 %): ${mark(throughput >= 0.5)} | ${p99.toFixed(1)} × (≤ 3 ×): ${mark(p99 <= 3)} | ${flat.toFixed(2)} × (≤ 1.2 ×): ${mark(flat <= 1.2)} |`;
  });
  const all = [...runs.values()].flat();
  const loads = all.map((r) => r.load);
  writeSection(
    'case-list',
    `## Case list over HTTP at 1,000 / 10,000 / 100,000 cases (\`bench/case-list.ts\`)

The first page (25) of a network's case list, \`GET /api/networks/:id/cases?page=1\`, through the real app
(\`api/src/main.ts\` as a child process, SQLite file, WAL): session, access guard, the viewer's standing,
the kinds of case the disclosure policy shows them filtered in SQL, count, sort and page in SQL, each case
of the page decided by the policy, identities decrypted where the level needs them, the access log written
(hash-chained) for every case shown above the pseudonym, JSON. For the coordinator (sees every case) and
for a shell partner (OGGZ: sees in DOSSIER only what their organisation brought in or holds an open action
on — the path that failed with "too many SQL variables" at 100,000 cases before this round, when the cases
their organisation holds an action on went into the query as a list of ids). One database file holds the
three networks (${SIZES.map(n).join(', ')} cases, ${n(SIZES.reduce((a, b) => a + b, 0))} in all, with actions, their history, weekly
meetings with agenda items, questions and an access-log entry per case), made by \`npm run seed:load\`'s
generator (\`bench/load/load.ts\`) in ${SIZES.map((size) => `${meta[size].seconds.toFixed(0)} s`).join(' + ')}${seeded > 1 ? '' : ' (reused from an earlier run)'}.
Floor: a plain \`node:http\` server on better-sqlite3 over the same file returning the network's 25 newest
case rows as JSON (\`bench/load/floor-server.ts\`; same index, no count, no policy). Client: this process,
${CONNECTIONS} keep-alive connections, each sending its next request when the last is answered, ${SECONDS} s per run,
${RUNS} runs taking turns over all paths; the table has the median run (throughput) and the medians of
p50 and p99. ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, Node ${process.version}; app, floor and client share the two cores.

| cases | path | req/s | p50 | p99 | req/s of floor | p99 against floor | items / total | errors |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Targets at ${n(big)} cases (throughput against the floor's, p99 against the floor's, the app's cost per request at ${n(big)}
against ${n(small)}, i.e. req/s at ${n(small)} / req/s at ${n(big)}):

| path | throughput | p99 | ${n(small)} → ${n(big)} |
|---|---|---|---|
${verdicts.join('\n')}

Measured ${new Date().toISOString().slice(0, 10)}; load average (1 min) ${loadBefore.toFixed(1)} before the runs and
${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} at the end of each run, on ${cpus().length} cores shared with other work (the
benchmark's own three processes account for about 2 of it while a run is going); numbers taken at a load above 2
are indicative.

What this round changed (ADR 0030): the total without filters comes from counters the database keeps in the
transaction of every write to \`cases\` and \`actions\` (triggers over \`case_ties\` and \`case_counts\`), a few
rows whatever the network's size, instead of a \`COUNT(*)\` over the network's cases (the coordinator) or over the
~19,000 cases tied to the shell partner's organisation; and the shell partner's page walks the network's cases in
the list's order and stops after 25 of theirs (at page 1 about 150 cases read), instead of deciding the kind of
every tied case first. The migration that creates and fills both tables took 3.4 s on this database (111,000
cases, 153,414 ties, and ANALYZE of \`cases\`), at a load average of 0.9.

${BEFORE}

Earlier rounds: before ADR 0027 (commit aedf95f, load 10.6–12.9) coordinator 6 / 5 / 4 and shell partner 6 / 2 / 0
requests/s; after it 95 / 87 / 48 and 76 / 18 / 2 at a load of 1.2–1.8, the shell partner's p99 at 100,000 cases
9.5 s. What is left of the cost per request is the same at every size: the 25 access-log entries (hash-chained),
decrypting the identities, TypeORM building the page's SQL, JSON, the Nest pipeline (profile in issue #15).`,
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
