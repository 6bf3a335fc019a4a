import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Piscina } from 'piscina';
import { AppConfig } from '../config/app-config';
import type { PdfTask } from './pdf.worker';

/**
 * Renders PDFs in worker threads (ADR 0024), so that laying out a document — hundreds of
 * milliseconds of CPU — never holds up other requests on the event loop. Size: PDF_WORKERS (default
 * the number of cores minus one, at least 1); more requests than workers wait in the pool's queue.
 *
 * The pool starts at the first PDF, not with the app (piscina is loaded then too, issue #15). The worker is `pdf.worker.js` beside this file
 * in the build (tsc compiles it with the rest); run from TypeScript sources (tests, benchmarks) it is
 * `pdf.worker.ts`, which the worker loads through ts-node (transpile only) and tsconfig-paths.
 */
@Injectable()
export class PdfPool implements OnModuleDestroy {
  private pool: Piscina | undefined;
  private preparing = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly config: AppConfig) {}

  /**
   * Runs `work` — gathering what a PDF is made of on the event loop: the reader's view, the
   * disclosure decisions — when fewer than `size` others do so, else after them, first come first
   * served. Twenty downloads at once would otherwise prepare twenty documents at once, every turn of
   * the event loop a part of each, holding up everything else for the lot, while the workers can
   * render only `size` of them at a time anyway (issue #15).
   */
  async prepare<T>(work: () => Promise<T>): Promise<T> {
    if (this.preparing >= this.size) await new Promise<void>((admit) => this.waiting.push(admit));
    else this.preparing++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.preparing--;
    }
  }

  async render(task: PdfTask): Promise<Buffer> {
    const bytes = (await this.start().run(task)) as ArrayBuffer;
    return Buffer.from(bytes);
  }

  /** The number of worker threads the pool runs. */
  get size(): number {
    return this.config.pdfWorkers;
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private start(): Piscina {
    if (this.pool) return this.pool;
    const { Piscina } = require('piscina') as typeof import('piscina');
    this.pool = new Piscina({ ...workerFile(), minThreads: this.size, maxThreads: this.size, idleTimeout: 60_000 });
    return this.pool;
  }
}

/** The worker file, compiled or (under ts-node and Jest) as TypeScript with what the worker needs to load it. */
function workerFile(): { filename: string; execArgv?: string[]; env?: NodeJS.ProcessEnv } {
  const extension = extname(__filename);
  // In the server bundle (ADR 0027) __dirname is the bundle's folder, one above this one; the worker itself is not bundled.
  const filename = [resolve(__dirname, `pdf.worker${extension}`), resolve(__dirname, 'common', `pdf.worker${extension}`)].find((file) =>
    existsSync(file),
  );
  if (!filename) throw new Error('pdf.worker ontbreekt naast de server: bouw de API opnieuw (npm run build).');
  if (extension !== '.ts') return { filename };
  return {
    filename,
    execArgv: ['--require', 'ts-node/register/transpile-only', '--require', 'tsconfig-paths/register'],
    env: { ...process.env, TS_NODE_PROJECT: resolve(__dirname, '../../tsconfig.json') },
  };
}
