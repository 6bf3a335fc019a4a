import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';

@Entity('users')
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  /** argon2id, PHC string format; null until the owner activates the account with the link from the activation mail. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 36 })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Organisation;

  @Column({ type: 'boolean', default: false })
  isAdmin!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: Date })
  createdAt!: Date;

  /**
   * The TOTP secret, encrypted (AES-256-GCM under a key derived from CASUSTAFEL_DATA_KEY, bound to the
   * user's id). Set at setup; in use only once confirmed (mfaEnabled).
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  mfaSecret!: string | null;

  @Column({ type: 'boolean', default: false })
  mfaEnabled!: boolean;

  /** The TOTP time step of the last code accepted: a code is good once, later steps only. */
  @Column({ type: 'integer', nullable: true })
  mfaLastStep!: number | null;
}
