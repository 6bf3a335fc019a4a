import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { SeedService } from './seed.service';

@Module({
  imports: [OrganisationsModule, UsersModule, NetworksModule],
  providers: [SeedService],
})
export class SeedModule {}
