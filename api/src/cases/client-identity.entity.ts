import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A client's identity, apart from the case: AES-256-GCM ciphertext bound to the case id, and a
 * keyed hash of the surname for exact-match search (blind index). No clear text.
 */
@Entity('client_identities')
export class ClientIdentityRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ type: 'text' })
  ciphertext!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  surnameIndex!: string;
}
