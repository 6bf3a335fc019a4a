import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import type { RenderedMail } from './mail-templates';

/**
 * Hands a rendered mail to the SMTP server of SMTP_URL, or, without it (never in production), writes
 * it as an .eml file to the outbox folder so that a developer can open it in a mail program.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  /** Made at the first message: nodemailer is loaded then, not when the app starts (issue #15, cold start). */
  private transporter: Transporter | undefined;
  readonly toFiles: boolean;

  constructor(private readonly config: AppConfig) {
    this.toFiles = !config.smtpUrl;
    if (this.toFiles) {
      this.logger.log(`No SMTP_URL: mail is not sent but written as .eml files to ${config.mailOutboxDir}`);
    }
  }

  /** Sends (or writes) one message; `id` names the file. Throws when the server refuses or cannot be reached. */
  async send(id: string, to: string, mail: RenderedMail): Promise<void> {
    const info = (await this.transport().sendMail({
      from: this.config.mailFrom,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${id}@casustafel>`,
      // An invitation's calendar part: text/calendar; method=REQUEST (or CANCEL), as calendar programs expect it.
      ...(mail.calendar
        ? { icalEvent: { method: mail.calendar.method, filename: 'uitnodiging.ics', content: mail.calendar.content } }
        : {}),
      ...(mail.listUnsubscribe ? { list: { unsubscribe: mail.listUnsubscribe } } : {}),
    })) as { message?: Buffer };
    if (this.toFiles && info.message) {
      await mkdir(this.config.mailOutboxDir, { recursive: true });
      const file = join(this.config.mailOutboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`);
      await writeFile(file, info.message, { mode: 0o600 });
      this.logger.log(`Mail ${id} written to ${file}`);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }

  private transport(): Transporter {
    if (this.transporter) return this.transporter;
    const nodemailer = require('nodemailer') as typeof import('nodemailer');
    const smtpUrl = this.config.smtpUrl;
    this.transporter = smtpUrl
      ? nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    return this.transporter;
  }
}
