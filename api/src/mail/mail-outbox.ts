import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { newId } from '../database/ids';
import { within } from '../database/unit-of-work';
import { MailMessage } from './mail-message.entity';
import type { MailTemplate, MailTemplates } from './mail-templates';

export interface OutgoingMail<T extends MailTemplate> {
  to: string;
  template: T;
  data: MailTemplates[T];
}

/**
 * The one way to send mail: a row in the outbox, written with the caller's unit of work, so that the
 * mail exists exactly when the event that causes it was committed. The MailWorker sends it.
 */
@Injectable()
export class MailOutbox {
  constructor(
    @InjectRepository(MailMessage) private readonly messages: Repository<MailMessage>,
    private readonly clock: Clock,
  ) {}

  async enqueue<T extends MailTemplate>(manager: EntityManager | undefined, mail: OutgoingMail<T>): Promise<string> {
    const now = this.clock.now();
    const id = newId();
    await within(this.messages, manager).insert({
      id,
      recipient: mail.to,
      template: mail.template,
      data: JSON.stringify(mail.data),
      createdAt: now,
      dueAt: now,
      attempts: 0,
      claimedBy: null,
      claimedUntil: null,
      sentAt: null,
      failedAt: null,
      lastError: null,
    });
    return id;
  }
}
