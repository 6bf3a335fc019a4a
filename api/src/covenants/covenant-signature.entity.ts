import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A partner organisation's signature under the network's covenant. */
@Entity('covenant_signatures')
@Index(['networkId'])
export class CovenantSignature {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ type: 'integer' })
  covenantVersion!: number;

  @Column({ type: 'varchar', length: 120 })
  signatory!: string;

  /** YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  signedOn!: string;

  @Column({ type: Date })
  recordedAt!: Date;
}
