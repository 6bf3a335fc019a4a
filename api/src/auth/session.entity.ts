import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { SessionStatus } from '../common/decorators';
import { User } from '../users/user.entity';

/**
 * A server-side session. The cookie holds a random token; the database holds only its SHA-256,
 * so a copy of the database does not let anyone take over a session.
 */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash!: string;

  /** The id the owner sees in their list of sessions (never the token's hash). */
  @Column({ type: 'varchar', length: 36, unique: true })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  /** ACTIVE; MFA_PENDING until the second factor's code is given; ENROLMENT until a second factor is set up. */
  @Column({ type: 'varchar', length: 16 })
  status!: SessionStatus;

  /** "Firefox 145 op Linux", from the User-Agent at login. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  browser!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  lastSeenAt!: Date;

  /** Absolute end, whatever the activity. */
  @Column({ type: Date })
  expiresAt!: Date;
}
