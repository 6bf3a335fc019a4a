import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ActionCorrectableField, ActionStatus, NotDoneReason } from '@casustafel/contract/meeting-rules';

export type ActionEventKind = 'STATUS' | 'CORRECTION';
/**
 * One corrected field as stored: what the history shows (`from`, `to`; the owner as names) and, for
 * the owner, the ids it had before (`fromOwner`), so that the action as agreed can be restored (the
 * minutes' hash covers the actions as agreed in the meeting, not as corrected later).
 */
export interface ActionCorrection {
  field: ActionCorrectableField;
  from: string;
  to: string;
  fromOwner?: { organisationId: string; userId: string | null };
  /** The action's version the correction was made on: orders corrections made within the same moment. */
  version?: number;
}

/** Every change of an action, kept as history: status changes and corrections. */
@Entity('action_events')
@Index(['actionId'])
@Index('IDX_action_events_action_at', ['actionId', 'at'])
export class ActionEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  actionId!: string;

  @Column({ type: Date })
  at!: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  /** STATUS: a status change (status, note, reason); CORRECTION: description, due date or owner corrected. */
  @Column({ type: 'varchar', length: 12, default: 'STATUS' })
  kind!: ActionEventKind;

  /** For a correction: the changes as JSON ([{ field, from, to }]; the owner as names), else null. */
  @Column({ type: 'text', nullable: true })
  corrected!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: ActionStatus;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  notDoneReason!: NotDoneReason | null;
}
