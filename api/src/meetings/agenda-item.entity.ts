import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AgendaKind } from '@casustafel/contract/meeting-rules';

@Entity('agenda_items')
@Index(['meetingId'])
export class AgendaItem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: AgendaKind;

  @Column({ type: 'varchar', length: 36, nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  questionId!: string | null;

  @Column({ type: 'varchar', length: 160 })
  title!: string;

  @Column({ type: 'integer', nullable: true })
  minutes!: number | null;

  /** The analysis (situation, analysis, what is needed) or progress. */
  @Column({ type: 'text' })
  notes!: string;

  @Column({ type: 'text' })
  decisions!: string;

  /** A case item: the case goes on the next meeting's agenda again when it is assembled (issue #12). */
  @Column({ type: 'boolean', default: false })
  keepOnAgenda!: boolean;

  /** Optimistic concurrency: a change based on an older version is refused. */
  @Column({ type: 'integer' })
  version!: number;
}
