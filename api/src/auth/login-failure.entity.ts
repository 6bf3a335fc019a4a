import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A failed login, kept for a short while to throttle guessing per account and per address. */
@Entity('login_failures')
@Index(['email', 'at'])
@Index(['ip', 'at'])
export class LoginFailure {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 64 })
  ip!: string;

  @Column({ type: Date })
  at!: Date;
}
