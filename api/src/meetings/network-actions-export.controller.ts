import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { ApiFileBody } from '../common/api-responses';
import type { Response } from 'express';
import { OPEN_ACTION_STATUSES } from '@casustafel/contract/meeting-rules';
import { Clock } from '../common/clock';
import { CurrentUser } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import type { Viewer } from '../common/viewer';
import { NetworksService } from '../networks/networks.service';
import { actionsCsv, actionsPdf } from '../actions/actions-export';
import { ActionsService } from '../actions/actions.service';
import { AccessLogService } from '../privacy/access-log.service';

/** The network's open actions as CSV and PDF (members; cases by pseudonym only). Lives here, beside the privacy module it logs to. */
@ApiTags('actions')
@Controller('networks/:id')
export class NetworkActionsExportController {
  constructor(
    private readonly actions: ActionsService,
    private readonly networks: NetworksService,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
  ) {}

  @Requires('action.export')
  @Get('actions.csv')
  @ApiFileBody('text/csv', 'De open acties van het netwerk (casussen alleen met pseudoniem).')
  async csv(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string, @Res() response: Response): Promise<void> {
    const open = await this.open(viewer, networkId);
    response
      .status(200)
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="open-acties.csv"',
        'Cache-Control': 'no-store',
      })
      .send(actionsCsv(open));
  }

  @Requires('action.export')
  @Get('actions.pdf')
  @ApiFileBody('application/pdf', 'De open acties van het netwerk (casussen alleen met pseudoniem).')
  async pdf(@CurrentUser() viewer: Viewer, @Param('id', IdPipe) networkId: string, @Res() response: Response): Promise<void> {
    const open = await this.open(viewer, networkId);
    const network = await this.networks.findById(networkId);
    const pdf = await actionsPdf(network.name, open, viewer.name, this.clock.now());
    response
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'attachment; filename="open-acties.pdf"',
        'Cache-Control': 'no-store',
      })
      .send(pdf);
  }

  private async open(viewer: Viewer, networkId: string) {
    const all = await this.actions.list(viewer, { scope: 'network', networkId });
    const role = await this.networks.roleOf(viewer, networkId);
    // Every export is logged, even one that holds pseudonyms only.
    await this.accessLog.record([{ viewer, role, networkId, caseId: null, action: 'EXPORT', level: 'PSEUDONYM', context: 'DOSSIER' }]);
    return all.filter((a) => OPEN_ACTION_STATUSES.includes(a.status));
  }
}
