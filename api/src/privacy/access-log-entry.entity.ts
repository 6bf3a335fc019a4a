import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AccessAction } from '@casustafel/contract/access-log';

/**
 * Append-only access log in the spirit of NEN 7513. Each entry carries the hash of the previous
 * one (an HMAC under a key derived from the data key; SHA-256 for entries written before that);
 * UPDATE and DELETE are refused by database triggers. No clear-text identity is ever stored here.
 */
@Entity('access_log')
@Index(['networkId', 'caseId'])
@Index('IDX_access_log_network_seq', ['networkId', 'seq'])
export class AccessLogEntry {
  /** Position in the chain, from 1. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  /** NEN 7513 event id (UUID); null on entries written before it existed. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  eventId!: string | null;

  @Column({ type: Date })
  at!: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  organisationId!: string | null;

  /** The actor's role: a covenant role in the network, or ADMIN. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  role!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  networkId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 24 })
  action!: AccessAction;

  /** For reads of consultative questions (which hold no identity, but are logged all the same). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  questionId!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  level!: string | null;

  /** Purpose of use: MEETING, DOSSIER, MINUTES or MANAGEMENT. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  context!: string | null;

  /** Network access point: the request's address. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  /**
   * The purpose the user gave in their own words (issue #14: a referral's reason, the purpose of a
   * "known in another network?" question); free text that passed the identity guard. Null otherwise.
   */
  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  /** SUCCESS or DENIED; 'OK' on entries written before NEN 7513 outcomes (read as SUCCESS). */
  @Column({ type: 'varchar', length: 8 })
  outcome!: 'OK' | 'SUCCESS' | 'DENIED';

  /** What the entry is about: CASE, QUESTION, MEETING, MINUTES, ACTION, NETWORK, COVENANT, USER, ORGANISATION. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  objectType!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  objectId!: string | null;

  /** For access changes: the user, organisation and role concerned. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  subjectUserId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  subjectOrganisationId!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  subjectRole!: string | null;

  /** How `hash` was made: 'HMAC1' (keyed), or null for the SHA-256 entries of older versions. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  chain!: string | null;

  @Column({ type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
