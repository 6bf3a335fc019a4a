import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ActionStatus, NotDoneReason } from '@casustafel/contract/meeting-rules';

/** Every change of an action, kept as history. */
@Entity('action_events')
@Index(['actionId'])
export class ActionEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  actionId!: string;

  @Column({ type: Date })
  at!: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: ActionStatus;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  notDoneReason!: NotDoneReason | null;
}
