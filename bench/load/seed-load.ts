/**
 * npm run seed:load -- --cases 100000 [--network <name or id>] [--database <path>]
 *
 * Fills a database with a network of realistic cases and what goes with them (bench/load/load.ts), for
 * benchmarks and for trying the app at size. Without --network a new OGGZ network is made, with users who
 * log in with the password printed at the end; with it, the cases go into that network. The database is
 * DATABASE_PATH (or --database); its data key as the app finds it (CASUSTAFEL_DATA_KEY or the key file
 * next to the database), so that the app and `npm run verify-log` read what was written. SQLite only.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { resolve } from 'node:path';
import { AppModule } from '../../api/src/app.module';
import { loadEnvFile, readConfig } from '../../api/src/config/app-config';
import { LOAD_PASSWORD, loadNetwork } from './load';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at >= 0) return process.argv[at + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function main(): Promise<void> {
  loadEnvFile();
  const cases = Number(argument('cases') ?? 1_000);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases moet een positief geheel getal zijn.');
  const database = argument('database');
  if (database) process.env['DATABASE_PATH'] = resolve(database);
  if (process.env['DATABASE_URL']) throw new Error('De belastinggenerator schrijft alleen naar SQLite: laat DATABASE_URL weg.');
  const config = readConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, undefined, { serve: false }), {
    logger: ['warn', 'error'],
  });
  try {
    const { network } = await loadNetwork(app, {
      cases,
      network: argument('network'),
      progress: (message) => process.stdout.write(`${message}\n`),
    });
    process.stdout.write(`Database: ${config.databasePath}\nNetwerk: ${network.name} (${network.networkId})\n`);
    if (!argument('network')) {
      process.stdout.write(`Gebruikers (wachtwoord ${LOAD_PASSWORD}):\n`);
      for (const u of network.users) process.stdout.write(`  ${u.role.padEnd(14)} ${u.email}\n`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
