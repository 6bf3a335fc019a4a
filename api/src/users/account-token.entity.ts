import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

export type AccountTokenPurpose = 'ACTIVATION' | 'RESET';

/**
 * A one-time token from a link in an e-mail: activation (72 h) or password reset (1 h). The link holds
 * the token; the database only its SHA-256, so that a copy of the database opens no account. Used
 * once: `usedAt` is set by a conditional update, so two requests with one link cannot both succeed.
 */
@Entity('account_tokens')
@Index(['userId', 'purpose'])
export class AccountToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 12 })
  purpose!: AccountTokenPurpose;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  expiresAt!: Date;

  /** Set when the token was used, or when a newer token of the same purpose replaced it. */
  @Column({ type: Date, nullable: true })
  usedAt!: Date | null;
}
