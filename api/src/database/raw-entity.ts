import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * One entity's columns in a hand-written SELECT, and the entity read back from its raw rows: for the
 * hot read paths (issue #15), where building the SQL with the query builder on every request and
 * hydrating joined rows through TypeORM's generic transformer cost more CPU than the database did.
 * The SQL is written once per process; each value is converted by the driver exactly as hydrating
 * the entity converts it (dates, booleans, JSON), so the entity read here equals the one TypeORM makes.
 */
export class RawEntity<T extends ObjectLiteral> {
  /** `"alias"."column" AS "alias_column", …`: every column of the entity, for the SELECT list. */
  readonly select: string;
  private readonly metadata: EntityMetadata;
  private readonly columns: { column: ColumnMetadata; key: string }[];
  private readonly primary: string;

  constructor(
    private readonly dataSource: DataSource,
    entity: EntityTarget<T>,
    readonly alias: string,
  ) {
    this.metadata = dataSource.getMetadata(entity);
    const { driver } = dataSource;
    // As the query builder hydrates: the entity's own columns, not a relation's virtual id nor one marked select: false.
    this.columns = this.metadata.columns
      .filter((column) => !column.isVirtual && column.isSelect)
      .map((column) => ({ column, key: `${alias}_${column.databaseName}` }));
    this.select = this.columns
      .map(({ column, key }) => `${driver.escape(alias)}.${driver.escape(column.databaseName)} AS ${driver.escape(key)}`)
      .join(', ');
    this.primary = `${alias}_${this.metadata.primaryColumns[0].databaseName}`;
  }

  /** The table, for FROM and JOIN: `"table" "alias"`. */
  get table(): string {
    const { driver } = this.dataSource;
    return `${driver.escape(this.metadata.tableName)} ${driver.escape(this.alias)}`;
  }

  /** The entity's id in a raw row; null when the row holds none (a LEFT JOIN that found nothing). */
  id(row: Record<string, unknown>): string | null {
    const id = row[this.primary];
    return id === null || id === undefined ? null : String(id);
  }

  /** The entity in a raw row, or null when the row holds none. */
  read(row: Record<string, unknown>): T | null {
    if (this.id(row) === null) return null;
    const { driver } = this.dataSource;
    const entity = this.metadata.create() as T;
    for (const { column, key } of this.columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[key], column));
    return entity;
  }
}

/** The driver's placeholder for the n-th parameter (0-based): `?` on SQLite, `$n+1` on PostgreSQL. */
export function placeholder(dataSource: DataSource, index: number): string {
  return dataSource.driver.createParameter(`p${index}`, index);
}
