import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The meeting view joins each agenda item to its actions (issue #15): without an index on the item, SQLite
 * scanned every action of the installation once per agenda item — at 150,000 actions about 10 s for one
 * meeting page. With it, an item's actions are found in the order the view shows them.
 */
export class AgendaActions1765800000000 implements MigrationInterface {
  name = 'AgendaActions1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'actions',
      new TableIndex({ name: 'IDX_actions_agenda_item', columnNames: ['agendaItemId', 'createdAt'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('actions', 'IDX_actions_agenda_item');
  }
}
