import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { accessLogAppendOnly, columns } from '../migration-helpers';

/** The cases' columns the figures read (as FiguresCovering made them), now with the referral a case came from. */
const CASES_FIGURES_COLUMNS = [
  'networkId',
  'createdAt',
  'updatedAt',
  'status',
  'urgency',
  'submittedByOrganisationId',
  'sourceQuestionId',
  'sourceReferralId',
  'problemAreas',
  'closedAt',
  'firstActionAt',
  'id',
];

/**
 * Between networks (issue #14): referrals (a warm handover of a case to another network), the
 * installation-wide match key of each client for "known in another network?" (ADR 0021), the
 * covenant setting that allows that question (off), and the purpose a user gives in the access log.
 *
 * The match keys are not back-filled here: they need the data key and the clear identity, which a
 * migration does not have. CasesService computes the missing ones when the application starts, as
 * it did for the blind indexes (ADR 0021).
 */
export class BetweenNetworks1765400000000 implements MigrationInterface {
  name = 'BetweenNetworks1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'referrals',
        columns: [
          c.id(),
          c.ref('caseId'),
          c.ref('fromNetworkId'),
          c.ref('toNetworkId'),
          c.varchar('status', 12),
          c.text('reason'),
          c.ref('createdById'),
          c.timestamp('createdAt'),
          c.ref('decidedById', true),
          c.timestamp('decidedAt', true),
          c.text('declineReason', true),
          c.ref('newCaseId', true),
          { name: 'identityMoved', type: 'boolean', isNullable: true },
        ],
        indices: [
          new TableIndex({ columnNames: ['toNetworkId', 'createdAt'] }),
          new TableIndex({ columnNames: ['fromNetworkId', 'createdAt'] }),
          new TableIndex({ columnNames: ['caseId'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'client_match_keys',
        columns: [c.id('caseId'), c.ref('networkId'), c.varchar('matchKey', 64)],
        indices: [new TableIndex({ columnNames: ['matchKey'] })],
      }),
    );
    await queryRunner.addColumn('covenant_versions', new TableColumn(c.boolean('knownElsewhereCheck', false)));
    // SQLite rebuilds the table to add a column, which drops its triggers: they are made again.
    await queryRunner.addColumn('access_log', new TableColumn(c.text('purpose', true)));
    await accessLogAppendOnly(queryRunner);
    // A case taken over records its referral, so that the figures count it by source; the figures'
    // covering index gets the column, so that a period's cases are still read from the index alone.
    await queryRunner.addColumn('cases', new TableColumn(c.ref('sourceReferralId', true)));
    await queryRunner.dropIndex('cases', 'IDX_cases_figures');
    await queryRunner.createIndex('cases', new TableIndex({ name: 'IDX_cases_figures', columnNames: CASES_FIGURES_COLUMNS }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cases', 'IDX_cases_figures');
    await queryRunner.dropColumn('cases', 'sourceReferralId');
    await queryRunner.createIndex(
      'cases',
      new TableIndex({ name: 'IDX_cases_figures', columnNames: CASES_FIGURES_COLUMNS.filter((name) => name !== 'sourceReferralId') }),
    );
    await queryRunner.dropColumn('access_log', 'purpose');
    await accessLogAppendOnly(queryRunner);
    await queryRunner.dropColumn('covenant_versions', 'knownElsewhereCheck');
    await queryRunner.dropTable('client_match_keys');
    await queryRunner.dropTable('referrals');
  }
}
