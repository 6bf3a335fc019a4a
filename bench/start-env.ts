import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * The environment the cold-start benchmark and its profile start the built API in: production, a SQLite file in
 * `dir`, a fresh data key, API docs at their production default, no client, warnings only in the log.
 */
export function productionStartEnv(dir: string, port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_PATH: join(dir, 'casustafel.sqlite'),
    CASUSTAFEL_DATA_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: `http://localhost:${port}`,
    // Never contacted: mail is sent by the outbox worker, and no mail is due.
    SMTP_URL: 'smtp://bench:bench@127.0.0.1:1',
    ADMIN_EMAIL: 'beheer@bench.example',
    ADMIN_PASSWORD: 'Een lang wachtwoord voor de benchmark 7431',
    CLIENT_DIST: join(dir, 'no-client'),
    LOG_LEVEL: 'warn',
  };
}
