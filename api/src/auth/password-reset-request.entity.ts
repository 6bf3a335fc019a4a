import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A request for a reset link, kept for a day at most to throttle them per address and per IP (as
 * login attempts are). Counted whether or not the address has an account, so that the throttle
 * tells nobody which addresses do.
 */
@Entity('password_reset_requests')
@Index(['email', 'at'])
@Index(['ip', 'at'])
export class PasswordResetRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 64 })
  ip!: string;

  @Column({ type: Date })
  at!: Date;
}
