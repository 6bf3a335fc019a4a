import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

/**
 * Blind indexes of the clients' identifying values for the identity guard (issue #9), filled for
 * existing cases at start-up (the keys are not available to a migration). Actions no longer keep
 * a copy of their case's label: it is decided per viewer.
 */
export class ClientIdentifiers1764600000000 implements MigrationInterface {
  name = 'ClientIdentifiers1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'client_identifiers',
        columns: [{ ...c.ref('caseId'), isPrimary: true }, { ...c.varchar('hash', 64), isPrimary: true }, c.ref('networkId')],
        indices: [new TableIndex({ columnNames: ['hash'] })],
      }),
    );
    await queryRunner.dropColumn('actions', 'caseLabel');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('actions', new TableColumn({ name: 'caseLabel', type: 'varchar', length: '80', isNullable: true }));
    await queryRunner.dropTable('client_identifiers');
  }
}
