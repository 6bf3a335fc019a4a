import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columns } from '../migration-helpers';

/**
 * How many open actions an informal or hybrid organisation can carry in a network (issue #13):
 * nullable, not recorded for every existing membership. The municipality role (ADR 0019) and the
 * organisation kind GOVERNMENT need no schema change: both fit the existing varchar columns.
 */
export class MemberCapacity1765200000000 implements MigrationInterface {
  name = 'MemberCapacity1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.addColumn('memberships', new TableColumn(c.integer('capacity', { isNullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('memberships', 'capacity');
  }
}
