import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A claimed run of a scheduled job for one slot (retention: an Amsterdam day; the notification
 * schedule: ten minutes). Inserting the row is the claim: the one instance whose row it is runs the
 * job, every other skips that slot (RunOnce.inSlot, ADR 0026). Kept 30 days as a record.
 */
@Entity('job_runs')
export class JobRun {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  job!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  slot!: string;

  /** Made afresh for every claim: whoever finds their own id in the row after inserting it runs the job. */
  @Column({ type: 'varchar', length: 36 })
  claimId!: string;

  @Column({ type: Date })
  startedAt!: Date;

  /** Null while it runs, or when the run failed or its instance stopped halfway. */
  @Column({ type: Date, nullable: true })
  finishedAt!: Date | null;
}
