import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { NetworkRole } from '@casustafel/contract/enums';
import { User } from '../users/user.entity';
import { Network } from './network.entity';

/** The role a user holds in one network (at most one per network). */
@Entity('network_roles')
export class NetworkRoleAssignment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  networkId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'networkId' })
  network?: Network;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  role!: NetworkRole;

  @Column({ type: Date })
  createdAt!: Date;
}
