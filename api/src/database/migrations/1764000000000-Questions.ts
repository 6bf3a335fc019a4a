import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { accessLogAppendOnly, columns } from '../migration-helpers';

export class Questions1764000000000 implements MigrationInterface {
  name = 'Questions1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'questions',
        columns: [
          c.id(),
          c.ref('networkId'),
          c.varchar('title', 120),
          c.text('situation'),
          c.text('question'),
          c.varchar('neighbourhood', 80, { isNullable: true }),
          c.varchar('ageBand', 12, { isNullable: true }),
          c.text('problemAreas'),
          c.varchar('status', 12),
          c.ref('submittedById'),
          c.ref('submittedByOrganisationId'),
          c.timestamp('createdAt'),
          c.text('advice', true),
          c.varchar('severity', 8, { isNullable: true }),
          c.varchar('recommendation', 40, { isNullable: true }),
          c.timestamp('answeredAt', true),
          c.ref('convertedCaseId', true),
        ],
        indices: [new TableIndex({ columnNames: ['networkId', 'status'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'question_messages',
        columns: [
          c.id(),
          c.ref('questionId'),
          c.ref('authorId'),
          { name: 'fromCoordinator', type: 'boolean' },
          c.text('text'),
          c.timestamp('createdAt'),
        ],
        indices: [new TableIndex({ columnNames: ['questionId'] })],
      }),
    );
    await queryRunner.addColumn('cases', new TableColumn(c.ref('sourceQuestionId', true)));
    await queryRunner.addColumn('access_log', new TableColumn(c.ref('questionId', true)));
    await accessLogAppendOnly(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('access_log', 'questionId');
    await accessLogAppendOnly(queryRunner);
    await queryRunner.dropColumn('cases', 'sourceQuestionId');
    await queryRunner.dropTable('question_messages');
    await queryRunner.dropTable('questions');
  }
}
