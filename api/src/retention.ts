import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { RetentionService } from './cases/retention.service';
import { ConfigError, loadEnvFile, readConfig } from './config/app-config';

/** npm run retention: erase the identities whose retention period has passed, now. */
async function main(): Promise<void> {
  loadEnvFile();
  const config = readConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, undefined, { serve: false }), {
    logger: ['log', 'warn', 'error'],
  });
  const erased = await app.get(RetentionService).run();
  process.stdout.write(`Bewaartermijn: ${erased} identiteit(en) definitief gewist.\n`);
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Bewaartermijn niet uitgevoerd: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.name : 'onbekende fout'}\n`,
  );
  process.exit(1);
});
