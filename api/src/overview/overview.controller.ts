import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NetworkOverviewView } from '@casustafel/contract/overview';
import { Requires } from '../access/requires.decorator';
import { ApiOkBody } from '../common/api-responses';
import { CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { OverviewService } from './overview.service';

@ApiTags('networks')
@Controller()
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  /** The viewer's work queue in this network, as numbers scoped to their role (issue #12). */
  @Requires('network.overview')
  @Get('networks/:id/overview')
  @ApiOkBody('NetworkOverviewView')
  get(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) id: string): Promise<NetworkOverviewView> {
    return this.overview.overview(viewer, id);
  }
}
