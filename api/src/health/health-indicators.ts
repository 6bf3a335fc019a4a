import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, MigrationExecutor, type Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { MailMessage } from '../mail/mail-message.entity';

/** How long the database may take to answer SELECT 1. */
const PING_TIMEOUT_MS = 3000;

/**
 * The checks of /api/health/ready. Each answers with fixed words and counts only: an error's own text
 * (a driver's message can name a host, a user or a value) and any record's data stay out of the answer,
 * which anyone may read.
 */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @InjectRepository(MailMessage) private readonly outbox: Repository<MailMessage>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The database answers SELECT 1 within three seconds. */
  async database(): Promise<HealthIndicatorResult<'database'>> {
    const check = this.health.check('database');
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS)));
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return check.up();
    } catch {
      return check.down({ message: 'De database antwoordt niet.' });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Every migration the app knows of has run (read only: it neither creates the migrations table nor runs anything). */
  async migrations(): Promise<HealthIndicatorResult<'migrations'>> {
    const check = this.health.check('migrations');
    try {
      const pending = (await new MigrationExecutor(this.dataSource).getPendingMigrations()).length;
      return pending === 0 ? check.up({ pending }) : check.down({ message: 'Er zijn migraties die nog niet gedraaid hebben.', pending });
    } catch {
      return check.down({ message: 'De migraties konden niet gelezen worden.' });
    }
  }

  /** No message that is neither sent nor given up has waited longer than HEALTH_MAIL_LAG_MINUTES since it was written. */
  async mailOutbox(): Promise<HealthIndicatorResult<'mailOutbox'>> {
    const check = this.health.check('mailOutbox');
    const thresholdMinutes = this.config.healthMailLagMinutes;
    try {
      const oldest = await this.outbox.findOne({
        select: { id: true, createdAt: true },
        where: { sentAt: IsNull(), failedAt: IsNull() },
        order: { createdAt: 'ASC' },
      });
      const lagMinutes = oldest ? Math.max(0, Math.floor((this.clock.now().getTime() - oldest.createdAt.getTime()) / 60_000)) : 0;
      return lagMinutes < thresholdMinutes
        ? check.up({ lagMinutes, thresholdMinutes })
        : check.down({ message: 'Er wachten mails langer dan de drempel.', lagMinutes, thresholdMinutes });
    } catch {
      return check.down({ message: 'De mail-outbox kon niet gelezen worden.' });
    }
  }
}
