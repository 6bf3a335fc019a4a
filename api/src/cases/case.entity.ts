import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseStatus, Consent, ProblemArea, Urgency } from '@casustafel/contract/enums';

/**
 * A case (casus). Holds no client identity: that lives encrypted in client_identities, so that
 * everything here may be shown at the pseudonym level.
 */
@Entity('cases')
@Index(['networkId', 'number'], { unique: true })
@Index(['networkId', 'status'])
@Index('IDX_cases_network_created', ['networkId', 'createdAt'])
// The case list of a viewer who sees only the cases tied to them starts from these (migration CaseListHeld).
@Index('IDX_cases_network_submitter', ['networkId', 'submittedById'])
// The cases a viewer brought in for another organisation than their own, for the list's total (migration CaseTies, ADR 0030).
@Index('IDX_cases_network_submitter_org', ['networkId', 'submittedById', 'submittedByOrganisationId'])
@Index('IDX_cases_network_organisation', ['networkId', 'submittedByOrganisationId'])
// The figures read a period's cases from this index alone (migration FiguresCovering).
@Index('IDX_cases_figures', [
  'networkId',
  'createdAt',
  'updatedAt',
  'status',
  'urgency',
  'submittedByOrganisationId',
  'sourceQuestionId',
  'sourceReferralId',
  'problemAreas',
  'closedAt',
  'firstActionAt',
  'id',
])
export class Case {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;

  /** "2026-014": year and sequence within the network. */
  @Column({ type: 'varchar', length: 12 })
  number!: string;

  /** Randomly chosen, reveals nothing about the client ("Linde"). */
  @Column({ type: 'varchar', length: 40 })
  pseudonym!: string;

  @Column({ type: 'varchar', length: 80 })
  neighbourhood!: string;

  @Column({ type: 'simple-json' })
  problemAreas!: ProblemArea[];

  @Column({ type: 'varchar', length: 8 })
  urgency!: Urgency;

  @Column({ type: 'varchar', length: 16 })
  consent!: Consent;

  @Column({ type: 'text', nullable: true })
  consentOverrideReason!: string | null;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: CaseStatus;

  @Column({ type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'varchar', length: 36 })
  submittedById!: string;

  @Column({ type: 'varchar', length: 36 })
  submittedByOrganisationId!: string;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  updatedAt!: Date;

  @Column({ type: Date, nullable: true })
  closedAt!: Date | null;

  /**
   * When the first action on the case was created (the figures' days to the first action): kept by
   * FirstActionSubscriber as actions are inserted; actions are never deleted nor moved to another case.
   */
  @Column({ type: Date, nullable: true })
  firstActionAt!: Date | null;

  /** The consultative question this case grew out of, if any. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  sourceQuestionId!: string | null;

  /** The referral from another network this case was taken over by, if any (issue #14). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  sourceReferralId!: string | null;

  /** Set when the retention period erased the identity for good. */
  @Column({ type: Date, nullable: true })
  identityErasedAt!: Date | null;
}
