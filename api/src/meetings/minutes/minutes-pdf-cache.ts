import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import type { MinutesPdfInput } from './minutes-pdf';

/** The cache holds at most this many bytes of PDFs besides its entry count (PDF_CACHE_ENTRIES). */
const MAX_BYTES = 32 * 1024 * 1024;

interface Entry {
  meetingId: string;
  bytes: Promise<Buffer>;
  size: number;
}

/**
 * Rendered PDFs of approved minutes, in memory, least recently used out first (ADR 0024).
 *
 * The key is a SHA-256 of everything the PDF is drawn from — the reader's minutes as the disclosure
 * policy left them (every client's name at this reader's level, the actions they may see, the
 * addenda) and the reader named in the footer — so a reader gets cached bytes only when a fresh
 * rendering would show exactly the same: another level, another reader, a new addendum or a changed
 * decision is another key, whatever instance of the app served it first. The policy is applied
 * before the key is taken; the cache never decides what anyone sees. The footer's moment is the one
 * of the first rendering ("Opgesteld … op"): the document was drawn up then.
 *
 * Only approved minutes: they change only by addendum, and an addendum drops the meeting's entries
 * (`forget`) so that their bytes do not linger until they age out. Drafts are rendered every time.
 * Concurrent requests for the same key share one rendering.
 */
@Injectable()
export class MinutesPdfCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly config: AppConfig) {}

  /** The PDF for this input and reader: from the cache when approved minutes were rendered the same before, else `render()`. */
  async get(
    meetingId: string,
    input: MinutesPdfInput,
    reader: { name: string; organisation: string },
    render: () => Promise<Buffer>,
  ): Promise<Buffer> {
    if (input.status !== 'APPROVED' || this.config.pdfCacheEntries === 0) return render();
    const key = createHash('sha256')
      .update(JSON.stringify([meetingId, input, reader]))
      .digest('hex');
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // re-insert: most recently used last
      this.entries.set(key, hit);
      return hit.bytes;
    }
    const entry: Entry = { meetingId, bytes: render(), size: 0 };
    this.entries.set(key, entry);
    try {
      const bytes = await entry.bytes;
      if (this.entries.get(key) === entry) {
        entry.size = bytes.length;
        this.bytes += bytes.length;
        this.evict();
      }
      return bytes;
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    }
  }

  /** Drops every cached PDF of the meeting (an addendum changed its minutes). */
  forget(meetingId: string): void {
    for (const [key, entry] of this.entries) if (entry.meetingId === meetingId) this.remove(key, entry);
  }

  /** Entries and bytes held, for tests and benchmarks. */
  get stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.config.pdfCacheEntries && this.bytes <= MAX_BYTES) return;
      this.remove(key, entry);
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}
