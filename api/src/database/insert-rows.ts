import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts whole rows of an entity in one statement, each value converted by the driver as a repository
 * insert converts it. For many rows at once: TypeORM's insert builder keeps its parameters so that each
 * new one copies all before it, which made the 25 access-log entries of a case list page (550 parameters)
 * cost about 3 ms of CPU in parameter bookkeeping alone (issue #15). Every column must be in the rows.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  if (rows.length === 0) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns;
  const parameters: Record<string, unknown> = {};
  let n = 0;
  const values = rows.map(
    (row) =>
      `(${columns
        .map((column) => {
          const name = `v${n++}`;
          parameters[name] = driver.preparePersistentValue(column.getEntityValue(row), column) ?? null;
          return `:${name}`;
        })
        .join(', ')})`,
  );
  const sql = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES ${values.join(', ')}`;
  const [query, native] = driver.escapeQueryWithParameters(sql, parameters);
  await manager.query(query, native);
}
