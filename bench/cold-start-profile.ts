/**
 * Where a cold start goes (not a benchmark: it writes no docs). Starts the built API as bench/cold-start.ts does
 * (NODE_ENV=production, a migrated SQLite file, the code cache written by a first start), then a few more starts
 * under V8's sampling profiler, each stopped once the server listens, and prints the samples mapped back through
 * server.bundle.js.map: self time per package (or app folder), the time spent running module top levels per
 * package, and the functions with the most self and inclusive time. Profiling slows a start by a third or so;
 * compare shares, not milliseconds. ADR 0029 has what it showed. Run:
 * TS_NODE_PROJECT=api/tsconfig.json TS_NODE_TRANSPILE_ONLY=1 node -r ts-node/register bench/cold-start-profile.ts [starts]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { productionStartEnv } from './start-env';

const ROOT = resolve(__dirname, '..');
const MAIN = join(ROOT, 'dist/api/api/src/main.js');
const BUNDLE = join(ROOT, 'dist/api/api/src/server.bundle.js');
const STARTS = Number(process.argv[2] ?? 5);
const PORT = Number(process.env['BENCH_PORT'] ?? 3918);

/** Loaded before main.js: ends the process once the server listens, which makes V8 write the profile. */
const STOP_WHEN_LISTENING = `
const http = require('node:http');
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  this.once('listening', () => setImmediate(() => process.exit(0)));
  return listen.apply(this, args);
};`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A source map's segments per generated line: [column, source index, original line], sorted by column. */
function decodeMappings(mappings: string): number[][][] {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines: number[][][] = [];
  let source = 0;
  let line = 0;
  let column = 0;
  for (const text of mappings.split(';')) {
    const segments: number[][] = [];
    column = 0;
    for (const segment of text ? text.split(',') : []) {
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = digits.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        line += fields[2];
        segments.push([column, source, line]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

function main(): void {
  if (!existsSync(MAIN) || !existsSync(BUNDLE))
    execFileSync('npx', ['nx', 'run', 'api:build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  const map = JSON.parse(readFileSync(`${BUNDLE}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const lines = decodeMappings(map.mappings);
  /** The original file and line of a position in the bundle (0-based line and column, as V8 gives them). */
  const original = (line: number, column: number): { file: string; line: number } | null => {
    const segments = lines[line] ?? [];
    let found: number[] | undefined;
    for (let low = 0, high = segments.length - 1; low <= high;) {
      const middle = (low + high) >> 1;
      if (segments[middle][0] <= column) {
        found = segments[middle];
        low = middle + 1;
      } else high = middle - 1;
    }
    return found ? { file: map.sources[found[1]], line: found[2] + 1 } : null;
  };

  const dir = mkdtempSync(join(tmpdir(), 'casustafel-profile-'));
  try {
    writeFileSync(join(dir, 'stop.js'), STOP_WHEN_LISTENING);
    const env = productionStartEnv(dir, PORT);
    const start = (flags: string[]) => {
      const run = spawnSync(process.execPath, [...flags, '-r', join(dir, 'stop.js'), MAIN], { cwd: ROOT, env, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`start failed: ${run.stderr.slice(0, 500)}`);
    };
    start([]); // migrates, creates the administrator, writes the code cache
    const profiles = join(dir, 'profiles');
    for (let i = 0; i < STARTS; i++) start(['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--cpu-prof-interval=250']);

    const selfByPackage = new Map<string, number>();
    const topLevelByPackage = new Map<string, number>();
    const selfByFunction = new Map<string, number>();
    const inclusiveByFunction = new Map<string, number>();
    const add = (totals: Map<string, number>, key: string, ms: number) => totals.set(key, (totals.get(key) ?? 0) + ms / STARTS);
    let total = 0;
    for (const file of readdirSync(profiles)) {
      const profile = JSON.parse(readFileSync(join(profiles, file), 'utf8')) as Profile;
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const parent = new Map<number, number>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
      const described = new Map<number, { pkg: string; name: string; topLevel: boolean }>();
      const describe = (node: ProfileNode) => {
        let found = described.get(node.id);
        if (found) return found;
        const { functionName, url, lineNumber, columnNumber } = node.callFrame;
        const at = url.endsWith('/server.bundle.js') && lineNumber >= 0 ? original(lineNumber, columnNumber) : null;
        const path = at?.file ?? url;
        const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
        const pkg = !path
          ? functionName
          : inPackage
            ? inPackage[1]
            : /^(node:|[a-z_/]+$)/.test(path)
              ? `node:${path
                  .replace(/^node:/, '')
                  .split('/')
                  .slice(0, 2)
                  .join('/')}`
              : path.replace(/^.*?((?:api|contract)\/src\/(?:[^/]+\/)?)[^/]*$/, '$1');
        // esbuild names the function that runs a module's top level after the module's path.
        const topLevel = /\.(c|m)?js(on)?$/.test(functionName) && functionName.includes('/');
        const wrapped = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(functionName);
        const module = functionName.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)*dist\/api\//, '');
        found = topLevel
          ? {
              pkg: wrapped ? wrapped[1] : functionName.replace(/^.*?((?:api|contract)\/src\/(?:[^/]+\/)?)[^/]*$/, '$1'),
              name: `(top level) ${module}`,
              topLevel,
            }
          : {
              pkg,
              name: `${functionName || '(anonymous)'} ${path.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}${at ? `:${at.line}` : ''}`,
              topLevel,
            };
        described.set(node.id, found);
        return found;
      };
      profile.samples.forEach((id, i) => {
        const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        total += ms / STARTS;
        const stack: ProfileNode[] = [];
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
        const leaf = describe(stack[0]);
        add(selfByPackage, leaf.pkg, ms);
        add(selfByFunction, leaf.name, ms);
        const module = stack.map(describe).find((frame) => frame.topLevel);
        if (module) add(topLevelByPackage, module.pkg, ms);
        for (const name of new Set(stack.map((node) => describe(node).name))) add(inclusiveByFunction, name, ms);
      });
    }
    const show = (title: string, totals: Map<string, number>, count: number) => {
      process.stdout.write(`\n${title}\n`);
      for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, count))
        process.stdout.write(`${ms.toFixed(1).padStart(8)} ms  ${key}\n`);
    };
    process.stdout.write(`${STARTS} profiled starts, ${total.toFixed(0)} ms sampled per start (until the server listens)\n`);
    show('Self time per package or app folder', selfByPackage, 30);
    show('Running module top levels (the innermost module on the stack), per package or app folder', topLevelByPackage, 30);
    show('Self time per function', selfByFunction, 30);
    show('Inclusive time per function', inclusiveByFunction, 60);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
