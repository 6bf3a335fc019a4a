import { Module } from '@nestjs/common';
import { Referral } from '../referrals/referral.entity';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Action } from '../actions/action.entity';
import { Case } from '../cases/case.entity';
import { Meeting } from '../meetings/meeting.entity';
import { NetworksModule } from '../networks/networks.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { Question } from '../questions/question.entity';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';

/** A member's work queue per network (GET /api/networks/:id/overview): counts over what the other modules wrote. */
@Module({
  imports: [TypeOrmModule.forFeature([Case, Question, Action, Meeting, Referral]), NetworksModule, PrivacyModule],
  controllers: [OverviewController],
  providers: [OverviewService],
})
export class OverviewModule {}
