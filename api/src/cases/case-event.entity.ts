import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseStatus } from '@casustafel/contract/enums';

/**
 * A change of a case's status, kept as its history (issue #12): written in the unit of work that
 * changes the status. Holds no client identity; the reason is free text checked by the identity guard.
 */
@Entity('case_events')
@Index(['caseId', 'at'])
export class CaseEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: Date })
  at!: Date;

  /** The status before; null when it is not known (a change from before this history was kept). */
  @Column({ type: 'varchar', length: 12, nullable: true })
  fromStatus!: CaseStatus | null;

  @Column({ type: 'varchar', length: 12 })
  toStatus!: CaseStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Who changed it; null when it is not known. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  userId!: string | null;
}
