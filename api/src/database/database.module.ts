import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';
import { JobRun } from './job-run.entity';
import { migrateOnce, RunOnce } from './run-once';
import { UnitOfWork } from './unit-of-work';

/**
 * The connection. Migrations run at start-up (never `synchronize`), before anything else uses the
 * database, one instance at a time (migrateOnce, ADR 0026); each domain module registers its own
 * entities with TypeOrmModule.forFeature. The UnitOfWork, for writes that belong together, and
 * RunOnce, for what several instances must do once, are available everywhere.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...databaseOptions(config),
        autoLoadEntities: true,
        migrationsRun: false, // migrateOnce below runs them, under a lock
      }),
      dataSourceFactory: async (options) => migrateOnce(await new DataSource(options!).initialize()),
    }),
    TypeOrmModule.forFeature([JobRun]),
  ],
  providers: [UnitOfWork, RunOnce],
  exports: [UnitOfWork, RunOnce],
})
export class DatabaseModule {}
