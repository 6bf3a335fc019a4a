import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A correction after approval: added, never a silent change. */
@Entity('minutes_addenda')
@Index(['meetingId'])
export class MinutesAddendum {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ type: Date })
  createdAt!: Date;
}
