import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A login attempt, written before the password is checked so that simultaneous attempts count each
 * other. A successful or refused attempt is removed again; what stays is a failed one, kept for a
 * day at most to throttle guessing per account + address, per address and per account.
 */
@Entity('login_attempts')
@Index(['email', 'ip', 'at'])
@Index(['email', 'at'])
@Index(['ip', 'at'])
export class LoginAttempt {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 64 })
  ip!: string;

  @Column({ type: Date })
  at!: Date;
}
