import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

/**
 * The case's history (issue #12): every status change as a row of case_events, and "keep on the
 * agenda" for a case item. Cases already past SUBMITTED get one entry for their current status, at
 * their last change, with its reason (who and from which status are not known).
 */
export class CaseHistory1765100000000 implements MigrationInterface {
  name = 'CaseHistory1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'case_events',
        columns: [
          c.id(),
          c.ref('caseId'),
          c.timestamp('at'),
          c.varchar('fromStatus', 12, { isNullable: true }),
          c.varchar('toStatus', 12),
          c.text('reason', true),
          c.ref('userId', true),
        ],
        indices: [new TableIndex({ columnNames: ['caseId', 'at'] })],
      }),
    );
    // The case's own id serves as the id of its one back-filled entry: unique, and nothing else uses it in this table.
    await queryRunner.query(
      `INSERT INTO "case_events" ("id", "caseId", "at", "fromStatus", "toStatus", "reason", "userId")
       SELECT "id", "id", "updatedAt", NULL, "status", "statusReason", NULL FROM "cases" WHERE "status" <> 'SUBMITTED'`,
    );
    await queryRunner.addColumn('agenda_items', new TableColumn(c.boolean('keepOnAgenda', false)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('agenda_items', 'keepOnAgenda');
    await queryRunner.dropTable('case_events');
  }
}
