import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProblemArea } from '@casustafel/contract/enums';
import type { AgeBand, QuestionStatus, Recommendation, Severity } from '@casustafel/contract/question-rules';

/** A consultative question (consultatieve vraag): a pseudonymous situation, no client identity. */
@Entity('questions')
@Index(['networkId', 'status'])
@Index('IDX_questions_network_created', ['networkId', 'createdAt'])
export class Question {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ type: 'varchar', length: 120 })
  title!: string;

  @Column({ type: 'text' })
  situation!: string;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  neighbourhood!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  ageBand!: AgeBand | null;

  @Column({ type: 'simple-json' })
  problemAreas!: ProblemArea[];

  @Column({ type: 'varchar', length: 12 })
  status!: QuestionStatus;

  @Column({ type: 'varchar', length: 36 })
  submittedById!: string;

  @Column({ type: 'varchar', length: 36 })
  submittedByOrganisationId!: string;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: 'text', nullable: true })
  advice!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  severity!: Severity | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  recommendation!: Recommendation | null;

  @Column({ type: Date, nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  convertedCaseId!: string | null;
}
