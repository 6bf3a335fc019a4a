import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ActionsModule } from '../actions/actions.module';
import { CasesModule } from '../cases/cases.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { NetworksModule } from '../networks/networks.module';
import { QuestionsModule } from '../questions/questions.module';
import { AccessLogModule } from './access-log.module';
import { RefusedAccessInterceptor } from './refused-access.interceptor';

/**
 * The log of refused attempts. It needs every module that owns an object with a network, so it
 * sits at the top of the graph: only AppModule imports it, and nothing depends on it.
 */
@Module({
  imports: [AccessLogModule, NetworksModule, CasesModule, QuestionsModule, MeetingsModule, ActionsModule],
  providers: [{ provide: APP_INTERCEPTOR, useClass: RefusedAccessInterceptor }],
})
export class RefusedAccessModule {}
