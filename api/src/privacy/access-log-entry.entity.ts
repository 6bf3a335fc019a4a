import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AccessAction } from '@casustafel/contract/access-log';

/**
 * Append-only access log in the spirit of NEN 7513. Each entry carries the hash of the previous
 * one; UPDATE and DELETE are refused by database triggers. No clear-text identity is ever stored here.
 */
@Entity('access_log')
@Index(['networkId', 'caseId'])
export class AccessLogEntry {
  /** Position in the chain, from 1. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: Date })
  at!: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  organisationId!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  role!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  networkId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 12 })
  action!: AccessAction;

  /** For reads of consultative questions (which hold no identity, but are logged all the same). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  questionId!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  level!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  context!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 8 })
  outcome!: 'OK' | 'DENIED';

  @Column({ type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
