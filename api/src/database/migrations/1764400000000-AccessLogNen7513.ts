import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { accessLogAppendOnly, columns } from '../migration-helpers';

/**
 * NEN 7513 fields on the access log (event id, object, subject of an access change), the marker of
 * the keyed chain, room for longer action names, an index for reading a network's log newest
 * first, and what each coordinator has seen of the administrator's changes. Existing entries are
 * left as they are (the triggers would refuse anything else): new columns are null on them, which
 * is how the application recognises the older SHA-256 entries.
 */
export class AccessLogNen75131764400000000 implements MigrationInterface {
  name = 'AccessLogNen75131764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    await queryRunner.addColumns('access_log', [
      new TableColumn(c.ref('eventId', true)),
      new TableColumn(c.varchar('objectType', 16, { isNullable: true })),
      new TableColumn(c.ref('objectId', true)),
      new TableColumn(c.ref('subjectUserId', true)),
      new TableColumn(c.ref('subjectOrganisationId', true)),
      new TableColumn(c.varchar('subjectRole', 16, { isNullable: true })),
      new TableColumn(c.varchar('chain', 8, { isNullable: true })),
    ]);
    if (postgres) {
      // In place: a wider varchar rewrites nothing and fires no row trigger.
      await queryRunner.query('ALTER TABLE "access_log" ALTER COLUMN "action" TYPE varchar(24)');
    } else {
      // SQLite does not enforce the length; the schema says it all the same (this rebuilds the table).
      await queryRunner.changeColumn('access_log', 'action', new TableColumn(c.varchar('action', 24)));
    }
    await queryRunner.createIndex('access_log', new TableIndex({ name: 'IDX_access_log_network_seq', columnNames: ['networkId', 'seq'] }));
    await queryRunner.createTable(
      new Table({
        name: 'admin_changes_seen',
        columns: [c.id('networkId'), c.id('userId'), c.integer('seenSeq'), c.timestamp('seenAt')],
      }),
    );
    // SQLite drops a table's triggers when TypeORM rebuilds it: put them back.
    await accessLogAppendOnly(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.dropTable('admin_changes_seen');
    await queryRunner.dropIndex('access_log', 'IDX_access_log_network_seq');
    if (queryRunner.connection.driver.options.type === 'postgres') {
      await queryRunner.query('ALTER TABLE "access_log" ALTER COLUMN "action" TYPE varchar(12)');
    } else {
      await queryRunner.changeColumn('access_log', 'action', new TableColumn(c.varchar('action', 12)));
    }
    for (const name of ['chain', 'subjectRole', 'subjectOrganisationId', 'subjectUserId', 'objectId', 'objectType', 'eventId']) {
      await queryRunner.dropColumn('access_log', name);
    }
    await accessLogAppendOnly(queryRunner);
  }
}
