import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CovenantsModule } from '../covenants/covenants.module';
import { NetworksModule } from '../networks/networks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { KnownElsewhereController } from './known-elsewhere.controller';
import { KnownElsewhereService } from './known-elsewhere.service';

/**
 * "Known in another network?" (issue #14): owns no table. The match keys it compares are written
 * and erased with the identity, in the cases module's unit of work (`client_match_keys`, ADR 0021).
 */
@Module({
  imports: [CasesModule, CovenantsModule, NetworksModule, OrganisationsModule, PrivacyModule],
  controllers: [KnownElsewhereController],
  providers: [KnownElsewhereService],
})
export class KnownElsewhereModule {}
