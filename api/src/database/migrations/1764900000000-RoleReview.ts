import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columns } from '../migration-helpers';

/**
 * Who still needs access (BIO 5.18.02, issue #11): when a user last signed in, and when and by whom
 * a network's roles were last confirmed.
 */
export class RoleReview1764900000000 implements MigrationInterface {
  name = 'RoleReview1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.addColumn('users', new TableColumn(c.timestamp('lastSignInAt', true)));
    await queryRunner.addColumns('networks', [
      new TableColumn(c.timestamp('rolesConfirmedAt', true)),
      new TableColumn(c.ref('rolesConfirmedById', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('networks', 'rolesConfirmedById');
    await queryRunner.dropColumn('networks', 'rolesConfirmedAt');
    await queryRunner.dropColumn('users', 'lastSignInAt');
  }
}
