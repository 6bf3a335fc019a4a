import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One e-mail waiting to be sent, or sent (ADR 0013). Written in the same transaction as the event
 * that causes it; a worker claims it (`claimedBy` until `claimedUntil`), sends it and marks it sent,
 * or puts it back with a later `dueAt`. After sending, `data` is emptied: the link it held is no
 * longer needed, and a copy of the database should not hold it.
 */
@Entity('mail_outbox')
@Index(['sentAt', 'failedAt', 'dueAt'])
export class MailMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  /** The kind of mail (a key of MAIL_TEMPLATES); the text is made from the template when it is sent. */
  @Column({ type: 'varchar', length: 40 })
  template!: string;

  /** The template's values as JSON: names and links, never free text. */
  @Column({ type: 'text' })
  data!: string;

  @Column({ type: Date })
  createdAt!: Date;

  /** Not before this moment: the first attempt, or the next after a failure (exponential back-off). */
  @Column({ type: Date })
  dueAt!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** The worker that is sending it now, until `claimedUntil`; after that another worker may take it over. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimedBy!: string | null;

  @Column({ type: Date, nullable: true })
  claimedUntil!: Date | null;

  @Column({ type: Date, nullable: true })
  sentAt!: Date | null;

  /** Given up after the last attempt. */
  @Column({ type: Date, nullable: true })
  failedAt!: Date | null;

  /** What went wrong the last time: an error code and the SMTP status, never the message or the address. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  lastError!: string | null;
}
