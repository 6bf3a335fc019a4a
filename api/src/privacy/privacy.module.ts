import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { CovenantsModule } from '../covenants/covenants.module';
import { NetworksModule } from '../networks/networks.module';
import { AccessLogController } from './access-log.controller';
import { AccessLogModule } from './access-log.module';
import { AccessLogReader } from './access-log-reader';
import { DisclosureService } from './disclosure.service';
import { IdentityCipher } from './identity-cipher';
import { OpenActionHolders } from '../actions/open-action-holders';
import { OpenActionLookup } from './open-actions';

/** The disclosure policy, the identity cipher and the access log: privacy in one place. */
@Module({
  imports: [AccessLogModule, ActionsModule, CovenantsModule, NetworksModule],
  controllers: [AccessLogController],
  providers: [DisclosureService, AccessLogReader, IdentityCipher, { provide: OpenActionLookup, useExisting: OpenActionHolders }],
  exports: [DisclosureService, AccessLogModule, IdentityCipher],
})
export class PrivacyModule {}
