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
