import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A user's acceptance of a network's confidentiality statement (geheimhoudingsverklaring), valid 12 months. */
@Entity('confidentiality_acceptances')
@Index(['networkId', 'userId'])
export class ConfidentialityAcceptance {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'integer' })
  covenantVersion!: number;

  @Column({ type: Date })
  acceptedAt!: Date;

  @Column({ type: Date })
  validUntil!: Date;
}
