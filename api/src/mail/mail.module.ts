import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailMessage } from './mail-message.entity';
import { MailOutbox } from './mail-outbox';
import { MailTransport } from './mail-transport';
import { MailWorker } from './mail-worker';

/** The outbox: other modules enqueue mail in their unit of work (MailOutbox). */
@Module({
  imports: [TypeOrmModule.forFeature([MailMessage])],
  providers: [MailOutbox],
  exports: [MailOutbox],
})
export class MailModule {}

/** The sender: only in the serving app, not in a command-line context (npm run retention). */
@Module({
  imports: [TypeOrmModule.forFeature([MailMessage])],
  providers: [MailTransport, MailWorker],
  exports: [MailWorker],
})
export class MailWorkerModule {}
