import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NetworkKind } from '@casustafel/contract/enums';

@Entity('networks')
export class Network {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: NetworkKind;

  @Column({ type: 'varchar', length: 120 })
  area!: string;

  @Column({ type: Date })
  createdAt!: Date;
}
