import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NetworksModule } from '../networks/networks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AccessLogModule } from '../privacy/access-log.module';
import { ConfidentialityAcceptance } from './confidentiality-acceptance.entity';
import { CovenantSignature } from './covenant-signature.entity';
import { CovenantVersion } from './covenant-version.entity';
import { CovenantsController } from './covenants.controller';
import { CovenantChangesService } from './covenant-changes.service';
import { CovenantsService } from './covenants.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([CovenantVersion, CovenantSignature, ConfidentialityAcceptance]),
    NetworksModule,
    OrganisationsModule,
    AccessLogModule,
  ],
  controllers: [CovenantsController],
  providers: [CovenantsService, CovenantChangesService],
  exports: [CovenantsService],
})
export class CovenantsModule {}
