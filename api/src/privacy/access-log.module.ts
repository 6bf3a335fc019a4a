import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { AccessLogAnchor } from './access-log-anchor';
import { AccessLogEntry } from './access-log-entry.entity';
import { AccessLogService } from './access-log.service';
import { AdminChangesSeen } from './admin-changes-seen.entity';

/**
 * The access log on its own, low in the module graph (it needs only users and organisations, for
 * names), so that networks and covenants can log changes to who may see what without a cycle.
 * PrivacyModule re-exports it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AccessLogEntry, AdminChangesSeen]), UsersModule, OrganisationsModule],
  providers: [AccessLogService, AccessLogAnchor],
  exports: [AccessLogService],
})
export class AccessLogModule {}
