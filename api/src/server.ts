import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap';
import { ConfigError, loadEnvFile, readConfig } from './config/app-config';

/** Starts the API: configuration, the Nest application, then listening on its port. Run through main.ts. */
async function main(): Promise<void> {
  const logger = new Logger('Casustafel');
  loadEnvFile();
  const config = readConfig();
  const app = await NestFactory.create(AppModule.forRoot(config), {
    bodyParser: false,
    // Held until the JSON logger takes over (LOG_LEVEL decides what it writes).
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
  if (config.dataKeySource === 'generated' || config.dataKeySource === 'file') {
    logger.warn(
      'Client identities are encrypted with a key from the data folder (development only). Set CASUSTAFEL_DATA_KEY in production.',
    );
  }
  configureApp(app, config);
  await app.listen(config.port);
  const database = config.databaseUrl ? 'PostgreSQL' : `SQLite (${config.databasePath})`;
  logger.log(`Casustafel draait op http://localhost:${config.port} (${config.nodeEnv}, ${database})`);
}

/** Settles once the server listens (the start script, main.ts, keeps V8's code cache from then on); a failed start ends the process. */
export const started: Promise<void> = main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    // A configuration problem: say what to fix, without a stack trace.
    process.stderr.write(`Casustafel start niet: ${error.message}\n`);
  } else {
    process.stderr.write(`Casustafel start niet: ${error instanceof Error ? (error.stack ?? error.name) : 'onbekende fout'}\n`);
  }
  process.exit(1);
});
