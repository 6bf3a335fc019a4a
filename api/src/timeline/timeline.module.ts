import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionEvent } from '../actions/action-event.entity';
import { Action } from '../actions/action.entity';
import { CaseEvent } from '../cases/case-event.entity';
import { CasesModule } from '../cases/cases.module';
import { AgendaItem } from '../meetings/agenda-item.entity';
import { NetworksModule } from '../networks/networks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { Question } from '../questions/question.entity';
import { UsersModule } from '../users/users.module';
import { CaseTimelineService } from './case-timeline.service';
import { TimelineController } from './timeline.controller';

/** The case's history (GET /api/cases/:id/timeline): reads what the cases, meetings and actions modules wrote. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CaseEvent, AgendaItem, Action, ActionEvent, Question]),
    CasesModule,
    NetworksModule,
    OrganisationsModule,
    UsersModule,
  ],
  controllers: [TimelineController],
  providers: [CaseTimelineService],
})
export class TimelineModule {}
