import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Someone invited to one meeting for named agenda items only (role GUEST). */
@Entity('meeting_guests')
export class MeetingGuest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  meetingId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'simple-json' })
  itemIds!: string[];

  @Column({ type: Date })
  invitedAt!: Date;
}
