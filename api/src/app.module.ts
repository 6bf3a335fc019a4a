import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { AuthModule } from './auth/auth.module';
import { Clock } from './common/clock';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { NetworksModule } from './networks/networks.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { SeedModule } from './seed/seed.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    const client = existsSync(config.clientDist)
      ? [ServeStaticModule.forRoot({ rootPath: config.clientDist, exclude: ['/api/{*path}'] })]
      : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        DatabaseModule,
        AuthModule,
        OrganisationsModule,
        UsersModule,
        NetworksModule,
        SeedModule,
        ...client,
      ],
      controllers: [HealthController],
    };
  }
}
