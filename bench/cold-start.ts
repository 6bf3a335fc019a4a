/**
 * Benchmark (not a test): cold start of the built API — from spawning `node dist/api/api/src/main.js`
 * to the first `GET /api/health/live` answered 200 — against a floor: a bare node:http server that
 * opens the same SQLite file with better-sqlite3, reads from it, and answers the same route. The
 * database is migrated (and has its first administrator) before the first measured start, so no
 * start runs migrations. NODE_ENV=production, API docs at their production default
 * (authenticated). Builds the API first when dist/ has none. Run: npm run bench
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { middle, writeSection } from './report';
import { productionStartEnv } from './start-env';

const RUNS = Number(process.env['BENCH_COLD_RUNS'] ?? 5);
const ROOT = resolve(__dirname, '..');
const MAIN = join(ROOT, 'dist/api/api/src/main.js');
/** The same build without the bundle and its code cache (ADR 0029): tsc's output, loaded module by module. */
const UNBUNDLED = join(ROOT, 'dist/api/api/src/server.js');
const BUNDLE = join(ROOT, 'dist/api/api/src/server.bundle.js');
const PORT = Number(process.env['BENCH_PORT'] ?? 3917);

/**
 * Measured once with this benchmark against commit 95ef7b3, which loaded pdfkit, zxcvbn-ts, otplib,
 * nodemailer and piscina at start and built the OpenAPI document before listening. Kept here because
 * the benchmark rewrites its whole section.
 */
const BEFORE = {
  commit: '95ef7b3',
  measured: '2026-11-28',
  app: 8477,
  appCpu: 2920,
  floor: 329,
  floorCpu: 80,
  load: '12.15, 12.32, 12.32',
};

/**
 * The second round of ADR 0029 (tslib's CommonJS build, an ASCII bundle, argon2 at first use), measured once with
 * this benchmark on the same machine: three runs of commit a1c2a6c, just before it, taking turns with three runs of
 * the commit with it. Kept here because the benchmark rewrites its whole section.
 */
const ROUND_TWO = {
  measured: '2026-11-28',
  load: '1.4 to 2.3',
  before: { commit: 'a1c2a6c', app: [394, 403, 396], appCpu: 490, floor: '47 to 49' },
  after: { app: [337, 372, 345], appCpu: 410, floor: '45 to 52' },
};

/** The floor server: node:http and better-sqlite3, nothing else; it reads the users table before it listens. */
const FLOOR = `
const http = require('node:http');
const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
const db = new Database(process.env.DATABASE_PATH, { fileMustExist: true });
db.pragma('journal_mode = WAL');
const count = db.prepare('SELECT count(*) AS n FROM users').get().n;
http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/api/health/live') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', users: count }));
    } else {
      res.writeHead(404);
      res.end();
    }
  })
  .listen(Number(process.env.PORT));
process.on('SIGTERM', () => { db.close(); process.exit(0); });
`;

