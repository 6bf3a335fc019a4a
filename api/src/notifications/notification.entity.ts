import type { NotificationKind, NotificationMode } from '@casustafel/contract/notifications';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One notification for one user (issue #14): what happened (`kind`, `params`), where (`networkId`,
 * `link`), and how it went out by mail (`emailMode` as the user had chosen when it was made;
 * `digestedAt` once a daily digest took it). `params` hold no identity and no free text from a case,
 * question or note; a case is named by `caseId` and labelled for the reader when it is shown.
 * `dedupeKey` makes a scheduled notification (due soon, overdue, an agenda) exist once per user,
 * however many API instances run the schedule.
 */
@Entity('notifications')
@Index(['userId', 'createdAt'])
@Index(['emailMode', 'digestedAt', 'userId'])
@Index(['subjectId'])
@Index(['caseId'])
@Index(['dedupeKey'], { unique: true })
export class Notification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: NotificationKind;

  /** The case it is about, if any: labelled by the disclosure policy when shown, left out when hidden. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  caseId!: string | null;

  /** The action, minutes' meeting, question, case, meeting or referral it is about. */
  @Column({ type: 'varchar', length: 36 })
  subjectId!: string;

  /** NotificationParams as JSON. */
  @Column({ type: 'text' })
  params!: string;

  /** A path in the app. */
  @Column({ type: 'varchar', length: 200 })
  link!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  readAt!: Date | null;

  @Column({ type: 'varchar', length: 10 })
  emailMode!: NotificationMode;

  @Column({ type: Date, nullable: true })
  digestedAt!: Date | null;
}

/** A user's choice for one kind; a kind without a row has its default (DEFAULT_MODE). */
@Entity('notification_settings')
export class NotificationSetting {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 10 })
  mode!: NotificationMode;
}

/** The daily digest a user got on a day (Amsterdam date): claimed by inserting it, so that it goes out once. */
@Entity('notification_digests')
export class NotificationDigest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  /** YYYY-MM-DD, Amsterdam. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: Date })
  sentAt!: Date;
}
