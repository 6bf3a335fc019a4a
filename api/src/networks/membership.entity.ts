import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Ring } from '@casustafel/contract/enums';
import { Organisation } from '../organisations/organisation.entity';
import { Network } from './network.entity';

/** An organisation's membership of a network, in the core (kern) or the shell (schil). */
@Entity('memberships')
export class Membership {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  networkId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  organisationId!: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'networkId' })
  network?: Network;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 8 })
  ring!: Ring;

  /** Date of joining, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  since!: string;

  /** How many open actions an informal or hybrid organisation can carry here (issue #13); null when not recorded. */
  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;
}
