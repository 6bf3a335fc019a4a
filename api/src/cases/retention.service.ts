import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dutchDate, plusMonthsAmsterdam } from '../common/amsterdam-time';
import { Clock } from '../common/clock';
import { CovenantsService } from '../covenants/covenants.service';
import { RunOnce } from '../database/run-once';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CasesService } from './cases.service';

/**
 * Retention (bewaartermijn): a case closed longer ago than its network's covenant allows loses
 * the client's identity for good. The first answers kept for idempotency keys (which may hold an
 * identity, encrypted) go after 24 hours. Runs daily at 03:00 — once that day, by whichever instance
 * claims the day first (ADR 0026) — and by hand with `npm run retention`.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly cases: CasesService,
    private readonly covenants: CovenantsService,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly once: RunOnce,
  ) {}

  /** The 03:00 run: how many identities it erased, or null when another instance (or an earlier run) had today's. */
  @Cron('0 3 * * *', { name: 'retention' })
  async daily(): Promise<number | null> {
    const run = await this.once.inSlot('retention', dutchDate(this.clock.now()), () => this.run());
    return run.ran ? run.result : null;
  }

  /** Returns how many identities were erased (by this run: one running at the same time may take some). */
  async run(): Promise<number> {
    const now = this.clock.now();
    const retentionByNetwork = new Map<string, number>();
    let erased = 0;
    for (const record of await this.cases.closedWithIdentity()) {
      if (!retentionByNetwork.has(record.networkId)) {
        retentionByNetwork.set(record.networkId, (await this.covenants.current(record.networkId)).retentionMonths);
      }
      const until = plusMonthsAmsterdam(record.closedAt!, retentionByNetwork.get(record.networkId)!);
      if (until <= now && (await this.cases.eraseIdentity(record))) erased++;
    }
    const keys = await this.idempotency.purgeExpired();
    if (erased + keys > 0 && this.dataSource.options.type === 'better-sqlite3') {
      // Move the erased pages out of the write-ahead log into the (zeroed) main file.
      await this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
    }
    this.logger.log(`Retention: ${erased} identities erased, ${keys} expired idempotency keys deleted.`);
    return erased;
  }
}
