import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ActionsModule } from '../actions/actions.module';
import { CasesModule } from '../cases/cases.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { NetworksModule } from '../networks/networks.module';
import { AccessLogModule } from '../privacy/access-log.module';
import { QuestionsModule } from '../questions/questions.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { AccessGuard } from './access.guard';
import { AccessTargets } from './access-targets';
import { RefusedAccessInterceptor } from './refused-access.interceptor';

/**
 * Who may do what: the access guard on every route, and the log of refused attempts. It needs every
 * module that owns an object with a network, so it sits at the top of the graph: only AppModule
 * imports it (after AuthModule, whose guard must run first), and nothing depends on it.
 */
@Module({
  imports: [AccessLogModule, NetworksModule, CasesModule, QuestionsModule, MeetingsModule, ActionsModule, ReferralsModule],
  providers: [
    AccessTargets,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: RefusedAccessInterceptor },
  ],
})
export class AccessModule {}
