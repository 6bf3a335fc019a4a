import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

/**
 * The connection. Migrations run at start-up (never `synchronize`); each domain module registers
 * its own entities with TypeOrmModule.forFeature.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...databaseOptions(config),
        autoLoadEntities: true,
        migrationsRun: true,
        migrationsTransactionMode: 'each',
      }),
    }),
  ],
})
export class DatabaseModule {}
