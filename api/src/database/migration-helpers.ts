import type { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column helpers for migrations written with TypeORM's schema builder, so that one migration
 * runs on SQLite and PostgreSQL alike. Keep them in step with the entities' column options.
 */
export function columns(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.driver.options.type === 'postgres';
  return {
    id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
    ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
    varchar: (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      ...extra,
    }),
    text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
    integer: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'integer', ...extra }),
    boolean: (name: string, defaultValue: boolean): TableColumnOptions => ({
      name,
      type: 'boolean',
      default: postgres ? String(defaultValue) : defaultValue ? 1 : 0,
    }),
    timestamp: (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: postgres ? 'timestamp' : 'datetime',
      isNullable: nullable,
    }),
  };
}

/**
 * The database itself refuses to change or remove an access-log entry. SQLite loses triggers when
 * TypeORM rebuilds a table (as it does to add a column), so a migration that touches access_log
 * calls this again afterwards.
 */
export async function accessLogAppendOnly(queryRunner: QueryRunner): Promise<void> {
  if (queryRunner.connection.driver.options.type === 'postgres') {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'access_log is append-only'; END; $$ LANGUAGE plpgsql`,
    );
    await queryRunner.query('DROP TRIGGER IF EXISTS access_log_append_only ON access_log');
    await queryRunner.query(
      'CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only()',
    );
    await queryRunner.query('DROP TRIGGER IF EXISTS access_log_no_truncate ON access_log');
    await queryRunner.query(
      'CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()',
    );
  } else {
    await queryRunner.query('DROP TRIGGER IF EXISTS access_log_no_update');
    await queryRunner.query(
      `CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END`,
    );
    await queryRunner.query('DROP TRIGGER IF EXISTS access_log_no_delete');
    await queryRunner.query(
      `CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END`,
    );
  }
}
