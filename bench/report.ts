import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from '../api/src/app.module';
import { Clock } from '../api/src/common/clock';
import { readConfig } from '../api/src/config/app-config';

const FILE = resolve(__dirname, '../docs/performance.md');
const HEAD = `# Performance

Measured by benchmarks under \`bench/\`, never by timed assertions in tests. Re-run with \`npm run bench\`;
each benchmark rewrites its own section below.
`;

/** Replaces (or adds) one benchmark's section of docs/performance.md, keeping the others. */
export function writeSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEAD;
  if (!text.includes('<!-- bench:')) text = HEAD; // the old single-benchmark file
  const from = text.indexOf(start);
  text = from >= 0 ? text.slice(0, from) + block + text.slice(text.indexOf(end) + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, text);
  process.stdout.write(`${markdown.trim()}\n\n`);
}

/** Median wall time of `fn` in milliseconds over `runs` calls, after one warm-up. */
export async function median<T>(runs: number, fn: () => Promise<T> | T): Promise<{ median: number; last: T }> {
  let last = await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    last = await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], last };
}

/** The middle of the samples (the upper one of the two for an even count, as median() takes it). */
export const middle = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

/**
 * The real app on in-memory SQLite with the migrations run, without HTTP or demo data, for a benchmark of services.
 * `env` overrides the settings (a SQLite file in DATABASE_PATH, say, for a floor that opens the same file).
 */
export async function benchApp(env: Record<string, string> = {}): Promise<INestApplication> {
  const config = readConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: ':memory:',
    SEED_DEMO_DATA: 'false',
    CLIENT_DIST: '/nonexistent',
    CASUSTAFEL_DATA_KEY: randomBytes(32).toString('base64'),
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, new Clock(), { serve: false })] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}
