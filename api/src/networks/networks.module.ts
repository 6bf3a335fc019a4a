import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AccessLogModule } from '../privacy/access-log.module';
import { UsersModule } from '../users/users.module';
import { Membership } from './membership.entity';
import { Network } from './network.entity';
import { NetworkRoleAssignment } from './network-role.entity';
import { NetworksController } from './networks.controller';
import { NetworksService } from './networks.service';
import { RoleReviewService } from './role-review.service';

@Module({
  imports: [TypeOrmModule.forFeature([Network, Membership, NetworkRoleAssignment]), OrganisationsModule, UsersModule, AccessLogModule],
  controllers: [NetworksController],
  providers: [NetworksService, RoleReviewService],
  exports: [NetworksService],
})
export class NetworksModule {}
