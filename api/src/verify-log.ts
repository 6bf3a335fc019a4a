import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadEnvFile, readConfig } from './config/app-config';
import { AccessLogService } from './privacy/access-log.service';

/**
 * npm run verify-log: checks the whole access log against its anchor, outside the web app. To
 * check against a saved copy of the anchor, point ACCESS_LOG_ANCHOR_PATH at a scratch copy of it.
 * Exits 0 when intact, 2 when not.
 */
async function main(): Promise<void> {
  loadEnvFile();
  const config = readConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, undefined, { serve: false }), {
    logger: ['warn', 'error'],
  });
  const result = await app.get(AccessLogService).verify();
  await app.close();
  if (result.ok) {
    process.stdout.write(
      `Toegangslogboek intact: ${result.entries} regels${result.anchor ? `, anker bij regel ${result.anchor.seq}` : ''}.\n`,
    );
  } else {
    process.stdout.write(
      `Toegangslogboek NIET intact${result.brokenAt ? ` vanaf regel ${result.brokenAt}` : ''}: ${result.reason ?? ''}\n`,
    );
    process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Controle niet uitgevoerd: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.name : 'onbekende fout'}\n`,
  );
  process.exit(1);
});
