import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReferralStatus } from '@casustafel/contract/referrals';

/**
 * A warm handover of a case to another network of the installation (issue #14). Holds no identity:
 * it links the source case and, once accepted, the receiving network's new case (both ways). The
 * reasons are free text that passed the identity guard.
 */
@Entity('referrals')
@Index(['toNetworkId', 'createdAt'])
@Index(['fromNetworkId', 'createdAt'])
@Index(['caseId'])
export class Referral {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The source case, in the referring network. */
  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: 'varchar', length: 36 })
  fromNetworkId!: string;

  @Column({ type: 'varchar', length: 36 })
  toNetworkId!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: ReferralStatus;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 36 })
  createdById!: string;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  decidedById!: string | null;

  @Column({ type: Date, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  declineReason!: string | null;

  /** The receiving network's case, once accepted. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  newCaseId!: string | null;

  /** Whether the identity moved with it (consent given, or an OGGZ override with a reason); null until accepted. */
  @Column({ type: 'boolean', nullable: true })
  identityMoved!: boolean | null;
}
