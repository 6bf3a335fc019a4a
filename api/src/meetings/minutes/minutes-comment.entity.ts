import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('minutes_comments')
@Index(['meetingId'])
export class MinutesComment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ type: 'varchar', length: 40 })
  sectionId!: string;

  @Column({ type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  resolvedAt!: Date | null;
}
