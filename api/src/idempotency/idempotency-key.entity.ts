import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

export type IdempotencyState = 'PENDING' | 'DONE';

/**
 * The first result of a create request sent with an Idempotency-Key (ADR 0016): per user and key,
 * for 24 hours. The request is kept only as its route and a keyed hash of its body; the response body
 * is encrypted (it may hold a client's identity: a case's create answer), bound to the user and key.
 */
@Entity('idempotency_keys')
@Index(['userId', 'key'], { unique: true })
@Index(['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 128 })
  key!: string;

  /** Method and path as called: 'POST /api/networks/…/cases'. */
  @Column({ type: 'varchar', length: 400 })
  route!: string;

  /** Keyed hash (HMAC-SHA-256) of the request body, for telling a repeat from another request under the same key. */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  /** PENDING while the first request runs; DONE with its response. */
  @Column({ type: 'varchar', length: 12 })
  state!: IdempotencyState;

  @Column({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  /** The response body as JSON, sealed with AES-256-GCM (SecretBox), or null while PENDING. */
  @Column({ type: 'text', nullable: true })
  responseBody!: string | null;

  @Column({ type: Date })
  createdAt!: Date;
}
