import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DisclosureMatrix } from '@casustafel/contract/covenant';

/** One version of a network's privacy covenant. A change makes a new row; old rows stay for old minutes. */
@Entity('covenant_versions')
@Index(['networkId', 'version'], { unique: true })
export class CovenantVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'simple-json' })
  levels!: DisclosureMatrix;

  @Column({ type: 'integer' })
  retentionMonths!: number;

  @Column({ type: 'boolean' })
  anonymousQuestionSubmitter!: boolean;

  /** Issue #14: whether this network's coordinator may ask "known in another network?" and this network is searched. Off by default. */
  @Column({ type: 'boolean', default: false })
  knownElsewhereCheck!: boolean;

  @Column({ type: 'text' })
  confidentialityStatement!: string;

  @Column({ type: Date })
  createdAt!: Date;

  /** Null for the template version made when the network first needed a covenant. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById!: string | null;
}
