import { Injectable, Logger } from '@nestjs/common';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppConfig } from '../config/app-config';
import { accessLogKeys } from './access-log-chain';

/** The head of the chain as last seen by the application. */
export interface AnchorHead {
  seq: number;
  hash: string;
  /** When the anchor was written (ISO 8601). */
  at: string;
  /** The first entry chained with the key; every later entry must be keyed too. Null while there is none. */
  keyedFrom: number | null;
}

export type AnchorReading = { state: 'absent' } | { state: 'invalid' } | { state: 'valid'; head: AnchorHead };

/**
 * The signed head of the access log, kept outside the database: a small JSON file
 * `{seq, hash, at, keyedFrom, mac}` whose mac is an HMAC under a key derived from the data key.
 * Someone who can change the database (or this file) cannot make a valid one, so cutting the newest
 * entries, or rewriting the chain, shows in `verify`. The anchor only ever moves forward; a file that
 * does not verify is left alone as evidence. Without a path (an in-memory database) it lives in memory.
 */
@Injectable()
export class AccessLogAnchor {
  private readonly logger = new Logger('AccessLogAnchor');
  /** Where the anchor lives: a file path, or null for memory. */
  readonly path: string | null;
  private readonly key: Buffer;
  private memory: string | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(config: AppConfig) {
    this.key = accessLogKeys(config.dataKey).anchorKey;
    this.path = config.accessLogAnchorPath;
  }

  async read(): Promise<AnchorReading> {
    const raw = await this.load();
    if (raw === null) return { state: 'absent' };
    try {
      const parsed = JSON.parse(raw) as Record<string, unknown>;
      const head: AnchorHead = {
        seq: parsed['seq'] as number,
        hash: parsed['hash'] as string,
        at: parsed['at'] as string,
        keyedFrom: (parsed['keyedFrom'] ?? null) as number | null,
      };
      const valid =
        Number.isInteger(head.seq) &&
        head.seq >= 0 &&
        typeof head.hash === 'string' &&
        /^[0-9a-f]{64}$/.test(head.hash) &&
        typeof head.at === 'string' &&
        (head.keyedFrom === null || Number.isInteger(head.keyedFrom)) &&
        typeof parsed['mac'] === 'string' &&
        this.macMatches(head, parsed['mac']);
      return valid ? { state: 'valid', head } : { state: 'invalid' };
    } catch {
      return { state: 'invalid' };
    }
  }

  /**
   * Writes the head when it is ahead of the stored one. Never moves backwards, and never replaces
   * an anchor that does not verify. Writes are serialised and atomic (temporary file, then rename).
   */
  advance(head: AnchorHead): Promise<'written' | 'kept' | 'refused'> {
    const run = this.writes.then(async () => {
      const current = await this.read();
      if (current.state === 'invalid') {
        this.logger.error('Het anker van het toegangslogboek is ongeldig; het blijft staan tot een beheerder het onderzoekt.');
        return 'refused' as const;
      }
      if (current.state === 'valid') {
        if (current.head.seq >= head.seq) return 'kept' as const;
        head = { ...head, keyedFrom: current.head.keyedFrom ?? head.keyedFrom };
      }
      await this.store(JSON.stringify({ ...head, mac: this.mac(head) }) + '\n');
      return 'written' as const;
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  private mac(head: AnchorHead): string {
    return createHmac('sha256', this.key)
      .update(JSON.stringify([head.seq, head.hash, head.at, head.keyedFrom]))
      .digest('hex');
  }

  private macMatches(head: AnchorHead, mac: string): boolean {
    const expected = Buffer.from(this.mac(head), 'hex');
    const given = Buffer.from(mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private async load(): Promise<string | null> {
    if (this.path === null) return this.memory;
    try {
      return await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private async store(text: string): Promise<void> {
    if (this.path === null) {
      this.memory = text;
      return;
    }
    await mkdir(dirname(this.path), { recursive: true });
    // A name of its own per write, not per process id: two containers both run as pid 1.
    const temporary = `${this.path}.${randomUUID()}.tmp`;
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, this.path);
  }
}
