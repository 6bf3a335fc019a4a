import { Module } from '@nestjs/common';
import { NotifierModule } from '../notifications/notifier';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CovenantsModule } from '../covenants/covenants.module';
import { NetworksModule } from '../networks/networks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { CaseEvent } from './case-event.entity';
import { Case } from './case.entity';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CaseDirectory } from './case-directory';
import { ClientIdentifier } from './client-identifier.entity';
import { ClientIdentityRecord } from './client-identity.entity';
import { ClientMatchKey } from './client-match-key.entity';
import { RetentionService } from './retention.service';

@Module({
  imports: [
    NotifierModule,
    TypeOrmModule.forFeature([Case, CaseEvent, ClientIdentityRecord, ClientIdentifier, ClientMatchKey]),
    PrivacyModule,
    NetworksModule,
    OrganisationsModule,
    CovenantsModule,
    IdempotencyModule,
  ],
  controllers: [CasesController],
  providers: [CasesService, RetentionService, CaseDirectory],
  exports: [CasesService, RetentionService, CaseDirectory],
})
export class CasesModule {}
