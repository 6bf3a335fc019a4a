import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The case list at 100,000 cases (issue #15): whether the viewer's organisation holds an open action on a
 * case is a subquery per case row, no longer a list of ids; this index answers it from index entries alone.
 */
export class CaseListHeld1765600000000 implements MigrationInterface {
  name = 'CaseListHeld1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'actions',
      new TableIndex({ name: 'IDX_actions_case_holder', columnNames: ['caseId', 'ownerOrganisationId', 'status'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('actions', 'IDX_actions_case_holder');
  }
}
