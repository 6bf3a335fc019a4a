import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

/** The cases' columns the figures read, after the network and the moment of intake (as in the entity). */
const CASES_FIGURES_COLUMNS = [
  'networkId',
  'createdAt',
  'updatedAt',
  'status',
  'urgency',
  'submittedByOrganisationId',
  'sourceQuestionId',
  'problemAreas',
  'closedAt',
  'firstActionAt',
  'id',
];
/** The actions' columns the figures read, after the network and the moment of creation (as in the entity). */
const ACTIONS_FIGURES_COLUMNS = ['networkId', 'createdAt', 'updatedAt', 'status', 'notDoneReason', 'ownerOrganisationId', 'dueDate', 'id'];
/** The actions' columns in the order the figures group on them (as in the entity). */
const ACTIONS_FIGURES_GROUPS_COLUMNS = ['networkId', 'ownerOrganisationId', 'status', 'notDoneReason', 'createdAt', 'updatedAt', 'dueDate'];

/**
 * The network's figures (issue #13) for 100,000 cases within a second:
 * - cases.firstActionAt, the moment of the first action on the case (kept when an action is inserted:
 *   FirstActionSubscriber), back-filled here from the actions; actions are never deleted nor moved to
 *   another case, so it stays the MIN of the case's actions' createdAt;
 * - a period's cases and actions read from an index alone: one index per table on the network and the
 *   moment of intake or creation, followed by every other column the figures group on or look up with (the
 *   id for the history), so that a scan of the period does not read the rows with their summaries and
 *   descriptions. The actions' one replaces the index on (networkId, createdAt) alone, which only the figures
 *   used; the cases keep theirs for the case list;
 * - the actions also in the order the figures group them (owner, status, reason), so that a GROUP BY on
 *   them reads the network's actions in that order instead of sorting the period's.
 */
export class FiguresCovering1765260000000 implements MigrationInterface {
  name = 'FiguresCovering1765260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.addColumn('cases', new TableColumn(c.timestamp('firstActionAt', true)));
    await queryRunner.query(
      `UPDATE "cases" SET "firstActionAt" = (SELECT MIN(a."createdAt") FROM "actions" a WHERE a."caseId" = "cases"."id")`,
    );
    await queryRunner.createIndex('cases', new TableIndex({ name: 'IDX_cases_figures', columnNames: CASES_FIGURES_COLUMNS }));
    await queryRunner.createIndex('actions', new TableIndex({ name: 'IDX_actions_figures', columnNames: ACTIONS_FIGURES_COLUMNS }));
    await queryRunner.dropIndex('actions', 'IDX_actions_network_created');
    await queryRunner.createIndex(
      'actions',
      new TableIndex({ name: 'IDX_actions_figures_groups', columnNames: ACTIONS_FIGURES_GROUPS_COLUMNS }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('actions', 'IDX_actions_figures_groups');
    await queryRunner.createIndex(
      'actions',
      new TableIndex({ name: 'IDX_actions_network_created', columnNames: ['networkId', 'createdAt'] }),
    );
    await queryRunner.dropIndex('actions', 'IDX_actions_figures');
    await queryRunner.dropIndex('cases', 'IDX_cases_figures');
    await queryRunner.dropColumn('cases', 'firstActionAt');
  }
}
