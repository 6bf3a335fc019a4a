import { Module } from '@nestjs/common';
import { NotifierModule } from '../notifications/notifier';
import { CasesModule } from '../cases/cases.module';
import { CovenantsModule } from '../covenants/covenants.module';
import { NetworksModule } from '../networks/networks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { SeedService } from './seed.service';

@Module({
  imports: [NotifierModule, OrganisationsModule, UsersModule, NetworksModule, CasesModule, CovenantsModule, QuestionsModule],
  providers: [SeedService],
})
export class SeedModule {}
