import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

export class Minutes1764300000000 implements MigrationInterface {
  name = 'Minutes1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'minutes',
        columns: [
          c.id('meetingId'),
          c.ref('networkId'),
          c.varchar('status', 10),
          c.integer('covenantVersion'),
          c.text('sections'),
          c.integer('version'),
          c.timestamp('createdAt'),
          c.timestamp('sentAt', true),
          c.timestamp('approvedAt', true),
          c.ref('approvedById', true),
          c.text('approvalReason', true),
          c.ref('approvedInMeetingId', true),
          c.varchar('approvedSha256', 64, { isNullable: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'minutes_comments',
        columns: [
          c.id(),
          c.ref('meetingId'),
          c.varchar('sectionId', 40),
          c.ref('authorId'),
          c.ref('organisationId'),
          c.text('text'),
          c.timestamp('createdAt'),
          c.timestamp('resolvedAt', true),
        ],
        indices: [new TableIndex({ columnNames: ['meetingId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'minutes_addenda',
        columns: [c.id(), c.ref('meetingId'), c.text('text'), c.ref('authorId'), c.timestamp('createdAt')],
        indices: [new TableIndex({ columnNames: ['meetingId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['minutes_addenda', 'minutes_comments', 'minutes']) await queryRunner.dropTable(table);
  }
}
