import 'reflect-metadata';
import { resolve } from 'node:path';
import { ConfigError, loadEnvFile, readConfig } from './config/app-config';
import { BackupError, backupDatabase } from './database/backup';

const USAGE = 'Gebruik: npm run backup -- --out BESTAND [--force]';

/**
 * npm run backup -- --out FILE [--force]: a consistent copy of the configured database while the app
 * runs (SQLite: the online backup API; PostgreSQL: pg_dump -Fc), mode 0600. Never overwrites without --force.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let out: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--force') force = true;
    else if (arg === '--out') out = args[++i];
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else throw new BackupError(`Onbekend argument "${arg}". ${USAGE}`);
  }
  if (!out) throw new BackupError(`Geef aan waar de back-up heen moet. ${USAGE}`);
  loadEnvFile();
  const config = readConfig();
  // npm runs scripts in the project folder; a relative --out is meant from where the command was typed.
  const result = await backupDatabase(config, resolve(process.env['INIT_CWD'] ?? process.cwd(), out), { force });
  const size = `${(result.bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
  process.stdout.write(
    [
      `Back-up gemaakt: ${result.file} (${result.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL, pg_dump -Fc'}, ${size}) van ${result.source}.`,
      'Alleen de eigenaar kan het bestand lezen (0600). Behandel het als de database zelf: het bevat de casussen; identiteiten alleen versleuteld.',
      `De sleutel zit niet in de back-up; bewaar hem apart (${config.dataKeySource === 'env' ? 'CASUSTAFEL_DATA_KEY' : 'het sleutelbestand naast de database'}). Zonder die sleutel zijn de identiteiten in de back-up onleesbaar.`,
      'Bewaar back-ups niet langer dan de kortste bewaartermijn in de convenanten: een gewiste identiteit mag niet in een oude back-up voortleven.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Back-up niet gemaakt: ${error instanceof ConfigError || error instanceof BackupError ? error.message : error instanceof Error ? error.name : 'onbekende fout'}\n`,
  );
  process.exit(1);
});
