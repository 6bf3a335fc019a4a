import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Keyed hashes (blind indexes) of a client's identifying values: folded surname, street,
 * postcode, postcode with house number, phone and date of birth, each bound to its kind and
 * network. The identity guard matches free text against them without decrypting anything. No
 * clear text, and not even the kind of a value is stored. Erased with the identity.
 */
@Entity('client_identifiers')
export class ClientIdentifier {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  caseId!: string;

  @Index()
  @PrimaryColumn({ type: 'varchar', length: 64 })
  hash!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;
}
