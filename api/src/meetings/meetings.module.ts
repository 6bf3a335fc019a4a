import { NetworkActionsExport } from './network-actions-export.service';
import { Module } from '@nestjs/common';
import { NotifierModule } from '../notifications/notifier';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionsModule } from '../actions/actions.module';
import { CasesModule } from '../cases/cases.module';
import { CovenantsModule } from '../covenants/covenants.module';
import { NetworksModule } from '../networks/networks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { AgendaItem } from './agenda-item.entity';
import { Attendance } from './attendance.entity';
import { MeetingGuest } from './meeting-guest.entity';
import { MinutesAddendum } from './minutes/minutes-addendum.entity';
import { MinutesComment } from './minutes/minutes-comment.entity';
import { MinutesController, MinutesPdfController } from './minutes/minutes.controller';
import { Minutes } from './minutes/minutes.entity';
import { MinutesService } from './minutes/minutes.service';
import { MinutesPdfCache } from './minutes/minutes-pdf-cache';
import { PdfPool } from '../common/pdf-pool';
import { Meeting } from './meeting.entity';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { NetworkActionsExportController } from './network-actions-export.controller';

@Module({
  imports: [
    NotifierModule,
    TypeOrmModule.forFeature([Meeting, AgendaItem, Attendance, MeetingGuest, Minutes, MinutesComment, MinutesAddendum]),
    ActionsModule,
    CasesModule,
    CovenantsModule,
    NetworksModule,
    OrganisationsModule,
    PrivacyModule,
    QuestionsModule,
    UsersModule,
  ],
  controllers: [MeetingsController, MinutesController, MinutesPdfController, NetworkActionsExportController],
  providers: [MeetingsService, MinutesService, MinutesPdfCache, PdfPool, NetworkActionsExport],
  exports: [MeetingsService],
})
export class MeetingsModule {}
