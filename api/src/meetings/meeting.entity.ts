import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MeetingStatus } from '@casustafel/contract/meeting-rules';

/** A (core) meeting of a network: planned, in progress, closed, or cancelled. */
@Entity('meetings')
@Index(['networkId', 'startsAt'])
@Index('IDX_meetings_status_starts', ['status', 'startsAt'])
export class Meeting {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ type: Date })
  startsAt!: Date;

  @Column({ type: 'integer' })
  durationMinutes!: number;

  @Column({ type: 'varchar', length: 160, nullable: true })
  location!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  onlineUrl!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: MeetingStatus;

  /** Why the meeting does not take place (status CANCELLED), else null. */
  @Column({ type: 'text', nullable: true })
  cancelledReason!: string | null;

  /** Meetings planned together as a series share this id. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  seriesId!: string | null;

  /** The iCalendar SEQUENCE of its invitation: raised on every change of time or place and on cancelling (issue #14). */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @Column({ type: Date })
  createdAt!: Date;
}
