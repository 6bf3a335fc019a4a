import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

/**
 * A second factor (issue #11): the TOTP secret (encrypted), whether it is on and the last time step
 * used, on the account; recovery codes (keyed hashes) in their own table. Sessions get an id of their
 * own (to list and end them), a status (a half-session waits for the code or for enrolment), and the
 * browser and address they were started from. Sessions are minutes-lived, so the table is made anew:
 * everyone signs in again after the upgrade.
 */
export class SecondFactor1764820000000 implements MigrationInterface {
  name = 'SecondFactor1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.addColumns('users', [
      new TableColumn(c.varchar('mfaSecret', 200, { isNullable: true })),
      new TableColumn(c.boolean('mfaEnabled', false)),
      new TableColumn(c.integer('mfaLastStep', { isNullable: true })),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'mfa_recovery_codes',
        columns: [c.id(), c.ref('userId'), c.varchar('codeHash', 64), c.timestamp('usedAt', true)],
        foreignKeys: [userKey()],
        indices: [new TableIndex({ columnNames: ['userId', 'codeHash'], isUnique: true })],
      }),
    );
    await queryRunner.dropTable('sessions');
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          c.varchar('tokenHash', 64, { isPrimary: true }),
          c.varchar('id', 36, { isUnique: true }),
          c.ref('userId'),
          c.varchar('status', 16),
          c.varchar('browser', 120, { isNullable: true }),
          c.varchar('ip', 64, { isNullable: true }),
          c.timestamp('createdAt'),
          c.timestamp('lastSeenAt'),
          c.timestamp('expiresAt'),
        ],
        foreignKeys: [userKey()],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.dropTable('sessions');
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          c.varchar('tokenHash', 64, { isPrimary: true }),
          c.ref('userId'),
          c.timestamp('createdAt'),
          c.timestamp('lastSeenAt'),
          c.timestamp('expiresAt'),
        ],
        foreignKeys: [userKey()],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );
    await queryRunner.dropTable('mfa_recovery_codes');
    await queryRunner.dropColumns('users', ['mfaSecret', 'mfaEnabled', 'mfaLastStep']);
  }
}

const userKey = () =>
  new TableForeignKey({ columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' });
