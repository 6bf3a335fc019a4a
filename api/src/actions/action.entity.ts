import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ActionStatus, NotDoneReason } from '@casustafel/contract/meeting-rules';

/** An action (actiepunt): what, one owning organisation (and optionally a person), by when. */
@Entity('actions')
@Index(['ownerOrganisationId', 'status'])
@Index(['networkId', 'status'])
@Index(['caseId'])
@Index('IDX_actions_status_due', ['status', 'dueDate'])
@Index('IDX_actions_case_created', ['caseId', 'createdAt'])
// Whether an organisation holds an open action on a case, for the case list (migration CaseListHeld).
@Index('IDX_actions_case_holder', ['caseId', 'ownerOrganisationId', 'status'])
// The meeting view's agenda joins each item to its actions (migration AgendaActions).
@Index('IDX_actions_agenda_item', ['agendaItemId', 'createdAt'])
// The figures read a period's actions from these indexes alone, the second in the order they group on (migration FiguresCovering).
@Index('IDX_actions_figures', ['networkId', 'createdAt', 'updatedAt', 'status', 'notDoneReason', 'ownerOrganisationId', 'dueDate', 'id'])
@Index('IDX_actions_figures_groups', ['networkId', 'ownerOrganisationId', 'status', 'notDoneReason', 'createdAt', 'updatedAt', 'dueDate'])
export class Action {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  meetingId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  agendaItemId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  caseId!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 36 })
  ownerOrganisationId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  ownerUserId!: string | null;

  /** YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  dueDate!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: ActionStatus;

  @Column({ type: 'varchar', length: 24, nullable: true })
  notDoneReason!: NotDoneReason | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  updatedAt!: Date;
}
