import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** The case list pages in the database, newest first: an index on the network and the moment of intake. */
export class CaseListOrder1764700000000 implements MigrationInterface {
  name = 'CaseListOrder1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('cases', new TableIndex({ name: 'IDX_cases_network_created', columnNames: ['networkId', 'createdAt'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cases', 'IDX_cases_network_created');
  }
}
