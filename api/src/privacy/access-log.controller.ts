import { Controller, ForbiddenException, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AccessLogEntryView, AccessLogVerification } from '@casustafel/contract/access-log';
import { CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { NetworksService } from '../networks/networks.service';
import { AccessLogService } from './access-log.service';

/** The coordinator reads the network's access log and checks that the chain is intact. */
@ApiTags('access-log')
@Controller('networks/:id/access-log')
export class AccessLogController {
  constructor(
    private readonly accessLog: AccessLogService,
    private readonly networks: NetworksService,
  ) {}

  @Get()
  async list(
    @CurrentUser() viewer: Viewer,
    @Param('id', IdPipe) networkId: string,
    @Query('caseId', new ParseUUIDPipe({ optional: true })) caseId?: string,
  ): Promise<AccessLogEntryView[]> {
    await this.requireCoordinator(viewer, networkId);
    return this.accessLog.list(networkId, caseId);
  }

  @Get('verify')
  async verify(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string): Promise<AccessLogVerification> {
    await this.requireCoordinator(viewer, networkId);
    return this.accessLog.verify();
  }

  private async requireCoordinator(viewer: Viewer, networkId: string): Promise<void> {
    const access = await this.networks.accessFor(viewer, networkId);
    if (access.role !== 'COORDINATOR') throw new ForbiddenException('Alleen de coördinator van dit netwerk leest het toegangslogboek.');
  }
}
