import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * One of the ten recovery codes made when a second factor is confirmed: a keyed hash (HMAC-SHA-256
 * under a key derived from CASUSTAFEL_DATA_KEY), never the code; used once (usedAt).
 */
@Entity('mfa_recovery_codes')
@Index(['userId', 'codeHash'], { unique: true })
export class RecoveryCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ type: Date, nullable: true })
  usedAt!: Date | null;
}
