import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

/**
 * Issue #12. One click, one record: the first result of every create request sent with an
 * Idempotency-Key, per user and key, its body encrypted (ADR 0016). A meeting can be cancelled, with a
 * reason. An action's history keeps corrections (description, due date, owner) as entries of their own.
 */
export class IdempotencyCancelCorrections1765000000000 implements MigrationInterface {
  name = 'IdempotencyCancelCorrections1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          c.id(),
          c.ref('userId'),
          c.varchar('key', 128),
          c.varchar('route', 400),
          c.varchar('requestHash', 64),
          c.varchar('state', 12),
          c.integer('responseStatus', { isNullable: true }),
          c.text('responseBody', true),
          c.timestamp('createdAt'),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['userId', 'key'], isUnique: true }), new TableIndex({ columnNames: ['createdAt'] })],
      }),
    );
    await queryRunner.addColumn('meetings', new TableColumn(c.text('cancelledReason', true)));
    await queryRunner.addColumns('action_events', [
      new TableColumn(c.varchar('kind', 12, { default: "'STATUS'" })),
      new TableColumn(c.text('corrected', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('action_events', ['kind', 'corrected']);
    await queryRunner.dropColumn('meetings', 'cancelledReason');
    await queryRunner.dropTable('idempotency_keys');
  }
}
