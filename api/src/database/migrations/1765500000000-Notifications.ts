import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

/**
 * Notifications (issue #14): one row per user and event, each user's choice per kind, the daily
 * digests that went out, and a meeting's SEQUENCE — raised on every change, so that a calendar
 * program replaces the invitation it holds instead of adding a second one.
 */
export class Notifications1765500000000 implements MigrationInterface {
  name = 'Notifications1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          c.id(),
          c.ref('userId'),
          c.ref('networkId'),
          c.varchar('kind', 24),
          c.ref('caseId', true),
          c.ref('subjectId'),
          c.text('params'),
          c.varchar('link', 200),
          c.varchar('dedupeKey', 200, { isNullable: true }),
          c.timestamp('createdAt'),
          c.timestamp('readAt', true),
          c.varchar('emailMode', 10),
          c.timestamp('digestedAt', true),
        ],
        indices: [
          new TableIndex({ columnNames: ['userId', 'createdAt'] }),
          new TableIndex({ columnNames: ['emailMode', 'digestedAt', 'userId'] }),
          new TableIndex({ columnNames: ['subjectId'] }),
          new TableIndex({ columnNames: ['caseId'] }),
          new TableIndex({ columnNames: ['dedupeKey'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_settings',
        columns: [c.id('userId'), { ...c.varchar('kind', 24), isPrimary: true }, c.varchar('mode', 10)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_digests',
        columns: [c.id('userId'), { ...c.varchar('day', 10), isPrimary: true }, c.timestamp('sentAt')],
      }),
    );
    await queryRunner.addColumn('meetings', new TableColumn(c.integer('sequence', { default: 0 })));
    // The schedule looks for open actions by due date and planned meetings by start, across networks.
    await queryRunner.createIndex('actions', new TableIndex({ name: 'IDX_actions_status_due', columnNames: ['status', 'dueDate'] }));
    await queryRunner.createIndex('meetings', new TableIndex({ name: 'IDX_meetings_status_starts', columnNames: ['status', 'startsAt'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('meetings', 'IDX_meetings_status_starts');
    await queryRunner.dropIndex('actions', 'IDX_actions_status_due');
    await queryRunner.dropColumn('meetings', 'sequence');
    await queryRunner.dropTable('notification_digests');
    await queryRunner.dropTable('notification_settings');
    await queryRunner.dropTable('notifications');
  }
}
