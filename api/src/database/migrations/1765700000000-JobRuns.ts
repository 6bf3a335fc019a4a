import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns } from '../migration-helpers';

/** Claims of scheduled jobs per slot, so that several API instances on one database run each once (ADR 0026). */
export class JobRuns1765700000000 implements MigrationInterface {
  name = 'JobRuns1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'job_runs',
        columns: [
          { ...c.varchar('job', 40), isPrimary: true },
          { ...c.varchar('slot', 40), isPrimary: true },
          c.varchar('claimId', 36),
          c.timestamp('startedAt'),
          c.timestamp('finishedAt', true),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_runs');
  }
}