/** Whether GET /api/health/live answers 200 now. */
function live(): Promise<boolean> {
  return new Promise((done) => {
    const req = get({ host: '127.0.0.1', port: PORT, path: '/api/health/live', agent: false }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.on('error', () => done(false));
    req.setTimeout(1000, () => req.destroy());
  });
}

/**
 * CPU time (user + system) the process has used so far, in ms, from /proc (Linux; null elsewhere). On a
 * machine busy with other work it says more than the wall time, which includes waiting for a core.
 */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * Spawns the script, polls every 5 ms until the live check answers 200, stops it; milliseconds from
 * spawn to the answer, and the CPU time the process used until then.
 */
async function coldStart(script: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; cpu: number | null }> {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  for (;;) {
    if (await live()) break;
    if (child.exitCode !== null) throw new Error(`${script} stopped: ${stderr.slice(0, 500)}`);
    if (Number(process.hrtime.bigint() - start) / 1e6 > 60_000) throw new Error(`${script} did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = cpuMs(child.pid);
  child.kill('SIGTERM');
  await exited;
  return { ms, cpu };
}

async function main(): Promise<void> {
  if (!existsSync(MAIN) || !existsSync(BUNDLE))
    execFileSync('npx', ['nx', 'run', 'api:build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  const dir = mkdtempSync(join(tmpdir(), 'casustafel-bench-cold-'));
  try {
    const floorScript = join(dir, 'floor.js');
    writeFileSync(floorScript, FLOOR);
    const env = productionStartEnv(dir, PORT);
    // The first start migrates the new database, creates the first administrator and writes the bundle's code
    // cache (unless an earlier start of this build did); not measured.
    const first = await coldStart(MAIN, env);
    if (!readdirSync(dirname(BUNDLE)).some((name) => /^server\.bundle\.[0-9a-f]{16}\.cache$/.test(name)))
      throw new Error('De eerste start schreef geen code-cache naast server.bundle.js.');
    const samples = { app: [] as number[], unbundled: [] as number[], floor: [] as number[] };
    const cpu = { app: [] as number[], unbundled: [] as number[], floor: [] as number[] };
    for (let run = 0; run < RUNS; run++)
      for (const [who, script] of [
        ['app', MAIN],
        ['unbundled', UNBUNDLED],
        ['floor', floorScript],
      ] as const) {
        const measured = await coldStart(script, env);
        samples[who].push(measured.ms);
        if (measured.cpu !== null) cpu[who].push(measured.cpu);
      }
    const app = middle(samples.app);
    const unbundled = middle(samples.unbundled);
    const floor = middle(samples.floor);
    const cpuCell = (values: number[]) => (values.length ? `${middle(values).toFixed(0)} ms` : 'n/a');
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(', ');
    process.stdout.write(`${JSON.stringify({ first, ...samples, cpu, app, unbundled, floor, load })}\n`);
    const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');

    writeSection(
      'cold-start',
      `## Cold start (\`bench/cold-start.ts\`)

From spawning \`node dist/api/api/src/main.js\` (the build of \`nx run api:build\`: the server bundle with V8's
code cache, ADR 0029) to the first \`GET /api/health/live\` answered 200, polled every 5 ms, with
NODE_ENV=production, API docs at their production default (\`authenticated\`) and LOG_LEVEL=warn, against a
SQLite file that an earlier start (not measured; ${first.ms.toFixed(0)} ms) already migrated and gave its first
administrator, and which wrote the code cache, so no measured start runs a migration or compiles the bundle.
In the same run: the same build unbundled (\`node dist/api/api/src/server.js\`, tsc's output loaded module by
module, as every start was before ADR 0029), and the floor, a bare \`node:http\` server that opens the same
file with better-sqlite3, reads the users table and answers the same route.
Median of ${RUNS} starts each, the three taking turns, on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, Node ${process.version}.
Load average at the end: ${load}${loadavg()[0] > 2 ? ' — above 2 on 2 cores, so the numbers are indicative' : ''}.

| | median | starts | CPU time until the answer (median) |
|---|---|---|---|
| Casustafel API (bundle, code cache) | ${app.toFixed(0)} ms | ${list(samples.app)} ms | ${cpuCell(cpu.app)} |
| the same build unbundled | ${unbundled.toFixed(0)} ms | ${list(samples.unbundled)} ms | ${cpuCell(cpu.unbundled)} |
| node:http + better-sqlite3 (floor) | ${floor.toFixed(0)} ms | ${list(samples.floor)} ms | ${cpuCell(cpu.floor)} |
| API against floor | ${(app / floor).toFixed(1)} × | | |

Target (issue #15): a start of at most 500 ms — ${app <= 500 ? 'met' : 'not met'} here (median ${app.toFixed(0)} ms${loadavg()[0] > 2 ? ', on a loaded machine' : ''}).

The CPU time (user + system, from /proc, in steps of 10 ms) is what the process itself used until
it answered; with other work on the machine the wall time also holds the waiting for a core.

Measured ${new Date().toISOString().slice(0, 10)}.

### Before (commit ${BEFORE.commit}) — measured once, ${BEFORE.measured}

The same benchmark against commit ${BEFORE.commit}: ${BEFORE.app} ms (CPU ${BEFORE.appCpu} ms) against a floor of
${BEFORE.floor} ms (CPU ${BEFORE.floorCpu} ms), load average ${BEFORE.load}. Not re-measured by \`npm run bench\`.
On a machine this busy the wall times are indicative only; the CPU time is the steadier measure of
what a start costs, and the 500 ms aimed for in issue #15 (measured on an idle machine) is not shown here.

What a start no longer does (issue #15): load pdfkit and fontkit (at the first PDF, in the worker
that renders it), piscina (at the first PDF), zxcvbn-ts and its word lists (at the first password
checked), otplib (at the first second-factor step), argon2 (at the first password hashed or verified) and
nodemailer (at the first mail sent), or build the OpenAPI document (at the first request of \`/api/docs\` or
\`/api/docs-json\`). What remained was \`require()\`: a CPU profile of a start put 77 % of it in resolving some
2,000 module paths and compiling each file. The bundle (one file to read, nothing to resolve) and V8's code cache
(nothing to compile again) take most of that away (ADR 0029).

### Second round (ADR 0029)

Measured once with this benchmark, three runs each taking turns, on this machine (${ROUND_TWO.measured}; load average
${ROUND_TWO.load}): commit ${ROUND_TWO.before.commit}, just before it, ${ROUND_TWO.before.app.join(', ')} ms (medians of 5 starts; CPU
${ROUND_TWO.before.appCpu} ms, the median of all 15; floor ${ROUND_TWO.before.floor} ms); with it ${ROUND_TWO.after.app.join(', ')} ms (CPU ${ROUND_TWO.after.appCpu} ms;
floor ${ROUND_TWO.after.floor} ms). Not re-measured by \`npm run bench\`.
A profile of a start from the bundle showed three costs that were not the application's: tslib bundled as an ES
module (its helpers copied afresh at each of some 250 \`require('tslib')\`), a bundle V8 held as a two-byte string
(non-ASCII characters in 83 regular expressions), decoded from UTF-8 and hashed at every start, and argon2 with its
native addon. What remains is running the modules' top level (Nest's, class-validator's and TypeORM's decorators
and metadata; Intl's first date format), reading the code cache, Nest's Express adapter, scanning the modules and
creating the providers (TypeORM's data source with 37 entities; the migrations check takes 1–2 ms), mapping the
105 routes, the scheduler's hooks and the cron jobs: ADR 0029 lists each step's share.`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
