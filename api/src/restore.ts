import 'reflect-metadata';
import { resolve } from 'node:path';
import { ConfigError, loadEnvFile, readConfig } from './config/app-config';
import { BackupError, restoreDatabase, restoreReport } from './database/backup';

const USAGE = 'Gebruik: npm run restore -- BESTAND [--new-anchor]';

/**
 * npm run restore -- FILE [--new-anchor]: puts a back-up into the configured database (Casustafel
 * stopped), then checks the data key and verifies the access log. Exits 0 when all is well, 2 when
 * the database is back but the key or the log needs attention, 1 when nothing was restored.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let newAnchor = false;
  for (const arg of args) {
    if (arg === '--new-anchor') newAnchor = true;
    else if (arg.startsWith('--')) throw new BackupError(`Onbekend argument "${arg}". ${USAGE}`);
    else if (file) throw new BackupError(`Eén back-up tegelijk. ${USAGE}`);
    else file = arg;
  }
  if (!file) throw new BackupError(`Welke back-up? ${USAGE}`);
  loadEnvFile();
  const config = readConfig();
  const result = await restoreDatabase(config, resolve(process.env['INIT_CWD'] ?? process.cwd(), file), { newAnchor });
  const { lines, ok } = restoreReport(result, file);
  process.stdout.write(lines.join('\n') + '\n');
  if (!ok) process.exitCode = 2;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Niet teruggezet: ${error instanceof ConfigError || error instanceof BackupError ? error.message : error instanceof Error ? error.name : 'onbekende fout'}\n`,
  );
  process.exit(1);
});
