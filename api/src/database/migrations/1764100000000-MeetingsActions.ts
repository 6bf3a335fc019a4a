import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

export class MeetingsActions1764100000000 implements MigrationInterface {
  name = 'MeetingsActions1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'meetings',
        columns: [
          c.id(),
          c.ref('networkId'),
          c.timestamp('startsAt'),
          c.integer('durationMinutes'),
          c.varchar('location', 160, { isNullable: true }),
          c.varchar('onlineUrl', 300, { isNullable: true }),
          c.varchar('status', 12),
          c.ref('seriesId', true),
          c.timestamp('createdAt'),
        ],
        indices: [new TableIndex({ columnNames: ['networkId', 'startsAt'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agenda_items',
        columns: [
          c.id(),
          c.ref('meetingId'),
          c.integer('position'),
          c.varchar('kind', 20),
          c.ref('caseId', true),
          c.ref('questionId', true),
          c.varchar('title', 160),
          c.integer('minutes', { isNullable: true }),
          c.text('notes'),
          c.text('decisions'),
          c.integer('version'),
        ],
        indices: [new TableIndex({ columnNames: ['meetingId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'attendances',
        columns: [c.id('meetingId'), c.id('organisationId'), c.varchar('status', 8), c.text('userIds')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'actions',
        columns: [
          c.id(),
          c.ref('networkId'),
          c.ref('meetingId', true),
          c.ref('agendaItemId', true),
          c.ref('caseId', true),
          c.varchar('caseLabel', 80, { isNullable: true }),
          c.text('description'),
          c.ref('ownerOrganisationId'),
          c.ref('ownerUserId', true),
          c.varchar('dueDate', 10),
          c.varchar('status', 12),
          c.varchar('notDoneReason', 24, { isNullable: true }),
          c.text('note', true),
          c.integer('version'),
          c.timestamp('createdAt'),
          c.timestamp('updatedAt'),
        ],
        indices: [
          new TableIndex({ columnNames: ['ownerOrganisationId', 'status'] }),
          new TableIndex({ columnNames: ['networkId', 'status'] }),
          new TableIndex({ columnNames: ['caseId'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'action_events',
        columns: [
          c.id(),
          c.ref('actionId'),
          c.timestamp('at'),
          c.ref('userId', true),
          c.varchar('status', 12),
          c.text('note', true),
          c.varchar('notDoneReason', 24, { isNullable: true }),
        ],
        indices: [new TableIndex({ columnNames: ['actionId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'calendar_tokens',
        columns: [c.id('userId'), c.varchar('tokenHash', 64, { isUnique: true }), c.timestamp('createdAt')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['calendar_tokens', 'action_events', 'actions', 'attendances', 'agenda_items', 'meetings'])
      await queryRunner.dropTable(table);
  }
}
