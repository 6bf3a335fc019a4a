import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

/**
 * Issue #11, mail and account tokens: the mail outbox (sent by the worker, claimed per row), one-time
 * tokens for activation and password reset (stored as SHA-256), the password-reset requests that are
 * throttled per address and per IP, and a password that stays empty until the owner activates the account.
 */
export class MailAndAccountTokens1764850000000 implements MigrationInterface {
  name = 'MailAndAccountTokens1764850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'mail_outbox',
        columns: [
          c.id(),
          c.varchar('recipient', 254),
          c.varchar('template', 40),
          c.text('data'),
          c.timestamp('createdAt'),
          c.timestamp('dueAt'),
          c.integer('attempts', { default: 0 }),
          c.varchar('claimedBy', 36, { isNullable: true }),
          c.timestamp('claimedUntil', true),
          c.timestamp('sentAt', true),
          c.timestamp('failedAt', true),
          c.varchar('lastError', 200, { isNullable: true }),
        ],
        indices: [new TableIndex({ columnNames: ['sentAt', 'failedAt', 'dueAt'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'account_tokens',
        columns: [
          c.id(),
          c.varchar('tokenHash', 64, { isUnique: true }),
          c.ref('userId'),
          c.varchar('purpose', 12),
          c.timestamp('createdAt'),
          c.timestamp('expiresAt'),
          c.timestamp('usedAt', true),
        ],
        indices: [new TableIndex({ columnNames: ['userId', 'purpose'] })],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'password_reset_requests',
        columns: [c.id(), c.varchar('email', 254), c.varchar('ip', 64), c.timestamp('at')],
        indices: [new TableIndex({ columnNames: ['email', 'at'] }), new TableIndex({ columnNames: ['ip', 'at'] })],
      }),
    );
    await queryRunner.changeColumn('users', 'passwordHash', new TableColumn(c.varchar('passwordHash', 200, { isNullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    // Accounts that were never activated cannot keep an empty password.
    await queryRunner.query(`DELETE FROM users WHERE "passwordHash" IS NULL`);
    await queryRunner.changeColumn('users', 'passwordHash', new TableColumn(c.varchar('passwordHash', 200)));
    await queryRunner.dropTable('password_reset_requests');
    await queryRunner.dropTable('account_tokens');
    await queryRunner.dropTable('mail_outbox');
  }
}
