import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import type { AccessAction, AccessLogEntryView, AccessLogVerification } from '@casustafel/contract/access-log';
import type { DisclosureContext, DisclosureLevel } from '@casustafel/contract/enums';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { OrganisationsService } from '../organisations/organisations.service';
import { UsersService } from '../users/users.service';
import { AccessLogEntry } from './access-log-entry.entity';

export interface AccessEvent {
  viewer: Viewer | null;
  role: string | null;
  networkId: string | null;
  caseId: string | null;
  questionId?: string | null;
  action: AccessAction;
  level: DisclosureLevel | null;
  context: DisclosureContext | null;
  outcome?: 'OK' | 'DENIED';
}

const GENESIS = '0'.repeat(64);

function entryHash(e: Omit<AccessLogEntry, 'hash'>): string {
  const fields: unknown[] = [
    e.seq, e.at.toISOString(), e.userId, e.organisationId, e.role, e.networkId, e.caseId,
    e.action, e.level, e.context, e.ip, e.outcome, e.prevHash,
  ];
  // Added later: part of the hash only when set, so that older entries keep verifying.
  if (e.questionId) fields.push(e.questionId);
  const canonical = JSON.stringify(fields);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The append-only, hash-chained access log. Writes are queued in this process and retried when
 * another instance took the same sequence number, so the chain stays one line.
 */
@Injectable()
export class AccessLogService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectRepository(AccessLogEntry) private readonly entries: Repository<AccessLogEntry>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
  ) {}

  record(events: AccessEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    const run = this.queue.then(() => this.appendWithRetry(events));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async list(networkId: string, caseId?: string): Promise<AccessLogEntryView[]> {
    const rows = await this.entries.find({ where: { networkId, ...(caseId ? { caseId } : {}) }, order: { seq: 'DESC' }, take: 2000 });
    const userIds = [...new Set(rows.map((r) => r.userId).filter((id): id is string => !!id))];
    const users = new Map((await this.users.findByIds(userIds)).map((u) => [u.id, u]));
    const orgs = new Map((await this.organisations.list()).map((o) => [o.id, o]));
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      user: r.userId && users.get(r.userId) ? { id: r.userId, name: users.get(r.userId)!.name } : null,
      organisation: r.organisationId && orgs.get(r.organisationId) ? { id: r.organisationId, name: orgs.get(r.organisationId)!.name } : null,
      role: r.role as AccessLogEntryView['role'],
      caseId: r.caseId,
      questionId: r.questionId,
      caseNumber: null,
      action: r.action,
      level: r.level as DisclosureLevel | null,
      context: r.context as DisclosureContext | null,
      ip: r.ip,
      outcome: r.outcome,
    }));
  }

  /** Recomputes the whole chain, in batches. */
  async verify(): Promise<AccessLogVerification> {
    let prevHash = GENESIS;
    let expectedSeq = 1;
    for (;;) {
      const batch = await this.entries.find({ where: {}, order: { seq: 'ASC' }, skip: expectedSeq - 1, take: 1000 });
      if (batch.length === 0) return { ok: true, entries: expectedSeq - 1 };
      for (const entry of batch) {
        const { hash, ...rest } = entry;
        if (entry.seq !== expectedSeq || entry.prevHash !== prevHash || entryHash(rest) !== hash) {
          return { ok: false, entries: expectedSeq - 1, brokenAt: entry.seq };
        }
        prevHash = hash;
        expectedSeq++;
      }
    }
  }

  private async appendWithRetry(events: AccessEvent[], attempt = 1): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(AccessLogEntry);
        const [last] = await repo.find({ order: { seq: 'DESC' }, take: 1 });
        let seq = last?.seq ?? 0;
        let prevHash = last?.hash ?? GENESIS;
        const at = this.clock.now();
        const rows: AccessLogEntry[] = [];
        for (const e of events) {
          seq++;
          const row = {
            seq,
            at,
            userId: e.viewer?.id ?? null,
            organisationId: e.viewer?.organisationId ?? null,
            role: e.role,
            networkId: e.networkId,
            caseId: e.caseId,
            questionId: e.questionId ?? null,
            action: e.action,
            level: e.level,
            context: e.context,
            ip: e.viewer?.ip ?? null,
            outcome: e.outcome ?? 'OK',
            prevHash,
          };
          const hash = entryHash(row);
          rows.push({ ...row, hash });
          prevHash = hash;
        }
        await repo.insert(rows);
      });
    } catch (error) {
      // Another API instance appended first (same seq): read the new head and try again.
      if (attempt < 8 && /unique|duplicate|primary key|constraint/i.test(String((error as Error)?.message))) {
        return this.appendWithRetry(events, attempt + 1);
      }
      throw error;
    }
  }
}
