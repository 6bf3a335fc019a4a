import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionsModule } from '../actions/actions.module';
import { CovenantsModule } from '../covenants/covenants.module';
import { NetworksModule } from '../networks/networks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { AccessLogEntry } from './access-log-entry.entity';
import { AccessLogController } from './access-log.controller';
import { AccessLogService } from './access-log.service';
import { DisclosureService } from './disclosure.service';
import { IdentityCipher } from './identity-cipher';
import { OpenActionHolders } from '../actions/open-action-holders';
import { OpenActionLookup } from './open-actions';

/** The disclosure policy, the identity cipher and the access log: privacy in one place. */
@Module({
  imports: [TypeOrmModule.forFeature([AccessLogEntry]), ActionsModule, CovenantsModule, NetworksModule, UsersModule, OrganisationsModule],
  controllers: [AccessLogController],
  providers: [DisclosureService, AccessLogService, IdentityCipher, { provide: OpenActionLookup, useExisting: OpenActionHolders }],
  exports: [DisclosureService, AccessLogService, IdentityCipher],
})
export class PrivacyModule {}
