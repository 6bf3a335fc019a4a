import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MinutesStatus } from '@casustafel/contract/minutes';

export interface StoredSection {
  id: string;
  itemId: string | null;
  caseId: string | null;
  title: string;
  text: string;
}

/** The minutes (verslag) of one meeting: drafted at closing, edited, sent, approved and locked. */
@Entity('minutes')
export class Minutes {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: MinutesStatus;

  /** The covenant version in force when the meeting closed; the PDF follows it for good. */
  @Column({ type: 'integer' })
  covenantVersion!: number;

  @Column({ type: 'simple-json' })
  sections!: StoredSection[];

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  sentAt!: Date | null;

  @Column({ type: Date, nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  approvedById!: string | null;

  @Column({ type: 'text', nullable: true })
  approvalReason!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  approvedInMeetingId!: string | null;

  /** SHA-256 of the canonical content at approval. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  approvedSha256!: string | null;
}
