import type { Database } from 'better-sqlite3';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

/** Connection options for the configured database: a SQLite file by default, PostgreSQL with DATABASE_URL. */
export function databaseOptions(config: AppConfig): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    synchronize: false,
    logging: config.databaseLogging,
  } as const;
  if (config.databaseUrl) {
    return {
      ...common,
      type: 'postgres',
      url: config.databaseUrl,
      // idleTimeoutMillis 0: a running instance keeps its connections, so that `npm run restore` sees it
      // (pg's default closes idle ones after 10 s, and a restore could then overwrite a live database).
      extra: { max: 10, idleTimeoutMillis: 0, application_name: 'casustafel' },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.databasePath,
    // WAL lets readers run beside the single writer; the driver itself turns foreign keys on.
    enableWAL: config.databasePath !== ':memory:',
    timeout: 5000,
    // Overwrite deleted content with zeros, so that an erased identity does not linger in free pages.
    prepareDatabase: (db: Database) => {
      db.pragma('secure_delete = ON');
      // LOWER() as in JavaScript (SQLite's own lowers only A–Z), so that case-insensitive filters
      // treat "Ë" and "ë" alike, as PostgreSQL does in a Dutch or English locale.
      db.function('lower', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
    },
  };
}
