import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

/**
 * login_failures becomes login_attempts: an attempt is written before the password is checked, and
 * counted per account + address as well. The rows are minutes-lived throttling data, so the old
 * table is dropped rather than copied.
 */
export class LoginAttempts1764500000000 implements MigrationInterface {
  name = 'LoginAttempts1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.dropTable('login_failures');
    await queryRunner.createTable(
      new Table({
        name: 'login_attempts',
        columns: [c.id(), c.varchar('email', 254), c.varchar('ip', 64), c.timestamp('at')],
        indices: [
          new TableIndex({ columnNames: ['email', 'ip', 'at'] }),
          new TableIndex({ columnNames: ['email', 'at'] }),
          new TableIndex({ columnNames: ['ip', 'at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.dropTable('login_attempts');
    await queryRunner.createTable(
      new Table({
        name: 'login_failures',
        columns: [c.id(), c.varchar('email', 254), c.varchar('ip', 64), c.timestamp('at')],
        indices: [new TableIndex({ columnNames: ['email', 'at'] }), new TableIndex({ columnNames: ['ip', 'at'] })],
      }),
    );
  }
}
