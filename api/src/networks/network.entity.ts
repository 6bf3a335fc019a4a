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

  /** When the coordinator last confirmed that every role holder still needs their role (yearly), and who. */
  @Column({ type: Date, nullable: true })
  rolesConfirmedAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  rolesConfirmedById!: string | null;
}
