import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The network's figures (issue #13) in well under a second for 100,000 cases: the first action on a case
 * is one seek on (caseId, createdAt), an action's last status before a date one seek on (actionId, at), and
 * a period's actions and questions a range of (networkId, createdAt), as the cases already have.
 */
export class FiguresIndexes1765250000000 implements MigrationInterface {
  name = 'FiguresIndexes1765250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('actions', new TableIndex({ name: 'IDX_actions_case_created', columnNames: ['caseId', 'createdAt'] }));
    await queryRunner.createIndex(
      'action_events',
      new TableIndex({ name: 'IDX_action_events_action_at', columnNames: ['actionId', 'at'] }),
    );
    await queryRunner.createIndex(
      'actions',
      new TableIndex({ name: 'IDX_actions_network_created', columnNames: ['networkId', 'createdAt'] }),
    );
    await queryRunner.createIndex(
      'questions',
      new TableIndex({ name: 'IDX_questions_network_created', columnNames: ['networkId', 'createdAt'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('questions', 'IDX_questions_network_created');
    await queryRunner.dropIndex('actions', 'IDX_actions_network_created');
    await queryRunner.dropIndex('action_events', 'IDX_action_events_action_at');
    await queryRunner.dropIndex('actions', 'IDX_actions_case_created');
  }
}
