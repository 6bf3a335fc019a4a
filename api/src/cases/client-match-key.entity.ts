import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The installation-wide match key of a case's client (issue #14, ADR 0021): one keyed hash of the
 * folded surname, date of birth and postcode, not bound to the network, so that "known in another
 * network?" finds the same client elsewhere without decrypting anything. Written with the identity,
 * erased with it. No clear text.
 */
@Entity('client_match_keys')
export class ClientMatchKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  matchKey!: string;
}
