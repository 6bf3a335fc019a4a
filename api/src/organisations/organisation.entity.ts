import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationKind } from '@casustafel/contract/enums';

@Entity('organisations')
export class Organisation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: OrganisationKind;

  @Column({ type: 'varchar', length: 80, nullable: true })
  sector!: string | null;

  @Column({ type: Date })
  createdAt!: Date;
}
