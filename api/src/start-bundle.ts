/**
 * Runs the server bundle (api/tools/bundle.mjs, ADR 0027) as a CommonJS module, compiled with V8's code
 * cache: the compiled code of the functions a start runs, kept in `<name>.<hash>.cache` beside the
 * bundle. A start then neither resolves some two thousand modules nor compiles the same code again.
 *
 * The cache is written once the bundle's `started` promise settles (the server listens), when there
 * was none for this bundle or V8 refused it (another Node version or other flags); where the folder
 * cannot be written the server runs without it. V8 checks a cache against its own version and flags,
 * and a source of the same length: the hash of the bundle's content in the file name is what ties a
 * cache to this very bundle, and caches of other bundles are removed when a new one is written.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';

export interface BundleStart {
  /** What became of the code cache: used as it was, or none for this bundle, or refused by V8. */
  cache: 'used' | 'absent' | 'rejected';
  /** The bundle's exports (the server's `started`, for one). */
  exports: Record<string, unknown>;
  /** Settles when the cache was written (true), or not written (false: not needed, or the folder cannot be written). */
  written: Promise<boolean>;
}

export function startBundle(file: string): BundleStart {
  const folder = dirname(file);
  const name = basename(file, '.js');
  const bytes = readFileSync(file);
  // The build makes the bundle pure ASCII (tools/ascii-only.mjs): then it is its own one-byte string, copied
  // as it is, where decoding it as UTF-8 took longer than anything else in this function.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const hash = createHash('sha1').update(bytes).digest('hex').slice(0, 16);
  const cacheFile = join(folder, `${name}.${hash}.cache`);
  const cachedData = readCache(cacheFile);
  const script = new Script(Module.wrap(source), {
    filename: file,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(folder);
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(bundle.exports, bundle.exports, createRequire(file), bundle, file, folder);
  bundle.loaded = true;
  const exports = bundle.exports as Record<string, unknown>;
  const cache = !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  if (cache === 'used') return { cache, exports, written: Promise.resolve(false) };
  const started = (exports['started'] as Promise<unknown> | undefined) ?? Promise.resolve();
  const written = started.then(
    () => keepCache(script, cacheFile, name),
    () => false,
  );
  return { cache, exports, written };
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined; // none yet, or unreadable: compiled as without
  }
}

/** Writes the code cache (what V8 compiled until now) atomically, and removes the caches of other bundles of this name. */
function keepCache(script: Script, cacheFile: string, name: string): boolean {
  const folder = dirname(cacheFile);
  const partial = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch {
    // A folder that cannot be written (a read-only image): the next start compiles again, nothing else.
    rmSync(partial, { force: true });
    return false;
  }
  const others = new RegExp(`^${name.replace(/[.]/g, '\\.')}\\.[0-9a-f]{16}\\.cache$`);
  try {
    for (const other of readdirSync(folder))
      if (others.test(other) && join(folder, other) !== cacheFile) rmSync(join(folder, other), { force: true });
  } catch {
    // An old cache left behind costs only disk space.
  }
  return true;
}
