import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { existsSync } from 'node:fs';
import { ScheduleModule } from '@nestjs/schedule';
import { AccessModule } from './access/access.module';
import { ActionsModule } from './actions/actions.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { ClientModule } from './client/client.module';
import { Clock } from './common/clock';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { GracefulShutdown } from './common/graceful-shutdown';
import { LoggingModule } from './common/logging';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { MailWorkerModule } from './mail/mail.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NetworksModule } from './networks/networks.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OverviewModule } from './overview/overview.module';
import { FiguresModule } from './figures/figures.module';
import { CovenantsModule } from './covenants/covenants.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ClientPrivacyModule } from './privacy/client-privacy.module';
import { PrivacyModule } from './privacy/privacy.module';
import { QuestionsModule } from './questions/questions.module';
import { KnownElsewhereModule } from './known-elsewhere/known-elsewhere.module';
import { ReferralsModule } from './referrals/referrals.module';
import { SeedModule } from './seed/seed.module';
import { TimelineModule } from './timeline/timeline.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  /**
   * `serve: false` for a command-line context (npm run retention): no client, no schedule.
   * `logDestination` replaces stdout as the JSON log's destination (tests read it).
   */
  static forRoot(config: AppConfig, clock?: Clock, options: { serve?: boolean; logDestination?: DestinationStream } = {}): DynamicModule {
    const serve = options.serve ?? true;
    const client = serve && existsSync(config.clientDist) ? [ClientModule.forRoot(config.clientDist)] : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        LoggingModule.forRoot(config, options.logDestination),
        DatabaseModule,
        AuthModule,
        AccessModule,
        IdempotencyModule,
        OrganisationsModule,
        UsersModule,
        NetworksModule,
        CovenantsModule,
        PrivacyModule,
        CasesModule,
        ClientPrivacyModule,
        QuestionsModule,
        ActionsModule,
        MeetingsModule,
        CalendarModule,
        TimelineModule,
        OverviewModule,
        FiguresModule,
        ReferralsModule,
        KnownElsewhereModule,
        NotificationsModule,
        SeedModule,
        HealthModule,
        ...(serve ? [ScheduleModule.forRoot(), MailWorkerModule] : []),
        ...client,
      ],
      // In the root module: its onModuleDestroy runs before every other module's (stop accepting, finish requests).
      providers: [GracefulShutdown],
    };
  }
}
