import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts whole rows of an entity in one statement, each value converted by the driver as a repository
 * insert converts it. For many rows at once: TypeORM's insert builder keeps its parameters so that each
 * new one copies all before it, which made the 25 access-log entries of a case list page (550 parameters)
 * cost about 3 ms of CPU in parameter bookkeeping alone (issue #15). Every column must be in the rows.
 *
 * The placeholders are the driver's own (`?` on SQLite, `$n` on PostgreSQL) and every value is bound,
 * numbers too: TypeORM's SQLite driver writes a number parameter into the SQL text, which made each
 * access-log insert (its sequence numbers) a statement never seen before — prepared anew by SQLite and
 * pushing the app's other prepared statements out of the driver's cache. Now the same number of rows is
 * the same statement text.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  if (rows.length === 0) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns;
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const placeholders: string[] = [];
    for (const column of columns) {
      placeholders.push(driver.createParameter(column.propertyName, values.length));
      values.push(driver.preparePersistentValue(column.getEntityValue(row), column) ?? null);
    }
    tuples.push(`(${placeholders.join(', ')})`);
  }
  const sql = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES ${tuples.join(', ')}`;
  await manager.query(sql, values);
}
