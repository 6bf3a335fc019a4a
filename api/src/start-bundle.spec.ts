import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A bundle in the shape esbuild writes (CommonJS), with enough functions that V8 has code to cache. */
function bundleSource(variant: string, started = 'Promise.resolve()'): string {
  const functions = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x * ${i} + ${JSON.stringify(variant)}.length; }`);
  return [
    ...functions,
    `let sum = 0; for (let i = 0; i < 50; i++) sum += eval('f' + i)(i);`,
    `exports.variant = ${JSON.stringify(variant)};`,
    `exports.sum = sum;`,
    `exports.sibling = require('./sibling.js').name;`,
    `exports.folder = __dirname;`,
    `exports.started = ${started};`,
  ].join('\n');
}

/**
 * Starts the bundle in a process of its own, as `node dist/api/api/src/main.js` does: within one process V8
 * keeps what it compiled and would not look at a cache the second time.
 */
function start(file: string): { cache: string; written: boolean; exports: Record<string, unknown> } {
  const script = `
    const { startBundle } = require(${JSON.stringify(resolve(__dirname, 'start-bundle.ts'))});
    const run = startBundle(process.argv[1]);
    Promise.resolve(run.exports.started).catch(() => undefined);
    run.written.then((written) => {
      const { started, ...exports } = run.exports;
      process.stdout.write(JSON.stringify({ cache: run.cache, written, exports }));
    });`;
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script, file], {
    env: { ...process.env, TS_NODE_PROJECT: resolve(__dirname, '../tsconfig.json') },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('startBundle (the server bundle with V8 code cache, ADR 0027)', () => {
  let folder: string;
  let file: string;
  const caches = () => readdirSync(folder).filter((name) => name.endsWith('.cache'));
  const sum = Array.from({ length: 50 }, (_, i) => i * i + 3).reduce((a, b) => a + b);

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'casustafel-bundle-'));
    file = join(folder, 'server.bundle.js');
    writeFileSync(join(folder, 'sibling.js'), `exports.name = 'naast de bundel';`);
    writeFileSync(file, bundleSource('een'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('runs the bundle as a module of its folder, writes the cache once it started, and uses it the next start', () => {
    const first = start(file);
    expect(first).toEqual({ cache: 'absent', written: true, exports: { variant: 'een', sibling: 'naast de bundel', folder, sum } });
    expect(caches()).toEqual([expect.stringMatching(/^server\.bundle\.[0-9a-f]{16}\.cache$/)]);

    expect(start(file)).toEqual({ cache: 'used', written: false, exports: { variant: 'een', sibling: 'naast de bundel', folder, sum } });
  });

  it('does not use the cache of another bundle, even one of the same length, and removes it when writing its own', () => {
    start(file);
    const [old] = caches();
    writeFileSync(file, bundleSource('twe'));
    expect(start(file)).toMatchObject({ cache: 'absent', written: true, exports: { variant: 'twe' } });
    expect(caches()).toHaveLength(1);
    expect(caches()).not.toContain(old);
  });

  it('compiles afresh when V8 refuses a cache, and replaces it', () => {
    start(file);
    const [cache] = caches();
    writeFileSync(join(folder, cache), 'geen code van V8');
    expect(start(file)).toMatchObject({ cache: 'rejected', written: true, exports: { variant: 'een', sum } });
    expect(readFileSync(join(folder, cache), 'utf8')).not.toBe('geen code van V8');
    expect(start(file).cache).toBe('used');
  });

  it('reads a bundle that is not pure ASCII as UTF-8 (the build escapes what esbuild leaves, but a bundle need not come from the build)', () => {
    writeFileSync(file, bundleSource('één €'));
    expect(start(file)).toMatchObject({ cache: 'absent', written: true, exports: { variant: 'één €' } });
    expect(start(file)).toMatchObject({ cache: 'used', exports: { variant: 'één €' } });
  });

  it('writes no cache for a start that failed', () => {
    writeFileSync(file, bundleSource('een', `Promise.reject(new Error('start mislukt'))`));
    expect(start(file)).toMatchObject({ cache: 'absent', written: false });
    expect(caches()).toEqual([]);
  });

  it('starts without a cache where none can be written', () => {
    start(file);
    const [cache] = caches();
    // A folder in the way of the cache, as a read-only image would be.
    rmSync(join(folder, cache));
    mkdirSync(join(folder, cache));
    expect(start(file)).toEqual({ cache: 'absent', written: false, exports: { variant: 'een', sibling: 'naast de bundel', folder, sum } });
    expect(readdirSync(folder).filter((entry) => entry.endsWith('.tmp'))).toEqual([]);
  });
});
