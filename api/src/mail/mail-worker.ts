import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, LessThan, LessThanOrEqual, Or, type Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { MailMessage } from './mail-message.entity';
import { MAIL_TEMPLATES, renderMail, type MailTemplate, type MailTemplates } from './mail-templates';
import { MailTransport } from './mail-transport';

/** How long a claim holds: longer than any send can take (the transport's timeouts are shorter). */
export const CLAIM_MS = 5 * 60_000;
/** The wait after the first failure; it doubles with every further failure, up to MAX_BACKOFF_MS. */
export const BACKOFF_BASE_MS = 30_000;
export const MAX_BACKOFF_MS = 60 * 60_000;
const BATCH = 20;

/** The wait before attempt `attempts + 1`, after `attempts` failures: 30 s, 1 min, 2 min, … up to an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MS);
}

/** An error as the outbox keeps it: its code and SMTP status, never its text (which may quote the address or the message). */
export function describeError(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; command?: unknown; name?: unknown };
  const parts = [typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'Error'];
  if (typeof e?.responseCode === 'number') parts.push(String(e.responseCode));
  if (typeof e?.command === 'string' && /^[A-Z ]{2,12}$/.test(e.command)) parts.push(e.command);
  return parts.join(' ').slice(0, 200);
}

/**
 * Sends what is due in the outbox (ADR 0013). Each message is claimed first with one conditional
 * UPDATE (only when nobody holds it, or their claim has run out), so that two API instances never
 * send the same message; then sent, then marked sent. A failure puts it back with exponential
 * back-off and keeps the error code; after MAIL_MAX_ATTEMPTS the message is given up and logged.
 * Runs every MAIL_INTERVAL_SECONDS (never by itself when that is 0: tests call runOnce).
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  /** This worker's name in claims; one per process. */
  readonly id = randomUUID();

  constructor(
    @InjectRepository(MailMessage) private readonly messages: Repository<MailMessage>,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mailIntervalSeconds <= 0) return;
    this.timer = setInterval(
      () => void this.runOnce().catch((error: unknown) => this.logger.error(`Mail worker: ${describeError(error)}`)),
      this.config.mailIntervalSeconds * 1000,
    );
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One round: sends every due message this worker manages to claim; returns how many were sent. Rounds do not overlap. */
  runOnce(): Promise<number> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private async round(): Promise<number> {
    const now = this.clock.now();
    const due = await this.messages.find({
      select: { id: true },
      where: {
        sentAt: IsNull(),
        failedAt: IsNull(),
        dueAt: LessThanOrEqual(now),
        claimedUntil: Or(IsNull(), LessThan(now)),
      },
      order: { dueAt: 'ASC' },
      take: BATCH,
    });
    let sent = 0;
    for (const { id } of due) {
      if (!(await this.claim(id, now))) continue;
      if (await this.deliver(id)) sent++;
    }
    return sent;
  }

  /** Takes the message when nobody holds it or their claim ran out: one statement, so only one worker wins. */
  private async claim(id: string, now: Date): Promise<boolean> {
    const result = await this.messages.update(
      { id, sentAt: IsNull(), failedAt: IsNull(), claimedUntil: Or(IsNull(), LessThan(now)) },
      { claimedBy: this.id, claimedUntil: new Date(now.getTime() + CLAIM_MS) },
    );
    return result.affected === 1;
  }

  private async deliver(id: string): Promise<boolean> {
    const message = await this.messages.findOneByOrFail({ id, claimedBy: this.id });
    try {
      if (!MAIL_TEMPLATES.includes(message.template as MailTemplate)) throw Object.assign(new Error(), { code: 'ETEMPLATE' });
      const rendered = renderMail(message.template as MailTemplate, JSON.parse(message.data) as MailTemplates[MailTemplate]);
      await this.transport.send(message.id, message.recipient, rendered);
    } catch (error) {
      await this.failed(message, error);
      return false;
    }
    await this.messages.update(
      { id, claimedBy: this.id },
      { sentAt: this.clock.now(), data: '{}', claimedBy: null, claimedUntil: null, lastError: null, attempts: message.attempts + 1 },
    );
    return true;
  }

  private async failed(message: MailMessage, error: unknown): Promise<void> {
    const attempts = message.attempts + 1;
    const lastError = describeError(error);
    const now = this.clock.now();
    if (attempts >= this.config.mailMaxAttempts) {
      await this.messages.update(
        { id: message.id, claimedBy: this.id },
        { attempts, lastError, failedAt: now, data: '{}', claimedBy: null, claimedUntil: null },
      );
      this.logger.error(`Mail ${message.id} (${message.template}) given up after ${attempts} attempts: ${lastError}`);
      return;
    }
    const dueAt = new Date(now.getTime() + backoffMs(attempts));
    await this.messages.update({ id: message.id, claimedBy: this.id }, { attempts, lastError, dueAt, claimedBy: null, claimedUntil: null });
    this.logger.warn(
      `Mail ${message.id} (${message.template}) not sent (attempt ${attempts}): ${lastError}; next attempt at ${dueAt.toISOString()}`,
    );
  }
}
