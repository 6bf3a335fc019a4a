import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One message in a question's thread ("reactie gevraagd" and the answer to it). */
@Entity('question_messages')
@Index(['questionId'])
export class QuestionMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  questionId!: string;

  @Column({ type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ type: 'boolean' })
  fromCoordinator!: boolean;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: Date })
  createdAt!: Date;
}
