import { Module } from '@nestjs/common';
import { NotifierModule } from '../notifications/notifier';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NetworksModule } from '../networks/networks.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ReferralNotifications } from './referral-notifications';
import { Referral } from './referral.entity';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

/** A warm handover of a case between networks (issue #14): owns `referrals`; the cases themselves stay CasesService's. */
@Module({
  imports: [NotifierModule, TypeOrmModule.forFeature([Referral]), CasesModule, NetworksModule, PrivacyModule, IdempotencyModule],
  controllers: [ReferralsController],
  providers: [ReferralsService, ReferralNotifications],
  exports: [ReferralsService],
})
export class ReferralsModule {}
