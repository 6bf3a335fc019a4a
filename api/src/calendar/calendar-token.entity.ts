import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's secret calendar feed: only the SHA-256 of the token is kept. One per user; a new one replaces it. */
@Entity('calendar_tokens')
export class CalendarToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: Date })
  createdAt!: Date;
}
