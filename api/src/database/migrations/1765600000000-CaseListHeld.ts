import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The case list at 100,000 cases (issue #15): whether the viewer's organisation holds an open action on a
 * case is a subquery per case row, no longer a list of ids; the first index answers it from index entries alone. A
 * viewer who sees only the cases tied to them (their own, their organisation's, those it holds an action on) has
 * the list start from those: the cases by submitter and by submitting organisation.
 */
export class CaseListHeld1765600000000 implements MigrationInterface {
  name = 'CaseListHeld1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'actions',
      new TableIndex({ name: 'IDX_actions_case_holder', columnNames: ['caseId', 'ownerOrganisationId', 'status'] }),
    );
    await queryRunner.createIndex(
      'cases',
      new TableIndex({ name: 'IDX_cases_network_submitter', columnNames: ['networkId', 'submittedById'] }),
    );
    await queryRunner.createIndex(
      'cases',
      new TableIndex({ name: 'IDX_cases_network_organisation', columnNames: ['networkId', 'submittedByOrganisationId'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cases', 'IDX_cases_network_organisation');
    await queryRunner.dropIndex('cases', 'IDX_cases_network_submitter');
    await queryRunner.dropIndex('actions', 'IDX_actions_case_holder');
  }
}
