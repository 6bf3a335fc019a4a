import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Up to which access-log entry a coordinator has seen the administrator's changes in a network. */
@Entity('admin_changes_seen')
export class AdminChangesSeen {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  networkId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'integer' })
  seenSeq!: number;

  @Column({ type: Date })
  seenAt!: Date;
}
