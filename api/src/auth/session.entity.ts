import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * A server-side session. The cookie holds a random token; the database holds only its SHA-256,
 * so a copy of the database does not let anyone take over a session.
 */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  lastSeenAt!: Date;

  /** Absolute end, whatever the activity. */
  @Column({ type: Date })
  expiresAt!: Date;
}
