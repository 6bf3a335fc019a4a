import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { accessLogAppendOnly, columns } from '../migration-helpers';

export class CovenantsCasesAccessLog1763900000000 implements MigrationInterface {
  name = 'CovenantsCasesAccessLog1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'covenant_versions',
        columns: [
          c.id(),
          c.ref('networkId'),
          c.integer('version'),
          c.text('levels'),
          c.integer('retentionMonths'),
          { name: 'anonymousQuestionSubmitter', type: 'boolean' },
          c.text('confidentialityStatement'),
          c.timestamp('createdAt'),
          c.ref('createdById', true),
        ],
        indices: [new TableIndex({ columnNames: ['networkId', 'version'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'covenant_signatures',
        columns: [
          c.id(),
          c.ref('networkId'),
          c.ref('organisationId'),
          c.integer('covenantVersion'),
          c.varchar('signatory', 120),
          c.varchar('signedOn', 10),
          c.timestamp('recordedAt'),
        ],
        indices: [new TableIndex({ columnNames: ['networkId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'confidentiality_acceptances',
        columns: [
          c.id(),
          c.ref('networkId'),
          c.ref('userId'),
          c.integer('covenantVersion'),
          c.timestamp('acceptedAt'),
          c.timestamp('validUntil'),
        ],
        indices: [new TableIndex({ columnNames: ['networkId', 'userId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cases',
        columns: [
          c.id(),
          c.ref('networkId'),
          c.varchar('number', 12),
          c.varchar('pseudonym', 40),
          c.varchar('neighbourhood', 80),
          c.text('problemAreas'),
          c.varchar('urgency', 8),
          c.varchar('consent', 16),
          c.text('consentOverrideReason', true),
          c.text('summary'),
          c.varchar('status', 12),
          c.text('statusReason', true),
          c.ref('submittedById'),
          c.ref('submittedByOrganisationId'),
          c.timestamp('createdAt'),
          c.timestamp('updatedAt'),
          c.timestamp('closedAt', true),
          c.timestamp('identityErasedAt', true),
        ],
        indices: [
          new TableIndex({ columnNames: ['networkId', 'number'], isUnique: true }),
          new TableIndex({ columnNames: ['networkId', 'status'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'client_identities',
        columns: [c.id('caseId'), c.ref('networkId'), c.text('ciphertext'), c.varchar('surnameIndex', 64)],
        indices: [new TableIndex({ columnNames: ['surnameIndex'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'access_log',
        columns: [
          c.integer('seq', { isPrimary: true }),
          c.timestamp('at'),
          c.ref('userId', true),
          c.ref('organisationId', true),
          c.varchar('role', 16, { isNullable: true }),
          c.ref('networkId', true),
          c.ref('caseId', true),
          c.varchar('action', 12),
          c.varchar('level', 12, { isNullable: true }),
          c.varchar('context', 12, { isNullable: true }),
          c.varchar('ip', 64, { isNullable: true }),
          c.varchar('outcome', 8),
          c.varchar('prevHash', 64),
          c.varchar('hash', 64),
        ],
        indices: [new TableIndex({ columnNames: ['networkId', 'caseId'] })],
      }),
    );
    await accessLogAppendOnly(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type === 'postgres') {
      await queryRunner.query('DROP TRIGGER IF EXISTS access_log_no_truncate ON access_log');
      await queryRunner.query('DROP TRIGGER IF EXISTS access_log_append_only ON access_log');
      await queryRunner.query('DROP FUNCTION IF EXISTS access_log_append_only()');
    }
    for (const table of [
      'access_log',
      'client_identities',
      'cases',
      'confidentiality_acceptances',
      'covenant_signatures',
      'covenant_versions',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
