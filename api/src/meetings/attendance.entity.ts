import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttendanceStatus } from '@casustafel/contract/meeting-rules';

@Entity('attendances')
export class Attendance {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  meetingId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: AttendanceStatus;

  /** The people present for this organisation. */
  @Column({ type: 'simple-json' })
  userIds!: string[];
}
