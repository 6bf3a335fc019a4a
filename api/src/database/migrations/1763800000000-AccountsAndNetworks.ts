import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

export class AccountsAndNetworks1763800000000 implements MigrationInterface {
  name = 'AccountsAndNetworks1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'organisations',
        columns: [
          c.id(),
          c.varchar('name', 120, { isUnique: true }),
          c.varchar('kind', 16),
          c.varchar('sector', 80, { isNullable: true }),
          c.timestamp('createdAt'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          c.id(),
          c.varchar('name', 120),
          c.varchar('email', 254, { isUnique: true }),
          c.varchar('passwordHash', 200),
          c.ref('organisationId'),
          c.boolean('isAdmin', false),
          c.boolean('active', true),
          c.timestamp('createdAt'),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['organisationId'],
            referencedTableName: 'organisations',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );
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
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'login_failures',
        columns: [c.id(), c.varchar('email', 254), c.varchar('ip', 64), c.timestamp('at')],
        indices: [new TableIndex({ columnNames: ['email', 'at'] }), new TableIndex({ columnNames: ['ip', 'at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'networks',
        columns: [
          c.id(),
          c.varchar('name', 120, { isUnique: true }),
          c.varchar('kind', 16),
          c.varchar('area', 120),
          c.timestamp('createdAt'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'memberships',
        columns: [c.id('networkId'), c.id('organisationId'), c.varchar('ring', 8), c.varchar('since', 10)],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['networkId'],
            referencedTableName: 'networks',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['organisationId'],
            referencedTableName: 'organisations',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'network_roles',
        columns: [c.id('networkId'), c.id('userId'), c.varchar('role', 16), c.timestamp('createdAt')],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['networkId'],
            referencedTableName: 'networks',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['network_roles', 'memberships', 'networks', 'login_failures', 'sessions', 'users', 'organisations']) {
      await queryRunner.dropTable(table);
    }
  }
}
